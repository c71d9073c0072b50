package dev.devops.lint.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.lint.Finding;
import dev.devops.lint.LintContext;
import dev.devops.lint.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerfileCheckTest {
    @TempDir
    Path dir;

    private List<Finding> run(String... files) {
        List<Finding> out = new ArrayList<>();
        DockerfileCheck check = new DockerfileCheck();
        check.run(new LintContext(dir, List.of(files), Set.of(), null), out::add);
        return dev.devops.lint.testing.FixtureAssert.reportedOn(check, out);
    }

    @Test
    void binaryAndNonUtf8FilesAreFindingsNotCrashes() throws IOException {
        Files.write(dir.resolve("Dockerfile"), new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 'F', 'R', 'O', 'M'});
        Files.write(dir.resolve("Dockerfile.prod"), new byte[] {'F', 'R', 'O', 'M', ' ', 0, 'x'});
        List<Finding> f = run("Dockerfile", "Dockerfile.prod", "missing/Dockerfile");
        assertEquals(3, f.size(), f.toString());
        assertTrue(f.stream().allMatch(x -> x.rule().id().equals("DF0000") && x.severity() == Severity.ERROR));
        assertTrue(f.get(0).message().contains("UTF-8"), f.get(0).message());
        assertTrue(f.get(1).message().contains("binary"), f.get(1).message());
        assertTrue(f.get(2).message().contains("cannot read"), f.get(2).message());
    }

    /**
     * Held-out 6a, class "a Dockerfile fragment" (harbor's tests/test-engine-image: build.sh appends Dockerfile.api_test
     * to Dockerfile.common, which defines stage tool_builder): COPY --from a stage only a sibling Dockerfile defines is
     * info, naming it; a stage defined nowhere is still an error.
     */
    @Test
    void copyFromAStageASiblingDockerfileDefinesIsInfo() throws IOException {
        Files.createDirectories(dir.resolve("engine"));
        Files.writeString(dir.resolve("engine/Dockerfile.common"), "FROM ubuntu:20.04 as tool_builder\nRUN echo hi > /tool.txt\n");
        Files.writeString(dir.resolve("engine/Dockerfile.api_test"), "FROM photon:4.0\nCOPY --from=tool_builder /tool.txt /usr/local/bin\n"
                + "COPY --from=nowhere /x /y\nUSER nobody\nHEALTHCHECK CMD [\"true\"]\nCMD [\"true\"]\n");
        List<String> got = run("engine/Dockerfile.api_test").stream().filter(x -> x.rule().id().equals("DF0030"))
                .map(x -> x.severity().name().toLowerCase() + ":" + x.line()).sorted().toList();
        assertEquals(List.of("error:3", "info:2"), got);
    }

    /**
     * Held-out 14c, class "global ARG": an ARG before the first FROM only feeds FROM lines, so no layer and no
     * history entry records its value; the stage that declares it again is where DF0020 reports it.
     */
    @Test
    void secretArgBeforeTheFirstFromIsNotRecorded() throws IOException {
        Files.writeString(dir.resolve("Dockerfile"), "ARG BUILD_CACHE_TOKEN\nFROM node:22-slim AS base\nARG BUILD_CACHE_TOKEN\n"
                + "RUN corepack enable\nUSER node\nHEALTHCHECK CMD [\"true\"]\nCMD [\"node\", \"main.js\"]\n");
        List<Integer> got = run("Dockerfile").stream().filter(x -> x.rule().id().equals("DF0020")).map(Finding::line).toList();
        assertEquals(List.of(3), got);
    }

    /**
     * Held-out 11c, class "a named build context" (a Makefile at the root runs docker buildx build --build-context
     * api=./packages/api -f docker/app/Dockerfile): COPY --from=api copies from that directory, not an image; info,
     * naming the file. A name no build passes is still an error.
     */
    @Test
    void copyFromANamedBuildContextIsInfo() throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        Files.createDirectories(dir.resolve("docker/app"));
        Files.writeString(dir.resolve("Makefile"), "image:\n\tdocker buildx build \\\n\t\t--build-context api=./packages/api \\\n"
                + "\t\t-f docker/app/Dockerfile .\n");
        Files.write(dir.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff, (byte) 0xfe});
        Files.writeString(dir.resolve("docker/app/Dockerfile"), "FROM node:22-alpine AS builder\nCOPY --from=api ./src ./src\n"
                + "COPY --from=web ./src ./web\nUSER node\nHEALTHCHECK CMD [\"true\"]\nCMD [\"true\"]\n");
        List<String> got = run("docker/app/Dockerfile").stream().filter(x -> x.rule().id().equals("DF0030"))
                .map(x -> x.severity().name().toLowerCase() + ":" + x.line()).sorted().toList();
        assertEquals(List.of("error:3", "info:2"), got);
    }

    /**
     * Held-out 11c, class "copied scripts drop root" (an s6-overlay image: docker/Dockerfile, built from the root, copies
     * docker/rootfs to / and its service run scripts exec s6-setuidgid): no DF0002. The same image whose scripts run the
     * service as root is still reported.
     */
    @Test
    void anImageWhoseCopiedServiceScriptsDropRootIsNotRunAsRoot() throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        Files.createDirectories(dir.resolve("docker/rootfs/etc/s6-overlay/s6-rc.d/app"));
        Files.createDirectories(dir.resolve("other/rootfs/etc/s6-overlay/s6-rc.d/app"));
        Files.writeString(dir.resolve("docker/rootfs/etc/s6-overlay/s6-rc.d/app/run"),
                "#!/command/with-contenv bash\ncd /app || exit 1\nexec s6-setuidgid \"$PUID:$PGID\" node index.js\n");
        Files.writeString(dir.resolve("other/rootfs/etc/s6-overlay/s6-rc.d/app/run"), "#!/command/with-contenv bash\nexec node index.js\n");
        String df = "FROM node:22-bookworm\nCOPY %s/rootfs /\nCOPY backend /app\nHEALTHCHECK CMD [\"true\"]\nENTRYPOINT [\"/init\"]\n";
        Files.writeString(dir.resolve("docker/Dockerfile"), df.formatted("docker"));
        Files.writeString(dir.resolve("other/Dockerfile"), df.formatted("other"));
        List<String> got = run("docker/Dockerfile", "other/Dockerfile").stream().filter(x -> x.rule().id().equals("DF0002"))
                .map(Finding::path).toList();
        assertEquals(List.of("other/Dockerfile"), got);
    }

    /**
     * Issue 10, held-out 13d class "an export stage" (AdGuardHome's {@code FROM scratch AS builder-exporter} with only
     * {@code COPY --from=builder /app/dist /dist}, for docker build --output; an operator bundle's manifests): the image
     * holds files and no command, nothing runs as root. A scratch image with an ENTRYPOINT, or of binaries run with a
     * command given at run time, still runs as root (the whole-corpus run after the merge found those).
     */
    @Test
    void aScratchStageWithoutACommandIsNotRunAsRoot() throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        String build = "FROM golang:1.23 AS builder\nWORKDIR /app\nCOPY . .\nRUN go build -o /app/dist/app .\n";
        Files.writeString(dir.resolve("a/Dockerfile"), build + "FROM scratch AS exporter\nCOPY --from=builder /app/dist /dist\n");
        Files.writeString(dir.resolve("b/Dockerfile"), build + "FROM scratch\nCOPY --from=builder /app/dist/app /app\n"
                + "HEALTHCHECK CMD [\"/app\", \"health\"]\nENTRYPOINT [\"/app\"]\n");
        // an operator bundle: manifests copied into directories; a scratch image of binaries run with a command given at
        // run time (compose's command: hbbs, a pod's command): WORKDIR and ENV, or a binary copied to a file path
        Files.createDirectories(dir.resolve("c"));
        Files.createDirectories(dir.resolve("d"));
        Files.createDirectories(dir.resolve("e"));
        Files.writeString(dir.resolve("c/Dockerfile"), "FROM scratch\nLABEL operators.operatorframework.io.bundle.mediatype.v1=registry+v1\n"
                + "COPY ./manifests /manifests/\nCOPY ./metadata /metadata/\n");
        Files.writeString(dir.resolve("d/Dockerfile"), "FROM scratch\nCOPY hbbs /usr/bin/hbbs\nWORKDIR /root\nENV HOME=/root\n");
        Files.writeString(dir.resolve("e/Dockerfile"), build + "FROM scratch\nCOPY --from=builder /app/dist/app /app\n");
        List<String> got = run("a/Dockerfile", "b/Dockerfile", "c/Dockerfile", "d/Dockerfile", "e/Dockerfile").stream()
                .filter(x -> x.rule().id().equals("DF0002")).map(Finding::path).sorted().toList();
        assertEquals(List.of("b/Dockerfile", "d/Dockerfile", "e/Dockerfile"), got);
    }

    /**
     * Held-out 13a, class "a base image that runs as a non-root user" (a cloud workspace's {@code .gitpod.Dockerfile}
     * {@code FROM gitpod/workspace-full}, every RUN through sudo): no DF0002; the same steps on a root base still are.
     */
    @Test
    void aWorkspaceBaseImageRunsAsItsOwnUser() throws IOException {
        Files.writeString(dir.resolve(".gitpod.Dockerfile"), "FROM gitpod/workspace-full\nRUN sudo apt-get update\n");
        Files.writeString(dir.resolve("Dockerfile"), "FROM ubuntu:24.04\nRUN sudo apt-get update\n");
        List<String> got = run(".gitpod.Dockerfile", "Dockerfile").stream().filter(x -> x.rule().id().equals("DF0002"))
                .map(Finding::path).toList();
        assertEquals(List.of("Dockerfile"), got);
    }

    /**
     * Issue 10, held-out round 14a: a Dockerfile whose {@code # syntax=} directive names another frontend
     * (devthefuture/dockerfile-x) uses that frontend's {@code INCLUDE}: no DF0000; the same line under Docker's own
     * frontend, or with no directive, still is one.
     */
    @Test
    void anInstructionOfACustomFrontendIsNotAParseError() throws IOException {
        Files.writeString(dir.resolve("app.dockerfile"), "# syntax = devthefuture/dockerfile-x\n\nINCLUDE docker/base.dockerfile\n");
        Files.writeString(dir.resolve("Dockerfile"), "# syntax=docker/dockerfile:1.7\nINCLUDE docker/base.dockerfile\n");
        Files.writeString(dir.resolve("plain.dockerfile"), "INCLUDE docker/base.dockerfile\n");
        List<String> got = run("app.dockerfile", "Dockerfile", "plain.dockerfile").stream()
                .filter(x -> x.rule().id().equals("DF0000")).map(Finding::path).sorted().toList();
        assertEquals(List.of("Dockerfile", "plain.dockerfile"), got);
    }

    /**
     * Issue 10, held-out round 14a: the parts a custom-frontend Dockerfile INCLUDEs are one file once joined: a stage of
     * another part is a base (no DF0001), sets the WORKDIR (no DF0032), only the last part holds the image (DF0002 on it
     * alone), and BuildKit builds it (no DF0023). The same lines in a Dockerfile built alone are still reported.
     */
    @Test
    void thePartsACustomFrontendIncludesAreOneJoinedFile() throws IOException {
        Files.createDirectories(dir.resolve("docker"));
        Files.writeString(dir.resolve("docker/app.dockerfile"), "# syntax = devthefuture/dockerfile-x\n"
                + "INCLUDE docker/base.dockerfile\nINCLUDE docker/runtime.dockerfile\n");
        Files.writeString(dir.resolve("docker/base.dockerfile"), "FROM ruby:3.3-alpine AS base\nWORKDIR /usr/src/app\n");
        String runtime = "FROM base AS runtime\nCOPY . .\nCOPY --from=base /usr/lib/liba.so /usr/lib/libb.so /usr/lib\nCMD [\"app\"]\n";
        Files.writeString(dir.resolve("docker/runtime.dockerfile"), runtime);
        Files.writeString(dir.resolve("alone.dockerfile"), runtime);
        List<String> got = run("docker/app.dockerfile", "docker/base.dockerfile", "docker/runtime.dockerfile", "alone.dockerfile")
                .stream().filter(x -> List.of("DF0001", "DF0002", "DF0023", "DF0032").contains(x.rule().id()))
                .map(x -> x.rule().id() + " " + x.path()).sorted().toList();
        assertEquals(List.of("DF0001 alone.dockerfile", "DF0002 alone.dockerfile", "DF0002 docker/runtime.dockerfile",
                "DF0023 alone.dockerfile", "DF0032 alone.dockerfile"), got);
    }

    /**
     * Issue 10, held-out round 14a: an including file with a stage of its own after its INCLUDE lines holds the image:
     * DF0002 is reported there (its base, a part's stage, sets no USER), not on the part; a part's stage that switches
     * to a user makes the image run as that user.
     */
    @Test
    void theIncludingFilesOwnStageIsTheImage() throws IOException {
        Files.createDirectories(dir.resolve("docker"));
        Files.writeString(dir.resolve("docker/app.dockerfile"), "# syntax = devthefuture/dockerfile-x\n"
                + "INCLUDE docker/base.dockerfile\nINCLUDE docker/runtime.dockerfile\nFROM runtime AS app\nCMD [\"app\"]\n");
        Files.writeString(dir.resolve("docker/base.dockerfile"), "FROM ruby:3.3-alpine AS base\nWORKDIR /usr/src/app\n");
        Files.writeString(dir.resolve("docker/runtime.dockerfile"), "FROM base AS runtime\nCOPY . .\n");
        Files.writeString(dir.resolve("docker/user.dockerfile"), "# syntax = devthefuture/dockerfile-x\n"
                + "INCLUDE docker/base.dockerfile\nINCLUDE docker/worker.dockerfile\nFROM worker AS app\nCMD [\"app\"]\n");
        Files.writeString(dir.resolve("docker/worker.dockerfile"), "FROM base AS worker\nUSER app\n");
        List<String> got = run("docker/app.dockerfile", "docker/base.dockerfile", "docker/runtime.dockerfile",
                "docker/user.dockerfile", "docker/worker.dockerfile").stream()
                .filter(x -> x.severity() != dev.devops.lint.Severity.INFO)
                .filter(x -> List.of("DF0000", "DF0001", "DF0002", "DF0032").contains(x.rule().id()))
                .map(x -> x.rule().id() + " " + x.path() + ":" + x.line()).sorted().toList();
        assertEquals(List.of("DF0002 docker/app.dockerfile:4"), got);
    }

    /**
     * Issue 10, the whole-corpus re-run after round 11: a copied install script that only lists gosu among the packages
     * it installs, with an entrypoint that execs its arguments as root, does not drop root: DF0002 is still reported
     * (the 11c class needs the tool run with a user, not named).
     */
    @Test
    void aCopiedScriptThatOnlyInstallsGosuDoesNotDropRoot() throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        Files.createDirectories(dir.resolve("docker/root/docker/install"));
        Files.writeString(dir.resolve("docker/root/docker/install/base.sh"), "#!/bin/bash\npackages+=(\n    curl\n    gosu\n    unzip\n)\n"
                + "apt-get install -y \\\n    git \\\n    gosu \\\n    su-exec wget\napt-get install -y \"${packages[@]}\"\n");
        Files.writeString(dir.resolve("docker/root/docker/entrypoint.sh"), "#!/bin/bash\nset -e\nexec \"$@\"\n");
        Files.writeString(dir.resolve("Dockerfile"), "FROM php:8.3-apache\nUSER www-data\nRUN composer install\nUSER root\n"
                + "COPY docker/root /\nHEALTHCHECK CMD [\"true\"]\nENTRYPOINT [\"/docker/entrypoint.sh\"]\nCMD [\"apache2-foreground\"]\n");
        List<Integer> got = run("Dockerfile").stream().filter(x -> x.rule().id().equals("DF0002")).map(Finding::line).toList();
        assertEquals(List.of(4), got);
        assertTrue(DF0002RunsAsRoot.scriptDropsRoot("#!/bin/sh\nchown -R app /data\nexec gosu app \"$@\"\n"));
        assertTrue(DF0002RunsAsRoot.scriptDropsRoot("exec su-exec \"$PUID:$PGID\" node\n"));
        assertTrue(DF0002RunsAsRoot.scriptDropsRoot("exec setpriv --reuid=1000 --regid=1000 --init-groups app\n"));
        assertFalse(DF0002RunsAsRoot.scriptDropsRoot("apk add --no-cache su-exec tini\n"));
        assertFalse(DF0002RunsAsRoot.scriptDropsRoot("apt-get install -y \\\n  gosu \\\n  curl\n"));
    }

    /**
     * Issue 10, session 13 class "a template of a Dockerfile" (a deployment generator's templates/build/app/Dockerfile:
     * {% if %} blocks, {# comments #} and {{ patch("x") }} lines on their own; 27 DF0000 errors, one per tag line): a
     * Dockerfile that does not parse and has template tag lines is what a generator renders, not what docker builds: no
     * finding. A Dockerfile that does not parse without them is still DF0000.
     */
    @Test
    void aTemplateOfADockerfileIsNotLintedAsOne() throws IOException {
        Files.createDirectories(dir.resolve("templates/build/app"));
        Files.writeString(dir.resolve("templates/build/app/Dockerfile"), "FROM python:3.12-slim AS base\n{# the app #}\n"
                + "{% if APP_DEV %}\nRUN pip install debugpy\n{% endif %}\n{{ patch(\"app-dockerfile-pre\") }}\n"
                + "FROM scratch AS mnt-{{ name }}\nUSER app\nCMD [\"app\"]\n");
        Files.writeString(dir.resolve("Dockerfile"), "FROM python:3.12-slim\nRUNN pip install app\nUSER app\nCMD [\"app\"]\n");
        List<String> got = run("templates/build/app/Dockerfile", "Dockerfile").stream()
                .map(x -> x.rule().id() + ":" + x.path() + ":" + x.line()).toList();
        assertEquals(List.of("DF0000:Dockerfile:2"), got);
    }

    @Test
    void aStageNamedAfterItsOwnImageIsNoLaterStage() throws IOException {
        Files.writeString(dir.resolve("Dockerfile"), "FROM golang:1.22 AS build\nRUN go version\nFROM scratch as scratch\n"
                + "COPY --from=build /go/bin /bin\nFROM node AS node\nFROM later AS first\nFROM alpine:3.19 AS later\n"
                + "USER nobody\nHEALTHCHECK CMD [\"true\"]\nCMD [\"true\"]\n");
        List<Integer> got = run("Dockerfile").stream().filter(x -> x.rule().id().equals("DF0031")).map(x -> x.line()).toList();
        assertEquals(List.of(6), got);
    }

    /**
     * Issue 10, held-out 8a class "a source module named after Dockerfiles" (livebook's {@code lib/livebook/hubs/dockerfile.ex},
     * an Elixir module that writes Dockerfiles: 349 DF0000 errors, one per line): a source file of any language is
     * never a Dockerfile, whatever its stem.
     */
    @Test
    void sourceModulesNamedDockerfileAreNoDockerfiles() {
        for (String p : new String[] {"lib/app/hubs/dockerfile.ex", "test/app/dockerfile.exs", "Sources/App/Dockerfile.swift",
                "lib/dockerfile.dart", "scripts/Dockerfile.ps1", "src/dockerfile.lua", "lib/Dockerfile.pm"}) {
            assertFalse(DockerfileCheck.isDockerfile(p), p);
        }
        assertTrue(DockerfileCheck.isDockerfile("docker/Dockerfile.alpine"));
        assertTrue(DockerfileCheck.isDockerfile("Dockerfile.dev"));
    }

    @Test
    void findsDockerfilesByName() {
        assertTrue(DockerfileCheck.isDockerfile("Dockerfile"));
        assertTrue(DockerfileCheck.isDockerfile("docker/api.Dockerfile"));
        assertTrue(DockerfileCheck.isDockerfile("Dockerfile.dev"));
        assertTrue(DockerfileCheck.isDockerfile("Containerfile"));
        assertFalse(DockerfileCheck.isDockerfile("templates/Dockerfile.ftl"));
        assertFalse(DockerfileCheck.isDockerfile("Dockerfile.dockerignore"));
        assertFalse(DockerfileCheck.isDockerfile("docs/Dockerfile.md"));
        assertFalse(DockerfileCheck.isDockerfile("src/DockerfileParser.java"));
        assertFalse(DockerfileCheck.isDockerfile("src/main/java/dev/devops/lint/dockerfile/Dockerfile.java"));
        assertFalse(DockerfileCheck.isDockerfile("pkg/dockerfile.go"));
        // held-out 8b: documentation named after Dockerfiles (a docs site's dockerfile-prompt.mdx, Dockerfile-guide.rst)
        assertFalse(DockerfileCheck.isDockerfile("docs/product/builds/dockerfile-prompt.mdx"));
        assertFalse(DockerfileCheck.isDockerfile("docs/Dockerfile-guide.rst"));
        assertFalse(DockerfileCheck.isDockerfile("docs/dockerfile.adoc"));
        assertTrue(DockerfileCheck.isDockerfile("docker/Dockerfile-api"));
    }

    @Test
    void findingsCarryPathSeverityAndAStableFingerprint() throws IOException {
        Files.createDirectories(dir.resolve("svc"));
        Files.writeString(dir.resolve("svc/Dockerfile"), "FROM node\nUSER node\nHEALTHCHECK CMD [\"true\"]\nCMD [\"node\"]\n");
        List<Finding> f = run("svc/Dockerfile");
        assertEquals(1, f.size(), f.toString());
        Finding first = f.get(0);
        assertEquals("DF0001", first.rule().id());
        assertEquals("svc/Dockerfile", first.path());
        assertEquals(1, first.line());
        assertEquals(Severity.WARNING, first.severity());
        Files.writeString(dir.resolve("svc/Dockerfile"), "# moved down\nFROM node\nUSER node\nHEALTHCHECK CMD [\"true\"]\nCMD [\"node\"]\n");
        Finding moved = run("svc/Dockerfile").get(0);
        assertEquals(2, moved.line());
        assertEquals(first.fingerprint(), moved.fingerprint(), "the fingerprint survives a line move");
    }

    @Test
    void envBakedInIsAnErrorOnlyWhenEnvExists() throws IOException {
        Files.writeString(dir.resolve("Dockerfile"), "FROM node:20\nWORKDIR /app\nCOPY . .\nUSER node\n"
                + "HEALTHCHECK CMD [\"true\"]\nCMD [\"node\"]\n");
        Finding f = run("Dockerfile").get(0);
        assertEquals("DF0037", f.rule().id());
        assertEquals(Severity.WARNING, f.severity());
        Files.writeString(dir.resolve(".env"), "X=1\n");
        assertEquals(Severity.ERROR, run("Dockerfile").get(0).severity());
        Files.writeString(dir.resolve("Dockerfile.dockerignore"), ".env\n");
        assertTrue(run("Dockerfile").isEmpty(), "a Dockerfile-specific ignore file counts");
    }

    /**
     * Issue 10, held-out 13b class "a Dockerfile built from the repository root": {@code tests/e2e/Dockerfile} copies
     * {@code scripts/environment/…} and {@code rust-toolchain.toml}, which are at the root, not beside it; its
     * {@code COPY . .} copies the root, whose .dockerignore (ignore everything, re-include the sources) keeps .env out.
     * A root .dockerignore that lets .env in is still reported, and a Dockerfile whose sources are beside it keeps its
     * own directory as the context.
     */
    @Test
    void envBakedInReadsTheIgnoreFileOfTheContextTheCopiesShow() throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        Files.createDirectories(dir.resolve("scripts/environment"));
        Files.createDirectories(dir.resolve("tests/e2e"));
        Files.writeString(dir.resolve("scripts/environment/prepare.sh"), "#!/bin/sh\n");
        Files.writeString(dir.resolve("rust-toolchain.toml"), "[toolchain]\n");
        Files.writeString(dir.resolve(".dockerignore"), "*\n!scripts\n!src\n!rust-toolchain.toml\n");
        String df = "FROM rust:1.80\nWORKDIR /app\nCOPY scripts/environment/prepare.sh /\nCOPY rust-toolchain.toml .\nCOPY . .\n"
                + "USER nobody\nHEALTHCHECK CMD [\"true\"]\nCMD [\"true\"]\n";
        Files.writeString(dir.resolve("tests/e2e/Dockerfile"), df);
        assertEquals(List.of(), run("tests/e2e/Dockerfile").stream().map(f -> f.rule().id()).filter("DF0037"::equals).toList());
        Files.writeString(dir.resolve(".dockerignore"), "target\n");
        assertEquals(List.of("DF0037"), run("tests/e2e/Dockerfile").stream().map(f -> f.rule().id()).filter("DF0037"::equals).toList());
        // the sources beside the Dockerfile: its own directory is the context (no .dockerignore there)
        Files.writeString(dir.resolve(".dockerignore"), "*\n!scripts\n!src\n!rust-toolchain.toml\n");
        Files.writeString(dir.resolve("tests/e2e/rust-toolchain.toml"), "[toolchain]\n");
        assertEquals(List.of("DF0037"), run("tests/e2e/Dockerfile").stream().map(f -> f.rule().id()).filter("DF0037"::equals).toList());
    }
}
