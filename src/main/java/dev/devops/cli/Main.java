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
        try {
            LintFastPath.Parsed hook = LintFastPath.parse(args);
            if (hook != null) {
                return runWithoutPicocli(hook);
            }
            java.util.concurrent.Callable<Integer> stack = StackFastPath.parse(args);
            if (stack != null) {
                return runWithoutPicocli(stack, false, null);
            }
            CommandLine cl = CommandTree.commandLine(args);
            return cl.execute(args);
        } catch (VirtualMachineError | LinkageError e) {
            // picocli hands only Exceptions to the handler; an Error (a stack overflow, memory, a native library that
            // does not load) would end the JVM with a trace and exit 1, which CI reads as "findings"
            System.err.println("devops: internal error: " + e + " (an input too deep or too large that devops does not"
                    + " refuse yet; please report it)");
            return ExitCode.INTERNAL;
        }
    }

    /** A hook's lint command line ({@link LintFastPath}): what picocli's execute would do with it, without its model. */
    private static int runWithoutPicocli(LintFastPath.Parsed hook) {
        return runWithoutPicocli(hook.command(), hook.verbose(), hook.color());
    }

    /**
     * Runs {@code command} as picocli's execute would ({@link LintFastPath}, {@link StackFastPath}), with the root's
     * --verbose and --color (null: auto).
     */
    private static int runWithoutPicocli(java.util.concurrent.Callable<Integer> command, boolean verbose, String color) {
        if (color != null) {
            Terminal.choose(color);
        }
        try {
            return command.call();
        } catch (Exception e) {
            return report(e, stderr(), verbose);
        }
    }

    /** Standard error as picocli's {@code CommandLine.getErr()} writes it (its encoding rule, autoflush). */
    private static java.io.PrintWriter stderr() {
        String name = System.getProperty("sun.stderr.encoding");
        java.nio.charset.Charset cs = java.nio.charset.Charset.defaultCharset();
        if (name != null) {
            try {
                cs = java.nio.charset.Charset.forName("cp65001".equalsIgnoreCase(name) ? "UTF-8" : name);
            } catch (RuntimeException e) {
                // picocli falls back to the default charset too
            }
        }
        return new java.io.PrintWriter(new java.io.BufferedWriter(new java.io.OutputStreamWriter(System.err, cs)), true);
    }


    /** Prints what went wrong ({@code e}) on {@code err} and returns the exit code for it. */
    static int report(Exception e, java.io.PrintWriter err, boolean verbose) {
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

}
