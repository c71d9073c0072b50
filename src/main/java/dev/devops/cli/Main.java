package dev.devops.cli;

import dev.devops.core.ExitCode;
import dev.devops.core.UserError;
import picocli.CommandLine;

/** Entry point: builds the command line, maps exceptions to exit codes. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        EngineCommands.startEarly(args);
        LintChecks.startEarly(args);
        System.exit(run(args));
    }

    /** Runs devops with {@code args} and returns the exit code (used by tests, too). */
    public static int run(String... args) {
        Terminal.choose("auto"); // a run in the same JVM (tests, the training run) starts from the default
        CommandLine cl = commandLine(args);
        try {
            return cl.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // picocli hands only Exceptions to the handler; an Error would end the JVM with a trace and exit 1,
            // which CI reads as "findings"
            System.err.println("devops: internal error: " + e + " (an input too deep or too large that devops does not"
                    + " refuse yet; please report it)");
            return ExitCode.INTERNAL;
        }
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
        cl.setExecutionExceptionHandler(Main::handleException);
        cl.setParameterExceptionHandler(Main::handleParameterException);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        HelpWrap.install(cl);
        cl.setExecutionStrategy(Main::colourThenRun);
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
        boolean verbose = DevopsCommand.isVerbose(cl);
        java.io.PrintWriter err = cl.getErr();
        if (e instanceof UserError u) {
            for (String line : u.lines()) {
                err.println(Terminal.error("devops: " + line));
            }
            if (verbose) {
                u.printStackTrace(err);
            }
            err.flush();
            return ExitCode.USAGE;
        }
        if (e instanceof EngineFailure f) {
            // the message carries the failed build step's output: plain text unless a terminal shows it
            String message = Terminal.stderrIsTerminal() ? f.getMessage() : Terminal.plain(f.getMessage());
            err.println(Terminal.error("devops: " + message));
            if (verbose) {
                f.printStackTrace(err);
            }
            err.flush();
            return ExitCode.ENGINE;
        }
        err.println(Terminal.error("devops: internal error: " + e) + (verbose ? "" : " (rerun with --verbose for details, and please report it)"));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCode.INTERNAL;
    }

    private static int handleParameterException(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        java.io.PrintWriter err = cl.getErr();
        err.println(Terminal.error("devops: " + e.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Run '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return ExitCode.USAGE;
    }
}
