package dev.devops.lint;

import java.util.Locale;

/** How bad a finding is; {@code --fail-on} compares against it. */
public enum Severity {
    INFO, WARNING, ERROR;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** Parses "info", "warning" (or "warn"), "error"; null if unknown. */
    public static Severity parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "info", "note" -> INFO;
            case "warning", "warn" -> WARNING;
            case "error" -> ERROR;
            default -> null;
        };
    }
}
