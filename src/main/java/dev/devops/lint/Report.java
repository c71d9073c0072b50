package dev.devops.lint;

import java.util.List;

/**
 * The result of one lint run.
 *
 * @param root        what was linted (for SARIF's %SRCROOT%)
 * @param findings    findings left after suppression, allowlist and baseline, sorted by path, line, column, rule
 * @param rules       every rule of the checks that ran (for SARIF and JUnit); a run's {@link RuleCatalogue} is read
 *                    when first asked
 * @param stats       counts and timing
 */
public record Report(String root, List<Finding> findings, List<RuleInfo> rules, Stats stats) {
    public Report {
        findings = List.copyOf(findings);
        rules = rules instanceof RuleCatalogue ? rules : List.copyOf(rules);
    }

    /**
     * @param filesScanned     files (or changed files, or history blobs) read and linted
     * @param skippedBinary    binary files skipped
     * @param skippedTooLarge  files over --max-file-size skipped
     * @param unreadable       files that could not be read
     * @param suppressed       findings hidden by inline comments or the allowlist
     * @param baselined        findings hidden because the baseline lists them
     * @param millis           wall time of the run
     */
    public record Stats(int filesScanned, int skippedBinary, int skippedTooLarge, int unreadable, int suppressed,
            int baselined, long millis) {
    }

    /** Whether any finding is at or above {@code threshold}. */
    public boolean failsAt(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
    }
}
