package dev.devops.lint.secrets;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forms of SEC0030 for credential files of command-line clients, whose lines have no {@code =}: {@code .netrc}
 * ({@code machine host login me password …}, in the file or written by a script on one line) and
 * {@code .pgpass} ({@code host:port:database:user:password}, a whole-file form). Values are judged by
 * {@link Assignments#judge}.
 */
final class NetrcEntries {
    private static final Pattern NETRC_PASSWORD = Pattern.compile("(?i)password[ \\t]+(\"[^\"\\n]{1,300}\"|[^\\s\"]{1,300})");
    /**
     * A netrc entry's start: {@code machine HOST}, or {@code default} followed by {@code login} or {@code account} (not
     * the word "default" in prose: "the default password policy", "Set default password policy - if unset").
     */
    private static final Pattern MACHINE = Pattern.compile(
            "(?<![\\w-])(?:(?i:machine)[ \\t]+\\S+|default(?=[ \\t]+(?:login|account)\\b))[ \\t]");

    private NetrcEntries() {
    }

    /** {@code machine host login me password …} lines. */
    static final Assignments.Form FORM = new Assignments.Form() {
        @Override
        List<String> keywords() {
            return List.of("password");
        }

        @Override
        boolean anchored() {
            return true;
        }

        @Override
        boolean appliesTo(FileKind kind) {
            return kind == FileKind.CONFIG || kind == FileKind.CODE;
        }

        @Override
        void read(ScanJob job, int lineStart, int lineEnd, int hitStart, int hitEnd, Assignments.Lexed out) {
            out.end = NetrcEntries.read(job, lineStart, lineEnd, hitStart, hitEnd, out);
        }

        @Override
        boolean checksBytes() {
            return true;
        }

        /**
         * {@link #read}'s necessary conditions on the raw bytes: a blank or a quote (or the line's start) before
         * "password", a blank after it, and outside a .netrc file the word "machine" or "default" earlier on the line.
         */
        @Override
        boolean mayMatch(FileBytes file, int lineStart, int lineEnd, int hitStart, int hitEnd) {
            byte[] b = file.bytes;
            if (hitStart > lineStart && b[hitStart - 1] != ' ' && b[hitStart - 1] != '\t' && b[hitStart - 1] != '"'
                    && b[hitStart - 1] != '\'' || hitEnd >= lineEnd || b[hitEnd] != ' ' && b[hitEnd] != '\t') {
                return false;
            }
            return isNetrc(file.path) || containsFolded(b, lineStart, hitStart, MACHINE_WORD)
                    || containsFolded(b, lineStart, hitStart, DEFAULT_WORD);
        }
    };

    private static final byte[] MACHINE_WORD = "machine".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] DEFAULT_WORD = "default".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Whether {@code lower} (lower-case ASCII) occurs in bytes[from, to), ASCII case ignored. */
    private static boolean containsFolded(byte[] b, int from, int to, byte[] lower) {
        for (int i = from; i + lower.length <= to; i++) {
            if (FileBytes.equalsFolded(b, i, lower)) {
                return true;
            }
        }
        return false;
    }


    /** The password field of each line of a .pgpass file. */
    static final Assignments.FileForm PGPASS = new Assignments.FileForm() {
        @Override
        boolean appliesTo(String path, FileKind kind, boolean committed) {
            return isPgpass(path);
        }

        @Override
        void read(ScanJob job, Assignments.Lexed out) {
            readPgpass(job, out);
        }
    };

    static boolean isNetrc(String path) {
        String n = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return n.equals(".netrc") || n.equals("_netrc");
    }

    static boolean isPgpass(String path) {
        String n = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return n.equals(".pgpass") || n.equals("pgpass.conf");
    }

    private static int read(ScanJob job, int lineStart, int lineEnd, int hitStart, int hitEnd, Assignments.Lexed out) {
        char before = hitStart > lineStart ? job.text.charAt(hitStart - 1) : ' ';
        if (before != ' ' && before != '\t' && before != '"' && before != '\'') {
            return hitEnd;
        }
        if (!isNetrc(job.path)) {
            Matcher machine = job.matcher(MACHINE);
            machine.region(lineStart, hitStart);
            if (!machine.find()) {
                return hitEnd; // "password x" outside a .netrc counts only on a "machine host … password x" line
            }
        }
        Matcher m = job.matcher(NETRC_PASSWORD);
        m.region(hitStart, lineEnd);
        if (!m.lookingAt()) {
            return hitEnd;
        }
        String raw = m.group(1);
        if (!isNetrc(job.path) && (raw.endsWith("\"") && !raw.startsWith("\"") || raw.endsWith("'"))) {
            raw = raw.substring(0, raw.length() - 1); // echo "machine h login u password p" > ~/.netrc
        }
        out.add("password", raw, m.start(1), false, " (.netrc entry)");
        return m.end();
    }

    /** The password field of each {@code host:port:database:user:password} line of a .pgpass file. */
    private static void readPgpass(ScanJob job, Assignments.Lexed out) {
        String t = job.text;
        int ls = 0;
        while (ls < t.length()) {
            int le = t.indexOf('\n', ls);
            if (le < 0) {
                le = t.length();
            }
            int fields = 0;
            int pos = -1;
            if (t.charAt(ls) != '#') {
                for (int i = ls; i < le; i++) {
                    char c = t.charAt(i);
                    if (c == '\\') {
                        i++;
                    } else if (c == ':' && ++fields == 4) {
                        pos = i + 1;
                        break;
                    }
                }
            }
            if (pos > 0) {
                String value = t.substring(pos, le).strip();
                out.add("password", value, pos, false, " (.pgpass entry)");
            }
            ls = le + 1;
        }
    }
}
