package dev.devops.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.devops.lint.Finding;
import dev.devops.lint.Report;
import java.io.IOException;
import java.util.Map;

/** Machine-readable: {@code {"findings": [...], "stats": {...}}}; secrets only redacted. Jackson streaming. */
public final class JsonReport implements ReportWriter {
    @Override
    public void write(Report r, Appendable out) throws IOException {
        try (JsonGenerator g = Json.generator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("findings");
            for (Finding f : r.findings()) {
                g.writeStartObject();
                g.writeStringField("rule", f.rule().id());
                g.writeStringField("title", f.rule().title());
                g.writeStringField("category", f.rule().category());
                g.writeStringField("severity", f.severity().id());
                g.writeStringField("path", f.path());
                g.writeNumberField("line", f.line());
                g.writeNumberField("column", f.column());
                g.writeStringField("message", f.message());
                g.writeStringField("redacted", f.redacted());
                g.writeStringField("hint", f.hint());
                g.writeStringField("fingerprint", f.fingerprint());
                g.writeObjectFieldStart("properties");
                for (Map.Entry<String, String> e : f.properties().entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            Report.Stats s = r.stats();
            g.writeObjectFieldStart("stats");
            g.writeNumberField("filesScanned", s.filesScanned());
            g.writeNumberField("skippedBinary", s.skippedBinary());
            g.writeNumberField("skippedTooLarge", s.skippedTooLarge());
            g.writeNumberField("unreadable", s.unreadable());
            g.writeNumberField("suppressed", s.suppressed());
            g.writeNumberField("baselined", s.baselined());
            g.writeNumberField("millis", s.millis());
            g.writeEndObject();
            g.writeEndObject();
        }
        out.append('\n');
    }
}
