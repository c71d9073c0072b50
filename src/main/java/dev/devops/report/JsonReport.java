package dev.devops.report;

import dev.devops.core.Quote;
import dev.devops.lint.Finding;
import dev.devops.lint.Report;
import java.io.IOException;
import java.util.Map;

/** Machine-readable: {@code {"findings": [...], "stats": {...}}}; secrets only redacted. */
public final class JsonReport implements ReportWriter {
    @Override
    public void write(Report r, Appendable out) throws IOException {
        out.append("{\n  \"findings\": [");
        String sep = "\n";
        for (Finding f : r.findings()) {
            out.append(sep).append("    {\"rule\": ").append(Quote.json(f.rule().id()))
                    .append(", \"title\": ").append(Quote.json(f.rule().title()))
                    .append(", \"category\": ").append(Quote.json(f.rule().category()))
                    .append(", \"severity\": ").append(Quote.json(f.severity().id()))
                    .append(", \"path\": ").append(Quote.json(f.path()))
                    .append(", \"line\": ").append(String.valueOf(f.line()))
                    .append(", \"column\": ").append(String.valueOf(f.column()))
                    .append(", \"message\": ").append(Quote.json(f.message()))
                    .append(", \"redacted\": ").append(Quote.json(f.redacted()))
                    .append(", \"hint\": ").append(Quote.json(f.hint()))
                    .append(", \"fingerprint\": ").append(Quote.json(f.fingerprint()))
                    .append(", \"properties\": {");
            String psep = "";
            for (Map.Entry<String, String> e : f.properties().entrySet()) {
                out.append(psep).append(Quote.json(e.getKey())).append(": ").append(Quote.json(e.getValue()));
                psep = ", ";
            }
            out.append("}}");
            sep = ",\n";
        }
        Report.Stats s = r.stats();
        out.append(r.findings().isEmpty() ? "],\n" : "\n  ],\n")
                .append("  \"stats\": {\"filesScanned\": ").append(String.valueOf(s.filesScanned()))
                .append(", \"skippedBinary\": ").append(String.valueOf(s.skippedBinary()))
                .append(", \"skippedTooLarge\": ").append(String.valueOf(s.skippedTooLarge()))
                .append(", \"unreadable\": ").append(String.valueOf(s.unreadable()))
                .append(", \"suppressed\": ").append(String.valueOf(s.suppressed()))
                .append(", \"baselined\": ").append(String.valueOf(s.baselined()))
                .append(", \"millis\": ").append(String.valueOf(s.millis())).append("}\n}\n");
    }
}
