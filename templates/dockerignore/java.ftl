<#include "_common.ftl">

# Java: the image builds from sources; local build output is never sent
target
build
.gradle
out
bin
*.class
.classpath
.project
.settings
