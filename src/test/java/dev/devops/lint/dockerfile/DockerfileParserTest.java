package dev.devops.lint.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerfileParserTest {
    private static Dockerfile parse(String... lines) {
        return DockerfileParser.parse("Dockerfile", String.join("\n", lines) + "\n");
    }

    @Test
    void continuationsSkipCommentsAndBlankLinesAndKeepLineNumbers() {
        Dockerfile df = parse(
                "FROM alpine:3.19",
                "",
                "RUN apk add --no-cache \\",
                "    # a comment inside",
                "",
                "    curl \\",
                "    git",
                "CMD [\"sh\"]");
        assertTrue(df.errors().isEmpty(), df.errors().toString());
        Instruction run = df.instructions().get(1);
        assertEquals("RUN", run.keyword());
        assertEquals(3, run.line());
        assertEquals(7, run.endLine());
        assertEquals("apk add --no-cache     curl     git", run.arguments());
        assertEquals(6, run.lineAt(run.arguments().indexOf("curl")));
        assertEquals(7, run.lineAt(run.arguments().indexOf("git")));
        assertEquals(3, run.lineAt(0));
        assertEquals(8, df.instructions().get(2).line());
    }

    @Test
    void escapeDirectiveSwitchesToBacktick() {
        Dockerfile df = parse(
                "# escape=`",
                "FROM mcr.microsoft.com/windows/servercore:ltsc2022",
                "RUN dir C:\\ `",
                "    && echo done");
        assertEquals("`", df.directives().get("escape"));
        assertEquals("dir C:\\     && echo done", df.instructions().get(1).rest());
    }

    @Test
    void directivesOnlyCountAtTheTop() {
        Dockerfile df = parse("# syntax=docker/dockerfile:1", "# check=skip=all", "FROM alpine:3.19", "# escape=`",
                "RUN echo \\", " continued");
        assertEquals("docker/dockerfile:1", df.directives().get("syntax"));
        assertEquals("skip=all", df.directives().get("check"));
        assertNull(df.directives().get("escape"), "a directive after an instruction is a comment");
        assertEquals("echo  continued", df.instructions().get(1).rest());
        Dockerfile late = parse("# a comment", "# escape=`", "FROM alpine:3.19");
        assertTrue(late.directives().isEmpty(), "a directive after a comment is a comment");
    }

    @Test
    void heredocs() {
        Dockerfile df = parse(
                "FROM alpine:3.19",
                "RUN <<EOF",
                "apk add curl",
                "echo ok",
                "EOF",
                "COPY <<-\"A\" <<'B' /dst/",
                "\tfirst",
                "\tA",
                "second $HOME",
                "B",
                "CMD [\"sh\"]");
        assertTrue(df.errors().isEmpty(), df.errors().toString());
        Instruction run = df.instructions().get(1);
        assertEquals(1, run.heredocs().size());
        assertEquals("apk add curl\necho ok\n", run.heredocs().get(0).body());
        assertEquals(5, run.endLine());
        Instruction copy = df.instructions().get(2);
        assertEquals(2, copy.heredocs().size());
        assertEquals("first\n", copy.heredocs().get(0).body());
        assertTrue(copy.heredocs().get(0).stripTabs());
        assertTrue(copy.heredocs().get(1).quoted());
        assertEquals("second $HOME\n", copy.heredocs().get(1).body());
        assertEquals(11, df.instructions().get(3).line());
        List<ShellCommand> cmds = new DockerfileScope(df, null).commands(run);
        assertEquals(List.of("apk", "add", "curl"), cmds.get(0).words());

        Dockerfile open = parse("FROM alpine:3.19", "RUN <<EOF", "echo never closed");
        assertFalse(open.errors().isEmpty());
    }

    @Test
    void execAndShellForms() {
        Dockerfile df = parse(
                "FROM alpine:3.19",
                "CMD [\"node\", \"server.js\"]",
                "ENTRYPOINT ['node']",
                "RUN [\"sh\", 1]",
                "SHELL [\"/bin/bash\", \"-c\"]",
                "CMD node server.js");
        assertEquals(List.of("node", "server.js"), df.instructions().get(1).json());
        assertNull(df.instructions().get(2).json(), "single quotes are not JSON: shell form, as Docker does");
        assertNull(df.instructions().get(3).json(), "a non-string element is not exec form");
        assertTrue(df.instructions().get(4).isExecForm());
        assertFalse(df.instructions().get(5).isExecForm());
    }

    @Test
    void argsInFromStagesAndPlatform() {
        Dockerfile df = parse(
                "ARG REGISTRY=docker.io",
                "ARG TAG=20-alpine",
                "ARG UNSET",
                "ARG ALT",
                "FROM --platform=$BUILDPLATFORM ${REGISTRY}/node:${TAG} As Build",
                "RUN echo build",
                "FROM ${UNSET:-python}:${ALT:-3.12} AS runtime",
                "FROM $UNSET",
                "from build");
        assertEquals(Map.of("REGISTRY", "docker.io", "TAG", "20-alpine"),
                Map.of("REGISTRY", df.metaArgs().get("REGISTRY"), "TAG", df.metaArgs().get("TAG")));
        assertTrue(df.metaArgs().containsKey("UNSET"));
        List<Stage> st = df.stages();
        assertEquals(4, st.size());
        assertEquals("docker.io/node:20-alpine", st.get(0).image());
        assertEquals("build", st.get(0).name());
        assertEquals("$BUILDPLATFORM", st.get(0).from().flag("platform"));
        assertEquals(List.of(), st.get(0).body().stream().filter(i -> !i.is("RUN")).toList());
        assertEquals("python:3.12", st.get(1).image());
        assertTrue(st.get(1).resolved());
        assertFalse(st.get(2).resolved());
        assertEquals(0, st.get(3).parentStage());
        assertEquals(st.get(0), df.stage("BUILD"));
    }

    /**
     * Held-out 11a, class "an empty ARG that ends the image reference" (a package builder's ARG distro="" and
     * FROM docker.io/library/${distro}): the build passes it, tag and all; the image is not known, not untagged.
     */
    @Test
    void anEmptyArgEndingTheReferenceIsUnresolved() {
        Dockerfile df = parse("ARG distro=\"\"", "ARG SUFFIX=", "FROM docker.io/library/${distro} AS builder",
                "FROM python:3.12${SUFFIX}", "FROM node:${SUFFIX}");
        assertFalse(df.stages().get(0).resolved());
        assertTrue(df.stages().get(1).resolved());
        assertEquals("python:3.12", df.stages().get(1).image());
        assertFalse(df.stages().get(2).resolved());
    }

    @Test
    void flagsOnCopyAndRun() {
        Dockerfile df = parse("FROM alpine:3.19", "COPY --from=build --chown=app:app --link /a /b",
                "RUN --mount=type=cache,target=/root/.cache --network=none echo hi");
        Instruction copy = df.instructions().get(1);
        assertEquals("build", copy.flag("from"));
        assertEquals("app:app", copy.flag("chown"));
        assertEquals("", copy.flag("link"));
        assertEquals("/a /b", copy.rest());
        Instruction run = df.instructions().get(2);
        assertEquals("type=cache,target=/root/.cache", run.flag("mount"));
        assertEquals("echo hi", run.rest());
    }

    @Test
    void badInputBecomesErrorsNotExceptions() {
        assertFalse(parse("FROM alpine:3.19", "RUNN x").errors().isEmpty());
        assertFalse(parse("RUN x", "FROM alpine:3.19").errors().isEmpty());
        assertFalse(parse("# only a comment").errors().isEmpty());
        assertFalse(DockerfileParser.parse("Dockerfile", "\0\1\2binary").errors().isEmpty());
        assertFalse(parse("FROM").errors().isEmpty());
        assertFalse(parse("FROM a b c d").errors().isEmpty());
        // never throws on odd text
        DockerfileParser.parse("Dockerfile", "FROM x\nRUN \\");
        DockerfileParser.parse("Dockerfile", "FROM ${\nCOPY <<");
        DockerfileParser.parse("Dockerfile", "\uFEFFFROM alpine:3.19\r\nRUN echo\r\n");
    }
}
