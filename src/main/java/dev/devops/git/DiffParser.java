package dev.devops.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the output of {@code git diff -U0} / {@code git log -p -U0} and hands out, per file and commit,
 * the added lines with their new-file line numbers. Hunk line counts (not the first character alone)
 * decide what is content, so an added line that starts with "++" is not mistaken for a header.
 */
final class DiffParser {
    /** Begins each commit header line in the log format ({@code %x01}); no diff line starts with it. */
    static final String COMMIT_MARK = "%x01";

    private final Consumer<AddedLines> out;
    private final boolean dedupeBlobs;
    private final Set<String> seenBlobs = new HashSet<>();

    private String commit;
    private String author;
    private String date;

    private boolean inFile;
    private String path;
    private String fallbackPath;
    private String blob;
    private boolean binary;
    private boolean skip;
    private StringBuilder text = new StringBuilder();
    private int[] lines = new int[16];
    private int count;

    private int oldRemaining;
    private int newRemaining;
    private int newLine;

    DiffParser(Consumer<AddedLines> out, boolean dedupeBlobs) {
        this.out = out;
        this.dedupeBlobs = dedupeBlobs;
    }

    void parse(InputStream in) throws IOException {
        byte[] buf = new byte[1 << 16];
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        int n;
        while ((n = in.read(buf)) > 0) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    line.write(buf, start, i - start);
                    onLine(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                    start = i + 1;
                }
            }
            line.write(buf, start, n - start);
        }
        if (line.size() > 0) {
            onLine(line.toString(StandardCharsets.UTF_8));
        }
        flush();
    }

    private void onLine(String l) {
        if (oldRemaining + newRemaining > 0) {
            if (l.startsWith("\\")) {
                return; // "\ No newline at end of file"
            }
            char c = l.isEmpty() ? ' ' : l.charAt(0);
            if (c == '-') {
                oldRemaining--;
            } else if (c == '+') {
                newRemaining--;
                if (!skip) {
                    if (count == lines.length) {
                        lines = Arrays.copyOf(lines, count * 2);
                    }
                    lines[count++] = newLine;
                    text.append(l, 1, l.length()).append('\n');
                }
                newLine++;
            } else {
                // context line (never with -U0, but be tolerant)
                oldRemaining--;
                newRemaining--;
                newLine++;
            }
            return;
        }
        if (!l.isEmpty() && l.charAt(0) == '\u0001') {
            flush();
            inFile = false;
            String[] f = l.substring(1).split("\t", 3);
            commit = f[0];
            author = f.length > 1 ? f[1] : null;
            date = f.length > 2 ? f[2] : null;
        } else if (l.startsWith("diff --git ")) {
            flush();
            inFile = true;
            path = null;
            blob = null;
            binary = false;
            skip = false;
            int b = l.lastIndexOf(" b/");
            fallbackPath = b > 0 ? l.substring(b + 3) : null;
        } else if (!inFile) {
            return;
        } else if (l.startsWith("@@ ")) {
            int plus = l.indexOf(" +");
            int end = l.indexOf(" @@", plus);
            int[] oldR = range(l.substring(4, plus));
            int[] newR = range(l.substring(plus + 2, end));
            oldRemaining = oldR[1];
            newRemaining = newR[1];
            newLine = newR[0];
        } else if (l.startsWith("index ")) {
            int dots = l.indexOf("..");
            if (dots > 0) {
                int sp = l.indexOf(' ', dots);
                blob = sp > 0 ? l.substring(dots + 2, sp) : l.substring(dots + 2);
                if (dedupeBlobs && !seenBlobs.add(blob)) {
                    skip = true;
                }
            }
        } else if (l.startsWith("+++ ")) {
            String p = l.substring(4);
            if (p.endsWith("\t")) {
                p = p.substring(0, p.length() - 1); // git appends a tab to names with spaces
            }
            if (!p.equals("/dev/null")) {
                p = unquote(p);
                path = p.startsWith("b/") ? p.substring(2) : p;
            }
        } else if (l.startsWith("Binary files ")) {
            binary = true;
        }
    }

    private void flush() {
        if (inFile && !skip && (count > 0 || binary)) {
            String p = path != null ? path : fallbackPath != null ? unquote(fallbackPath) : "?";
            out.accept(new AddedLines(p, blob, commit, author, date, text.toString(),
                    Arrays.copyOf(lines, count), binary && count == 0));
        }
        text = new StringBuilder();
        count = 0;
        inFile = false;
        oldRemaining = 0;
        newRemaining = 0;
    }

    private static int[] range(String s) {
        int comma = s.indexOf(',');
        if (comma < 0) {
            return new int[] {Integer.parseInt(s), 1};
        }
        return new int[] {Integer.parseInt(s.substring(0, comma)), Integer.parseInt(s.substring(comma + 1))};
    }

    /** Undoes git's C-style quoting of unusual path names. */
    static String unquote(String s) {
        if (s.length() < 2 || s.charAt(0) != '"' || s.charAt(s.length() - 1) != '"') {
            return s;
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() - 1) {
                char e = s.charAt(++i);
                switch (e) {
                    case 'n' -> b.write('\n');
                    case 't' -> b.write('\t');
                    case 'r' -> b.write('\r');
                    case 'a' -> b.write(7);
                    case 'b' -> b.write('\b');
                    case 'f' -> b.write('\f');
                    case 'v' -> b.write(11);
                    default -> {
                        if (e >= '0' && e <= '7' && i + 2 < s.length()) {
                            b.write(Integer.parseInt(s.substring(i, i + 3), 8));
                            i += 2;
                        } else {
                            b.write(e);
                        }
                    }
                }
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                b.write(bytes, 0, bytes.length);
            }
        }
        return b.toString(StandardCharsets.UTF_8);
    }
}
