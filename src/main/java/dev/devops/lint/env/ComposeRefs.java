package dev.devops.lint.env;

import java.util.ArrayList;
import java.util.List;

/**
 * The variables a compose file interpolates, read from its text so each keeps its line and column:
 * {@code $X}, {@code ${X}}, {@code ${X:-d}}, {@code ${X-d}}, {@code ${X:?e}}, {@code ${X?e}},
 * {@code ${X:+a}}, {@code ${X+a}}, nested ones inside defaults, {@code $$} skipped, YAML comments skipped.
 */
final class ComposeRefs {
    enum Mode {
        /** No default, no error: compose substitutes "" with a warning. */
        PLAIN,
        /** A default or alternative value. */
        DEFAULT,
        /** {@code :?} / {@code ?}: compose stops with the message. */
        REQUIRED
    }

    record Ref(String name, int line, int column, Mode mode) {
    }

    private ComposeRefs() {
    }

    static List<Ref> scan(String text) {
        List<Ref> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]);
            scan(line, 0, line.length(), i + 1, false, out);
        }
        return out;
    }

    private static void scan(String s, int from, int to, int lineNo, boolean optional, List<Ref> out) {
        for (int k = from; k < to; k++) {
            if (s.charAt(k) != '$' || k + 1 >= to) {
                continue;
            }
            char n = s.charAt(k + 1);
            if (n == '$') {
                k++;
                continue;
            }
            if (n == '{') {
                int close = matching(s, k + 1, to);
                if (close < 0) {
                    return; // broken: the compose check reports it
                }
                int e = k + 2;
                while (e < close && (Character.isLetterOrDigit(s.charAt(e)) || s.charAt(e) == '_')) {
                    e++;
                }
                String name = s.substring(k + 2, e);
                String mod = s.substring(e, close);
                Mode mode = Mode.PLAIN;
                int valueFrom = e;
                if (mod.startsWith(":-") || mod.startsWith(":+") || mod.startsWith(":?")) {
                    mode = mod.charAt(1) == '?' ? Mode.REQUIRED : Mode.DEFAULT;
                    valueFrom = e + 2;
                } else if (mod.startsWith("-") || mod.startsWith("+") || mod.startsWith("?")) {
                    mode = mod.charAt(0) == '?' ? Mode.REQUIRED : Mode.DEFAULT;
                    valueFrom = e + 1;
                }
                if (!name.isEmpty() && !Character.isDigit(name.charAt(0))) {
                    out.add(new Ref(name, lineNo, k + 1, optional && mode == Mode.PLAIN ? Mode.DEFAULT : mode));
                }
                if (mode == Mode.DEFAULT) {
                    scan(s, valueFrom, close, lineNo, true, out);
                }
                k = close;
            } else if (Character.isLetter(n) || n == '_') {
                int e = k + 1;
                while (e < to && (Character.isLetterOrDigit(s.charAt(e)) || s.charAt(e) == '_')) {
                    e++;
                }
                out.add(new Ref(s.substring(k + 1, e), lineNo, k + 1, optional ? Mode.DEFAULT : Mode.PLAIN));
                k = e - 1;
            }
        }
    }

    private static int matching(String s, int open, int to) {
        int depth = 0;
        for (int k = open; k < to; k++) {
            char c = s.charAt(k);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return k;
            }
        }
        return -1;
    }

    /** The line without a YAML comment ({@code #} at the start or after whitespace, outside quotes). */
    static String stripComment(String line) {
        boolean sq = false;
        boolean dq = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' && !dq) {
                sq = !sq;
            } else if (c == '"' && !sq) {
                dq = !dq;
            } else if (c == '\\' && dq) {
                i++;
            } else if (c == '#' && !sq && !dq && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
