package dev.devops.lint.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Dockerfile instruction after joining continuation lines.
 *
 * @param keyword   the instruction, upper-cased (FROM, RUN …)
 * @param arguments everything after the keyword, continuation lines joined (escape + newline removed)
 * @param flags     leading {@code --name=value} flags (value "" for a bare {@code --name}), in order
 * @param rest      the arguments after the flags
 * @param json      the exec-form array when the arguments are a valid JSON string array, else null
 * @param heredocs  heredoc bodies that follow the instruction, in order
 * @param line      1-based line of the keyword
 * @param endLine   last physical line of the instruction (the heredoc terminator included)
 * @param lineStarts offsets into {@code arguments} where each following physical line starts, paired
 *                  with that line number, for reporting a problem on the right line
 */
public record Instruction(String keyword, String arguments, Map<String, String> flags, String rest, List<String> json,
        List<Heredoc> heredocs, int line, int endLine, List<int[]> lineStarts) {

    /** A heredoc: {@code <<EOF} … {@code EOF}. */
    public record Heredoc(String delimiter, String body, boolean stripTabs, boolean quoted, int line) {
    }

    public boolean is(String kw) {
        return keyword.equals(kw);
    }

    public boolean isExecForm() {
        return json != null;
    }

    public boolean hasFlag(String name) {
        return flags.containsKey(name);
    }

    public String flag(String name) {
        return flags.get(name);
    }

    /** The physical line on which {@code arguments} offset {@code offset} was written. */
    public int lineAt(int offset) {
        int l = line;
        for (int[] s : lineStarts) {
            if (s[0] <= offset) {
                l = s[1];
            }
        }
        return l;
    }

    /** COPY/ADD: the sources (every word but the last). */
    public List<String> copySources() {
        List<String> words = isExecForm() ? new ArrayList<>(json) : new ArrayList<>(ShellCommand.words(rest));
        if (words.isEmpty()) {
            return words;
        }
        words.remove(words.size() - 1);
        return words;
    }

    /** COPY/ADD: the destination (the last word), or null. */
    public String copyDestination() {
        List<String> words = isExecForm() ? json : ShellCommand.words(rest);
        return words.isEmpty() ? null : words.get(words.size() - 1);
    }

    /** A COPY or ADD (not --from another stage) of the whole build context: {@code COPY . .}, {@code ADD ./* /app}. */
    public boolean copiesWholeContext() {
        if (!(is("COPY") || is("ADD")) || hasFlag("from")) {
            return false;
        }
        for (String src : copySources()) {
            String n = src.replaceAll("/+$", "");
            if (n.equals(".") || n.isEmpty() || n.equals("*") || n.equals("./*") || n.equals("./.")) {
                return true;
            }
        }
        return false;
    }

    /** RUN with a cache mount ({@code --mount=type=cache,…}). */
    public boolean hasCacheMount() {
        return hasFlag("mount") && flag("mount").contains("type=cache");
    }

    /** ENV pairs (name, value or null); the legacy form "ENV key value" gives one pair. */
    public List<String[]> envPairs() {
        List<String> words = ShellCommand.words(rest);
        List<String[]> out = new ArrayList<>();
        if (!words.isEmpty() && words.get(0).indexOf('=') < 0) {
            String r = rest.strip();
            int sp = r.indexOf(' ');
            out.add(new String[] {words.get(0), sp < 0 ? "" : r.substring(sp + 1).strip()});
            return out;
        }
        for (String w : words) {
            int eq = w.indexOf('=');
            out.add(eq < 0 ? new String[] {w, null} : new String[] {w.substring(0, eq), w.substring(eq + 1)});
        }
        return out;
    }
}
