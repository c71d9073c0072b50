package dev.devops.cli;

import picocli.CommandLine.Help.Ansi;

/**
 * Colour only on a TTY and never when NO_COLOR is set (https://no-color.org). The decision is kept as a
 * plain boolean, so a run that prints no help (a hook's lint, {@link LintFastPath}) loads no picocli class.
 */
public final class Terminal {
    private static Boolean colour;

    private Terminal() {
    }

    /** The decision as picocli's help renderer takes it. */
    public static Ansi ansi() {
        return colour() ? Ansi.ON : Ansi.OFF;
    }

    /** --color=always|never|auto: always and never decide, auto (the default) asks the terminal and NO_COLOR. */
    public static synchronized void choose(String when) {
        colour = switch (when == null ? "auto" : when.toLowerCase(java.util.Locale.ROOT)) {
            case "always" -> Boolean.TRUE;
            case "never" -> Boolean.FALSE;
            default -> null; // decided on first use
        };
    }

    /**
     * Whether standard error is a terminal: on Linux read from /proc (so progress shows while standard
     * output goes to a file), elsewhere as far as {@link System#console()} tells; never with TERM=dumb.
     */
    public static boolean stderrIsTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            java.nio.file.Path fd = java.nio.file.Path.of("/proc/self/fd/2");
            if (java.nio.file.Files.isSymbolicLink(fd)) {
                String target = java.nio.file.Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (java.io.IOException | RuntimeException e) {
            // no /proc: ask the console
        }
        return System.console() != null;
    }

    /** Escape sequences: CSI (colours, cursor moves: ESC [ ... final byte), OSC (titles, links: ESC ] ... BEL or ESC \), ESC x. */
    private static final java.util.regex.Pattern ESCAPES = java.util.regex.Pattern.compile(
            "\u001b\\[[0-?]*[ -/]*[@-~]|\u001b\\][^\u0007\u001b]*(?:\u0007|\u001b\\\\)?|\u001b[@-Z\\\\-_]|\u009b[0-?]*[ -/]*[@-~]");

    /**
     * Text from a program's output (a build step) as plain text for a log or a pipe: escape sequences removed,
     * each line as it stands after its last carriage return (a progress bar's final state), and no control
     * characters but tabs and line breaks.
     */
    public static String plain(String s) {
        String t = ESCAPES.matcher(s).replaceAll("");
        StringBuilder out = new StringBuilder(t.length());
        String[] lines = t.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1); // CRLF
            }
            int cr = line.lastIndexOf('\r');
            String kept = cr >= 0 ? line.substring(cr + 1) : line;
            kept.codePoints().filter(c -> c == '\t' || c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0))
                    .forEach(out::appendCodePoint);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    public static synchronized boolean colour() {
        if (colour == null) {
            String noColor = System.getenv("NO_COLOR");
            colour = (noColor == null || noColor.isEmpty()) && System.console() != null && !"dumb".equals(System.getenv("TERM"));
        }
        return colour;
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
