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
        System.exit(run(args));
    }

    /** Runs devops with {@code args} and returns the exit code (used by tests, too). */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    public static CommandLine commandLine() {
        DevopsCommand root = new DevopsCommand();
        CommandLine cl = new CommandLine(root);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(Terminal.ansi()));
        cl.setExecutionExceptionHandler(Main::handleException);
        cl.setParameterExceptionHandler(Main::handleParameterException);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        HelpWrap.install(cl);
        return cl;
    }

    private static int handleException(Exception e, CommandLine cl, CommandLine.ParseResult parseResult) {
        boolean verbose = DevopsCommand.isVerbose(cl);
        java.io.PrintWriter err = cl.getErr();
        if (e instanceof UserError u) {
            err.println(Terminal.error("devops: " + u.oneLine()));
            if (verbose) {
                u.printStackTrace(err);
            }
            err.flush();
            return ExitCode.USAGE;
        }
        if (e instanceof EngineFailure f) {
            err.println(Terminal.error("devops: " + f.getMessage()));
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
