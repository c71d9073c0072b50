package dev.devops.report;

import dev.devops.lint.Report;
import java.io.IOException;

/** Renders a lint report in one format. */
public interface ReportWriter {
    void write(Report report, Appendable out) throws IOException;

    /** Where {@code devops rules ID} explains a rule on the web; SARIF's helpUri. */
    String RULES_URL = "https://github.com/devops-dev/devops/blob/main/docs/RULES.md#";

    static String helpUri(String ruleId) {
        return RULES_URL + ruleId.toLowerCase(java.util.Locale.ROOT);
    }
}
