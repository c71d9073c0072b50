package dev.devops.cli;

import dev.devops.core.AtomicWrite;
import dev.devops.core.ExitCode;
import dev.devops.core.UserError;
import dev.devops.lint.LintRunner;
import dev.devops.lint.Report;
import dev.devops.lint.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code devops lint}: secrets (and the other checks) over the work tree, the staged change, history or stdin. */
@Command(name = "lint", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lint the repository: committed secrets, env parity, Dockerfile and compose rules. "
            + "Reads git's view of the work tree (tracked plus untracked files that are not ignored); a plain "
            + "walk outside git. The repository root and devops.yaml are found by walking up from the PATHs, "
            + "as git and compose do. 'devops rules' lists every rule; 'devops rules ID' explains one.",
            "",
            "Suppress a finding with a 'devops:ignore ID' comment on its line or the line above, an "
            + "allowlist in devops.yaml (lint.allowlist), or a baseline file. Secrets: error = looks live, "
            + "warning = a development default in runnable config; name-based detectors skip tests, docs and "
            + "vendored code (add paths with lint.paths.tests / lint.paths.docs). Vendored and bundled "
            + "third-party code (vendor/, node_modules/, third_party/, *.min.js, dist/) gets no Dockerfile, "
            + "compose, env or drift findings."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  no findings at or above --fail-on", "  1  findings at or above --fail-on",
            "  2  usage, configuration or input error"})
public final class LintCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files and directories to report on (default: .); the repository "
        + "is the context. Paths in reports are relative to the repository root.")
    List<Path> paths = List.of();

    @Option(names = "--staged", description = "Lint what is staged for commit, for pre-commit hooks: secrets in the added "
        + "lines, every other check on the staged files as the commit would hold them.")
    boolean staged;

    @Option(names = "--history", description = "Lint the added lines of every commit (each blob once); on a terminal, standard error shows how many commits were read.")
    boolean history;

    @Option(names = "--since", paramLabel = "REV", description = "With --history: only commits after REV, or a range A..B.")
    String since;

    @Option(names = "--stdin", description = "Lint standard input (with --stdin-filename for its file name).")
    boolean stdin;

    @Option(names = "--stdin-filename", paramLabel = "NAME", description = "The file name standard input stands for (decides the rules).")
    String stdinFilename;

    @Option(names = "--only", split = ",", paramLabel = "CATEGORY", completionCandidates = Completions.Categories.class, description = "Run only these categories (e.g. secrets).")
    List<String> only = List.of();

    @Option(names = "--skip", split = ",", paramLabel = "CATEGORY", completionCandidates = Completions.Categories.class, description = "Do not run these categories.")
    List<String> skip = List.of();

    @Option(names = "--baseline", paramLabel = "FILE", description = "Report only findings not recorded in this baseline.")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE", description = "Record the fingerprints of every finding in FILE (never the secrets).")
    Path writeBaseline;

    @Option(names = "--max-file-size", paramLabel = "SIZE", description = "Skip (and count) files larger than this: bytes, or with K or M (default: 1M).")
    String maxFileSize = "1M";

    @Mixin
    ReportOptions reports = new ReportOptions();

    @Override
    public Integer call() throws IOException {
        List<ReportOptions.Target> targets = reports.targets();
        Severity threshold = reports.threshold();
        int modes = (staged ? 1 : 0) + (history ? 1 : 0) + (stdin ? 1 : 0);
        if (modes > 1) {
            throw new UserError(null, "--staged, --history and --stdin exclude each other", "choose one");
        }
        if (since != null && !history) {
            throw new UserError(null, "--since needs --history", "add --history");
        }
        if (stdinFilename != null && !stdin) {
            throw new UserError(null, "--stdin-filename needs --stdin", "add --stdin");
        }
        long max = parseSize(maxFileSize);
        LintRunner.Mode mode = staged ? LintRunner.Mode.STAGED : history ? LintRunner.Mode.HISTORY
                : stdin ? LintRunner.Mode.STDIN : LintRunner.Mode.WORKTREE;
        // one byte more than the limit is enough to know the input is too large
        byte[] input = stdin ? System.in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, max + 1)) : null;
        if ((history || stdin) && paths.size() > 1) {
            throw new UserError(null, "--" + (history ? "history" : "stdin") + " takes one directory", "give one PATH");
        }
        LintRunner.Options options = new LintRunner.Options(paths.isEmpty() ? Path.of(".") : paths.get(0), mode, since,
                stdinFilename, input, new LinkedHashSet<>(only), new LinkedHashSet<>(skip), max, baseline, writeBaseline, paths);
        HistoryProgress progress = history ? HistoryProgress.onTerminal() : null;
        Report report;
        try {
            report = new LintRunner(LintChecks.all()).onCommit(progress == null ? null : progress::commits).run(options);
        } finally {
            if (progress != null) {
                progress.done();
            }
        }
        reports.write(report, targets);
        if (report.stats().unreadable() > 0 && !reports.quiet) {
            System.err.println(Terminal.warn("devops: " + report.stats().unreadable() + " file(s) could not be read and were skipped"));
        }
        return report.failsAt(threshold) ? ExitCode.FINDINGS : ExitCode.OK;
    }

    static long parseSize(String s) {
        String v = s.trim().toUpperCase(Locale.ROOT);
        long mult = 1;
        if (v.endsWith("IB")) {
            v = v.substring(0, v.length() - 2);
        } else if (v.endsWith("B")) {
            v = v.substring(0, v.length() - 1);
        }
        if (v.endsWith("K")) {
            mult = 1024;
        } else if (v.endsWith("M")) {
            mult = 1024 * 1024;
        } else if (v.endsWith("G")) {
            mult = 1024L * 1024 * 1024;
        }
        if (mult > 1) {
            v = v.substring(0, v.length() - 1);
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(n, mult); // 99999999999G wraps around to a negative limit otherwise
        } catch (NumberFormatException | ArithmeticException e) {
            throw new UserError(null, "--max-file-size '" + s + "' is not a size", "give bytes, or a number with K or M (e.g. 2M)");
        }
    }

}
