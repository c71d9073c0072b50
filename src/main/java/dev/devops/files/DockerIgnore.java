package dev.devops.files;

import dev.devops.core.InputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code .dockerignore} rules with Docker's (moby patternmatcher) semantics: lines starting
 * with {@code #} are comments; each pattern is trimmed and path-cleaned ({@code ./a/} is {@code a},
 * a leading {@code /} is dropped); {@code *} and {@code ?} never match {@code /}; {@code **} matches
 * any number of directories, including none; {@code \} escapes; a pattern that matches a directory
 * excludes everything below it; {@code !} re-includes; the last matching pattern wins.
 */
public final class DockerIgnore {
    private final List<Rule> rules;
    private final boolean hasExceptions;

    private record Rule(String pattern, boolean exception, int depth, Pattern regex) {
        boolean matches(String path) {
            return regex.matcher(path).matches();
        }
    }

    private DockerIgnore(List<Rule> rules) {
        this.rules = rules;
        this.hasExceptions = rules.stream().anyMatch(Rule::exception);
    }

    /** No rules: nothing is excluded. */
    public static DockerIgnore none() {
        return new DockerIgnore(List.of());
    }

    /**
     * The text of an ignore file as Docker reads it: bytes, so a Latin-1 comment or a stray byte costs that line
     * only (it decodes to U+FFFD), never the whole file's rules.
     */
    public static String lenient(Path f) throws IOException {
        return new String(InputFiles.read(f, InputFiles.MAX_CONFIG_BYTES), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Reads {@code <context>/.dockerignore}; no file means no rules. */
    public static DockerIgnore load(Path contextDir) throws IOException {
        Path f = contextDir.resolve(".dockerignore");
        if (!Files.isRegularFile(f)) {
            return none();
        }
        return parse(lenient(f));
    }

    /**
     * The ignore rules of a build of {@code dockerfile} (relative to the context): {@code <dockerfile>.dockerignore}
     * beside it when there is one (BuildKit reads that first), else {@code <context>/.dockerignore}.
     */
    public static DockerIgnore load(Path contextDir, String dockerfile) throws IOException {
        if (dockerfile != null && !dockerfile.isEmpty()) {
            Path beside = contextDir.resolve(dockerfile + ".dockerignore");
            if (Files.isRegularFile(beside)) {
                return parse(lenient(beside));
            }
        }
        return load(contextDir);
    }

    /** Parses the text of a .dockerignore file. */
    public static DockerIgnore parse(String text) {
        List<Rule> rules = new ArrayList<>();
        boolean first = true;
        for (String raw : text.split("\r?\n", -1)) {
            String line = raw;
            if (first && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            first = false;
            if (line.startsWith("#")) {
                continue;
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            boolean exception = false;
            if (line.startsWith("!")) {
                exception = true;
                line = line.substring(1).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            line = clean(line);
            if (line.length() > 1 && line.startsWith("/")) {
                line = line.substring(1);
            }
            rules.add(new Rule(line, exception, line.split("/", -1).length, Pattern.compile(toRegex(line))));
        }
        return new DockerIgnore(List.copyOf(rules));
    }

    /** Whether any rule re-includes paths ({@code !pattern}). */
    public boolean hasExceptions() {
        return hasExceptions;
    }

    /**
     * Whether {@code path} (relative to the context, '/'-separated) is excluded: by a pattern matching
     * it or one of its parent directories, unless a later {@code !} pattern matches it (or a parent).
     */
    public boolean excluded(String path) {
        String file = clean(path);
        if (file.equals(".")) {
            return false;
        }
        String[] parents = parentDirs(file);
        boolean matched = false;
        for (Rule r : rules) {
            if (r.exception() != matched) {
                continue; // an inclusion can't change "excluded", an exception can't change "kept"
            }
            boolean m = r.matches(file);
            for (int i = 0; !m && i < parents.length; i++) {
                m = r.matches(parents[i]);
            }
            if (m) {
                matched = !r.exception();
            }
        }
        return matched;
    }

    private static String[] parentDirs(String file) {
        int slash = file.lastIndexOf('/');
        if (slash < 0) {
            return new String[0];
        }
        String[] parts = file.substring(0, slash).split("/");
        String[] out = new String[parts.length];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append('/');
            }
            sb.append(parts[i]);
            out[i] = sb.toString();
        }
        return out;
    }

    /** Lexical path cleaning like Go's path.Clean. */
    public static String clean(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        boolean rooted = p.startsWith("/");
        List<String> out = new ArrayList<>();
        for (String part : p.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                    out.remove(out.size() - 1);
                } else if (!rooted) {
                    out.add(part);
                }
                continue;
            }
            out.add(part);
        }
        String joined = String.join("/", out);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** Translates one cleaned pattern into a Java regex with the patternmatcher's rules. */
    static String toRegex(String pattern) {
        StringBuilder re = new StringBuilder("^");
        int n = pattern.length();
        for (int i = 0; i < n; i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                if (i + 1 < n && pattern.charAt(i + 1) == '*') {
                    i++;
                    if (i + 1 < n && pattern.charAt(i + 1) == '/') {
                        i++;
                    }
                    re.append(i + 1 >= n ? ".*" : "(.*/)?");
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '\\') {
                if (i + 1 < n) {
                    re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
                } else {
                    re.append("\\\\");
                }
            } else if (c == '[') {
                int end = pattern.indexOf(']', i + 1);
                if (end < 0) {
                    re.append("\\[");
                } else {
                    String body = pattern.substring(i + 1, end);
                    if (body.startsWith("^") || body.startsWith("!")) {
                        body = "^" + escapeClass(body.substring(1));
                    } else {
                        body = escapeClass(body);
                    }
                    re.append('[').append(body).append(']');
                    i = end;
                }
            } else if (".+()|{}$^]&".indexOf(c) >= 0) {
                re.append('\\').append(c);
            } else {
                re.append(c);
            }
        }
        return re.append('$').toString();
    }

    private static String escapeClass(String body) {
        StringBuilder sb = new StringBuilder();
        for (char c : body.toCharArray()) {
            if (c == '[' || c == '&' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
