package dev.devops.report;

import dev.devops.lint.Finding;
import dev.devops.lint.Report;
import dev.devops.lint.Severity;
import java.io.IOException;
import java.util.Locale;

/** For people: {@code path:line:col: error SEC0101 title: ghp_****…3fA}, a hint, and a summary line. */
public final class TextReport implements ReportWriter {
    private final boolean colour;
    private final boolean summary;

    public TextReport(boolean colour) {
        this(colour, true);
    }

    /** {@code summary}: end with the count line ("No findings in 12 files (0.20 s)"); without it a clean run prints nothing. */
    public TextReport(boolean colour, boolean summary) {
        this.colour = colour;
        this.summary = summary;
    }

    @Override
    public void write(Report r, Appendable out) throws IOException {
        for (Finding f : r.findings()) {
            StringBuilder loc = new StringBuilder(f.path());
            if (f.line() > 0) {
                loc.append(':').append(f.line());
                if (f.column() > 0) {
                    loc.append(':').append(f.column());
                }
            }
            out.append(paint(loc.toString(), "1")).append(": ")
                    .append(paint(f.severity().id(), f.severity() == Severity.ERROR ? "31" : f.severity() == Severity.WARNING ? "33" : "36"))
                    .append(' ').append(paint(f.rule().id(), "2")).append(' ').append(f.message());
            if (f.redacted() != null) {
                out.append(": ").append(f.redacted());
            }
            out.append('\n');
            String commit = f.properties().get("commit");
            if (commit != null) {
                out.append("    in commit ").append(commit, 0, Math.min(12, commit.length()));
                if (f.properties().containsKey("author")) {
                    out.append(" by ").append(f.properties().get("author"));
                }
                if (f.properties().containsKey("date")) {
                    out.append(" on ").append(f.properties().get("date"));
                }
                out.append('\n');
            }
            if (f.hint() != null && !f.hint().isBlank()) {
                out.append(paint("    hint: " + f.hint(), "2")).append('\n');
            }
        }
        if (!summary) {
            return;
        }
        Report.Stats s = r.stats();
        long errors = r.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = r.findings().stream().filter(f -> f.severity() == Severity.WARNING).count();
        long infos = r.findings().size() - errors - warnings;
        StringBuilder sum = new StringBuilder();
        sum.append(r.findings().isEmpty() ? "No findings" : r.findings().size() + (r.findings().size() == 1 ? " finding" : " findings")
                + " (" + errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning" + (warnings == 1 ? "" : "s")
                + (infos > 0 ? ", " + infos + " info" : "") + ")");
        sum.append(" in ").append(s.filesScanned()).append(s.filesScanned() == 1 ? " file" : " files");
        if (s.skippedBinary() + s.skippedTooLarge() + s.unreadable() > 0) {
            sum.append("; skipped ").append(s.skippedBinary()).append(" binary, ").append(s.skippedTooLarge()).append(" too large");
            if (s.unreadable() > 0) {
                sum.append(", ").append(s.unreadable()).append(" unreadable");
            }
        }
        if (s.suppressed() > 0) {
            sum.append("; ").append(s.suppressed()).append(" suppressed");
        }
        if (s.baselined() > 0) {
            sum.append("; ").append(s.baselined()).append(" in the baseline");
        }
        sum.append(String.format(Locale.ROOT, " (%.2f s)", s.millis() / 1000.0));
        out.append(paint(sum.toString(), r.findings().isEmpty() ? "32" : "1")).append('\n');
    }

    private String paint(String s, String code) {
        return colour ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
