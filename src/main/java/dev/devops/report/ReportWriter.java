package dev.devops.report;

import dev.devops.lint.Report;
import java.io.IOException;
import java.util.Locale;

/** Renders a lint report in one format. */
public interface ReportWriter {
    void write(Report report, Appendable out) throws IOException;

    /** The project's repository; the rule docs live under docs/ there. */
    String REPOSITORY_URL = "https://github.com/devops-dev/devops";
    String DOCS_URL = REPOSITORY_URL + "/blob/main/docs/";

    /**
     * Where a rule is explained on the web (SARIF's helpUri), at an anchor that exists: generic rules
     * (every family, and the secret detectors SEC0001–SEC0099) in docs/RULES.md, the built-in provider
     * secret formats (SEC0100–SEC8999) in docs/SECRET-RULES.md, a project's own secret rules (SEC9000 and up)
     * at the section that explains how to write them.
     */
    static String helpUri(String ruleId) {
        String id = ruleId.toLowerCase(Locale.ROOT);
        if (id.startsWith("sec") && id.length() > 3 && id.substring(3).chars().allMatch(Character::isDigit)) {
            int n = Integer.parseInt(id.substring(3));
            if (n >= 9000) {
                return DOCS_URL + "SECRET-RULES.md#your-own-rules";
            }
            if (n >= 100) {
                return DOCS_URL + "SECRET-RULES.md#" + id;
            }
        }
        return DOCS_URL + "RULES.md#" + id;
    }
}
