<#include "_common.ftl">

# Node.js: dependencies are installed inside the image from the lockfile
**/node_modules
**/npm-debug.log*
**/yarn-error.log*
.npm
.pnpm-store
.yarn/cache
coverage
.nyc_output
<#if app.framework == "angular">
<#-- the Angular CLI's local build cache -->
.angular
</#if>
<#if app.build?has_content>
<#-- the build step produces these inside the image -->
dist
.next
<#if app.workspace??>
${app.workspace.member}/dist
${app.workspace.member}/.next
</#if>
</#if>
