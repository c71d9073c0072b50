package dev.devops.report;

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

    /** A writer for this format. */
    public ReportWriter writer(boolean colour, String toolVersion) {
        return switch (this) {
            case TEXT -> new TextReport(colour);
            case JSON -> new JsonReport();
            case SARIF -> new SarifReport(toolVersion);
            case GITHUB -> new GithubReport();
            case JUNIT -> new JunitReport();
        };
    }
}
