package dev.devops.report;

import dev.devops.lint.Finding;
import dev.devops.lint.Report;
import dev.devops.lint.RuleInfo;
import dev.devops.lint.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as CI systems read it (GitLab {@code artifacts:reports:junit}, Jenkins, GitHub test
 * reporters): one test suite per category that ran, one test case per finding (named by rule and
 * location, with {@code file} and {@code line} attributes), a {@code <failure>} only for findings at or
 * above {@code --fail-on} (the others pass, their message in {@code <system-out>}), and one passing
 * case for a category without findings. So the report fails exactly when the exit code does. Written
 * with the JDK's {@link XMLStreamWriter}.
 */
public final class JunitReport implements ReportWriter {
    private final Severity failOn;

    public JunitReport(Severity failOn) {
        this.failOn = failOn == null ? Severity.ERROR : failOn;
    }

    public JunitReport() {
        this(Severity.ERROR);
    }

    @Override
    public void write(Report r, Appendable out) throws IOException {
        Map<String, List<Finding>> byCategory = new LinkedHashMap<>();
        for (RuleInfo rule : r.rules()) {
            byCategory.computeIfAbsent(rule.category(), k -> new ArrayList<>());
        }
        for (Finding f : r.findings()) {
            byCategory.computeIfAbsent(f.rule().category(), k -> new ArrayList<>()).add(f);
        }
        int tests = 0;
        int failures = 0;
        for (List<Finding> l : byCategory.values()) {
            tests += Math.max(1, l.size());
            failures += (int) l.stream().filter(this::fails).count();
        }
        StringWriter buf = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(buf);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "devops");
            x.writeAttribute("tests", String.valueOf(tests));
            x.writeAttribute("failures", String.valueOf(failures));
            x.writeAttribute("errors", "0");
            x.writeAttribute("time", seconds(r.stats().millis()));
            for (Map.Entry<String, List<Finding>> c : byCategory.entrySet()) {
                String suite = "devops." + c.getKey();
                List<Finding> findings = c.getValue();
                x.writeCharacters("\n  ");
                x.writeStartElement("testsuite");
                x.writeAttribute("name", suite);
                x.writeAttribute("tests", String.valueOf(Math.max(1, findings.size())));
                x.writeAttribute("failures", String.valueOf(findings.stream().filter(this::fails).count()));
                x.writeAttribute("errors", "0");
                x.writeAttribute("skipped", "0");
                if (findings.isEmpty()) {
                    x.writeCharacters("\n    ");
                    x.writeEmptyElement("testcase");
                    x.writeAttribute("classname", suite);
                    x.writeAttribute("name", c.getKey() + ": no findings");
                    x.writeAttribute("time", "0");
                }
                for (Finding f : findings) {
                    testcase(x, suite, f);
                }
                x.writeCharacters("\n  ");
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
        }
        out.append(buf.toString());
    }

    private boolean fails(Finding f) {
        return f.severity().atLeast(failOn);
    }

    private void testcase(XMLStreamWriter x, String suite, Finding f) throws XMLStreamException {
        String location = f.path() + (f.line() > 0 ? ":" + f.line() + (f.column() > 0 ? ":" + f.column() : "") : "");
        String text = location + ": " + f.severity().id() + " " + f.rule().id() + " " + f.message()
                + (f.redacted() != null ? ": " + f.redacted() : "") + (f.hint() != null ? "\nhint: " + f.hint() : "")
                + "\n" + ReportWriter.helpUri(f.rule().id());
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", suite);
        x.writeAttribute("name", xml(f.rule().id() + " " + location));
        x.writeAttribute("file", xml(f.path()));
        if (f.line() > 0) {
            x.writeAttribute("line", String.valueOf(f.line()));
        }
        x.writeAttribute("time", "0");
        x.writeCharacters("\n      ");
        if (fails(f)) {
            x.writeStartElement("failure");
            x.writeAttribute("type", f.rule().id());
            x.writeAttribute("message", xml(f.severity().id() + ": " + f.rule().title()));
            x.writeCharacters(xml(text));
        } else {
            x.writeStartElement("system-out");
            x.writeCharacters(xml(text));
        }
        x.writeEndElement();
        x.writeCharacters("\n    ");
        x.writeEndElement();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** XML 1.0 cannot hold most control characters, even escaped: they become '?'. */
    static String xml(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0xFFFE || c == 0xFFFF;
            if (bad) {
                if (sb == null) {
                    sb = new StringBuilder(s);
                }
                sb.setCharAt(i, '?');
            }
        }
        return sb == null ? s : sb.toString();
    }
}
