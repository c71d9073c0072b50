package dev.devops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.git.TestRepo;
import dev.devops.lint.secrets.Fake;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Which files a lint run reports on (the PATHs, the staged change) and how it names them: always
 * relative to the repository root, with the root's devops.yaml and baseline, from any directory.
 */
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
@Tag("git")
class LintScopeTest {
    @TempDir
    Path tmp;

    static final String BAD_DOCKERFILE = "FROM node:latest\nCOPY . .\nCMD [\"node\", \"app.js\"]\n";
    static final String GOOD_DOCKERFILE = "FROM node:22.11-slim\nWORKDIR /app\nCOPY app.js .\nUSER node\nCMD [\"node\", \"app.js\"]\n";

    private static String password() {
        return "password = \"" + Fake.token(14) + "\"\n";
    }

    private TestRepo twoServices() {
        TestRepo r = TestRepo.init(tmp);
        r.write("Dockerfile", BAD_DOCKERFILE).write("services/api/Dockerfile", BAD_DOCKERFILE)
                .write("app.py", "print('hi')\n").write("services/api/app.js", "console.log(1)\n");
        r.commit("init");
        return r;
    }

    @Test
    void filesNamedOnTheCommandLineAreLintedExactlyAsPreCommitPassesThem() {
        twoServices();
        CliRun clean = CliRun.run("lint", tmp.resolve("app.py").toString(), tmp.resolve("services/api/app.js").toString());
        assertEquals(0, clean.code(), clean.err());
        assertTrue(clean.out().contains("No findings in 2 files"), clean.out());
        CliRun one = CliRun.run("lint", "--no-color", "--fail-on", "warning", tmp.resolve("services/api/Dockerfile").toString());
        assertEquals(1, one.code(), one.err());
        assertTrue(one.out().contains("services/api/Dockerfile:1: warning DF0001"), one.out());
        assertFalse(one.out().lines().anyMatch(l -> l.startsWith("Dockerfile:")), one.out());
        CliRun missing = CliRun.run("lint", tmp.resolve("nope.py").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope.py: no such file or directory"), missing.err());
    }

    @Test
    void aSubdirectoryIsReportedRelativeToTheRepositoryRoot() {
        twoServices();
        Path sub = tmp.resolve("services/api");
        CliRun gh = CliRun.run("lint", "--format", "github", sub.toString());
        assertTrue(gh.out().contains("::warning file=services/api/Dockerfile,line=1"), gh.out());
        assertFalse(gh.out().contains("file=Dockerfile"), gh.out());
        CliRun sarif = CliRun.run("lint", "--format", "sarif", sub.toString());
        assertTrue(sarif.out().contains("\"uri\": \"services/api/Dockerfile\""), sarif.out());
        assertTrue(sarif.out().contains(tmp.toUri().toString().replaceAll("/$", "") + "/\""), "SRCROOT is the repository root");
    }

    @Test
    void theRootAllowlistAndBaselineApplyInASubdirectory() throws Exception {
        TestRepo r = TestRepo.init(tmp);
        r.write("services/api/old.py", password()).write("services/api/fixtures/f.py", password());
        r.write("devops.yaml", "name: demo\napps:\n  web:\n    runtime:\n      language: node\n"
                + "lint:\n  allowlist:\n    paths: [\"services/api/fixtures/**\"]\n");
        r.commit("init");
        Path sub = tmp.resolve("services/api");
        CliRun first = CliRun.run("lint", "--only", "secrets", "--no-color", sub.toString());
        assertEquals(1, first.code(), first.out() + first.err());
        assertTrue(first.out().contains("services/api/old.py:1"), first.out());
        assertFalse(first.out().contains("fixtures"), first.out());
        assertEquals(1, CliRun.run("lint", "--only", "secrets", tmp.toString(), "--write-baseline",
                tmp.resolve(".devops-baseline.json").toString()).code());
        CliRun again = CliRun.run("lint", "--only", "secrets", "--no-color", sub.toString(),
                "--baseline", tmp.resolve(".devops-baseline.json").toString());
        assertEquals(0, again.code(), again.out() + again.err());
        assertTrue(again.out().contains("1 in the baseline"), again.out());
    }

    @Test
    void stagedRunsEveryFamilyOnWhatTheCommitWouldHold() throws Exception {
        TestRepo r = TestRepo.init(tmp);
        r.write("README.md", "# x\n").commit("init");
        r.write("Dockerfile", BAD_DOCKERFILE).add("Dockerfile");
        CliRun bad = CliRun.run("lint", "--staged", "--fail-on", "warning", "--no-color", tmp.toString());
        assertEquals(1, bad.code(), bad.out() + bad.err());
        assertTrue(bad.out().contains("Dockerfile:1: warning DF0001"), bad.out());
        assertTrue(bad.out().contains("DF0002"), bad.out());
        // fixed in the work tree but not staged: the commit would still hold the bad file
        Files.writeString(tmp.resolve("Dockerfile"), GOOD_DOCKERFILE);
        assertEquals(1, CliRun.run("lint", "--staged", "--fail-on", "warning", tmp.toString()).code());
        // staged fix, then broken again in the work tree only: the commit is clean
        r.add("Dockerfile");
        Files.writeString(tmp.resolve("Dockerfile"), BAD_DOCKERFILE);
        CliRun good = CliRun.run("lint", "--staged", "--fail-on", "warning", "--no-color", tmp.toString());
        assertEquals(0, good.code(), good.out());
        // unchanged files with findings are not the commit's business
        r.write("other/Dockerfile", BAD_DOCKERFILE).commit("old problem");
        r.write("README.md", "# y\n").add("README.md");
        assertEquals(0, CliRun.run("lint", "--staged", "--fail-on", "warning", tmp.toString()).code());
    }

    @Test
    void aNestedDevopsYamlIsTheProjectAndPathsStayRepositoryRelative() {
        TestRepo r = TestRepo.init(tmp);
        r.write("apps/web/devops.yaml", "name: web\napps:\n  web:\n    runtime:\n      language: node\n"
                + "lint:\n  allowlist:\n    rules: [DF0001]\n");
        r.write("apps/web/Dockerfile", BAD_DOCKERFILE).write("Dockerfile", BAD_DOCKERFILE);
        r.commit("init");
        CliRun run = CliRun.run("lint", "--only", "dockerfile", "--no-color", tmp.resolve("apps/web/Dockerfile").toString());
        assertTrue(run.out().contains("apps/web/Dockerfile:1: warning DF0002"), run.out());
        assertFalse(run.out().contains("DF0001"), "the project's own allowlist applies: " + run.out());
        assertFalse(run.out().lines().anyMatch(l -> l.startsWith("Dockerfile:")), run.out());
    }
}
