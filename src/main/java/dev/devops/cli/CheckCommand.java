package dev.devops.cli;

import dev.devops.core.ExitCode;
import dev.devops.lint.LintRunner;
import dev.devops.lint.Report;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code devops check}: the CI gate. Every lint family plus render --check, one report, one exit code. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The CI gate: every lint check (secrets, env, dockerfile, compose, drift) and "
            + "'render --check' (the files devops.yaml renders exist and match it) in one run, with one "
            + "report per --format and one exit code. Paths in reports are relative to the repository root.",
            "",
            "Example: devops check --format sarif=devops.sarif --format junit=devops.xml --format text"},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  no findings at or above --fail-on", "  1  findings at or above --fail-on",
            "  2  usage, configuration or input error (devops.yaml invalid, a template error)"})
public final class CheckCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files and directories to report on (default: .); the repository is the context.")
    List<Path> paths = List.of();

    @Mixin
    ReportOptions reports = new ReportOptions();

    @Option(names = "--skip", split = ",", paramLabel = "CATEGORY", completionCandidates = Completions.Categories.class, description = "Do not run these categories (e.g. drift).")
    List<String> skip = List.of();

    @Option(names = "--baseline", paramLabel = "FILE", description = "Report only findings not recorded in this baseline (written by lint --write-baseline).")
    Path baseline;

    @Option(names = "--max-file-size", paramLabel = "SIZE", description = "Skip (and count) files larger than this: bytes, or with K or M (default: 1M).")
    String maxFileSize = "1M";

    @Override
    public Integer call() throws IOException {
        List<ReportOptions.Target> targets = reports.targets();
        var threshold = reports.threshold();
        long max = LintCommand.parseSize(maxFileSize);
        LintRunner.Options options = new LintRunner.Options(paths.isEmpty() ? Path.of(".") : paths.get(0), LintRunner.Mode.WORKTREE,
                null, null, null, Set.of(), new LinkedHashSet<>(skip), max, baseline, null, paths);
        Report report = new LintRunner(LintChecks.withRender()).run(options);
        reports.write(report, targets);
        if (report.stats().unreadable() > 0 && !reports.quiet) {
            System.err.println(Terminal.warn("devops: " + report.stats().unreadable() + " file(s) could not be read and were skipped"));
        }
        return report.failsAt(threshold) ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
