<#-- Java with Maven: dependencies resolved from pom.xml before the sources are copied; the JRE runs the jar -->
<#-- Quarkus packages a directory (target/quarkus-app: quarkus-run.jar and its lib/), not one runnable jar; with
     quarkus.package.type=uber-jar (quarkus.package.jar.type) one *-runner.jar instead, run under the same name -->
<#assign quarkus = (app.framework!"") == "quarkus">
<#assign jar = quarkus?then("/app/quarkus-run.jar", "/app/app.jar")>
<#assign cmd = app.start?has_content?then(app.start, ["java", "-XX:MaxRAMPercentage=75.0", "-jar", jar])>
<#-- the runnable jar of target/ into /out: a shaded build leaves its input beside it as original-*.jar -->
<#macro collect dir><#if quarkus>if [ -d ${dir}/quarkus-app ]; then cp -r ${dir}/quarkus-app/. /out/; \
    else cp ${dir}/*-runner.jar /out/quarkus-run.jar; fi \
    && test -f /out/quarkus-run.jar<#else>find ${dir} -maxdepth 1 -name '*.jar' ! -name 'original-*.jar' ! -name '*-sources.jar' ! -name '*-javadoc.jar' ! -name '*-plain.jar' -exec cp {} /out/app.jar \; \
    && test -f /out/app.jar</#if></#macro>
# ${generatedBy}
#
# ${app.name}: Java ${app.version} (maven<#if app.framework?has_content>, ${app.framework}</#if>)

<#if app.module??>
# Build stage: a multi-module build needs every module's pom.xml and sources, so the whole tree is copied
# (no separate dependency layer); the jar comes from ${app.module}.
FROM maven:3.9-eclipse-temurin-${app.version} AS build
WORKDIR /build
# dependency:go-offline cannot resolve modules of the reactor that are not built yet: devops:ignore DF0027
COPY . .
RUN ${json(app.build)}
RUN mkdir -p /out \
    && <@collect dir="${app.module}/target"/>
<#elseif app.build?seq_contains("package")>
# Build stage: the repository's own build command (a profile may also build the front end from files
# outside src/), so the whole tree is copied; the jar comes from target/.
FROM maven:3.9-eclipse-temurin-${app.version} AS build
WORKDIR /build
COPY . .
RUN ${json(app.build)}
RUN mkdir -p /out \
    && <@collect dir="target"/>
<#else>
# Build stage: dependencies first (cached until pom.xml changes), then the sources.
FROM maven:3.9-eclipse-temurin-${app.version} AS build
WORKDIR /build
COPY pom.xml ./
RUN mvn -B -q dependency:go-offline
COPY src ./src
<#if app.build?has_content>
RUN ${json(app.build)}
</#if>
RUN mvn -B -q package -DskipTests && mkdir -p /out \
    && <@collect dir="target"/>
</#if>

# Runtime stage: the JRE only.
FROM eclipse-temurin:${app.version}-jre
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home --shell /usr/sbin/nologin app
WORKDIR /app
<#if quarkus>
COPY --from=build /out/ /app/
<#else>
COPY --from=build /out/app.jar /app/app.jar
</#if>
USER app
<#if app.port??>
EXPOSE ${app.port}
</#if>
<#if app.healthcheck??>
# The JRE image has no curl or wget: bash connects over /dev/tcp<#if app.healthcheck.path??> and checks the status line (2xx or 3xx)</#if>.
HEALTHCHECK --interval=${app.healthcheck.interval} --timeout=${app.healthcheck.timeout} --start-period=${app.healthcheck.startPeriod} --retries=${app.healthcheck.retries} CMD ${json(app.healthcheck.test[1..])}
</#if>
CMD ${json(cmd)}
