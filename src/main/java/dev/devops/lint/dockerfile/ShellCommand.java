package dev.devops.lint.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One simple command of a RUN shell script, as the small splitter in {@link #split} sees it: the
 * script is cut at {@code &&}, {@code ||}, {@code ;}, {@code |}, {@code &}, newlines and parentheses,
 * outside quotes; words have their quotes and backslash escapes removed; {@code $(…)} and backticks
 * stay inside their word.
 *
 * @param words     the words, leading {@code VAR=value} assignments included
 * @param separator the operator before this command ("" for the first, "&&", "||", ";", "|", "&", "\n")
 */
public record ShellCommand(List<String> words, String separator) {

    /** The words after leading {@code VAR=value} assignments. */
    public List<String> command() {
        int k = 0;
        while (k < words.size() && words.get(k).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
            k++;
        }
        return words.subList(k, words.size());
    }

    /** The program name (basename), or "" when there is none. */
    public String program() {
        List<String> c = command();
        if (c.isEmpty()) {
            return "";
        }
        String p = c.get(0);
        int slash = p.lastIndexOf('/');
        return slash >= 0 ? p.substring(slash + 1) : p;
    }

    /** True when the program is {@code name} and the first non-flag argument is {@code sub}. */
    public boolean isSub(String name, String sub) {
        return program().equals(name) && sub.equals(subcommand());
    }

    /**
     * Options of package managers that take the next word as their value ({@code apk -X URL add},
     * {@code apt-get -o Dpkg::Options::=--force-confold install}, {@code pip install -i URL pkg},
     * {@code npm install --registry URL pkg}): that word is neither the subcommand nor an operand. Written
     * with {@code =} ({@code --index-url=URL}) the option is one word and needs no entry.
     */
    private static final Map<String, Set<String>> VALUE_OPTIONS;

    static {
        Set<String> apt = Set.of("-o", "--option", "-c", "--config-file", "-t", "--target-release", "--default-release");
        Set<String> yum = Set.of("-c", "--config", "--enablerepo", "--disablerepo", "--installroot", "--releasever", "-x",
                "--exclude", "--repo", "--repoid", "--repofrompath", "--setopt", "-d", "--debuglevel", "-e", "--errorlevel",
                "--forcearch", "--downloaddir", "--destdir", "--comment");
        Set<String> pip = Set.of("-i", "--index-url", "--extra-index-url", "-f", "--find-links", "-r", "--requirement", "-c",
                "--constraint", "-e", "--editable", "-t", "--target", "--prefix", "--root", "--cache-dir", "--trusted-host",
                "--platform", "--python-version", "--implementation", "--abi", "--src", "--upgrade-strategy", "--progress-bar",
                "--log", "--proxy", "--retries", "--timeout", "--exists-action", "--cert", "--client-cert", "--no-binary",
                "--only-binary", "-C", "--config-settings", "--global-option", "--python", "--report");
        VALUE_OPTIONS = Map.of(
                "apk", Set.of("-X", "--repository", "-t", "--virtual", "-p", "--root", "--arch", "--keys-dir",
                        "--repositories-file", "--cache-dir", "--cache-max-age", "--timeout"),
                "apt-get", apt, "apt", apt, "yum", yum, "dnf", yum, "microdnf", yum,
                "pip", pip,
                "npm", Set.of("--registry", "--prefix", "--cache", "--userconfig", "--globalconfig", "-w", "--workspace",
                        "--loglevel", "--tag", "--omit", "--include", "--install-strategy", "-C"),
                "gem", Set.of("-v", "--version", "-i", "--install-dir", "-n", "--bindir", "--source", "--platform"),
                "python", Set.of("-m", "-c", "-W", "-X"));
    }

    private Set<String> valueOptions() {
        String p = program();
        if (p.matches("pip[0-9.]*")) {
            p = "pip";
        } else if (p.matches("python[0-9.]*")) {
            p = "python";
        }
        return VALUE_OPTIONS.getOrDefault(p, Set.of());
    }

    /**
     * The arguments after the program that are not options or option values: the subcommand, then the
     * operands. {@code --} ends the options.
     */
    public List<String> arguments() {
        List<String> c = command();
        Set<String> withValue = valueOptions();
        List<String> out = new ArrayList<>();
        boolean optionsEnd = false;
        for (int k = 1; k < c.size(); k++) {
            String w = c.get(k);
            if (!optionsEnd && w.equals("--")) {
                optionsEnd = true;
            } else if (!optionsEnd && w.startsWith("-") && w.length() > 1) {
                if (withValue.contains(w)) {
                    k++;
                }
            } else {
                out.add(w);
            }
        }
        return out;
    }

    /** {@code pip install …}, {@code pip3 install …} or {@code python -m pip install …}. */
    public boolean isPipInstall() {
        List<String> w = command();
        String p = program();
        if (p.matches("pip[0-9.]*")) {
            return "install".equals(subcommand());
        }
        if (p.matches("python[0-9.]*")) {
            int m = w.indexOf("-m");
            return m >= 0 && m + 2 < w.size() && w.get(m + 1).matches("pip[0-9.]*") && w.get(m + 2).equals("install");
        }
        return false;
    }

    /** The first argument after the program that is not an option (nor an option's value), or null. */
    public String subcommand() {
        List<String> a = arguments();
        return a.isEmpty() ? null : a.get(0);
    }

    /** True when any word is one of {@code flags} (a flag with '=' matches on its name). */
    public boolean hasFlag(String... flags) {
        for (String w : command()) {
            for (String f : flags) {
                if (w.equals(f) || w.startsWith(f + "=")) {
                    return true;
                }
                // a bundle of short flags: -qy contains -y
                if (f.length() == 2 && f.charAt(0) == '-' && w.length() > 2 && w.charAt(0) == '-' && w.charAt(1) != '-'
                        && w.indexOf(f.charAt(1), 1) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The arguments after the subcommand, options and their values left out (package names, for installs). */
    public List<String> operands() {
        List<String> a = arguments();
        return a.size() <= 1 ? List.of() : a.subList(1, a.size());
    }

    @Override
    public String toString() {
        return String.join(" ", words);
    }

    /** Splits a shell script into simple commands. */
    public static List<ShellCommand> split(String script) {
        return split(script, true);
    }

    private static List<ShellCommand> split(String script, boolean operators) {
        List<ShellCommand> out = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        String sep = "";
        int n = script.length();
        for (int i = 0; i < n; i++) {
            char c = script.charAt(i);
            if (c == '\'') {
                int end = script.indexOf('\'', i + 1);
                end = end < 0 ? n : end;
                w.append(script, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                i++;
                while (i < n && script.charAt(i) != '"') {
                    char d = script.charAt(i);
                    if (d == '\\' && i + 1 < n && "\"\\$`\n".indexOf(script.charAt(i + 1)) >= 0) {
                        d = script.charAt(++i);
                        if (d == '\n') {
                            i++;
                            continue;
                        }
                    }
                    w.append(d);
                    i++;
                }
                inWord = true;
            } else if (c == '\\' && i + 1 < n) {
                char d = script.charAt(++i);
                if (d != '\n') {
                    w.append(d);
                    inWord = true;
                }
            } else if (c == '$' && i + 1 < n && script.charAt(i + 1) == '(') {
                int depth = 0;
                int j = i + 1;
                for (; j < n; j++) {
                    if (script.charAt(j) == '(') {
                        depth++;
                    } else if (script.charAt(j) == ')' && --depth == 0) {
                        break;
                    }
                }
                j = Math.min(j, n - 1);
                w.append(script, i, j + 1);
                i = j;
                inWord = true;
            } else if (c == '`') {
                int end = script.indexOf('`', i + 1);
                end = end < 0 ? n - 1 : end;
                w.append(script, i, end + 1);
                i = end;
                inWord = true;
            } else if (c == '#' && !inWord && operators) {
                while (i + 1 < n && script.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (Character.isWhitespace(c) && (c != '\n' || !operators)) {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else if (operators && (c == '\n' || c == ';' || c == '|' || c == '&' || c == '(' || c == ')')) {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
                String op = String.valueOf(c);
                if ((c == '&' || c == '|') && i + 1 < n && script.charAt(i + 1) == c) {
                    op = op + c;
                    i++;
                } else if (c == '&' && i + 1 < n && script.charAt(i + 1) == '>') {
                    continue; // &> redirection
                } else if (c == '&' && i > 0 && (script.charAt(i - 1) == '>' || script.charAt(i - 1) == '<')) {
                    continue; // 2>&1
                }
                if (!words.isEmpty()) {
                    out.add(new ShellCommand(List.copyOf(words), sep));
                    words.clear();
                }
                sep = op;
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(w.toString());
        }
        if (!words.isEmpty()) {
            out.add(new ShellCommand(List.copyOf(words), sep));
        }
        return out;
    }

    /** The words of a single command line (for ENV, LABEL, ARG, USER arguments). */
    public static List<String> words(String text) {
        List<String> all = new ArrayList<>();
        for (ShellCommand c : split(text, false)) {
            all.addAll(c.words());
        }
        return all;
    }
}
