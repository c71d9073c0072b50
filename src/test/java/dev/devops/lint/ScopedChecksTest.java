package dev.devops.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.git.TestRepo;
import dev.devops.lint.compose.ComposeCheck;
import dev.devops.lint.dockerfile.DockerfileCheck;
import dev.devops.lint.env.DriftCheck;
import dev.devops.lint.env.EnvCheck;
import dev.devops.lint.secrets.SecretsCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that reports on some files only (lint --staged, lint FILE…) runs only the checks whose findings can
 * land on one of them ({@link Check#reportsOn}): a commit of app code does not parse Dockerfiles or render
 * templates, and the findings are the same as before.
 */
@Tag("git")
class ScopedChecksTest {
    @TempDir
    Path tmp;

    /** A real check, counting its runs. */
    private static class Counting implements Check {
        final Check check;
        int runs;
        int catalogueReads;

        Counting(Check check) {
            this.check = check;
        }

        static Counting of(Check check) {
            return check instanceof TextCheck ? new CountingText(check) : new Counting(check);
        }

        @Override
        public String category() {
            return check.category();
        }

        @Override
        public List<RuleInfo> rules() {
            catalogueReads++;
            return check.rules();
        }

        @Override
        public boolean reportsOn(String path) {
            return check.reportsOn(path);
        }

        @Override
        public void run(LintContext context, Consumer<Finding> out) {
            runs++;
            check.run(context, out);
        }
    }

    /** A real text check, counting its runs and scans. */
    private static final class CountingText extends Counting implements TextCheck {
        CountingText(Check check) {
            super(check);
        }

        @Override
        public void scan(TextUnit unit, LintContext context, Consumer<Finding> out) {
            runs++;
            ((TextCheck) check).scan(unit, context, out);
        }
    }

    private final List<Counting> checks = new ArrayList<>();

    private Report lint(LintRunner.Mode mode, Path... paths) {
        checks.clear();
        for (Check c : List.of(SecretsCheck.builtin(), new DockerfileCheck(), new ComposeCheck(), new EnvCheck(), new DriftCheck())) {
            checks.add(Counting.of(c));
        }
        List<Path> ps = List.of(paths);
        return new LintRunner(List.copyOf(checks)).run(new LintRunner.Options(ps.get(0), mode, null, null, null, Set.of(),
                Set.of(), LintContext.DEFAULT_MAX_FILE_SIZE, null, null, ps));
    }

    private Set<String> ran() {
        Set<String> out = new TreeSet<>();
        checks.stream().filter(c -> c.runs > 0).forEach(c -> out.add(c.category()));
        return out;
    }

    private static Set<String> ids(Report r) {
        Set<String> out = new TreeSet<>();
        r.findings().forEach(f -> out.add(f.path() + ":" + f.rule().id()));
        return out;
    }

    private TestRepo repo() {
        TestRepo r = TestRepo.init(tmp);
        r.write("Dockerfile", "FROM node:latest\nCOPY . .\nCMD [\"node\", \"app.js\"]\n")
                .write("compose.yaml", "services:\n  web:\n    build: .\n    privileged: true\n")
                .write(".nvmrc", "20\n")
                .write("app.js", "console.log(process.env.PORT)\n");
        r.commit("init");
        return r;
    }

    @Test
    void aStagedSourceFileRunsTheChecksThatReportOnSourceFilesOnly() {
        TestRepo r = repo();
        r.write("app.js", "console.log(process.env.PORT, process.env.API_URL)\n").add("app.js");
        Report report = lint(LintRunner.Mode.STAGED, tmp);
        assertEquals(Set.of("env", "secrets"), ran());
        assertTrue(report.findings().stream().allMatch(f -> f.path().equals("app.js")), ids(report).toString());
        // a text report reads no rule catalogue: the Dockerfile and compose rules stay unloaded
        assertEquals(0, checks.stream().mapToInt(c -> c.catalogueReads).sum(), "rules() asked before a report needs them");
        assertFalse(report.rules().stream().noneMatch(i -> i.id().startsWith("DF")), "the report still lists every selected rule");
    }

    @Test
    void aStagedDockerfileRunsItsChecksAndReportsAsBefore() {
        TestRepo r = repo();
        r.write("Dockerfile", "FROM node:latest\nCOPY . .\nRUN echo hi\nCMD [\"node\", \"app.js\"]\n").add("Dockerfile");
        Report report = lint(LintRunner.Mode.STAGED, tmp);
        assertTrue(ran().containsAll(Set.of("dockerfile", "drift", "secrets")), ran().toString());
        assertFalse(ran().contains("compose"), ran().toString());
        assertTrue(ids(report).contains("Dockerfile:DF0001"), ids(report).toString());
    }

    @Test
    void filesNamedOnTheCommandLineRunOnlyTheChecksThatReportOnThem() {
        repo();
        Report src = lint(LintRunner.Mode.WORKTREE, tmp.resolve("app.js"));
        assertEquals(Set.of("env", "secrets"), ran());
        assertTrue(src.findings().stream().allMatch(f -> f.path().equals("app.js")), ids(src).toString());
        Report compose = lint(LintRunner.Mode.WORKTREE, tmp.resolve("compose.yaml"));
        assertTrue(ran().contains("compose") && !ran().contains("dockerfile"), ran().toString());
        assertTrue(ids(compose).stream().anyMatch(s -> s.startsWith("compose.yaml:DC")), ids(compose).toString());
        lint(LintRunner.Mode.WORKTREE, tmp);
        assertEquals(Set.of("compose", "dockerfile", "drift", "env", "secrets"), ran(), "a whole-repository run runs every check");
    }
}
