package dev.devops.cli;

import java.io.PrintStream;

/**
 * "lint --history: 1,234 commits read" on standard error, rewritten in place at most five times a
 * second, on a terminal only (and erased at the end): a long history scan is not silent, and nothing
 * reaches a pipe or a log.
 */
final class HistoryProgress {
    private static final long EVERY_NANOS = 200_000_000L;
    private final PrintStream err;
    private long last;
    private boolean shown;

    HistoryProgress(PrintStream err) {
        this.err = err;
    }

    /** A progress line when standard error is a terminal, else null. */
    static HistoryProgress onTerminal() {
        return Terminal.stderrIsTerminal() ? new HistoryProgress(System.err) : null;
    }

    /** Called from the scanning thread with the number of commits read so far. */
    synchronized void commits(int n) {
        long now = System.nanoTime();
        if (shown && now - last < EVERY_NANOS) {
            return;
        }
        last = now;
        shown = true;
        err.print(String.format(java.util.Locale.ROOT, "\rlint --history: %,d commits read", n));
        err.flush();
    }

    synchronized void done() {
        if (shown) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
