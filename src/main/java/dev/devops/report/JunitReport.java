package dev.devops.report;

import dev.devops.lint.Finding;
import dev.devops.lint.Report;
import dev.devops.lint.RuleInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** JUnit XML: one test suite per category, one test case per rule, a failure per finding. */
public final class JunitReport implements ReportWriter {
    @Override
    public void write(Report r, Appendable out) throws IOException {
        Map<String, Map<String, List<Finding>>> byCategory = new LinkedHashMap<>();
        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        for (RuleInfo rule : r.rules()) {
            rules.put(rule.id(), rule);
            byCategory.computeIfAbsent(rule.category(), k -> new LinkedHashMap<>()).computeIfAbsent(rule.id(), k -> new ArrayList<>());
        }
        for (Finding f : r.findings()) {
            rules.putIfAbsent(f.rule().id(), f.rule());
            byCategory.computeIfAbsent(f.rule().category(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(f.rule().id(), k -> new ArrayList<>()).add(f);
        }
        int tests = 0;
        int failures = 0;
        for (var c : byCategory.values()) {
            tests += c.size();
            for (var l : c.values()) {
                failures += l.isEmpty() ? 0 : 1;
            }
        }
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append(String.format(Locale.ROOT, "<testsuites name=\"devops lint\" tests=\"%d\" failures=\"%d\" time=\"%.3f\">%n",
                tests, failures, r.stats().millis() / 1000.0));
        for (var c : byCategory.entrySet()) {
            int cf = (int) c.getValue().values().stream().filter(l -> !l.isEmpty()).count();
            out.append("  <testsuite name=\"").append(x("lint." + c.getKey())).append("\" tests=\"")
                    .append(String.valueOf(c.getValue().size())).append("\" failures=\"").append(String.valueOf(cf)).append("\">\n");
            for (var e : c.getValue().entrySet()) {
                RuleInfo rule = rules.get(e.getKey());
                out.append("    <testcase classname=\"").append(x("lint." + c.getKey())).append("\" name=\"")
                        .append(x(rule.id() + " " + rule.title())).append('"');
                if (e.getValue().isEmpty()) {
                    out.append("/>\n");
                    continue;
                }
                out.append(">\n");
                StringBuilder body = new StringBuilder();
                for (Finding f : e.getValue()) {
                    body.append(f.path()).append(':').append(f.line()).append(':').append(f.column()).append(": ")
                            .append(f.severity().id()).append(' ').append(f.message());
                    if (f.redacted() != null) {
                        body.append(": ").append(f.redacted());
                    }
                    body.append('\n');
                }
                out.append("      <failure message=\"").append(x(e.getValue().size() + " finding(s): " + rule.title()))
                        .append("\" type=\"").append(x(rule.id())).append("\">").append(x(body.toString())).append("</failure>\n");
                out.append("    </testcase>\n");
            }
            out.append("  </testsuite>\n");
        }
        out.append("</testsuites>\n");
    }

    static String x(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        sb.append('?');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
