<#-- Java with Gradle: dependencies resolved from the build scripts before the sources are copied -->
<#-- Quarkus packages a directory (build/quarkus-app: quarkus-run.jar and its lib/), not one runnable jar; with
     quarkus.package.type=uber-jar (quarkus.package.jar.type) one *-runner.jar instead, run under the same name -->
<#assign quarkus = (app.framework!"") == "quarkus">
<#assign jar = quarkus?then("/app/quarkus-run.jar", "/app/app.jar")>
<#assign cmd = app.start?has_content?then(app.start, ["java", "-XX:MaxRAMPercentage=75.0", "-jar", jar])>
<#-- the runnable jar of build/libs into /out: the shadow plugin's *-all.jar when there is one (the plain jar beside
     it has no dependencies), else the one jar that is not Spring Boot's -plain.jar -->
<#macro collect dir><#if quarkus>if [ -d ${dir}/quarkus-app ]; then cp -r ${dir}/quarkus-app/. /out/; \
    else cp ${dir}/*-runner.jar /out/quarkus-run.jar; fi \
    && test -f /out/quarkus-run.jar<#else>jar=$(find ${dir}/libs -maxdepth 1 -name '*-all.jar' | head -n 1) \
    && jar=${r"${jar:-"}$(find ${dir}/libs -maxdepth 1 -name '*.jar' ! -name '*-plain.jar' | head -n 1)} \
    && cp "$jar" /out/app.jar</#if></#macro>
<#-- Spring Boot's bootJar; Ktor's plugin builds the jar with its dependencies with buildFatJar (build/libs/*-all.jar) -->
<#assign task = (app.framework == "spring-boot")?then("bootJar", (app.framework == "ktor")?then("buildFatJar", "build -x test"))>
# ${generatedBy}
#
# ${app.name}: Java ${app.version} (gradle<#if app.framework?has_content>, ${app.framework}</#if>)

<#if app.module??>
# Build stage: a multi-project build needs every project's build script and sources, so the whole tree is
# copied (no separate dependency layer); the jar comes from ${app.module}.
FROM gradle:8-jdk${app.version} AS build
WORKDIR /build
# every project's build script and sources are needed before the first task: devops:ignore DF0027
COPY . .
RUN ${json(app.build)}
RUN mkdir -p /out \
    && <@collect dir="${app.module}/build"/>
<#else>
<#-- the project's wrapper when it has one (it pins the Gradle version its plugins need), else the image's Gradle -->
<#assign gradle = (app.gradleWrapper!false)?then("./gradlew", "gradle")>
# Build stage: dependencies first (cached until the build scripts change), then the sources.
FROM gradle:8-jdk${app.version} AS build
WORKDIR /build
COPY settings.gradle* build.gradle* gradle.properties*<#if app.gradleWrapper!false> gradlew</#if> ./
<#if app.gradleDir!false>
# gradle/: the wrapper's properties and the version catalog (libs.versions.toml) the build scripts read
COPY gradle ./gradle
</#if>
RUN ${gradle} --no-daemon -q dependencies > /dev/null
COPY src ./src
<#if app.build?has_content>
RUN ${json(app.build)}
</#if>
RUN ${gradle} --no-daemon -q ${task} && mkdir -p /out \
    && <@collect dir="build"/>
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
