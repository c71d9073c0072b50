package dev.devops.lint.dockerfile;

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
}
