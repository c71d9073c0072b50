package dev.devops.cli;

import dev.devops.core.ExitCode;
import picocli.CommandLine;

/**
 * The picocli side of {@link Main}: the command tree and its handlers. Kept out of {@code Main} so that a run
 * that needs no picocli model ({@link LintFastPath}) loads no picocli class: the launcher reflects over the
 * main class's public methods (loading the types they name), and linking a class loads the exception types
 * it throws or catches.
 */
public final class CommandTree {
    private CommandTree() {
    }

    /** The whole command tree. */
    public static CommandLine commandLine() {
        return commandLine((String[]) null);
    }

    /**
     * The command tree {@code args} need: when the first word names a command, that command only (its
     * picocli model is all a run of it reads), else every command (devops --help, help CMD, a mistyped name
     * that picocli suggests a correction for, the man page, completion). Null: every command.
     */
    static CommandLine commandLine(String... args) {
        String word = null;
        for (String a : args == null ? new String[0] : args) {
            if (!a.startsWith("-")) {
                word = a; // the first word is the command: options of the root take no separate values
                break;
            }
            if (a.equals("--")) {
                break;
            }
        }
        DevopsCommand root = new DevopsCommand();
        CommandLine cl = new CommandLine(root);
        String only = null;
        if (word != null && !DevopsCommand.NEED_TREE.contains(word)) {
            for (Class<?> c : DevopsCommand.SUBCOMMANDS) {
                if (word.equals(c.getAnnotation(picocli.CommandLine.Command.class).name())) {
                    only = word;
                }
            }
        }
        for (Class<?> c : DevopsCommand.SUBCOMMANDS) {
            if (only == null || only.equals(c.getAnnotation(picocli.CommandLine.Command.class).name())) {
                cl.addSubcommand(c);
            }
        }
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(Terminal.ansi()));
        cl.setExecutionExceptionHandler(CommandTree::handleException);
        cl.setParameterExceptionHandler(CommandTree::handleParameterException);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        HelpWrap.install(cl);
        cl.setExecutionStrategy(CommandTree::colourThenRun);
        return cl;
    }

    /** Applies --color (given on any command) before anything is printed, help included. */
    private static int colourThenRun(CommandLine.ParseResult parsed) {
        String when = "auto";
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--color")) {
                when = p.matchedOptionValue("--color", "auto");
            }
        }
        if (!java.util.List.of("auto", "always", "never").contains(when)) {
            throw new CommandLine.ParameterException(parsed.commandSpec().commandLine(),
                    "--color must be auto, always or never, not '" + when + "'");
        }
        if (!when.equals("auto")) {
            Terminal.choose(when);
            CommandLine.Help.ColorScheme scheme = CommandLine.Help.defaultColorScheme(Terminal.ansi());
            for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
                p.commandSpec().commandLine().setColorScheme(scheme);
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    private static int handleException(Exception e, CommandLine cl, CommandLine.ParseResult parseResult) {
        return Main.report(e, cl.getErr(), DevopsCommand.isVerbose(cl));
    }

    private static int handleParameterException(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        java.io.PrintWriter err = cl.getErr();
        err.println(Terminal.error("devops: " + dev.devops.core.UserError.singleLine(e.getMessage())));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Run '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return ExitCode.USAGE;
    }
}
