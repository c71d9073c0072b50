package dev.devops.lint.env;

import dev.devops.core.VariableNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Variable reads in shell scripts: {@code $X} and {@code ${X…}} with UPPER_SNAKE names, outside
 * single quotes and comments, minus the shell's own and the system's variables (HOME, PATH, IFS …)
 * and minus variables the script assigns itself (X=…, export/local/readonly/declare X, read X, for X in,
 * ${X:=…}). One read per name: the first.
 */
final class ShellReads {
    /** A read: name, line, column, and whether it has a default (${X:-d}, ${X-d}, ${X:=d}). */
    record Read(String name, int line, int column, boolean hasDefault) {
    }

    /** The shell's own variables, beside the platform's ({@link VariableNames#isPlatform}). */
    static final Set<String> SHELL_OWN = Set.of("IFS", "HOSTTYPE", "EUID", "PPID", "RANDOM", "LINENO", "SECONDS",
            "OSTYPE", "MACHTYPE", "PS1", "PS2", "PS3", "PS4", "OPTARG", "OPTIND", "OPTERR", "REPLY", "PIPESTATUS",
            "FUNCNAME", "SHLVL", "MAVEN_OPTS", "JAVA_OPTS", "NODE_OPTIONS", "BASHPID", "EPOCHSECONDS");
    private static final List<String> SHELL_PREFIXES = List.of("BASH", "COMP_", "HIST");

    private static final Pattern ASSIGN = Pattern.compile(
            "(?:^|[;&|(]|\\bthen|\\bdo|\\belse)\\s*(?:(?:export|local|readonly|declare|typeset)(?:\\s+-\\w+)*\\s+)?"
            + "([A-Za-z_][A-Za-z0-9_]*)=");
    private static final Pattern DECLARE_LIST = Pattern.compile(
            "^\\s*(?:export|local|readonly|declare|typeset)(?:\\s+-\\w+)*((?:\\s+[A-Za-z_][A-Za-z0-9_]*(?:=\\S*)?)+)\\s*$");
    private static final Pattern READ = Pattern.compile("\\bread\\s+(?:-\\w+\\s+(?:\\S+\\s+)?)*([A-Za-z_][\\w\\s]*)");
    private static final Pattern FOR = Pattern.compile("\\bfor\\s+([A-Za-z_][A-Za-z0-9_]*)\\s+in\\b");
    private static final Pattern REF = Pattern.compile("\\$(?:\\{#?([A-Za-z_][A-Za-z0-9_]*)([^}]*)\\}|([A-Za-z_][A-Za-z0-9_]*))");
    private static final Pattern UPPER = Pattern.compile("[A-Z][A-Z0-9_]*");

    private ShellReads() {
    }

    /** Whether {@code path} is a shell script: *.sh, *.bash, or a file whose first line is a sh/bash shebang. */
    static boolean isScript(String path, String firstLine) {
        String n = path.substring(path.lastIndexOf('/') + 1);
        if (n.endsWith(".sh") || n.endsWith(".bash")) {
            return true;
        }
        return !n.contains(".") && firstLine != null
                && firstLine.matches("#!\\s*(/usr)?/bin/(env\\s+)?(ba|da|z)?sh\\b.*");
    }

    static boolean isSystem(String name) {
        if (SHELL_OWN.contains(name) || VariableNames.isPlatform(name)) {
            return true;
        }
        for (String p : SHELL_PREFIXES) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    static List<Read> scan(String text) {
        String[] lines = text.split("\n", -1);
        List<String> code = new ArrayList<>();
        Set<String> assigned = new HashSet<>();
        String heredoc = null;
        for (String raw : lines) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (heredoc != null) {
                code.add(line.strip().equals(heredoc) ? "" : line); // heredoc bodies expand $X unless quoted
                if (line.strip().equals(heredoc)) {
                    heredoc = null;
                }
                continue;
            }
            String c = stripComment(line);
            Matcher h = Pattern.compile("<<-?\\s*(['\"]?)([A-Za-z_]+)\\1").matcher(c);
            if (h.find()) {
                heredoc = h.group(2);
            }
            code.add(c);
            Matcher m = ASSIGN.matcher(c);
            while (m.find()) {
                assigned.add(m.group(1));
            }
            Matcher d = DECLARE_LIST.matcher(c);
            if (d.matches()) {
                for (String w : d.group(1).trim().split("\\s+")) {
                    assigned.add(w.split("=", 2)[0]);
                }
            }
            m = READ.matcher(c);
            while (m.find()) {
                for (String w : m.group(1).trim().split("\\s+")) {
                    assigned.add(w);
                }
            }
            m = FOR.matcher(c);
            while (m.find()) {
                assigned.add(m.group(1));
            }
            m = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*):?=").matcher(c);
            while (m.find()) {
                assigned.add(m.group(1));
            }
        }
        List<Read> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < code.size(); i++) {
            String c = blankSingleQuotes(code.get(i));
            Matcher m = REF.matcher(c);
            while (m.find()) {
                if (m.start() > 0 && c.charAt(m.start() - 1) == '\\') {
                    continue;
                }
                String name = m.group(1) != null ? m.group(1) : m.group(3);
                if (!UPPER.matcher(name).matches() || isSystem(name) || assigned.contains(name) || !seen.add(name)) {
                    continue;
                }
                String mod = m.group(2) == null ? "" : m.group(2);
                boolean def = mod.startsWith(":-") || mod.startsWith("-") || mod.startsWith(":=") || mod.startsWith("=")
                        || mod.startsWith(":+") || mod.startsWith("+");
                out.add(new Read(name, i + 1, m.start() + 1, def));
            }
        }
        return out;
    }

    private static String stripComment(String line) {
        if (line.stripLeading().startsWith("#")) {
            return "";
        }
        boolean sq = false;
        boolean dq = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && !sq) {
                i++;
            } else if (c == '\'' && !dq) {
                sq = !sq;
            } else if (c == '"' && !sq) {
                dq = !dq;
            } else if (c == '#' && !sq && !dq && i > 0 && Character.isWhitespace(line.charAt(i - 1))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** Single-quoted text with its characters replaced by spaces (no expansion happens there). */
    private static String blankSingleQuotes(String line) {
        StringBuilder sb = new StringBuilder(line);
        boolean sq = false;
        boolean dq = false;
        for (int i = 0; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (c == '\\' && !sq) {
                i++;
            } else if (c == '\'' && !dq) {
                sq = !sq;
            } else if (sq) {
                sb.setCharAt(i, ' ');
            } else if (c == '"') {
                dq = !dq;
            }
        }
        return sb.toString();
    }
}
