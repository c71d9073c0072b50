package dev.devops.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Spec;

/**
 * {@code devops man}: the manual page in roff, generated from the same picocli model as --help (every
 * command, its options and exit codes), so the two never disagree: {@code devops man > devops.1 && man ./devops.1}.
 */
@Command(name = "man", mixinStandardHelpOptions = true,
        description = "Print the manual page (roff, section 1) of devops and every command: devops man > devops.1; man ./devops.1")
public final class ManCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(page(spec.root(), BuildInfo.version()));
        out.flush();
        return 0;
    }

    /** The roff text of {@code root}'s manual page. */
    static String page(CommandSpec root, String version) {
        StringBuilder sb = new StringBuilder();
        String name = root.name();
        sb.append(".TH ").append(name.toUpperCase(java.util.Locale.ROOT)).append(" 1 \"\" \"").append(name).append(' ')
                .append(esc(version)).append("\" \"User Commands\"\n.nh\n.ad l\n"); // no hyphenation, ragged right
        sb.append(".SH NAME\n").append(name).append(" \\- ").append(esc(join(root.usageMessage().header()))).append('\n');
        sb.append(".SH SYNOPSIS\n").append(".B ").append(name).append("\n[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]\n");
        sb.append(".SH DESCRIPTION\n");
        paragraphs(sb, root.usageMessage().description());
        sb.append(".SH OPTIONS\n");
        options(sb, root);
        sb.append(".SH COMMANDS\n");
        for (Map.Entry<String, CommandLine> e : root.subcommands().entrySet()) {
            CommandSpec sub = e.getValue().getCommandSpec();
            if (sub.usageMessage().hidden() || !e.getKey().equals(sub.name())) {
                continue; // hidden, or an alias
            }
            sb.append(".SS \"").append(name).append(' ').append(e.getKey()).append("\"\n");
            sb.append(".PP\n").append(esc(synopsis(e.getValue()))).append('\n'); // filled: roff breaks at spaces
            paragraphs(sb, sub.usageMessage().description());
            for (PositionalParamSpec p : sub.positionalParameters()) {
                if (!p.hidden()) {
                    sb.append(".TP\n\\fI").append(esc(p.paramLabel())).append("\\fR\n").append(esc(join(p.description()))).append('\n');
                }
            }
            options(sb, sub);
            List<String> footer = Arrays.asList(sub.usageMessage().footer());
            if (!footer.isEmpty()) {
                sb.append(".PP\n").append(esc(String.format(String.join("", sub.usageMessage().footerHeading())).strip())).append("\n.nf\n");
                footer.forEach(l -> sb.append(esc(String.format(l))).append('\n'));
                sb.append(".fi\n");
            }
        }
        sb.append(".SH EXIT STATUS\n.nf\n");
        for (String l : root.usageMessage().footer()) {
            String line = String.format(l);
            if (!line.isBlank()) {
                sb.append(esc(line)).append('\n');
            }
        }
        sb.append(".fi\n");
        return sb.toString();
    }

    private static String synopsis(CommandLine cl) {
        CommandLine.Help help = cl.getHelp();
        return help.synopsis(0).strip().replaceAll("\\s*\\n\\s*", " ");
    }

    private static void options(StringBuilder sb, CommandSpec spec) {
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            sb.append(".TP\n");
            String[] names = o.names();
            for (int i = 0; i < names.length; i++) {
                sb.append(i > 0 ? ", " : "").append("\\fB").append(esc(names[i])).append("\\fR");
            }
            if (o.arity().max() > 0) {
                sb.append("=\\fI").append(esc(o.paramLabel())).append("\\fR");
            }
            sb.append('\n').append(esc(join(o.description()))).append('\n');
        }
    }

    private static void paragraphs(StringBuilder sb, String[] lines) {
        StringBuilder para = new StringBuilder();
        for (String l : lines) {
            String line = String.format(l).strip();
            if (line.isEmpty()) {
                flush(sb, para);
            } else {
                para.append(para.length() > 0 ? " " : "").append(line);
            }
        }
        flush(sb, para);
    }

    private static void flush(StringBuilder sb, StringBuilder para) {
        if (para.length() > 0) {
            sb.append(".PP\n").append(esc(para.toString())).append('\n');
            para.setLength(0);
        }
    }

    private static String join(String[] lines) {
        return String.join(" ", Arrays.stream(lines).map(l -> String.format(l).strip()).toList());
    }

    /** roff-safe text: backslashes, dashes, and a leading dot or quote that roff would read as a request. */
    static String esc(String s) {
        String t = s.replace("\\", "\\e").replace("-", "\\-");
        StringBuilder out = new StringBuilder();
        for (String line : t.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(line.startsWith(".") || line.startsWith("'") ? "\\&" + line : line);
        }
        return out.toString();
    }
}
