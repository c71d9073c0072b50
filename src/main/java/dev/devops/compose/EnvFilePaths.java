package dev.devops.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code env_file} paths a compose file names, read from its text without loading the project (the
 * secret scanner needs them for every compose file of a tree, cheaply): {@code env_file: x},
 * {@code env_file: [x, y]}, a block list of paths and the long form's {@code - path: x}. Paths that
 * interpolate a variable are left out: where they point cannot be told from the text.
 */
public final class EnvFilePaths {
    private EnvFilePaths() {
    }

    /** The paths as written (relative to the compose file's directory). */
    public static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int k = line.indexOf("env_file:");
            if (k < 0 || !line.substring(0, k).isBlank()) {
                continue;
            }
            int indent = k;
            String rest = strip(line.substring(k + 9));
            if (rest.startsWith("[") && rest.endsWith("]")) {
                for (String p : rest.substring(1, rest.length() - 1).split(",")) {
                    add(out, p);
                }
            } else if (!rest.isEmpty()) {
                add(out, rest);
            } else {
                for (int j = i + 1; j < lines.length; j++) {
                    String l = lines[j];
                    String t = strip(l);
                    if (t.isEmpty()) {
                        continue;
                    }
                    int ind = l.length() - l.stripLeading().length();
                    if (ind < indent || ind == indent && !t.startsWith("-")) {
                        break;
                    }
                    if (t.startsWith("- path:")) {
                        add(out, t.substring(7));
                    } else if (t.startsWith("path:")) {
                        add(out, t.substring(5));
                    } else if (t.startsWith("-") && !t.contains(":")) {
                        add(out, t.substring(1));
                    }
                }
            }
        }
        return out;
    }

    private static String strip(String s) {
        int hash = s.indexOf(" #");
        return (hash >= 0 ? s.substring(0, hash) : s).strip();
    }

    private static void add(List<String> out, String raw) {
        String p = raw.strip();
        if (p.length() >= 2 && (p.charAt(0) == '"' || p.charAt(0) == '\'') && p.charAt(p.length() - 1) == p.charAt(0)) {
            p = p.substring(1, p.length() - 1);
        }
        if (!p.isEmpty() && p.indexOf('$') < 0) {
            out.add(p);
        }
    }
}
