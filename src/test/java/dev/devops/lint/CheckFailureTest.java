package dev.devops.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.lint.compose.ComposeCheck;
import dev.devops.lint.dockerfile.DockerfileCheck;
import dev.devops.lint.env.DriftCheck;
import dev.devops.lint.env.EnvCheck;
import dev.devops.lint.secrets.SecretsCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A check that throws is reported the same way by every family: one LINT0000 error finding (so the run
 * fails whatever --fail-on says), and the other checks still run. Before, the env and drift checks
 * swallowed their own exceptions (the run passed with their findings silently missing), and a Dockerfile,
 * compose or secrets crash outside a single rule ended the whole lint with a stack trace.
 */
class CheckFailureTest {
    @TempDir
    Path dir;

    /**
     * Each family's real check, given a file of its kind whose path the file system refuses (a NUL byte):
     * resolving it throws InvalidPathException, an exception no check expects; it stands for any bug.
     */
    static Stream<Arguments> families() {
        return Stream.of(
                Arguments.of(new DockerfileCheck(), "x\u0000/Dockerfile"),
                Arguments.of(new ComposeCheck(), "x\u0000/compose.yaml"),
                Arguments.of(new EnvCheck(), "x\u0000/.env"),
                Arguments.of(new DriftCheck(), "x\u0000/.nvmrc"),
                Arguments.of(SecretsCheck.builtin(), "x\u0000/config.txt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void aCheckThatThrowsGivesOneErrorFindingThroughTheRunner(Check check, String badPath) throws IOException {
        Files.writeString(dir.resolve("README.md"), "hello\n");
        LintContext ctx = new LintContext(dir, List.of("README.md", badPath), Set.of(), null);
        List<Finding> findings = new ArrayList<>();
        List<Finding> failures = new ArrayList<>();
        LintRunner.runCheck(check, ctx, findings::add, failures::add);
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(failures);
        List<Finding> crashes = all.stream().filter(f -> f.rule().id().equals("LINT0000")).toList();
        assertEquals(1, crashes.size(), check.category() + ": " + all);
        Finding f = crashes.get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(check.category(), f.properties().get("category"));
        assertTrue(f.message().startsWith("the " + check.category() + " check"), f.message());
        assertTrue(f.message().contains("InvalidPathException"), f.message());
        assertTrue(f.hint().contains("--skip " + check.category()), f.hint());
        assertEquals(32, f.fingerprint().length());
    }

    /** The secrets and env checks go on file by file: a crash on one file loses only that file's findings. */
    @Test
    void aCrashOnOneFileLeavesTheOtherFilesLinted() throws IOException {
        Files.writeString(dir.resolve("settings.py"), "password = \"" + dev.devops.lint.secrets.Fake.token(14) + "\"\n");
        Files.writeString(dir.resolve(".env"), "db_host=localhost\n");
        LintContext ctx = new LintContext(dir, List.of("settings.py", ".env", "x\u0000/.env", "x\u0000/a.txt"), Set.of(), null);
        for (Check check : List.of(SecretsCheck.builtin(), new EnvCheck())) {
            List<Finding> all = new ArrayList<>();
            LintRunner.runCheck(check, ctx, all::add, all::add);
            List<String> ids = all.stream().map(f -> f.rule().id() + " " + f.path()).toList();
            assertTrue(ids.stream().anyMatch(x -> x.startsWith("LINT0000 x")), check.category() + ": " + ids);
            assertTrue(ids.contains(check instanceof EnvCheck ? "ENV0012 .env" : "SEC0030 settings.py"),
                    check.category() + ": " + ids);
        }
    }

    @Test
    void theRunnerReportsACrashedCheckAndRunsTheOthers() throws IOException {
        Files.writeString(dir.resolve("Dockerfile"), "FROM node\nCMD node server.js\n");
        Check throwing = new Check() {
            @Override
            public String category() {
                return "env";
            }

            @Override
            public List<RuleInfo> rules() {
                return new EnvCheck().rules();
            }

            @Override
            public void run(LintContext context, Consumer<Finding> out) {
                throw new IllegalStateException("boom");
            }
        };
        Report r = new LintRunner(List.of(throwing, new DockerfileCheck())).run(LintRunner.Options.worktree(dir));
        List<String> ids = r.findings().stream().map(f -> f.rule().id()).toList();
        assertTrue(ids.contains("DF0001"), ids.toString()); // the other check ran
        Finding crash = r.findings().stream().filter(f -> f.rule().id().equals("LINT0000")).findFirst().orElseThrow();
        assertEquals(".", crash.path());
        assertTrue(crash.message().contains("the env check failed (java.lang.IllegalStateException: boom)"), crash.message());
        assertTrue(r.failsAt(Severity.ERROR));
        assertTrue(r.rules().stream().anyMatch(x -> x.id().equals("LINT0000")), "SARIF/JUnit get the rule");
    }

    @Test
    void aBaselineNeverHidesACrash() throws IOException {
        Check throwing = new Check() {
            @Override
            public String category() {
                return "drift";
            }

            @Override
            public List<RuleInfo> rules() {
                return List.of();
            }

            @Override
            public void run(LintContext context, Consumer<Finding> out) {
                throw new IllegalStateException("boom");
            }
        };
        Path baseline = dir.resolve("baseline.json");
        LintRunner runner = new LintRunner(List.of(throwing));
        runner.run(new LintRunner.Options(dir, LintRunner.Mode.WORKTREE, null, null, null, Set.of(), Set.of(),
                LintContext.DEFAULT_MAX_FILE_SIZE, null, baseline));
        Report again = runner.run(new LintRunner.Options(dir, LintRunner.Mode.WORKTREE, null, null, null, Set.of(), Set.of(),
                LintContext.DEFAULT_MAX_FILE_SIZE, baseline, null));
        assertFalse(again.findings().isEmpty(), "a crash recorded in a baseline is still reported");
    }
}
