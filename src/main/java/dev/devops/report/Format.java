package dev.devops.report;

import dev.devops.lint.Severity;
import java.util.Locale;

/** The output formats of {@code devops lint --format}. */
public enum Format {
    TEXT, JSON, SARIF, GITHUB, JUNIT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named {@code s}, or null. */
    public static Format parse(String s) {
        for (Format f : values()) {
            if (f.id().equalsIgnoreCase(s)) {
                return f;
            }
        }
        return null;
    }

    /** A writer for this format, for a run that fails at {@link Severity#ERROR}. */
    public ReportWriter writer(boolean colour, String toolVersion) {
        return writer(colour, toolVersion, Severity.ERROR);
    }

    /** A writer for this format; JUnit marks failures at or above {@code failOn}, as the exit code does. */
    public ReportWriter writer(boolean colour, String toolVersion, Severity failOn) {
        return writer(colour, toolVersion, failOn, false);
    }

    /** As {@link #writer(boolean, String, Severity)}; {@code quiet}: text shows the findings only, no summary line. */
    public ReportWriter writer(boolean colour, String toolVersion, Severity failOn, boolean quiet) {
        return switch (this) {
            case TEXT -> new TextReport(colour, !quiet);
            case JSON -> new JsonReport();
            case SARIF -> new SarifReport(toolVersion);
            case GITHUB -> new GithubReport();
            case JUNIT -> new JunitReport(failOn);
        };
    }
}
