<#include "_common.ftl">

# Java: the image builds from sources; local build output is never sent (a module's stale jar in
# MODULE/target would be copied as the app; deeper paths are left alone: a package may be named build)
target
build
.gradle
*/target
*/build
*/.gradle
*/*/target
*/*/build
out
bin
*.class
.classpath
.project
.settings
