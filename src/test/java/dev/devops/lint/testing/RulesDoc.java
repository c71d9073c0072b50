package dev.devops.lint.testing;

import dev.devops.lint.RuleInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Keeps a generated section of {@code docs/RULES.md} in sync with rule metadata: the section between
 * {@code <!-- BEGIN name -->} and {@code <!-- END name -->} must equal {@link #render}. Run a test with
 * {@code -Ddevops.updateDocs=true} to rewrite the section instead of failing.
 */
public final class RulesDoc {
    private RulesDoc() {
    }

    public static Path file() {
        return Path.of(System.getProperty("devops.project.dir", "."), "docs", "RULES.md");
    }

    /** The markdown of one rule family: a summary table, then one paragraph per rule. */
    public static String render(String heading, List<RuleInfo> rules) {
        StringBuilder sb = new StringBuilder();
        sb.append("## ").append(heading).append("\n\n| ID | Severity | Title |\n|----|----------|-------|\n");
        for (RuleInfo r : rules) {
            sb.append("| [").append(r.id()).append("](#").append(r.id().toLowerCase()).append(") | ")
                    .append(r.severity().id()).append(" | ").append(r.title().replace("|", "\\|")).append(" |\n");
        }
        for (RuleInfo r : rules) {
            sb.append("\n### ").append(r.id()).append("\n\n**").append(r.title()).append("** (")
                    .append(r.severity().id()).append(")\n\n").append(r.explanation()).append('\n');
        }
        return sb.toString();
    }

    /** The current text of section {@code name}, or null when the markers are missing. */
    public static String section(String doc, String name) {
        String begin = "<!-- BEGIN " + name + " -->\n";
        String end = "<!-- END " + name + " -->";
        int b = doc.indexOf(begin);
        int e = doc.indexOf(end);
        return b < 0 || e < b ? null : doc.substring(b + begin.length(), e);
    }

    /** Writes {@code body} into section {@code name}, appending the section when it is missing. */
    public static void update(String name, String body) throws IOException {
        Path f = file();
        String doc = Files.isRegularFile(f) ? Files.readString(f, StandardCharsets.UTF_8)
                : "# Lint rules\n\nGenerated from the rule metadata (`devops rules ID` prints the same text).\n";
        String begin = "<!-- BEGIN " + name + " -->\n";
        String end = "<!-- END " + name + " -->";
        String old = section(doc, name);
        if (old == null) {
            doc = doc.stripTrailing() + "\n\n" + begin + body + end + "\n";
        } else {
            doc = doc.replace(begin + old + end, begin + body + end);
        }
        Files.createDirectories(f.getParent());
        Files.writeString(f, doc, StandardCharsets.UTF_8);
    }

    /**
     * Asserts that section {@code name} of docs/RULES.md is exactly what {@link #render} makes of
     * {@code rules}; with -Ddevops.updateDocs=true it rewrites the section first.
     */
    public static void assertDocumented(String name, String heading, List<RuleInfo> rules) throws IOException {
        String expected = render(heading, rules);
        String section;
        // one file, several sections, test classes in parallel: read and rewrite it one test at a time
        synchronized (RulesDoc.class) {
            if (Boolean.getBoolean("devops.updateDocs")) {
                update(name, expected);
            }
            section = section(Files.readString(file(), StandardCharsets.UTF_8), name);
        }
        org.junit.jupiter.api.Assertions.assertNotNull(section,
                "docs/RULES.md has no '" + name + "' section; run the test with -Ddevops.updateDocs=true");
        org.junit.jupiter.api.Assertions.assertEquals(expected, section,
                "docs/RULES.md is out of date; run the test with -Ddevops.updateDocs=true");
    }
}
