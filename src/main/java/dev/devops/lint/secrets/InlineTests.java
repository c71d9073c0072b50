package dev.devops.lint.secrets;

import java.util.ArrayList;
import java.util.List;

/**
 * Test code inside a source file: Rust keeps its unit tests beside the code they test, in items marked
 * {@code #[cfg(test)]} (by convention {@code #[cfg(test)] mod tests { … }} at the end of the file; also test-only
 * constants and helpers). The compiler leaves them out of every build but the test build, so their literals (a test
 * user's password, a TOTP seed, an RFC's example document) are test data, as in a file under {@code tests/}.
 */
final class InlineTests {
    private InlineTests() {
    }

    private static final String CFG = "#[cfg(";

    /**
     * Start and end offsets, in pairs, of the test-only items of Rust source {@code text}: those under
     * {@code #[cfg(test)]}, or under {@code #[cfg(all(test, …))]} (an integration test module gated on a feature as
     * well, {@code #[cfg(all(test, feature = "x-integration-tests"))]}, or on a platform); not {@code any(test, …)},
     * which a normal build compiles too. From the attribute to the item's closing brace (a module, a function, an impl
     * block) or to its semicolon (a constant, a {@code use}, a module declared in another file). Strings, raw strings,
     * character literals and comments are skipped while braces are counted; an item whose end is not found runs to the
     * end of the text.
     */
    static int[] rust(String text) {
        List<Integer> ranges = new ArrayList<>();
        int from = 0;
        int at;
        while ((at = text.indexOf(CFG, from)) >= 0) {
            int close = text.indexOf(")]", at + CFG.length());
            if (close < 0) {
                break;
            }
            if (!testOnly(text.substring(at + CFG.length(), close))) {
                from = at + CFG.length();
                continue;
            }
            int end = itemEnd(text, close + 2);
            ranges.add(at);
            ranges.add(end);
            from = Math.max(end, close + 2);
        }
        return ranges.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether a {@code cfg} predicate holds only in a test build: {@code test}, or {@code all(…)} with {@code test} among its arguments. */
    static boolean testOnly(String predicate) {
        String p = predicate.strip();
        if (p.equals("test")) {
            return true;
        }
        if (!p.startsWith("all(") || !p.endsWith(")")) {
            return false;
        }
        int depth = 0;
        int start = 4;
        for (int i = 4; i < p.length() - 1; i++) {
            char c = p.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '"') {
                int e = p.indexOf('"', i + 1);
                i = e < 0 ? p.length() : e;
            } else if (c == ',' && depth == 0) {
                if (p.substring(start, i).strip().equals("test")) {
                    return true;
                }
                start = i + 1;
            }
        }
        return p.substring(start, p.length() - 1).strip().equals("test");
    }

    /** The end of the item starting at {@code i}: after its block's closing brace or its semicolon at depth 0. */
    private static int itemEnd(String t, int i) {
        int depth = 0; // (), [] and {} together: `fn f(a: [u8; 4]) {` has a semicolon that ends nothing
        boolean block = false;
        int n = t.length();
        while (i < n) {
            char c = t.charAt(i);
            int skip = skipLiteralOrComment(t, i);
            if (skip > i) {
                i = skip;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                if (c == '{' && depth == 0) {
                    block = true;
                }
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0 && c == '}' && block) {
                    return i + 1;
                }
                if (depth < 0) {
                    return i; // the enclosing block closed: the item ended before it
                }
            } else if (c == ';' && depth == 0) {
                return i + 1;
            }
            i++;
        }
        return n;
    }

    /** The offset after a comment, string, raw string or character literal starting at {@code i}; {@code i} if none does. */
    private static int skipLiteralOrComment(String t, int i) {
        int n = t.length();
        char c = t.charAt(i);
        char next = i + 1 < n ? t.charAt(i + 1) : 0;
        if (c == '/' && next == '/') {
            int e = t.indexOf('\n', i);
            return e < 0 ? n : e + 1;
        }
        if (c == '/' && next == '*') { // block comments nest in Rust
            int d = 0;
            int k = i;
            while (k + 1 < n) {
                if (t.charAt(k) == '/' && t.charAt(k + 1) == '*') {
                    d++;
                    k += 2;
                } else if (t.charAt(k) == '*' && t.charAt(k + 1) == '/') {
                    d--;
                    k += 2;
                    if (d == 0) {
                        return k;
                    }
                } else {
                    k++;
                }
            }
            return n;
        }
        boolean identBefore = i > 0 && (Character.isLetterOrDigit(t.charAt(i - 1)) || t.charAt(i - 1) == '_');
        if ((c == 'r' || c == 'b' && next == 'r') && !identBefore) { // r"…", r#"…"#, br"…"
            int k = c == 'b' ? i + 2 : i + 1;
            int hashes = 0;
            while (k < n && t.charAt(k) == '#') {
                hashes++;
                k++;
            }
            if (k < n && t.charAt(k) == '"') {
                String close = "\"" + "#".repeat(hashes);
                int e = t.indexOf(close, k + 1);
                return e < 0 ? n : e + close.length();
            }
            return i;
        }
        if (c == '"') {
            int k = i + 1;
            while (k < n && t.charAt(k) != '"') {
                k += t.charAt(k) == '\\' ? 2 : 1;
            }
            return Math.min(n, k + 1);
        }
        if (c == '\'') { // a character literal ('{', '\'', an escaped brace); a lifetime ('a) is one quote
            if (next == '\\') {
                int e = t.indexOf('\'', i + 3);
                return e < 0 ? i + 1 : e + 1;
            }
            if (i + 2 < n && t.charAt(i + 2) == '\'') {
                return i + 3;
            }
        }
        return i;
    }
}
