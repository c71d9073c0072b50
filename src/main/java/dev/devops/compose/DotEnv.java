package dev.devops.compose;

import dev.devops.core.InputFiles;
import dev.devops.core.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A parsed dotenv file as compose reads it: {@code KEY=VALUE} lines, an optional {@code export }
 * prefix, {@code #} comment lines, single quotes (literal), double quotes (with {@code \n \t \" \\}
 * escapes, may span lines), unquoted values trimmed and cut at an inline {@code " #"} comment, empty
 * values. Unquoted and double-quoted values are interpolated against earlier keys, then the outer
 * lookup. A line that is not an assignment is reported in {@link #problems()}.
 *
 * @param values   key to value, in file order
 * @param lines    key to the 1-based line where it was set (last assignment wins)
 * @param problems "line N: what is wrong" for lines that were skipped
 */
public record DotEnv(Map<String, String> values, Map<String, Integer> lines, List<String> problems) {
    public DotEnv {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        lines = Collections.unmodifiableMap(new LinkedHashMap<>(lines));
        problems = List.copyOf(problems);
    }

    public static DotEnv empty() {
        return new DotEnv(Map.of(), Map.of(), List.of());
    }

    /** Reads {@code file}; a missing, unreadable or non-UTF-8 file is a {@link UserError}. */
    public static DotEnv read(Path file, Function<String, String> outer) {
        return parse(InputFiles.readUtf8(file, InputFiles.MAX_CONFIG_BYTES), outer);
    }

    /** Parses dotenv text; {@code outer} resolves variables not defined earlier in the file (may return null). */
    public static DotEnv parse(String text, Function<String, String> outer) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Interpolator interpolator = new Interpolator(name -> values.containsKey(name) ? values.get(name) : outer.apply(name));
        String[] raw = text.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            int lineNo = i + 1;
            String line = raw[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ") || line.startsWith("export\t")) {
                line = line.substring(7).stripLeading();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                problems.add("line " + lineNo + ": not a KEY=VALUE assignment");
                continue;
            }
            String key = line.substring(0, eq).strip();
            if (!key.chars().allMatch(c -> Interpolator.isNamePart((char) c) || c == '.' || c == '-')) {
                problems.add("line " + lineNo + ": invalid variable name '" + key + "'");
                continue;
            }
            String rest = line.substring(eq + 1).stripLeading();
            String value;
            if (rest.startsWith("'")) {
                int end = rest.indexOf('\'', 1);
                StringBuilder sb = new StringBuilder();
                while (end < 0 && i + 1 < raw.length) { // multi-line single-quoted value
                    sb.append(rest.substring(1)).append('\n');
                    rest = "'" + raw[++i];
                    end = rest.indexOf('\'', 1);
                }
                if (end < 0) {
                    problems.add("line " + lineNo + ": unterminated single quote");
                    continue;
                }
                value = sb + rest.substring(1, end);
            } else if (rest.startsWith("\"")) {
                StringBuilder sb = new StringBuilder();
                String cur = rest.substring(1);
                boolean closed = false;
                while (true) {
                    int k = 0;
                    for (; k < cur.length(); k++) {
                        char c = cur.charAt(k);
                        if (c == '\\' && k + 1 < cur.length()) {
                            char e = cur.charAt(++k);
                            switch (e) {
                                case 'n' -> sb.append('\n');
                                case 't' -> sb.append('\t');
                                case 'r' -> sb.append('\r');
                                case '"' -> sb.append('"');
                                case '\\' -> sb.append('\\');
                                case '$' -> sb.append("$$");
                                default -> sb.append('\\').append(e);
                            }
                        } else if (c == '"') {
                            closed = true;
                            break;
                        } else {
                            sb.append(c);
                        }
                    }
                    if (closed || i + 1 >= raw.length) {
                        break;
                    }
                    sb.append('\n');
                    cur = raw[++i];
                }
                if (!closed) {
                    problems.add("line " + lineNo + ": unterminated double quote");
                    continue;
                }
                value = expand(interpolator, key, sb.toString(), lineNo, problems);
            } else {
                int hash = rest.indexOf(" #");
                if (hash < 0) {
                    hash = rest.indexOf("\t#");
                }
                String v = (hash >= 0 ? rest.substring(0, hash) : rest).strip();
                value = expand(interpolator, key, v, lineNo, problems);
            }
            values.put(key, value);
            lines.put(key, lineNo);
        }
        return new DotEnv(values, lines, problems);
    }

    private static String expand(Interpolator interpolator, String key, String v, int lineNo, List<String> problems) {
        try {
            return interpolator.interpolate(v, w -> { });
        } catch (InterpolationException e) {
            problems.add("line " + lineNo + ": " + (ComposeLoader.secretValue(key, v) ? e.redactedMessage() : e.getMessage()));
            return v;
        }
    }
}
