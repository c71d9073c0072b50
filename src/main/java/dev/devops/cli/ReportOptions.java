package dev.devops.cli;

import dev.devops.core.AtomicWrite;
import dev.devops.core.SourceLocation;
import dev.devops.core.UserError;
import dev.devops.lint.Report;
import dev.devops.lint.Severity;
import dev.devops.report.Format;
import dev.devops.yaml.Suggest;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The report options of {@code lint} and {@code check}: one or more {@code --format FORMAT[=FILE]}, the
 * {@code --fail-on} threshold (the exit code and the JUnit failures follow it) and colour.
 */
final class ReportOptions {
    @Option(names = "--format", paramLabel = "FORMAT[=FILE]", completionCandidates = Completions.Formats.class, description = "text, json, sarif, github or junit (default: text). Repeat it for several reports "
        + "in one run: --format sarif=devops.sarif --format text. Without =FILE a report goes "
        + "to --output or standard output (one at most).")
    List<String> formats = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report that has no =FILE here instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", completionCandidates = Completions.Levels.class, description = "Exit 1 on findings at or above info, warning or error (default: error).")
    String failOn = "error";

    @Option(names = {"-q", "--quiet"}, description = "Text report: the findings only, no summary line (a clean run prints nothing); no notes on standard error.")
    boolean quiet;

    @Option(names = "--no-color", description = "No colour, even on a terminal (as --color=never).")
    boolean noColor;

    /** One requested report: a format and its file (null: --output or standard output). */
    record Target(Format format, Path file) {
    }

    Severity threshold() {
        Severity s = Severity.parse(failOn);
        if (s == null) {
            throw new UserError(null, "unknown --fail-on '" + failOn + "'", "use info, warning or error");
        }
        return s;
    }

    /** The reports asked for, checked before any work is done. */
    List<Target> targets() {
        List<Target> out = new ArrayList<>();
        for (String spec : formats.isEmpty() ? List.of("text") : formats) {
            int eq = spec.indexOf('=');
            String name = eq < 0 ? spec : spec.substring(0, eq);
            Format f = Format.parse(name.trim());
            if (f == null) {
                List<String> names = Arrays.stream(Format.values()).map(Format::id).toList();
                String near = Suggest.closest(name, names);
                throw new UserError(null, "unknown --format '" + name + "'" + (near != null ? " (did you mean '" + near + "'?)" : ""),
                        "use one of: " + String.join(", ", names) + ", optionally with =FILE");
            }
            if (eq >= 0 && spec.substring(eq + 1).isBlank()) {
                throw new UserError(null, "--format " + spec + " names no file", "write --format " + name + "=FILE, or leave out '='");
            }
            out.add(new Target(f, eq < 0 ? output : Path.of(spec.substring(eq + 1))));
        }
        long toStdout = out.stream().filter(t -> t.file() == null).count();
        if (toStdout > 1) {
            throw new UserError(null, "only one report can go to standard output", "give the others a file: --format sarif=devops.sarif");
        }
        Set<Path> files = new HashSet<>();
        for (Target t : out) {
            if (t.file() != null && !files.add(t.file().toAbsolutePath().normalize())) {
                throw new UserError(SourceLocation.of(t.file()), "two reports would be written to this file", "give each --format its own file");
            }
        }
        return out;
    }

    /** Writes every report. */
    void write(Report report, List<Target> targets) throws IOException {
        Severity threshold = threshold();
        for (Target t : targets) {
            if (t.file() != null) {
                // atomically: a full disk or a kill leaves the previous report, never half a JSON document
                AtomicWrite.write(t.file(), out -> {
                    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                    t.format().writer(false, BuildInfo.version(), threshold, quiet).write(report, w);
                    w.flush();
                });
                continue;
            }
            boolean colour = !noColor && Terminal.colour();
            Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            t.format().writer(colour, BuildInfo.version(), threshold, quiet).write(report, w);
            w.flush();
        }
    }
}
