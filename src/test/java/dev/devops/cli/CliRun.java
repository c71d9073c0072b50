package dev.devops.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs devops in-process with System.out and System.err captured. */
record CliRun(int code, String out, String err) {
    static CliRun run(String... args) {
        return capture(() -> Main.run(args));
    }

    /** Runs {@code body} (a command line's run, returning its exit code) with System.out and System.err captured. */
    static synchronized CliRun capture(java.util.function.IntSupplier body) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = body.getAsInt();
            System.out.flush();
            System.err.flush();
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
