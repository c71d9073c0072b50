package dev.devops.cli;

import dev.devops.lint.Finding;
import dev.devops.lint.LintRunner;
import dev.devops.lint.Report;
import dev.devops.lint.Severity;
import dev.devops.release.CheckResult;
import java.nio.file.Path;

/**
 * The validation gate before an artifact is built: what {@code devops check} runs, every lint family plus
 * {@code render --check} (RENDER0001/0002) over the project's work tree, with the same checks
 * ({@link LintChecks#withRender()}).
 */
final class BuildGate {
    /** The report and its summary for the manifest. */
    record Outcome(Report report, CheckResult result) {
    }

    private BuildGate() {
    }

    static Outcome run(Path projectDir, Severity failOn) {
        Report report = new LintRunner(LintChecks.withRender()).run(LintRunner.Options.worktree(projectDir));
        int errors = 0;
        int warnings = 0;
        int infos = 0;
        for (Finding f : report.findings()) {
            switch (f.severity()) {
                case ERROR -> errors++;
                case WARNING -> warnings++;
                default -> infos++;
            }
        }
        String status = report.failsAt(failOn) ? CheckResult.FAILED : CheckResult.PASSED;
        return new Outcome(report, new CheckResult(status, failOn.id(), errors, warnings, infos));
    }
}
