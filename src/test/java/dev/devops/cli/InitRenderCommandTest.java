package dev.devops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class InitRenderCommandTest {
    static final String DESCRIPTOR = """
            name: shop
            apps:
              web:
                runtime: {language: python, version: "3.11", framework: flask}
                port: 8000
                healthcheck: /health
                env:
                  DATABASE_URL: {required: true, from: postgres.url}
                  SECRET_KEY: {required: true, secret: true}
            services:
              postgres: {version: "15"}
            """;

    @TempDir
    Path dir;

    private void descriptor() throws IOException {
        Files.writeString(dir.resolve("devops.yaml"), DESCRIPTOR);
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void initWithADescriptorCreatesTheFilesThenHasNothingToDo() throws IOException {
        descriptor();
        CliRun r = CliRun.run("init", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("create    Dockerfile\ncreate    .dockerignore\ncreate    docker-compose.yml\ncreate    .env.example\n"
                + "create    .gitignore\n5 created\n", r.out());
        assertTrue(r.err().contains("using " + dir.resolve("devops.yaml")), r.err());
        assertEquals(List.of("", ".dockerignore", ".env.example", ".gitignore", "Dockerfile", "devops.yaml",
                "docker-compose.yml"), listing());

        CliRun again = CliRun.run("init", dir.toString());
        assertEquals(0, again.code());
        assertTrue(again.out().endsWith("nothing to do: 5 files up to date\n"), again.out());
        CliRun render = CliRun.run("render", dir.toString());
        assertEquals(0, render.code());
        assertTrue(render.out().endsWith("nothing to do: 5 files up to date\n"), render.out());
    }

    @Test
    void aWorkspacePackageIsBuiltFromTheWorkspaceRootWhereItsLockfileIs() throws IOException {
        Files.writeString(dir.resolve("package.json"), "{\"private\":true,\"workspaces\":[\"apps/*\",\"packages/*\"]}");
        Files.writeString(dir.resolve("package-lock.json"), "{\"lockfileVersion\":3}");
        Files.createDirectories(dir.resolve("apps/api"));
        Files.writeString(dir.resolve("apps/api/package.json"),
                "{\"name\":\"api\",\"scripts\":{\"start\":\"node server.js\"},\"dependencies\":{\"express\":\"4\"}}");
        Files.writeString(dir.resolve("apps/api/server.js"), "require('express')().listen(process.env.PORT || 4000);\n");
        // a package with a lockfile of its own keeps its own directory as the build context
        Files.createDirectories(dir.resolve("apps/admin"));
        Files.writeString(dir.resolve("apps/admin/package.json"),
                "{\"name\":\"admin\",\"scripts\":{\"start\":\"node index.js\"},\"dependencies\":{\"express\":\"4\"}}");
        Files.writeString(dir.resolve("apps/admin/package-lock.json"), "{\"lockfileVersion\":3}");
        Files.writeString(dir.resolve("apps/admin/index.js"), "require('express')().listen(5000);\n");
        CliRun r = CliRun.run("init", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(r.err().contains("no apps/api/package-lock.json"), r.err());
        String compose = Files.readString(dir.resolve("docker-compose.yml"));
        assertTrue(compose.contains("context: \".\"\n      dockerfile: apps/api/Dockerfile"), compose);
        assertTrue(compose.contains("context: \"apps/admin\"\n      dockerfile: Dockerfile"), compose);
        String dockerfile = Files.readString(dir.resolve("apps/api/Dockerfile"));
        assertTrue(dockerfile.contains("COPY package.json package-lock.json ./\nCOPY apps/admin/package.json apps/admin/\nCOPY apps/api/package.json apps/api/\nRUN npm ci") && dockerfile.contains("WORKDIR /app/apps/api"), dockerfile);
        assertTrue(Files.exists(dir.resolve("apps/api/Dockerfile.dockerignore")));
        assertFalse(Files.exists(dir.resolve(".dockerignore")), "the root's own ignore file is the user's to write");
        assertEquals(0, CliRun.run("render", "--check", dir.toString()).code());
    }

    @Test
    void dryRunPrintsDiffsAndWritesNothing() throws IOException {
        descriptor();
        Files.writeString(dir.resolve(".gitignore"), ".env\n");
        CliRun r = CliRun.run("init", dir.toString(), "--dry-run");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("would create Dockerfile\n--- /dev/null\n+++ b/Dockerfile\n"), r.out());
        assertTrue(r.out().contains("+FROM python:3.11-slim AS build\n"), r.out());
        assertTrue(r.out().contains("would update .gitignore (added .env.*, !.env.example)\n--- a/.gitignore\n+++ b/.gitignore\n"),
                r.out());
        assertTrue(r.out().endsWith("dry run: nothing written (4 to create, 1 to update)\n"), r.out());
        assertEquals(List.of("", ".gitignore", "devops.yaml"), listing());
        assertEquals(".env\n", Files.readString(dir.resolve(".gitignore")));
    }

    @Test
    void editedFilesAreSkippedWithAReasonUntilForce() throws IOException {
        descriptor();
        CliRun.run("render", dir.toString());
        Files.writeString(dir.resolve("Dockerfile"), "FROM python:3.11\n");
        CliRun r = CliRun.run("render", dir.toString());
        assertEquals(0, r.code());
        assertTrue(r.out().contains("skip      Dockerfile (your own file, not written by devops; --force to replace it,"
                + " --dry-run to see the diff)\n"), r.out());
        assertTrue(r.out().contains("4 unchanged, 1 skipped: 1 file was not written by devops or edited since"), r.out());
        assertEquals("FROM python:3.11\n", Files.readString(dir.resolve("Dockerfile")));

        CliRun dry = CliRun.run("render", dir.toString(), "--dry-run");
        assertTrue(dry.out().contains("would skip   Dockerfile"), dry.out());
        assertTrue(dry.out().contains("-FROM python:3.11\n"), dry.out());

        CliRun force = CliRun.run("render", dir.toString(), "--force");
        assertTrue(force.out().contains("overwrite Dockerfile (--force)\n"), force.out());
        assertTrue(Files.readString(dir.resolve("Dockerfile")).contains("FROM python:3.11-slim AS build"));
    }

    @Test
    void renderCheckExitsZeroWhenInSyncAndOneWithTheDiffOnDrift() throws IOException {
        descriptor();
        CliRun.run("render", dir.toString());
        CliRun ok = CliRun.run("render", dir.toString(), "--check");
        assertEquals(0, ok.code(), ok.out());
        assertTrue(ok.out().contains("up to date"), ok.out());

        Files.writeString(dir.resolve("devops.yaml"), DESCRIPTOR.replace("version: \"15\"", "version: \"16\""));
        Files.delete(dir.resolve(".dockerignore"));
        CliRun drift = CliRun.run("render", dir.toString(), "--check");
        assertEquals(1, drift.code(), drift.out());
        assertTrue(drift.out().contains("missing .dockerignore\n--- /dev/null\n"), drift.out());
        assertTrue(drift.out().contains("drifted docker-compose.yml\n--- a/docker-compose.yml\n+++ b/docker-compose.yml\n"),
                drift.out());
        assertTrue(drift.out().contains("-    image: postgres:15\n+    image: postgres:16\n"), drift.out());
        assertTrue(drift.out().contains("3 files differ from devops.yaml"), drift.out());
        assertFalse(Files.exists(dir.resolve(".dockerignore")), "--check writes nothing");
    }

    @Test
    void noDiffPrintsTheSecretsOfTheFilesItComparesWith() throws IOException {
        descriptor();
        CliRun.run("render", dir.toString());
        String pw = "Xq7" + "zK9wq2Lp";
        // the user put real values into the generated compose file, as people do
        String compose = Files.readString(dir.resolve("docker-compose.yml"));
        Files.writeString(dir.resolve("docker-compose.yml"), compose.replaceFirst("(?m)^(\\s+)SECRET_KEY: .*$",
                "$1SECRET_KEY: " + pw + "\n$1DATABASE_URL_OVERRIDE: postgres://app:" + pw + "@db/app"));
        for (String[] args : List.of(new String[] {"render", dir.toString(), "--check"},
                new String[] {"render", dir.toString(), "--dry-run"}, new String[] {"render", dir.toString(), "--dry-run", "--force"},
                new String[] {"init", dir.toString(), "--dry-run"}, new String[] {"render", dir.toString()})) {
            CliRun r = CliRun.run(args);
            assertTrue(r.out().contains("SECRET_KEY: ****"), String.join(" ", args) + ":\n" + r.out());
            assertFalse((r.out() + r.err()).contains("zK9"), String.join(" ", args) + " printed the secret:\n" + r.out());
        }
        CliRun lint = CliRun.run("lint", dir.toString(), "--format", "json");
        assertFalse((lint.out() + lint.err()).contains("zK9"), "lint's drift diff printed the secret:\n" + lint.out());
    }

    @Test
    void renderWithoutDescriptorSaysRunInitFirst() {
        CliRun r = CliRun.run("render", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("devops.yaml: no devops.yaml here; run devops init first"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void brokenDescriptorIsExitTwoWithFileLineAndColumn() throws IOException {
        Files.writeString(dir.resolve("devops.yaml"), "name: shop\napps:\n  web:\n    runtime: {language: cobol}\n");
        for (String cmd : new String[] {"init", "render"}) {
            CliRun r = CliRun.run(cmd, dir.toString());
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().startsWith("devops: " + dir.resolve("devops.yaml") + ":4:"), r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        }
    }

    @Test
    void conflictingFlagsAreExitTwo() throws IOException {
        descriptor();
        CliRun init = CliRun.run("init", dir.toString(), "--stack", "node", "--port", "3000");
        assertEquals(2, init.code());
        assertTrue(init.err().contains("devops.yaml already exists, so --stack, --port would be ignored; edit devops.yaml"),
                init.err());
        CliRun render = CliRun.run("render", dir.toString(), "--check", "--force");
        assertEquals(2, render.code());
        assertTrue(render.err().contains("--check cannot be combined with --force"), render.err());
        assertEquals(List.of("", "devops.yaml"), listing());
    }

    @Test
    void brokenOverrideTemplateIsExitTwoWithTemplateFileAndLine(@TempDir Path templates) throws IOException {
        descriptor();
        Files.createDirectories(templates.resolve("dockerfile"));
        Files.writeString(templates.resolve("dockerfile/python.ftl"), "FROM x\n${app.nosuchkey}\n");
        CliRun r = CliRun.run("render", dir.toString(), "--templates", templates.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("devops: " + templates.resolve("dockerfile/python.ftl") + ":2:3: template error"), r.err());
        assertEquals(List.of("", "devops.yaml"), listing());
    }

    @Test
    void overrideTemplateIsUsedForOneFileOnly(@TempDir Path templates) throws IOException {
        descriptor();
        Files.createDirectories(templates.resolve("dockerfile"));
        Files.writeString(templates.resolve("dockerfile/python.ftl"), "FROM mirror.example/python:${app.version}\n");
        CliRun r = CliRun.run("init", dir.toString(), "--templates", templates.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("FROM mirror.example/python:3.11\n", Files.readString(dir.resolve("Dockerfile")));
        assertTrue(Files.readString(dir.resolve(".env.example")).contains("\nCOMPOSE_PROJECT_NAME=shop\n"));
        assertFalse(Files.readString(dir.resolve("docker-compose.yml")).contains("\nname:"));
    }

    /** Issue 9 class 8: after editing devops.yaml as the header says, render updates its own files without --force. */
    @Test
    void renderUpdatesItsOwnUneditedFilesAndShowsAHandEditAsADiff() throws IOException {
        descriptor();
        CliRun.run("render", dir.toString());
        Path yaml = dir.resolve("devops.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("port: 8000", "port: 8001"));
        Path env = dir.resolve(".env.example");
        Files.writeString(env, Files.readString(env) + "MY_OWN=1\n");
        CliRun r = CliRun.run("render", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("update    Dockerfile (re-rendered from devops.yaml; unchanged since devops wrote it)\n"), r.out());
        assertTrue(r.out().contains("update    docker-compose.yml ("), r.out());
        assertTrue(r.out().contains("skip      .env.example (edited since devops wrote it;"), r.out());
        assertTrue(r.out().contains("-MY_OWN=1\n"), "the user's edit is shown as a diff: " + r.out());
        assertTrue(Files.readString(dir.resolve("docker-compose.yml")).contains("127.0.0.1:8001:8001"));
        assertTrue(Files.readString(env).contains("MY_OWN=1\n"), "a hand edit is never overwritten without --force");
    }

    /** Issue 9 class 6: init kept the repository's own Dockerfile; render --check right after passes and says so. */
    @Test
    void renderCheckAfterInitSkipsTheUsersOwnFiles() throws IOException {
        descriptor();
        Files.writeString(dir.resolve("Dockerfile"), "FROM python:3.11\nCOPY . .\n");
        CliRun init = CliRun.run("init", dir.toString());
        assertEquals(0, init.code(), init.err());
        CliRun check = CliRun.run("render", dir.toString(), "--check");
        assertEquals(0, check.code(), check.out());
        assertTrue(check.out().contains("skipped Dockerfile (your own file, not generated by devops: not compared)\n"), check.out());
        assertTrue(check.out().contains("up to date: every generated file matches devops.yaml (1 of your own skipped)"), check.out());
    }

    @Test
    void initWithoutDescriptorDetectsAndWritesEverything() throws IOException {
        Files.writeString(dir.resolve("go.mod"), "module example.com/shop\n\ngo 1.22\n");
        Files.writeString(dir.resolve("main.go"), """
                package main

                import (
                	"net/http"
                	"os"
                )

                func main() {
                	addr := os.Getenv("REDIS_ADDR")
                	_ = addr
                	http.ListenAndServe(":8081", nil)
                }
                """);
        CliRun r = CliRun.run("init", dir.toString(), "--service", "redis:7");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("go 1.22 from go.mod"), r.err());
        assertTrue(r.out().startsWith("create    devops.yaml\n"), r.out());
        String yaml = Files.readString(dir.resolve("devops.yaml"));
        assertTrue(yaml.contains("language: go") && yaml.contains("port: 8081") && yaml.contains("from: redis.address"), yaml);
        assertTrue(Files.readString(dir.resolve("Dockerfile")).contains("FROM golang:1.22-bookworm"));
        assertTrue(Files.readString(dir.resolve("docker-compose.yml")).contains("image: redis:7"));
        CliRun again = CliRun.run("init", dir.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("nothing to do"), again.out());
    }

    @Test
    void initWarnsWhenTheLockfileIsMissingAndTheNodeDockerfileInstallsWithoutIt() throws IOException {
        Files.writeString(dir.resolve("package.json"), "{\"name\": \"shop\", \"scripts\": {\"start\": \"node index.js\"}}\n");
        Files.writeString(dir.resolve("index.js"), "require('http').createServer().listen(3000);\n");
        CliRun r = CliRun.run("init", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains(": no package-lock.json; the Dockerfile runs 'npm install' without one, so dependency "
                + "versions are not pinned, so run 'npm install'"), r.err());
        // issue 9 class 11: never a Dockerfile that copies a lockfile that does not exist
        String dockerfile = Files.readString(dir.resolve("Dockerfile"));
        assertFalse(dockerfile.contains("package-lock.json"), dockerfile);
        assertTrue(dockerfile.contains("COPY package.json ./") && dockerfile.contains("RUN npm install --omit=dev"), dockerfile);
        Files.writeString(dir.resolve("package-lock.json"), "{\"lockfileVersion\": 3}\n");
        CliRun again = CliRun.run("init", dir.toString(), "--force");
        assertFalse(again.err().contains("warning:"), again.err());
        String locked = Files.readString(dir.resolve("Dockerfile"));
        assertTrue(locked.contains("COPY package.json package-lock.json ./") && locked.contains("RUN npm ci"), locked);
    }

    /** Class 11 for Python: poetry and pipenv without their lockfile (uv is recognised by its uv.lock) lock in the build, never COPY a missing file. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "pyproject.toml, '[tool.poetry]\nname = \"api\"\n[tool.poetry.dependencies]\npython = \"^3.11\"\nfastapi = \"*\"\n', poetry.lock, poetry lock",
        "Pipfile, '[packages]\nfastapi = \"*\"\n', Pipfile.lock, pipenv lock",
    })
    void initWarnsWhenAPythonLockfileIsMissingAndTheDockerfileLocksInTheBuild(String manifest, String body, String lock,
            String locks) throws IOException {
        Files.writeString(dir.resolve(manifest), body.replace("\\n", "\n"));
        Files.writeString(dir.resolve("main.py"), "from fastapi import FastAPI\napp = FastAPI()\n");
        CliRun r = CliRun.run("init", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains(": no " + lock + "; the Dockerfile runs '"), r.err());
        String dockerfile = Files.readString(dir.resolve("Dockerfile"));
        assertFalse(dockerfile.contains(lock + " ") || dockerfile.contains(lock + "\n"), dockerfile);
        assertTrue(dockerfile.contains(locks), dockerfile);
    }

    @Test
    void initOnAnAngularAppServesTheBrowserBuildOutputWithNginx() throws IOException {
        Files.writeString(dir.resolve("package.json"), """
                {"name": "shop", "scripts": {"ng": "ng", "start": "ng serve", "build": "ng build"},
                 "dependencies": {"@angular/core": "^19.2.0"}, "devDependencies": {"@angular/build": "^19.2.0",
                 "@angular/cli": "^19.2.0"}}
                """);
        Files.writeString(dir.resolve("package-lock.json"), "{\"lockfileVersion\": 3}\n");
        Files.writeString(dir.resolve("angular.json"), """
                {
                  "version": 1,
                  "projects": {
                    "shop": {
                      "projectType": "application",
                      "architect": {
                        "build": {
                          "builder": "@angular/build:application",
                          "options": {"outputPath": "dist/shop", "browser": "src/main.ts"}
                        }
                      }
                    }
                  }
                }
                """);
        CliRun r = CliRun.run("init", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("detected: output dist/shop/browser from angular.json"), r.err());
        assertFalse(r.err().contains("warning:"), r.err());
        String yaml = Files.readString(dir.resolve("devops.yaml"));
        assertTrue(yaml.contains("      framework: angular\n") && yaml.contains("\n    output: dist/shop/browser\n"), yaml);
        String df = Files.readString(dir.resolve("Dockerfile"));
        assertTrue(df.contains("\nRUN [\"npm\", \"run\", \"build\"]\n"), df);
        assertTrue(df.contains("\nCOPY --from=build /app/dist/shop/browser /usr/share/nginx/html\n"), df);
        assertTrue(Files.readString(dir.resolve(".dockerignore")).contains("\n.angular\n"));

        // editing devops.yaml moves the copied directory on the next render
        Files.writeString(dir.resolve("devops.yaml"), yaml.replace("output: dist/shop/browser", "output: www"));
        assertEquals(0, CliRun.run("render", dir.toString(), "--force").code());
        assertTrue(Files.readString(dir.resolve("Dockerfile"))
                .contains("\nCOPY --from=build /app/www /usr/share/nginx/html\n"));
    }

    @Test
    void initOnAGopathProgramRendersTheModuleBuildAndSaysToRunGoModInit() throws IOException {
        Files.writeString(dir.resolve("main.go"), "package main\n\nfunc main() {}\n");
        CliRun r = CliRun.run("init", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("detected: no go.mod: a GOPATH-style program"), r.err());
        String name = dir.getFileName().toString().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-");
        assertTrue(r.err().contains("warning: " + name + ": no go.mod; the Dockerfile builds a Go module (GOPATH mode is "
                + "gone), so run 'go mod init <module path>' and 'go mod tidy' in the app directory and commit go.mod and "
                + "go.sum"), r.err());
        assertTrue(Files.readString(dir.resolve("devops.yaml")).contains("language: go"));
        assertTrue(Files.readString(dir.resolve("Dockerfile")).contains("COPY go.* ./\nRUN go mod download\n"));

        Files.writeString(dir.resolve("go.mod"), "module example.com/app\n\ngo 1.22\n");
        CliRun again = CliRun.run("init", dir.toString());
        assertEquals(0, again.code(), again.err());
        assertFalse(again.err().contains("warning:"), again.err());
    }

    @Test
    void initInAnEmptyDirectoryIsAUsageErrorAndWritesNothing() throws IOException {
        CliRun r = CliRun.run("init", dir.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("no supported stack found"), r.err());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void helpWorksOnBothCommands() {
        for (String cmd : new String[] {"init", "render"}) {
            CliRun r = CliRun.run(cmd, "--help");
            assertEquals(0, r.code());
            assertTrue(r.out().contains("--templates=DIR"), r.out());
            assertTrue(r.out().contains("--dry-run"), r.out());
        }
        assertTrue(CliRun.run("render", "--help").out().contains("--check"));
        assertTrue(CliRun.run("init", "--help").out().contains("--service=TYPE[:VERSION]"));
    }
}
