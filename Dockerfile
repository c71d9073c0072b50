# The devops tool's own image, e.g. in CI:  docker run --rm --user "$(id -u):$(id -g)" -v "$PWD:/work" devops check
# (--user: reports written into the mounted repository belong to you, and the image's uid 10001 may not
# write there; git accepts the mounted repository whoever owns it: safe.directory below).
# Classic-builder compatible (no BuildKit features), so it also builds with `--network none` when
# the maven image already holds the dependencies (scripts/seed-builders.sh does that for tests).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
RUN mvn -B -q -ntp dependency:go-offline
# .dockerignore lets only pom.xml, src/main, schema and templates into the context
COPY . ./
RUN mvn -B -q -ntp package -DskipTests && cp target/devops.jar /devops.jar
# A Java runtime of only the modules devops uses (`jdeps --print-module-deps` on the jar, plus jdk.crypto.ec
# for TLS to registries and engines), with its own class-data-sharing base archive: about a sixth of a JRE.
RUN jlink --add-modules java.base,java.compiler,java.desktop,java.naming,java.net.http,java.rmi,java.security.jgss,java.sql,jdk.unsupported,jdk.crypto.ec \
      --strip-java-debug-attributes --no-man-pages --no-header-files --compress=2 --output /jre \
 && /jre/bin/java -Xshare:dump -version >/dev/null

FROM debian:bookworm-slim
ARG VERSION=0.1.0-SNAPSHOT
LABEL org.opencontainers.image.title="devops" \
      org.opencontainers.image.description="From source code to a containerized, securely configured stack: init, lint, up" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="Apache-2.0"
# devops reads tracked files, staged blobs and history through the git executable; a mounted
# repository belongs to another uid, hence safe.directory (written for whatever git the image gets).
# INSTALL_GIT=false skips the install where the build has no network (the offline build tests).
ARG INSTALL_GIT=true
# git follows Debian stable's security updates, so it is not pinned: devops:ignore DF0035
RUN if [ "$INSTALL_GIT" = true ]; then \
      apt-get update && apt-get install -y --no-install-recommends git \
      && rm -rf /var/lib/apt/lists/* \
    ; fi \
 && printf '[safe]\n\tdirectory = *\n' >/etc/gitconfig
RUN groupadd --system --gid 10001 devops \
 && useradd --system --uid 10001 --gid devops --no-create-home --home-dir /work --shell /usr/sbin/nologin devops
ENV JAVA_HOME=/opt/java PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
COPY --from=build /jre /opt/java
COPY --from=build /devops.jar /opt/devops/devops.jar
# class-data sharing archive made by a training run: faster start of every command
RUN java -XX:ArchiveClassesAtExit=/opt/devops/devops.jsa -jar /opt/devops/devops.jar --help >/dev/null \
 && chmod 444 /opt/devops/devops.jsa
# `devops` on PATH, for CI systems that run a script in the image (GitLab: entrypoint [""]); the
# same JVM options as the entry point
RUN printf '%s\n' '#!/bin/sh' \
      'exec java -XX:SharedArchiveFile=/opt/devops/devops.jsa -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar /opt/devops/devops.jar "$@"' \
      > /usr/local/bin/devops \
 && chmod 755 /usr/local/bin/devops
WORKDIR /work
USER 10001:10001
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/opt/devops/devops.jsa", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", "/opt/devops/devops.jar"]
CMD ["--help"]
