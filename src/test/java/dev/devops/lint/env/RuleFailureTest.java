package dev.devops.lint.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.lint.Finding;
import dev.devops.lint.LintContext;
import dev.devops.lint.LintRunner;
import dev.devops.lint.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule that throws costs only its own findings, in the env and drift families as in the Dockerfile and compose
 * ones: the runner of the family reports it as one LINT0000 finding naming the rule, and the other rules still run.
 * Before the rules were units, one exception anywhere in EnvCheck or DriftCheck lost every finding of the family.
 */
class RuleFailureTest {
    @TempDir
    Path dir;

    @Test
    void aThrowingEnvRuleIsReportedAndTheOtherRulesStillRun() throws IOException {
        Files.writeString(dir.resolve(".env"), "db_host=localhost\n");
        EnvRule broken = EnvRule.of("ENV9999", Severity.WARNING, "broken", "a rule with a bug", (s, o) -> {
            throw new IllegalStateException("boom");
        });
        List<String> ids = run(new EnvCheck(List.of(broken, ENV0012LowercaseKey.RULE)));
        assertTrue(ids.contains("ENV0012 .env"), ids.toString());
        assertTrue(ids.contains("LINT0000 . the env check's rule ENV9999 failed"), ids.toString());
    }

    @Test
    void aThrowingDriftRuleIsReportedAndTheOtherRulesStillRun() throws IOException {
        Files.writeString(dir.resolve(".nvmrc"), "18\n");
        Files.writeString(dir.resolve("Dockerfile"), "FROM node:20-alpine\n");
        DriftRule broken = DriftRule.of("DRIFT9999", Severity.WARNING, "broken", "a rule with a bug", (s, o) -> {
            throw new IllegalStateException("boom");
        });
        List<String> ids = run(new DriftCheck(List.of(broken, DRIFT0003ImageVersion.RULE)));
        assertTrue(ids.contains("DRIFT0003 Dockerfile"), ids.toString());
        assertTrue(ids.contains("LINT0000 . the drift check's rule DRIFT9999 failed"), ids.toString());
    }

    private List<String> run(dev.devops.lint.Check check) throws IOException {
        List<String> files = new ArrayList<>();
        try (var s = Files.list(dir)) {
            s.forEach(p -> files.add(p.getFileName().toString()));
        }
        LintContext ctx = new LintContext(dir, files, Set.of(), null);
        List<Finding> all = new ArrayList<>();
        LintRunner.runCheck(check, ctx, all::add, all::add);
        assertEquals(1, all.stream().filter(f -> f.rule().id().equals("LINT0000")).count(), all.toString());
        return all.stream().map(f -> f.rule().id() + " " + f.path()
                + (f.rule().id().equals("LINT0000") ? " " + f.message().replaceAll(" \\(.*", "") : "")).toList();
    }
}
