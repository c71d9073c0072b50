package dev.devops.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;

/**
 * The shared source lexer of every reader in {@code detect} (env reads, schema readers, env helpers, the stack
 * readers): line and column of an offset ({@link Lines}), a copy of a JavaScript or Python file with comments
 * blanked and string contents masked at the same offsets ({@link #maskJs}, {@link #maskPython}), bracket pairing
 * ({@link #pairs}, {@link #closing}), top-level splitting, literal values and Python block structure. Lexing only:
 * what a construct means is the reader's business.
 */
final class SourceLexer {
    /** Replaces string contents in a masked copy; never whitespace, a bracket or a quote. */
    static final char STR = '\u0001';

    private SourceLexer() {
    }

    /** 1-based line and column of offsets in a text. */
    static final class Lines {
        private final String text;
        private final int[] starts;

        Lines(String text) {
            this.text = text;
            int n = 1;
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                n++;
            }
            starts = new int[n];
            int k = 1;
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                starts[k++] = i + 1;
            }
        }

        int line(int offset) {
            int i = Arrays.binarySearch(starts, offset);
            return i >= 0 ? i + 1 : -i - 1;
        }

        int column(int offset) {
            return offset - starts[line(offset) - 1] + 1;
        }

        int lineStart(int offset) {
            return starts[line(offset) - 1];
        }

        /** The text of the line holding {@code offset}, without its line break. */
        String lineText(int offset) {
            int s = lineStart(offset);
            int e = text.indexOf('\n', s);
            return text.substring(s, e < 0 ? text.length() : e);
        }
    }

    /**
     * Whether a Python read sits in a block of a module-level {@code if}/{@code elif}/{@code else}/{@code try}/
     * {@code with}: settings read only when another setting selects them (EMAIL_HOST under
     * {@code if EMAIL_STRATEGY == SMTP:}) are not needed to start.
     */
    static boolean underPythonCondition(String text, int offset) {
        int ls = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
        int le = text.indexOf('\n', offset);
        String line = text.substring(ls, le < 0 ? text.length() : le);
        int indent = line.length() - line.stripLeading().length();
        if (indent == 0) {
            return false;
        }
        int i = ls - 1;
        while (i > 0) {
            int start = text.lastIndexOf('\n', i - 1) + 1;
            String prev = text.substring(start, i);
            String stripped = prev.stripLeading();
            int pi = prev.length() - stripped.length();
            if (!stripped.isEmpty() && !stripped.startsWith("#") && pi < indent) {
                return pi == 0 && stripped.matches("(?:if|elif|else|try|except|with)\\b.*");
            }
            i = start - 1;
        }
        return false;
    }

    /** A literal's value: quoted text (no interpolation), a number, a boolean; null for anything else. */
    static String literal(String raw) {
        String t = raw.trim();
        if (t.length() >= 2) {
            char q = t.charAt(0);
            if ((q == '"' || q == '\'' || q == '`') && t.charAt(t.length() - 1) == q) {
                String inner = t.substring(1, t.length() - 1);
                if (inner.indexOf(q) >= 0 || (q == '`' && inner.contains("${"))) {
                    return null;
                }
                return inner;
            }
            if ((t.startsWith("r'") || t.startsWith("r\"")) && t.charAt(t.length() - 1) == t.charAt(1)) {
                return t.substring(2, t.length() - 1);
            }
        }
        if (t.matches("-?\\d+(?:\\.\\d+)?")) {
            return t;
        }
        return switch (t) {
            case "True", "true" -> "true";
            case "False", "false" -> "false";
            default -> null;
        };
    }

    /**
     * The index of the {@code quote} that closes a string whose contents start at {@code from} (a backslash escapes the
     * next character), or {@code limit} when it does not close before it.
     */
    static int stringEnd(CharSequence text, int from, char quote, int limit) {
        for (int i = from; i < limit; i++) {
            char ch = text.charAt(i);
            if (ch == '\\') {
                i++;
            } else if (ch == quote) {
                return i;
            }
        }
        return limit;
    }

    /** The index of the bracket closing the one at {@code open}, skipping strings; -1 when unbalanced. */
    static int closing(String text, int open, char o, char c) {
        int depth = 0;
        int limit = Math.min(text.length(), open + 20_000);
        for (int i = open; i < limit; i++) {
            char ch = text.charAt(i);
            if (ch == '"' || ch == '\'' || ch == '`') {
                i = stringEnd(text, i + 1, ch, limit);
            } else if (ch == o) {
                depth++;
            } else if (ch == c) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * Whether column {@code col} (0-based) of {@code line} sits after a line comment marker outside a string
     * ({@code //} in C-like syntaxes, {@code #} otherwise), or the line is a block-comment line ({@code /*}, {@code *}).
     */
    static boolean inLineComment(String line, int col, boolean cLike) {
        String trimmed = line.stripLeading();
        if (cLike && (trimmed.startsWith("*") || trimmed.startsWith("/*"))) {
            return true;
        }
        int limit = Math.min(col, line.length());
        for (int i = 0; i < limit; i++) {
            char c = line.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = stringEnd(line, i + 1, c, limit);
            } else if (cLike && c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                return true;
            } else if (!cLike && c == '#') {
                return true;
            }
        }
        return false;
    }

    /** Splits on commas outside brackets and strings. */
    static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"', '\'', '`' -> i = stringEnd(s, i + 1, ch, s.length());
                case '(', '[', '{', '<' -> depth++;
                case ')', ']', '}', '>' -> depth = Math.max(0, depth - 1);
                case ',' -> {
                    if (depth == 0) {
                        out.add(s.substring(start, i));
                        start = i + 1;
                    }
                }
                default -> {
                }
            }
        }
        if (start < s.length()) {
            out.add(s.substring(start));
        }
        return out;
    }

    /** A matched literal: group 2 (quoted text), 3 (number) or 4 (boolean). */
    static String literal(Matcher m) {
        for (int g = 2; g <= 4; g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return null;
    }

    /** For every bracket its matching one (both ways); -1 where unbalanced. One pass with a stack. */
    static int[] pairs(char[] m) {
        int[] p = new int[m.length];
        Arrays.fill(p, -1);
        int[] stack = new int[64];
        int top = 0;
        for (int i = 0; i < m.length; i++) {
            char c = m[i];
            if (c == '(' || c == '[' || c == '{') {
                if (top == stack.length) {
                    stack = Arrays.copyOf(stack, top * 2);
                }
                stack[top++] = i;
            } else if (c == ')' || c == ']' || c == '}') {
                char want = c == ')' ? '(' : c == ']' ? '[' : '{';
                if (top > 0 && m[stack[top - 1]] == want) {
                    int o = stack[--top];
                    p[o] = i;
                    p[i] = o;
                }
                // a stray closer is ignored; an opener left on the stack stays unpaired
            }
        }
        return p;
    }

    /** The text with JS comments blanked (spaces) and string/template/regex contents replaced; offsets kept. */
    static char[] maskJs(String t) {
        char[] m = t.toCharArray();
        int n = m.length;
        char prev = 0;
        int i = 0;
        while (i < n) {
            char c = m[i];
            if (c == '/' && i + 1 < n && m[i + 1] == '/') {
                while (i < n && m[i] != '\n') {
                    m[i++] = ' ';
                }
                continue;
            }
            if (c == '/' && i + 1 < n && m[i + 1] == '*') {
                int end = t.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                blank(m, i, end, ' ');
                i = end;
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                i = string(m, i, c, c == '`', false);
                prev = c;
                continue;
            }
            if (c == '/' && (prev == 0 || "(,=:[!&|?{};+-*%<>~^".indexOf(prev) >= 0)) {
                int j = i + 1;
                boolean inClass = false;
                while (j < n && m[j] != '\n') {
                    if (m[j] == '\\') {
                        j += 2;
                        continue;
                    }
                    if (m[j] == '[') {
                        inClass = true;
                    } else if (m[j] == ']') {
                        inClass = false;
                    } else if (m[j] == '/' && !inClass) {
                        break;
                    }
                    j++;
                }
                if (j < n && m[j] == '/') {
                    blank(m, i + 1, j, STR);
                    i = j + 1;
                    prev = '/';
                    continue;
                }
            }
            if (!Character.isWhitespace(c)) {
                prev = c;
            }
            i++;
        }
        return m;
    }

    /** The text with Python comments blanked and string contents (triple-quoted too) replaced; offsets kept. */
    static char[] maskPython(String t) {
        char[] m = t.toCharArray();
        int n = m.length;
        int i = 0;
        while (i < n) {
            char c = m[i];
            if (c == '#') {
                while (i < n && m[i] != '\n') {
                    m[i++] = ' ';
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                boolean triple = i + 2 < n && m[i + 1] == c && m[i + 2] == c;
                i = string(m, i, c, triple, triple);
                continue;
            }
            i++;
        }
        return m;
    }

    /** Masks a string literal opening at {@code i}; returns the offset after it (the line's end when unterminated). */
    private static int string(char[] m, int i, char quote, boolean multiline, boolean triple) {
        int n = m.length;
        int j = i + (triple ? 3 : 1);
        while (j < n) {
            char d = m[j];
            if (d == '\\') {
                m[j] = STR;
                if (j + 1 < n && m[j + 1] != '\n') {
                    m[j + 1] = STR;
                }
                j += 2;
                continue;
            }
            if (d == quote && (!triple || (j + 2 < n && m[j + 1] == quote && m[j + 2] == quote))) {
                return j + (triple ? 3 : 1);
            }
            if (d == '\n') {
                if (!multiline) {
                    return j;
                }
            } else {
                m[j] = STR;
            }
            j++;
        }
        return n;
    }

    private static void blank(char[] m, int from, int to, char with) {
        for (int k = from; k < to && k < m.length; k++) {
            if (m[k] != '\n') {
                m[k] = with;
            }
        }
    }
}
