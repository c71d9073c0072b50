<#-- Node.js: dependencies resolved from the lockfile in their own layers, production modules only at runtime -->
<#assign image = "node:" + app.version + "-bookworm-slim">
<#if app.buildTool == "yarn">
  <#assign manifests = ["package.json", "yarn.lock"]>
  <#assign installAll = "yarn install --frozen-lockfile --non-interactive">
  <#assign installProd = "yarn install --frozen-lockfile --non-interactive --production && yarn cache clean">
  <#assign prune = "yarn install --frozen-lockfile --non-interactive --production --ignore-scripts --prefer-offline && yarn cache clean">
<#elseif app.buildTool == "pnpm">
  <#assign manifests = ["package.json", "pnpm-lock.yaml"]>
  <#assign installAll = "corepack enable && pnpm install --frozen-lockfile">
  <#assign installProd = "corepack enable && pnpm install --frozen-lockfile --prod">
  <#assign prune = "pnpm prune --prod">
<#else>
  <#assign manifests = ["package.json", "package-lock.json"]>
  <#assign installAll = "npm ci --no-audit --no-fund">
  <#assign installProd = "npm ci --omit=dev --no-audit --no-fund && npm cache clean --force">
  <#assign prune = "npm prune --omit=dev">
</#if>
<#-- a workspace package: the root's manifest, lockfile and package-manager config, then every package's manifest
     and what the install itself reads, so the dependency layer is rebuilt only when one of them changes -->
<#macro workspaceInputs>
COPY ${app.workspace.rootFiles?join(" ")} ./
<#list app.workspace.packages as p>
COPY ${p}/package.json ${p}/
</#list>
<#list app.workspace.extraDirs![] as d>
COPY ${d} ${d}/
</#list>
</#macro>
<#if app.noLockfile??>
  <#-- no lockfile: resolve from package.json (init warns: commit the lockfile for reproducible builds) -->
  <#assign manifests = ["package.json"]>
  <#if app.buildTool == "yarn">
    <#assign installAll = "yarn install --non-interactive">
    <#assign installProd = "yarn install --non-interactive --production && yarn cache clean">
    <#assign prune = "yarn install --non-interactive --production --ignore-scripts --prefer-offline && yarn cache clean">
  <#elseif app.buildTool == "pnpm">
    <#assign installAll = "corepack enable && pnpm install --no-frozen-lockfile">
    <#assign installProd = "corepack enable && pnpm install --no-frozen-lockfile --prod">
  <#else>
    <#assign installAll = "npm install --no-audit --no-fund">
    <#assign installProd = "npm install --omit=dev --no-audit --no-fund && npm cache clean --force">
  </#if>
</#if>
<#assign cmd = app.start?has_content?then(app.start, ["node", "."])>
<#if app.staticDir??>
# ${generatedBy}
#
# ${app.name}: static site (${app.framework}), built with Node.js ${app.version} (${app.buildTool}), served by nginx

<#if app.workspace??>
# Build stage: the whole workspace (${app.workspace.lockfile} and the local packages the site uses), every
# dependency, then the site's production build in its own directory.
FROM ${image} AS build
WORKDIR /app
<@workspaceInputs/>
RUN ${installAll}
COPY . .
WORKDIR /app/${app.workspace.member}
RUN ${json(app.build?has_content?then(app.build, [app.buildTool, "run", "build"]))}
<#assign builtDir = "/app/" + app.workspace.member + "/" + app.staticDir>
<#else>
# Build stage: all dependencies from the lockfile, then the sources and the production build.
FROM ${image} AS build
WORKDIR /app
COPY ${manifests?join(" ")} ./
RUN ${installAll}
COPY . .
RUN ${json(app.build?has_content?then(app.build, [app.buildTool, "run", "build"]))}
<#assign builtDir = "/app/" + app.staticDir>
</#if>

# Runtime stage: only the built files, served by nginx as an unprivileged user on port 8080.
# Client-side routes need a try_files fallback to /index.html: add an nginx config if the app has them.
FROM nginxinc/nginx-unprivileged:1.27-alpine
COPY --from=build ${builtDir} /usr/share/nginx/html
USER 101
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=5s --retries=5 CMD ${json(["wget", "-q", "--spider", (app.healthcheck.url)!"http://127.0.0.1:8080/"])}
CMD ["nginx", "-g", "daemon off;"]
<#else>
# ${generatedBy}
#
# ${app.name}: Node.js ${app.version} (${app.buildTool}<#if app.framework?has_content>, ${app.framework}</#if>)<#if app.workspace??>, a package of the workspace in ${app.context}</#if>
<#if app.workspace??>

# Build stage: the whole workspace (${app.workspace.lockfile} and the local packages the app depends on), its
# dependencies from the lockfile<#if app.build?has_content>, then the app's build step in its own directory</#if>.
FROM ${image} AS build
WORKDIR /app
<@workspaceInputs/>
RUN ${app.build?has_content?then(installAll, installProd)}
COPY . .
WORKDIR /app/${app.workspace.member}
<#if app.build?has_content>
RUN ${json(app.build)}
</#if>

# Runtime stage: the installed workspace; the app runs in its own directory
FROM ${image}
ENV NODE_ENV=production
COPY --from=build /app /app
WORKDIR /app/${app.workspace.member}
<#elseif app.build?has_content>

# Build stage: all dependencies (dev included) from the lockfile, then the sources and the build step.
FROM ${image} AS build
WORKDIR /app
COPY ${manifests?join(" ")} ./
RUN ${installAll}
COPY . .
RUN ${json(app.build)}
<#if app.migrate?? && app.migrate.target??>

# The migrate step (docker-compose.yml) runs in the stage above: its CLI may be a development dependency.
# Production modules only for the runtime stage:
FROM build AS prune
RUN ${prune}
<#else>
RUN ${prune}
</#if>
<#else>

# Dependency stage: production dependencies only, from the lockfile, in their own cached layer.
FROM ${image} AS deps
WORKDIR /app
COPY ${manifests?join(" ")} ./
RUN ${installProd}
</#if>

<#if !app.workspace??>
# Runtime stage
FROM ${image}
ENV NODE_ENV=production
WORKDIR /app
<#if app.build?has_content>
COPY --from=${(app.migrate?? && app.migrate.target??)?then("prune", "build")} /app ./
<#else>
COPY --from=deps /app/node_modules ./node_modules
COPY . .
</#if>
</#if>
# the image's unprivileged user (uid 1000); the app's files stay owned by root, so it cannot modify them
USER node
<#if app.port??>
EXPOSE ${app.port}
</#if>
<#if app.healthcheck??>
HEALTHCHECK --interval=${app.healthcheck.interval} --timeout=${app.healthcheck.timeout} --start-period=${app.healthcheck.startPeriod} --retries=${app.healthcheck.retries} CMD ${json(app.healthcheck.test[1..])}
</#if>
CMD ${json(cmd)}
</#if>
