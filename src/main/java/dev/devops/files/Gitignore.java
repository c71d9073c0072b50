package dev.devops.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Just enough of gitignore matching to say "tracked although .gitignore lists it": the .gitignore files
 * of the root and of each directory down to the file, patterns with {@code *}, {@code ?}, {@code **},
 * a leading or inner {@code /} (anchored), a trailing {@code /} (directories) and {@code !} negation;
 * the last matching line wins, as in git.
 */
public final class Gitignore {
    private Gitignore() {
    }

    /** "dir/.gitignore:LINE" of the rule that ignores {@code path}, or null when no rule does. */
    public static String listedBy(Path root, String path) {
        String result = null;
        String[] parts = path.split("/");
        String dir = "";
        for (int depth = 0; depth < parts.length; depth++) {
            String gi = dir.isEmpty() ? ".gitignore" : dir + "/.gitignore";
            Path file = root.resolve(gi);
            if (Files.isRegularFile(file)) {
                List<String> lines;
                try {
                    lines = DockerIgnore.lenient(file).lines().toList(); // git reads bytes too
                } catch (IOException | RuntimeException e) {
                    lines = List.of();
                }
                String rel = dir.isEmpty() ? path : path.substring(dir.length() + 1);
                for (int i = 0; i < lines.size(); i++) {
                    String p = lines.get(i).strip();
                    if (p.isEmpty() || p.startsWith("#")) {
                        continue;
                    }
                    boolean negate = p.startsWith("!");
                    if (negate) {
                        p = p.substring(1);
                    }
                    if (matches(p, rel)) {
                        result = negate ? null : gi + ":" + (i + 1);
                    }
                }
            }
            if (depth < parts.length - 1) {
                dir = dir.isEmpty() ? parts[depth] : dir + "/" + parts[depth];
            }
        }
        return result;
    }

    /** Whether gitignore pattern {@code p} matches the file {@code rel} (relative to the .gitignore) or a parent directory. */
    public static boolean matches(String p, String rel) {
        boolean dirOnly = p.endsWith("/");
        if (dirOnly) {
            p = p.substring(0, p.length() - 1);
        }
        boolean anchored = p.contains("/");
        if (p.startsWith("/")) {
            p = p.substring(1);
        }
        Pattern re = Pattern.compile(glob(p));
        String[] segs = rel.split("/");
        // the file itself, then each parent directory (a directory match ignores everything under it)
        for (int end = segs.length; end >= 1; end--) {
            if (dirOnly && end == segs.length) {
                continue;
            }
            String candidate = String.join("/", java.util.Arrays.copyOfRange(segs, 0, end));
            if (anchored ? re.matcher(candidate).matches() : re.matcher(segs[end - 1]).matches()) {
                return true;
            }
        }
        return false;
    }

    private static String glob(String p) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '*' && i + 1 < p.length() && p.charAt(i + 1) == '*') {
                boolean slash = i + 2 < p.length() && p.charAt(i + 2) == '/';
                sb.append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            } else if (c == '*') {
                sb.append("[^/]*");
            } else if (c == '?') {
                sb.append("[^/]");
            } else if (c == '[') {
                int close = p.indexOf(']', i);
                if (close < 0) {
                    sb.append("\\[");
                } else {
                    sb.append(p, i, close + 1);
                    i = close;
                }
            } else if (c == '\\' && i + 1 < p.length()) {
                sb.append(Pattern.quote(String.valueOf(p.charAt(++i))));
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }
}
