package dev.devops.lint.dockerfile;

import java.util.ArrayList;
import java.util.List;

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

    /** The first argument after the program that is not a flag, or null. */
    public String subcommand() {
        List<String> c = command();
        for (int k = 1; k < c.size(); k++) {
            if (!c.get(k).startsWith("-")) {
                return c.get(k);
            }
        }
        return null;
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

    /** Non-flag arguments after the subcommand (package names, for installs). */
    public List<String> operands() {
        List<String> c = command();
        List<String> out = new ArrayList<>();
        boolean subSeen = false;
        for (int k = 1; k < c.size(); k++) {
            String w = c.get(k);
            if (w.startsWith("-")) {
                continue;
            }
            if (!subSeen) {
                subSeen = true;
                continue;
            }
            out.add(w);
        }
        return out;
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
