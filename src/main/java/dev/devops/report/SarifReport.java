package dev.devops.report;

import dev.devops.core.Quote;
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
 * SARIF 2.1.0 as GitHub code scanning reads it: one run, every rule with its help and helpUri,
 * repository-relative artifact URIs against {@code %SRCROOT%}, and partial fingerprints so alerts
 * survive code moving.
 */
public final class SarifReport implements ReportWriter {
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
        out.append("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n")
                .append("  \"runs\": [\n    {\n      \"tool\": {\n        \"driver\": {\n")
                .append("          \"name\": \"devops\",\n          \"version\": ").append(Quote.json(version)).append(",\n")
                .append("          \"informationUri\": ").append(Quote.json(ReportWriter.RULES_URL.substring(0, ReportWriter.RULES_URL.indexOf('#'))))
                .append(",\n          \"rules\": [");
        String sep = "\n";
        for (RuleInfo rule : rules) {
            String[] parts = rule.explanation() == null ? new String[] {rule.title()} : rule.explanation().split("\n", 2);
            out.append(sep).append("            {\"id\": ").append(Quote.json(rule.id()))
                    .append(", \"name\": ").append(Quote.json(name(rule.title())))
                    .append(", \"shortDescription\": {\"text\": ").append(Quote.json(rule.title())).append('}')
                    .append(", \"fullDescription\": {\"text\": ").append(Quote.json(parts[0])).append('}')
                    .append(", \"help\": {\"text\": ").append(Quote.json(rule.explanation() == null ? rule.title() : rule.explanation()))
                    .append(", \"markdown\": ").append(Quote.json("**" + rule.id() + " " + rule.title() + "**\n\n"
                            + (rule.explanation() == null ? "" : rule.explanation()))).append('}')
                    .append(", \"helpUri\": ").append(Quote.json(ReportWriter.helpUri(rule.id())))
                    .append(", \"defaultConfiguration\": {\"level\": ").append(Quote.json(level(rule.severity()))).append('}')
                    .append(", \"properties\": {\"tags\": [").append(Quote.json(rule.category()))
                    .append(rule.category().equals("secrets") ? ", \"security\"" : "").append("], \"precision\": \"high\"")
                    .append(rule.category().equals("secrets") ? ", \"security-severity\": \"" + securitySeverity(rule.severity()) + "\"" : "")
                    .append("}}");
            sep = ",\n";
        }
        out.append(rules.isEmpty() ? "]\n" : "\n          ]\n").append("        }\n      },\n");
        String root = Path.of(r.root()).toUri().toString();
        out.append("      \"originalUriBaseIds\": {\"%SRCROOT%\": {\"uri\": ").append(Quote.json(root.endsWith("/") ? root : root + "/"))
                .append("}},\n      \"results\": [");
        sep = "\n";
        for (Finding f : r.findings()) {
            out.append(sep).append("        {\"ruleId\": ").append(Quote.json(f.rule().id()));
            Integer i = index.get(f.rule().id());
            if (i != null) {
                out.append(", \"ruleIndex\": ").append(String.valueOf(i));
            }
            out.append(", \"level\": ").append(Quote.json(level(f.severity())))
                    .append(", \"message\": {\"text\": ").append(Quote.json(f.message() + (f.redacted() != null ? ": " + f.redacted() : "")
                            + (f.hint() != null ? ". " + f.hint() : ""))).append('}')
                    .append(", \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ").append(Quote.json(uri(f.path())))
                    .append(", \"uriBaseId\": \"%SRCROOT%\"}");
            if (f.line() > 0) {
                out.append(", \"region\": {\"startLine\": ").append(String.valueOf(f.line()));
                if (f.column() > 0) {
                    out.append(", \"startColumn\": ").append(String.valueOf(f.column()));
                }
                out.append('}');
            }
            out.append("}}]");
            if (f.fingerprint() != null) {
                out.append(", \"partialFingerprints\": {\"devops/v1\": ").append(Quote.json(f.fingerprint())).append('}');
            }
            if (!f.properties().isEmpty()) {
                out.append(", \"properties\": {");
                String psep = "";
                for (var e : f.properties().entrySet()) {
                    out.append(psep).append(Quote.json(e.getKey())).append(": ").append(Quote.json(e.getValue()));
                    psep = ", ";
                }
                out.append('}');
            }
            out.append('}');
            sep = ",\n";
        }
        out.append(r.findings().isEmpty() ? "]\n" : "\n      ]\n").append("    }\n  ]\n}\n");
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private static String securitySeverity(Severity s) {
        return switch (s) {
            case ERROR -> "8.0";
            case WARNING -> "5.0";
            case INFO -> "2.0";
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
