package dev.devops.cli;

import picocli.CommandLine.Help.Ansi;

/** Colour only on a TTY and never when NO_COLOR is set (https://no-color.org). */
public final class Terminal {
    private static Ansi ansi;

    private Terminal() {
    }

    public static synchronized Ansi ansi() {
        if (ansi == null) {
            String noColor = System.getenv("NO_COLOR");
            if (noColor != null && !noColor.isEmpty()) {
                ansi = Ansi.OFF;
            } else if (System.console() == null || "dumb".equals(System.getenv("TERM"))) {
                ansi = Ansi.OFF;
            } else {
                ansi = Ansi.ON;
            }
        }
        return ansi;
    }

    /** --color=always|never|auto: always and never decide, auto (the default) asks the terminal and NO_COLOR. */
    public static synchronized void choose(String when) {
        ansi = switch (when == null ? "auto" : when.toLowerCase(java.util.Locale.ROOT)) {
            case "always" -> Ansi.ON;
            case "never" -> Ansi.OFF;
            default -> null; // decided on first use
        };
    }

    public static boolean colour() {
        return ansi() == Ansi.ON;
    }

    public static String error(String s) {
        return colour() ? "\u001b[31m" + s + "\u001b[0m" : s;
    }

    public static String warn(String s) {
        return colour() ? "\u001b[33m" + s + "\u001b[0m" : s;
    }

    public static String ok(String s) {
        return colour() ? "\u001b[32m" + s + "\u001b[0m" : s;
    }

    public static String bold(String s) {
        return colour() ? "\u001b[1m" + s + "\u001b[0m" : s;
    }

    public static String dim(String s) {
        return colour() ? "\u001b[2m" + s + "\u001b[0m" : s;
    }
}
