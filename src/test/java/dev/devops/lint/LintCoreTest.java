package dev.devops.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.core.UserError;
import dev.devops.descriptor.LintSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCoreTest {
    @TempDir
    Path tmp;

    @Test
    void suppressionMarkers() {
        assertTrue(Suppression.suppressed("x = 1 // devops:ignore\n", 1, "SEC0030"));
        assertTrue(Suppression.suppressed("x = 1 // devops:ignore SEC0030, SEC0031 because fixture\n", 1, "SEC0031"));
        assertFalse(Suppression.suppressed("x = 1 // devops:ignore SEC0030 because fixture\n", 1, "SEC0031"));
        assertTrue(Suppression.suppressed("x = 1 // devops:ignore[DF3001]\n", 1, "DF3001"));
        assertTrue(Suppression.suppressed("# devops:ignore DC1001\nimage: x\n", 2, "DC1001"));
        assertFalse(Suppression.suppressed("# devops:ignore DC1001\n\nimage: x\n", 3, "DC1001"));
        assertTrue(Suppression.suppressed("k = v # gitleaks:allow\n", 1, "SEC0101"));
        assertTrue(Suppression.suppressed("k = v # pragma: allowlist secret\n", 1, "SEC0101"));
        assertTrue(Suppression.suppressed("# pragma: allowlist nextline secret\nk = v\n", 2, "SEC0101"));
        assertFalse(Suppression.suppressed("k = v\n", 1, "SEC0101"));
        assertFalse(Suppression.suppressed("k = v\n", 7, "SEC0101"));
    }

    @Test
    void allowlistPathsRulesValues() {
        Allowlist a = new Allowlist(new LintSettings(List.of("test/fixtures/**", "*.snap", "docs/"), List.of("sec0020"),
                List.of("^AKIA[0-9A-Z]{12}TEST$"), List.of("dummy")));
        assertTrue(a.path("test/fixtures/deep/a.json"));
        assertTrue(a.path("src/__tests__/x.snap"));
        assertTrue(a.path("docs/guide/setup.md"));
        assertFalse(a.path("src/test/fixtures.java"));
        assertTrue(a.rule("SEC0020"));
        assertFalse(a.rule("SEC0030"));
        assertTrue(a.value("AKIA" + "ABCDEFGHIJKL" + "TEST"));
        assertTrue(a.value("my-DUMMY-value"));
        assertFalse(a.value("real-value"));
        assertFalse(Allowlist.NONE.path("a"));
    }

    private static Check check(String category, Finding... findings) {
        return new Check() {
            @Override
            public String category() {
                return category;
            }

            @Override
            public List<RuleInfo> rules() {
                return List.of();
            }

            @Override
            public void run(LintContext context, Consumer<Finding> out) {
                for (Finding f : findings) {
                    out.accept(f);
                }
            }
        };
    }

    private static Finding finding(String id, Severity s, String path, int line) {
        RuleInfo r = new RuleInfo(id, "t", s, "x", "e");
        return new Finding(r, s, path, line, 1, "m", null, null, id + path, Map.of());
    }

    @Test
    void runnerSelectsSortsAndThresholds() {
        Check a = check("alpha", finding("AL2", Severity.WARNING, "b.txt", 3), finding("AL1", Severity.INFO, "a.txt", 9));
        Check b = check("beta", finding("BE1", Severity.ERROR, "a.txt", 2));
        LintRunner runner = new LintRunner(List.of(a, b));
        Report all = runner.run(LintRunner.Options.worktree(tmp));
        assertEquals(List.of("BE1", "AL1", "AL2"), all.findings().stream().map(f -> f.rule().id()).toList());
        assertTrue(all.failsAt(Severity.ERROR));
        LintRunner.Options onlyAlpha = new LintRunner.Options(tmp, LintRunner.Mode.WORKTREE, null, null, null, Set.of("alpha"),
                Set.of(), LintContext.DEFAULT_MAX_FILE_SIZE, null, null);
        Report alpha = runner.run(onlyAlpha);
        assertFalse(alpha.failsAt(Severity.ERROR));
        assertTrue(alpha.failsAt(Severity.WARNING));
        assertTrue(alpha.failsAt(Severity.INFO));
        UserError e = assertThrows(UserError.class, () -> runner.select(Set.of("alph"), Set.of()));
        assertTrue(e.oneLine().contains("did you mean 'alpha'"), e.oneLine());
    }
}
