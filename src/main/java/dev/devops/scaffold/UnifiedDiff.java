package dev.devops.scaffold;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line-based unified diff (3 lines of context), from a longest-common-subsequence table over the lines that
 * differ after the common prefix and suffix are set aside. Generated files are small; when the differing middle
 * would need a table over {@value #MAX_CELLS} cells it is shown as one replaced block, still a valid diff.
 */
public final class UnifiedDiff {
    static final int MAX_CELLS = 4_000_000;
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    private enum Op { KEEP, DEL, ADD }

    /** {@code KEY=value}, {@code KEY: value}, {@code - KEY=value}, {@code ENV KEY=value}, {@code export KEY=value}. */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "^(\\s*(?:-\\s+)?(?:(?:ENV|ARG|export)\\s+)?[\"']?)([A-Za-z_][A-Za-z0-9_.-]*)([\"']?\\s*[:=]\\s*)(\\S.*)$");
    /** Dockerfile {@code ENV KEY value}. */
    private static final Pattern ENV_SPACE = Pattern.compile("^(\\s*(?:ENV|ARG)\\s+)([A-Za-z_][A-Za-z0-9_]*)(\\s+)(\\S.*)$");
    /** The password of a URL: {@code scheme://user:PASSWORD@host}. */
    private static final Pattern URL_PASSWORD = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^\\s:/@]*:)([^\\s@/]+)@");
    /** A value that only refers to a variable (no default that could be a secret): {@code ${X}}, {@code $X}, {@code ${X:?msg}}. */
    private static final Pattern REFERENCE = Pattern.compile("^[\"']?(?:\\$\\{[A-Za-z_][A-Za-z0-9_]*(?::?\\?[^}]*)?}|\\$[A-Za-z_][A-Za-z0-9_]*)[\"']?$");
    static final String MASK = "****";
    /** Every {@code NAME=VALUE} of a line ({@code ENV A=1 B=2}, {@code export A=1 B=2}, {@code -e A=1}). */
    private static final Pattern EACH_ASSIGNMENT = Pattern.compile(
            "(?<![A-Za-z0-9_.$-])([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|'[^']*'|[^\\s\"']+)");
    /** A value masked on one line is masked wherever else the diff repeats it, if at least this long. */
    private static final int MIN_REPEATED = 6;

    /**
     * {@code diff} with the values of secrets masked on every line: a value assigned to a name {@code secretName}
     * accepts (in .env, YAML, Dockerfile and shell forms), and every password in a URL. Diffs of a user's files
     * are printed by {@code render --check}, {@code --dry-run} and lint's drift rule; no secret of theirs may show.
     */
    public static String redact(String diff, Predicate<String> secretName) {
        if (diff == null || diff.isEmpty()) {
            return diff;
        }
        String[] lines = diff.split("\n", -1);
        java.util.Set<String> masked = new java.util.HashSet<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!(line.startsWith("--- ") || line.startsWith("+++ ") || line.startsWith("@@") || line.isEmpty())) {
                lines[i] = line.charAt(0) + redactLine(line.substring(1), secretName, masked);
            }
        }
        // a masked value repeated elsewhere (a comment "# default: VALUE" above "KEY=VALUE") is masked there too
        masked.removeIf(v -> v.length() < MIN_REPEATED);
        StringBuilder sb = new StringBuilder(diff.length());
        for (String line : lines) {
            if (!masked.isEmpty() && !(line.startsWith("--- ") || line.startsWith("+++ ") || line.startsWith("@@"))) {
                for (String v : masked) {
                    line = line.replace(v, MASK);
                }
            }
            sb.append(line).append('\n');
        }
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    static String redactLine(String body, Predicate<String> secretName) {
        return redactLine(body, secretName, new java.util.HashSet<>());
    }

    /** {@code body} with secret values masked; each value masked is added to {@code masked}. */
    private static String redactLine(String body, Predicate<String> secretName, java.util.Set<String> masked) {
        String out = URL_PASSWORD.matcher(body).replaceAll(m -> {
            masked.add(m.group(2));
            return Matcher.quoteReplacement(m.group(1) + MASK + "@");
        });
        for (Pattern p : List.of(ASSIGNMENT, ENV_SPACE)) {
            Matcher m = p.matcher(out);
            if (m.matches() && secretName.test(m.group(2)) && !REFERENCE.matcher(m.group(4).strip()).matches()
                    && !m.group(4).strip().equals(MASK) && !m.group(4).contains("=")) {
                masked.add(unquote(m.group(4).strip()));
                return m.group(1) + m.group(2) + m.group(3) + MASK;
            }
        }
        // several assignments on one line: each secret's value
        Matcher m = EACH_ASSIGNMENT.matcher(out);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = m.group(2);
            boolean secret = secretName.test(m.group(1)) && !REFERENCE.matcher(value).matches() && !value.equals(MASK);
            if (secret) {
                masked.add(unquote(value));
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(secret ? m.group(1) + "=" + MASK : m.group()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private record Edit(Op op, String line) {
    }

    /**
     * The diff from {@code oldText} to {@code newText}, with headers {@code --- a/PATH} and {@code +++ b/PATH}
     * ({@code /dev/null} when {@code oldText} is null, i.e. the file does not exist). Empty when equal.
     */
    public static String diff(String path, String oldText, String newText) {
        if (oldText != null && oldText.equals(newText)) {
            return "";
        }
        List<String> a = oldText == null ? List.of() : lines(oldText);
        List<String> b = newText == null ? List.of() : lines(newText);
        List<Edit> edits = edits(a, b);
        StringBuilder sb = new StringBuilder();
        sb.append("--- ").append(oldText == null ? "/dev/null" : "a/" + path).append('\n');
        sb.append("+++ ").append(newText == null ? "/dev/null" : "b/" + path).append('\n');
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).op == Op.KEEP) {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int lastChange = i;
            while (end < edits.size()) {
                if (edits.get(end).op != Op.KEEP) {
                    lastChange = end;
                } else if (end - lastChange > 2 * CONTEXT) {
                    break;
                }
                end++;
            }
            end = Math.min(edits.size(), lastChange + CONTEXT + 1);
            int oldStart = 1;
            int newStart = 1;
            for (int k = 0; k < start; k++) {
                if (edits.get(k).op != Op.ADD) {
                    oldStart++;
                }
                if (edits.get(k).op != Op.DEL) {
                    newStart++;
                }
            }
            int oldLen = 0;
            int newLen = 0;
            StringBuilder body = new StringBuilder();
            for (int k = start; k < end; k++) {
                Edit e = edits.get(k);
                switch (e.op) {
                    case KEEP -> {
                        oldLen++;
                        newLen++;
                        body.append(' ');
                    }
                    case DEL -> {
                        oldLen++;
                        body.append('-');
                    }
                    case ADD -> {
                        newLen++;
                        body.append('+');
                    }
                }
                body.append(e.line).append('\n');
            }
            sb.append("@@ -").append(range(oldStart, oldLen)).append(" +").append(range(newStart, newLen)).append(" @@\n");
            sb.append(body);
            i = end;
        }
        if (oldText != null && newText != null && !oldText.isEmpty() && !newText.isEmpty()
                && oldText.endsWith("\n") != newText.endsWith("\n")) {
            sb.append("\\ No newline at end of ").append(oldText.endsWith("\n") ? "new" : "old").append(" file\n");
        }
        return sb.toString();
    }

    private static String range(int start, int len) {
        if (len == 0) {
            return (start - 1) + ",0";
        }
        return len == 1 ? String.valueOf(start) : start + "," + len;
    }

    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            if (nl < 0) {
                out.add(text.substring(from));
                break;
            }
            out.add(text.substring(from, nl));
            from = nl + 1;
        }
        return out;
    }

    private static List<Edit> edits(List<String> a, List<String> b) {
        int pre = 0;
        while (pre < a.size() && pre < b.size() && a.get(pre).equals(b.get(pre))) {
            pre++;
        }
        int suf = 0;
        while (suf < a.size() - pre && suf < b.size() - pre
                && a.get(a.size() - 1 - suf).equals(b.get(b.size() - 1 - suf))) {
            suf++;
        }
        List<Edit> out = new ArrayList<>();
        for (int k = 0; k < pre; k++) {
            out.add(new Edit(Op.KEEP, a.get(k)));
        }
        List<String> am = a.subList(pre, a.size() - suf);
        List<String> bm = b.subList(pre, b.size() - suf);
        int n = am.size();
        int m = bm.size();
        if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
            am.forEach(l -> out.add(new Edit(Op.DEL, l)));
            bm.forEach(l -> out.add(new Edit(Op.ADD, l)));
        } else {
            int[][] lcs = new int[n + 1][m + 1];
            for (int x = n - 1; x >= 0; x--) {
                for (int y = m - 1; y >= 0; y--) {
                    lcs[x][y] = am.get(x).equals(bm.get(y)) ? lcs[x + 1][y + 1] + 1 : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
                }
            }
            int x = 0;
            int y = 0;
            while (x < n || y < m) {
                if (x < n && y < m && am.get(x).equals(bm.get(y))) {
                    out.add(new Edit(Op.KEEP, am.get(x++)));
                    y++;
                } else if (y < m && (x == n || lcs[x][y + 1] > lcs[x + 1][y])) {
                    out.add(new Edit(Op.ADD, bm.get(y++)));
                } else {
                    out.add(new Edit(Op.DEL, am.get(x++)));
                }
            }
        }
        for (int k = a.size() - suf; k < a.size(); k++) {
            out.add(new Edit(Op.KEEP, a.get(k)));
        }
        return out;
    }
}
