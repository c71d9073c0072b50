package dev.devops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.lint.Finding;
import dev.devops.lint.LintRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Facts that init, render, lint and up must answer alike (issue: one fact, one place). Each case is a
 * contradiction users could see while two copies of a fact disagreed.
 */
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class SharedFactsTest {
    @TempDir
    Path dir;

    private void write(String path, String... lines) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, String.join("\n", lines) + "\n");
    }

    private List<Finding> lint() {
        return new LintRunner(LintChecks.all()).run(LintRunner.Options.worktree(dir)).findings();
    }

    private static List<String> ids(List<Finding> findings, String rule) {
        return findings.stream().filter(f -> f.rule().id().equals(rule)).map(f -> f.path() + ":" + f.line() + " " + f.message())
                .toList();
    }

    @Test
    void aContainerfileSetsVariablesForEnvParityAsADockerfileDoes() throws IOException {
        write(".env.example", "PORT=3000");
        write("index.js", "const p = process.env.PORT;", "const g = process.env.GREETING;");
        write("Containerfile", "FROM node:22-slim", "ENV GREETING=hello", "USER node", "CMD [\"node\", \"index.js\"]");
        assertEquals(List.of(), ids(lint(), "ENV0001"), "GREETING is set by the Containerfile");
    }

    /**
     * Issue 10, class "vendored or bundled": one place (the lint runner, {@code FileKinds.isVendored}) keeps every
     * family off third-party code: a vendored library's Dockerfile and compose file give no findings, the
     * project's own do.
     */
    @Test
    void vendoredTreesGiveNoFindingInAnyFamily() throws IOException {
        String dockerfile = "FROM golang:latest\nADD . /src\nRUN cd /src && go build\n";
        String compose = "services:\n  redis:\n    image: redis\n    network_mode: host\n    ports:\n      - \"6379:6379\"\n";
        write("backend/vendor/github.com/x/lib/Dockerfile", dockerfile);
        write("backend/vendor/github.com/x/lib/docker-compose.yml", compose);
        write("node_modules/pkg/Dockerfile", dockerfile);
        write("Dockerfile", dockerfile);
        write("docker-compose.yml", compose);
        List<Finding> findings = lint();
        assertEquals(List.of(), findings.stream().filter(f -> f.path().contains("vendor/") || f.path().startsWith("node_modules/"))
                .map(f -> f.path() + ":" + f.line() + " " + f.rule().id()).toList());
        assertTrue(findings.stream().anyMatch(f -> f.path().equals("Dockerfile")), "the project's own Dockerfile is linted");
        assertTrue(findings.stream().anyMatch(f -> f.path().equals("docker-compose.yml") && f.rule().id().equals("DC0012")));
    }

    @Test
    void aTemplateEnvFileIsAnExampleForEveryFamily() throws Exception {
        write(".env.tpl", "API_TOKEN=", "PORT=3000");
        write("index.js", "const t = process.env.API_TOKEN;", "const p = process.env.PORT;");
        dev.devops.git.TestRepo.init(dir).add(".");
        List<Finding> findings = lint();
        assertEquals(List.of(), ids(findings, "ENV0004"), "an example file is no tracked env file");
        assertEquals(List.of(), ids(findings, "ENV0002"), ".env.tpl documents the variables");
        assertEquals(List.of(), ids(findings, "ENV0001"));
    }

    @Test
    void settingsNamedAfterSecretsAreNoSecretsInDockerfileOrCompose() throws IOException {
        write("Dockerfile", "FROM node:22-slim", "ENV ACCESS_TOKEN_EXPIRE_MINUTES=15 PASSWORD_MIN_LENGTH=12",
                "USER node", "CMD [\"node\", \"index.js\"]");
        write("compose.yaml", "services:", "  app:", "    image: app:1", "    environment:",
                "      ACCESS_TOKEN_EXPIRE_MINUTES: \"15\"", "      JWT_SECRET_PATH: /run/secrets/jwt");
        List<Finding> findings = lint();
        assertEquals(List.of(), ids(findings, "DF0020"));
        assertEquals(List.of(), ids(findings, "DC0003"));
        // the same names with a secret word and no setting suffix are still reported
        write("Dockerfile", "FROM node:22-slim", "ENV ACCESS_TOKEN=" + "x7Gq2LmP9vRt", "USER node", "CMD [\"node\", \"index.js\"]");
        assertEquals(1, ids(lint(), "DF0020").size());
    }

    @Test
    void initLeavesPlatformVariablesToThePlatform() throws IOException {
        write("package.json", "{\"name\":\"api\",\"dependencies\":{\"express\":\"4.18.2\"},\"scripts\":{\"start\":\"node index.js\"}}");
        write("package-lock.json", "{\"lockfileVersion\":3}");
        write("index.js", "const h = process.env.HOME;", "const r = process.env.AWS_REGION;",
                "const data = process.platform === 'win32' ? process.env.ProgramData : '/var/lib/app';",
                "const k = process.env.PAYMENT_API_KEY;", "require('express')().listen(process.env.PORT || 3000);");
        CliRun r = CliRun.run("init", dir.toString());
        assertEquals(0, r.code(), r.err());
        String compose = Files.readString(dir.resolve("docker-compose.yml"));
        assertTrue(compose.contains("PAYMENT_API_KEY"), compose);
        assertFalse(compose.contains("HOME"), compose);
        assertFalse(compose.contains("AWS_REGION"), compose);
        assertFalse(compose.contains("ProgramData"), "a Windows variable, named in Windows' own case: " + compose);
        assertEquals(List.of(), ids(lint(), "ENV0001"));
    }

    /**
     * What init writes must pass devops's own lint: a repository's own .dockerignore that does not exclude .env
     * (the generated {@code COPY . .} baked it in: DF0037 error) and a code default that is the empty string (the
     * generated comment ended in a space: ENV0016) were findings on init's own output.
     */
    @Test
    void initsOwnFilesGiveNoLintFinding() throws IOException {
        write("package.json", "{\"name\":\"api\",\"dependencies\":{\"express\":\"4.18.2\"},\"scripts\":{\"start\":\"node index.js\"}}");
        write("package-lock.json", "{\"lockfileVersion\":3}");
        write(".dockerignore", "node_modules", ".git");
        write("index.js", "const base = process.env.BASE_PATH || '';", "const m = process.env.CORS_MAX_AGE || '86400';",
                "require('express')().listen(process.env.PORT || 3000);");
        CliRun r = CliRun.run("init", dir.toString());
        assertEquals(0, r.code(), r.err());
        List<String> written = List.of("Dockerfile", ".dockerignore", ".env.example", "docker-compose.yml", "devops.yaml");
        List<String> onGenerated = lint().stream().filter(f -> written.contains(f.path()))
                .map(f -> f.rule().id() + " " + f.path() + ":" + f.line() + " " + f.message()).toList();
        assertEquals(List.of(), onGenerated);
    }

    @Test
    void initNeverWritesADefaultItsOwnDescriptorLoaderRefuses() throws IOException {
        // a code default compose cannot carry in ${X:-…} (a '}' of a format template): the loader refuses it in a
        // hand-written devops.yaml, so init must not write it; the variable is passed through only when set
        write("package.json", "{\"name\":\"api\",\"dependencies\":{\"express\":\"4.18.2\"},\"scripts\":{\"start\":\"node index.js\"}}");
        write("package-lock.json", "{\"lockfileVersion\":3}");
        write("index.js", "const subject = process.env.MAIL_SUBJECT || 'Alert: {name} changed to {state}';",
                "require('express')().listen(process.env.PORT || 3000);");
        CliRun r = CliRun.run("init", dir.toString());
        assertEquals(0, r.code(), r.err());
        String compose = Files.readString(dir.resolve("docker-compose.yml"));
        assertTrue(compose.contains("MAIL_SUBJECT"), compose);
        assertFalse(compose.contains("{state}"), compose);
        CliRun check = CliRun.run("render", "--check", dir.toString());
        assertEquals(0, check.code(), check.err());
    }

    @Test
    void initAndRenderDefaultToTheSameRuntimeVersion() throws IOException {
        write("package.json", "{\"name\":\"api\",\"dependencies\":{\"express\":\"4.18.2\"},\"scripts\":{\"start\":\"node index.js\"}}");
        write("package-lock.json", "{\"lockfileVersion\":3}");
        write("index.js", "require('express')().listen(3000);");
        assertEquals(0, CliRun.run("init", dir.toString()).code());
        String initFrom = from(Files.readString(dir.resolve("Dockerfile")));
        // the same descriptor without a version: render must pick what init picked
        String yaml = Files.readString(dir.resolve("devops.yaml")).replaceAll("(?m)^(\\s*)version: \"?[0-9.]+\"?\\s*\\n", "");
        Files.writeString(dir.resolve("devops.yaml"), yaml);
        assertFalse(yaml.contains("version:"), yaml);
        Files.delete(dir.resolve("Dockerfile"));
        CliRun render = CliRun.run("render", dir.toString());
        assertEquals(0, render.code(), render.err());
        assertEquals(initFrom, from(Files.readString(dir.resolve("Dockerfile"))));
    }

    @Test
    void aByteOrderMarkInDockerignoreMeansTheSameToLintAndUp() throws IOException {
        write("Dockerfile", "FROM node:22-slim", "WORKDIR /app", "COPY . .", "USER node", "CMD [\"node\", \"index.js\"]");
        write(".env", "X=1");
        Files.writeString(dir.resolve(".dockerignore"), "\uFEFF.env\nnode_modules\n");
        assertTrue(dev.devops.files.DockerIgnore.load(dir).excluded(".env"), "what up sends");
        assertEquals(List.of(), ids(lint(), "DF0037"));
    }

    private static String from(String dockerfile) {
        Matcher m = Pattern.compile("(?m)^FROM (\\S+)").matcher(dockerfile);
        assertTrue(m.find(), dockerfile);
        return m.group(1);
    }
}
