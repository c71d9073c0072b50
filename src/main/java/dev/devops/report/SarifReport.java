package dev.devops.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.devops.lint.Finding;
import dev.devops.lint.Report;
import dev.devops.lint.RuleInfo;
import dev.devops.lint.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: one run, every rule with its help and a helpUri that
 * resolves, security rules tagged {@code security} with a graded {@code security-severity}
 * ({@link SecurityRatings}), artifact URIs relative to the repository root ({@code %SRCROOT%}), and
 * partial fingerprints that do not contain line numbers, so alerts survive code moving. Written with
 * Jackson's streaming generator (no data binding on the lint path).
 */
public final class SarifReport implements ReportWriter {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private final String version;

    public SarifReport(String version) {
        this.version = version == null ? "0" : version;
    }

    @Override
    public void write(Report r, Appendable out) throws IOException {
        List<RuleInfo> rules = r.rules();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            index.put(rules.get(i).id(), i);
        }
        try (JsonGenerator g = Json.generator(out)) {
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA);
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            g.writeObjectFieldStart("tool");
            g.writeObjectFieldStart("driver");
            g.writeStringField("name", "devops");
            g.writeStringField("version", version);
            g.writeStringField("informationUri", REPOSITORY_URL);
            g.writeArrayFieldStart("rules");
            for (RuleInfo rule : rules) {
                rule(g, rule);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            String root = Path.of(r.root()).toUri().toString();
            g.writeObjectFieldStart("originalUriBaseIds");
            g.writeObjectFieldStart("%SRCROOT%");
            g.writeStringField("uri", root.endsWith("/") ? root : root + "/");
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("results");
            for (Finding f : r.findings()) {
                result(g, f, index.get(f.rule().id()));
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        out.append('\n');
    }

    private static void rule(JsonGenerator g, RuleInfo rule) throws IOException {
        String explanation = rule.explanation() == null || rule.explanation().isBlank() ? rule.title() : rule.explanation();
        g.writeStartObject();
        g.writeStringField("id", rule.id());
        g.writeStringField("name", name(rule.title()));
        g.writeObjectFieldStart("shortDescription");
        g.writeStringField("text", rule.title());
        g.writeEndObject();
        g.writeObjectFieldStart("fullDescription");
        g.writeStringField("text", explanation.split("\n", 2)[0]);
        g.writeEndObject();
        g.writeObjectFieldStart("help");
        g.writeStringField("text", explanation);
        g.writeStringField("markdown", "**" + rule.id() + " " + rule.title() + "**\n\n" + explanation);
        g.writeEndObject();
        g.writeStringField("helpUri", ReportWriter.helpUri(rule.id()));
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", level(rule.severity()));
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeArrayFieldStart("tags");
        g.writeString(rule.category());
        Double score = SecurityRatings.score(rule);
        if (score != null) {
            g.writeString("security");
        }
        g.writeEndArray();
        g.writeStringField("precision", "high");
        if (score != null) {
            g.writeStringField("security-severity", SecurityRatings.format(score));
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void result(JsonGenerator g, Finding f, Integer ruleIndex) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.rule().id());
        if (ruleIndex != null) {
            g.writeNumberField("ruleIndex", ruleIndex);
        }
        g.writeStringField("level", level(f.severity()));
        g.writeObjectFieldStart("message");
        g.writeStringField("text", f.message() + (f.redacted() != null ? ": " + f.redacted() : "")
                + (f.hint() != null ? ". " + f.hint() : ""));
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", uri(f.path()));
        g.writeStringField("uriBaseId", "%SRCROOT%");
        g.writeEndObject();
        if (f.line() > 0) {
            g.writeObjectFieldStart("region");
            g.writeNumberField("startLine", f.line());
            if (f.column() > 0) {
                g.writeNumberField("startColumn", f.column());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        if (f.fingerprint() != null) {
            g.writeObjectFieldStart("partialFingerprints");
            g.writeStringField("devops/v1", f.fingerprint());
            g.writeEndObject();
        }
        if (!f.properties().isEmpty()) {
            g.writeObjectFieldStart("properties");
            for (var e : f.properties().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** "Hard-coded password" → "HardCodedPassword". */
    static String name(String title) {
        StringBuilder sb = new StringBuilder();
        boolean up = true;
        for (char c : title.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            } else {
                up = true;
            }
        }
        return sb.toString();
    }

    /** A relative URI reference: each path segment percent-encoded where needed. */
    static String uri(String path) {
        StringBuilder sb = new StringBuilder();
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
