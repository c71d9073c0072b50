package dev.devops.lint.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code .dockerignore} file: patterns in Go {@code filepath.Match} syntax plus {@code **}, matched
 * against context-relative paths; later lines win and {@code !pattern} re-includes. A path is also
 * excluded when one of its parent directories is.
 */
public final class Dockerignore {
    private record Rule(Pattern pattern, boolean negate) {
    }

    private final List<Rule> rules;

    private Dockerignore(List<Rule> rules) {
        this.rules = rules;
    }

    public static Dockerignore parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean negate = line.startsWith("!");
            if (negate) {
                line = line.substring(1).strip();
            }
            while (line.startsWith("./")) {
                line = line.substring(2);
            }
            while (line.startsWith("/")) {
                line = line.substring(1);
            }
            while (line.endsWith("/") && line.length() > 1) {
                line = line.substring(0, line.length() - 1);
            }
            if (!line.isEmpty()) {
                rules.add(new Rule(Pattern.compile(toRegex(line)), negate));
            }
        }
        return new Dockerignore(rules);
    }

    /** True when {@code path} (context-relative, forward slashes) is left out of the build context. */
    public boolean excludes(String path) {
        boolean excluded = false;
        String[] parts = path.split("/");
        for (Rule r : rules) {
            // a pattern matches the path itself or one of its parent directories
            StringBuilder prefix = new StringBuilder();
            boolean match = false;
            for (int i = 0; i < parts.length && !match; i++) {
                if (i > 0) {
                    prefix.append('/');
                }
                prefix.append(parts[i]);
                match = r.pattern().matcher(prefix).matches();
            }
            if (match) {
                excluded = !r.negate();
            }
        }
        return excluded;
    }

    private static String toRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    i++;
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
                        i++;
                        sb.append("(?:.*/)?");
                    } else {
                        sb.append(".*");
                    }
                } else {
                    sb.append("[^/]*");
                }
            } else if (c == '?') {
                sb.append("[^/]");
            } else if (c == '[') {
                int end = glob.indexOf(']', i + 1);
                if (end < 0) {
                    sb.append("\\[");
                } else {
                    String cls = glob.substring(i + 1, end);
                    if (cls.startsWith("^") || cls.startsWith("!")) {
                        cls = "^" + cls.substring(1);
                    }
                    sb.append('[').append(cls.replace("\\", "\\\\")).append(']');
                    i = end;
                }
            } else if (c == '\\' && i + 1 < glob.length()) {
                sb.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }
}
