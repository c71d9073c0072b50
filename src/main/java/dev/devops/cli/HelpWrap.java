package dev.devops.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Wraps --help at spaces only. picocli wraps with the JDK's line BreakIterator, which breaks after a
 * leading or inner dot ("Dockerfile, .\ndockerignore", ".env.\nexample"): here picocli lays the help out
 * on one long line per row, and each section is wrapped at the terminal's width (picocli's detection,
 * asked only when help is printed; $COLUMNS wins) at spaces, continuation lines indented under the text they continue
 * (the description column of option and command tables, the arguments of the synopsis).
 */
final class HelpWrap {
    /** picocli's layout width: wide enough that it never wraps. */
    static final int LAYOUT_WIDTH = 1000;
    private static final Pattern TABLE_ROW = Pattern.compile("^(\\s*\\S(?:.*?\\S)?)(\\s{2,})(?=\\S)");
    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");

    private HelpWrap() {
    }

    /** Lays out the help of {@code cl} and its subcommands unwrapped and wraps it at spaces. */
    static void install(CommandLine cl) {
        CommandLine.Model.UsageMessageSpec usage = cl.getCommandSpec().usageMessage();
        int[] width = {0};
        java.util.function.IntSupplier terminal = () -> {
            if (width[0] == 0) {
                width[0] = columns();
            }
            if (width[0] == 0) {
                usage.autoWidth(true).width(80);
                width[0] = usage.width(); // picocli's terminal width detection, once
                usage.autoWidth(false).width(LAYOUT_WIDTH);
            }
            return width[0];
        };
        usage.autoWidth(false).width(LAYOUT_WIDTH);
        Map<String, CommandLine.IHelpSectionRenderer> sections = cl.getHelpSectionMap();
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, HelpWrap::commandList);
        for (String key : new ArrayList<>(sections.keySet())) {
            CommandLine.IHelpSectionRenderer r = sections.get(key);
            boolean synopsis = key.equals(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS);
            sections.put(key, help -> {
                if (!synopsis) {
                    return wrap(r.render(help), terminal.getAsInt(), false);
                }
                String heading = help.synopsisHeading(); // printed before the synopsis, on its first line
                return wrap(heading + r.render(help), terminal.getAsInt(), true).substring(heading.length());
            });
        }
        cl.setHelpSectionMap(sections);
        for (CommandLine sub : cl.getSubcommands().values()) {
            install(sub);
        }
    }

    /** One line per visible subcommand: its name and the first sentence of its header or description. */
    static String commandList(CommandLine.Help help) {
        Map<String, CommandLine.Help> subs = help.subcommands();
        List<String[]> rows = new ArrayList<>();
        int w = 0;
        for (Map.Entry<String, CommandLine.Help> e : subs.entrySet()) {
            CommandLine.Model.UsageMessageSpec u = e.getValue().commandSpec().usageMessage();
            if (u.hidden()) {
                continue;
            }
            String[] text = u.header().length > 0 ? u.header() : u.description();
            String first = text.length == 0 ? "" : String.format(text[0]).strip();
            int dot = first.indexOf(". ");
            rows.add(new String[] {e.getKey(), dot > 0 ? first.substring(0, dot + 1) : first});
            w = Math.max(w, e.getKey().length());
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            sb.append("  ").append(r[0]).append(" ".repeat(Math.max(3, w + 3 - r[0].length()))).append(r[1]).append('\n');
        }
        return sb.toString();
    }

    /** $COLUMNS when it holds a sensible width (as curses programs read it), else 0. */
    static int columns() {
        String c = System.getenv("COLUMNS");
        try {
            int n = c == null ? 0 : Integer.parseInt(c.trim());
            return n >= 40 && n <= 500 ? n : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Every line of {@code text} wider than {@code width}, wrapped at spaces. */
    static String wrap(String text, int width, boolean synopsis) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            String line = lines[i];
            if (visible(line.stripTrailing()) <= width) {
                out.append(line); // as laid out (a heading keeps its trailing space)
                continue;
            }
            out.append(wrapLine(line.stripTrailing(), width, hang(line, synopsis)));
        }
        return out.toString();
    }

    /** Where continuation lines start: under a table row's text (+2, as picocli does), after "Usage: cmd ", or the indent. */
    static int hang(String line, boolean synopsis) {
        String plain = ANSI.matcher(line).replaceAll("");
        int indent = plain.length() - plain.stripLeading().length();
        if (synopsis) {
            String[] words = plain.trim().split(" +");
            int at = plain.indexOf(' ', plain.indexOf(' ', indent) + 1); // after "Usage: devops"
            for (int w = 2; w < words.length && !words[w].startsWith("[") && !words[w].startsWith("-"); w++) {
                at = plain.indexOf(' ', at + 1); // subcommand names
            }
            return at < 0 ? indent : at + 1;
        }
        Matcher m = TABLE_ROW.matcher(plain);
        if (m.find() && m.end() <= 40 && m.group(1).trim().length() < 36) {
            return m.end() + 2;
        }
        return indent;
    }

    private static String wrapLine(String line, int width, int hang) {
        int max = Math.max(width, hang + 20);
        List<String> words = new ArrayList<>();
        int indentEnd = 0;
        while (indentEnd < line.length() && line.charAt(indentEnd) == ' ') {
            indentEnd++;
        }
        StringBuilder cur = new StringBuilder(line.substring(0, indentEnd));
        // keep runs of spaces inside the first segment (table columns) by splitting on single spaces only
        for (String w : line.substring(indentEnd).split(" ", -1)) {
            words.add(w);
        }
        StringBuilder out = new StringBuilder();
        int curLen = indentEnd;
        boolean lineHasWord = false;
        String pad = " ".repeat(hang);
        for (String w : words) {
            int wl = visible(w);
            if (lineHasWord && curLen + 1 + wl > max && !w.isEmpty()) {
                out.append(cur.toString().stripTrailing()).append('\n');
                cur = new StringBuilder(pad).append(w);
                curLen = hang + wl;
                continue;
            }
            if (lineHasWord) {
                cur.append(' ');
                curLen++;
            }
            cur.append(w);
            curLen += wl;
            lineHasWord = true;
        }
        out.append(cur.toString().stripTrailing());
        return out.toString();
    }

    private static int visible(String s) {
        return s.indexOf('\u001b') < 0 ? s.length() : ANSI.matcher(s).replaceAll("").length();
    }
}
