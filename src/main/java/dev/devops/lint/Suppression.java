package dev.devops.lint;

import java.util.Locale;

/**
 * Inline suppression comments, on the finding's line or the line above:
 * {@code devops:ignore} (every rule), {@code devops:ignore SEC0101,SEC0030} or
 * {@code devops:ignore[SEC0101]} (those rules); also gitleaks' {@code gitleaks:allow} and
 * detect-secrets' {@code pragma: allowlist secret} so teams can switch tools without editing code.
 */
public final class Suppression {
    private static final String DEVOPS = "devops:ignore";
    private static final String GITLEAKS = "gitleaks:allow";
    private static final String PRAGMA = "pragma: allowlist";

    private Suppression() {
    }

    /** Cheap test: can any line of {@code text} carry a marker at all? */
    public static boolean mayContain(String text) {
        return text.contains(DEVOPS) || text.contains(GITLEAKS) || text.contains(PRAGMA);
    }

    /** Whether the 1-based {@code line} of {@code text}, or the line above, suppresses {@code ruleId}. */
    public static boolean suppressed(String text, int line, String ruleId) {
        if (line < 1) {
            return false;
        }
        int start = 0;
        for (int l = 1; l < line; l++) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                return false;
            }
            start = nl + 1;
        }
        int end = text.indexOf('\n', start);
        return suppressedAt(text, start, end < 0 ? text.length() : end, ruleId);
    }

    /** Whether the line [lineStart, lineEnd) of {@code text}, or the line above it, suppresses {@code ruleId}. */
    public static boolean suppressedAt(String text, int lineStart, int lineEnd, String ruleId) {
        if (marks(text, lineStart, lineEnd, ruleId)) {
            return true;
        }
        if (lineStart == 0) {
            return false;
        }
        int prevEnd = lineStart - 1;
        int prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
        return marks(text, prevStart, prevEnd, ruleId);
    }

    private static boolean marks(String text, int start, int end, String ruleId) {
        String line = text.substring(start, Math.min(end, text.length()));
        if (line.contains(GITLEAKS) || line.contains(PRAGMA + " secret") || line.contains(PRAGMA + " nextline secret")) {
            return true;
        }
        int at = line.indexOf(DEVOPS);
        while (at >= 0) {
            int i = at + DEVOPS.length();
            String rest = line.substring(i);
            String ids = rest.startsWith("[") && rest.indexOf(']') > 0 ? rest.substring(1, rest.indexOf(']'))
                    : rest.startsWith(" ") || rest.startsWith(":") || rest.startsWith("=") ? rest.substring(1).stripLeading() : "";
            String list = leadingIdList(ids);
            if (list.isEmpty()) {
                return true;
            }
            for (String id : list.split("[,\\s]+")) {
                if (id.equalsIgnoreCase(ruleId)) {
                    return true;
                }
            }
            at = line.indexOf(DEVOPS, i);
        }
        return false;
    }

    /** "SEC0101, SEC0030 rest of comment" → "SEC0101, SEC0030": the rule ids at the start, if any. */
    private static String leadingIdList(String s) {
        int i = 0;
        int lastIdEnd = 0;
        while (i < s.length()) {
            int j = i;
            while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)))) {
                j++;
            }
            String word = s.substring(i, j);
            if (word.isEmpty() || !isRuleId(word)) {
                break;
            }
            lastIdEnd = j;
            while (j < s.length() && (s.charAt(j) == ',' || s.charAt(j) == ' ')) {
                j++;
            }
            i = j;
        }
        return s.substring(0, lastIdEnd);
    }

    private static boolean isRuleId(String w) {
        String u = w.toUpperCase(Locale.ROOT);
        int d = 0;
        while (d < u.length() && Character.isLetter(u.charAt(d))) {
            d++;
        }
        return d >= 2 && d < u.length() && u.substring(d).chars().allMatch(Character::isDigit) && u.equals(w);
    }
}
