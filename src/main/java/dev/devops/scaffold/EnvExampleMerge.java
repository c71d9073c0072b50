package dev.devops.scaffold;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository's own .env.example kept, and completed: the README's flow is {@code cp .env.example .env},
 * and docker-compose.yml interpolates variables from .env ({@code ${POSTGRES_PASSWORD:?…}}), so a user's
 * example that lacks them yields an .env with which the stack cannot start. The entries of the rendered
 * .env.example (with their comments) whose keys the user's file does not define are appended under one
 * marked comment; no line of the user's is changed, and a key the user defines (even with another value)
 * is left as it is. A key only in a comment ({@code # FOO=bar}) counts as missing: copying the file does
 * not set it.
 */
final class EnvExampleMerge {
    static final String MARKER = "# --- added by devops: the variables of the stack (docker-compose.yml) this file did not list ---";
    private static final Pattern KEY = Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\\s*=");

    private EnvExampleMerge() {
    }

    /** The keys of {@code rendered} that {@code mine} does not define, in the rendered order. */
    static List<String> missing(String mine, String rendered) {
        Set<String> have = keys(mine);
        List<String> out = new ArrayList<>();
        for (String k : keys(rendered)) {
            if (!have.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    /** {@code mine} with the entries of {@code rendered} for {@code missing} appended (unchanged when none). */
    static String merge(String mine, String rendered, List<String> missing) {
        if (missing.isEmpty()) {
            return mine;
        }
        String nl = mine.contains("\r\n") ? "\r\n" : "\n";
        StringBuilder out = new StringBuilder(mine);
        if (!mine.isEmpty() && !mine.endsWith("\n")) {
            out.append(nl);
        }
        out.append(nl).append(MARKER).append(nl)
                .append("# (devops init/render add only missing keys and never change a line of yours)").append(nl);
        List<String> pending = new ArrayList<>();
        for (String line : rendered.split("\n", -1)) {
            Matcher m = KEY.matcher(line);
            if (m.find()) {
                if (missing.contains(m.group(1))) {
                    pending.forEach(c -> out.append(c).append(nl));
                    out.append(line).append(nl);
                }
                pending.clear();
            } else if (line.startsWith("#")) {
                pending.add(line);
            } else {
                pending.clear(); // a blank line ends a comment block (the file's header, a section's intro)
            }
        }
        return out.toString();
    }

    private static Set<String> keys(String text) {
        Set<String> out = new HashSet<>();
        List<String> ordered = new ArrayList<>();
        for (String line : text.split("\\r?\\n")) {
            Matcher m = KEY.matcher(line);
            if (m.find() && out.add(m.group(1))) {
                ordered.add(m.group(1));
            }
        }
        return new java.util.LinkedHashSet<>(ordered);
    }
}
