<#-- Java with Gradle: dependencies resolved from the build scripts before the sources are copied -->
<#assign cmd = app.start?has_content?then(app.start, ["java", "-XX:MaxRAMPercentage=75.0", "-jar", "/app/app.jar"])>
<#assign task = (app.framework == "spring-boot")?then("bootJar", "build -x test")>
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
    && find ${app.module}/build/libs -maxdepth 1 -name '*.jar' ! -name '*-plain.jar' -exec cp {} /out/app.jar \; \
    && test -f /out/app.jar
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
    && find build/libs -maxdepth 1 -name '*.jar' ! -name '*-plain.jar' -exec cp {} /out/app.jar \; \
    && test -f /out/app.jar
</#if>

# Runtime stage: the JRE only.
FROM eclipse-temurin:${app.version}-jre
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=build /out/app.jar /app/app.jar
USER app
<#if app.port??>
EXPOSE ${app.port}
</#if>
<#if app.healthcheck??>
# The JRE image has no curl or wget: bash connects over /dev/tcp<#if app.healthcheck.path??> and checks the status line (2xx or 3xx)</#if>.
HEALTHCHECK --interval=${app.healthcheck.interval} --timeout=${app.healthcheck.timeout} --start-period=${app.healthcheck.startPeriod} --retries=${app.healthcheck.retries} CMD ${json(app.healthcheck.test[1..])}
</#if>
CMD ${json(cmd)}
