package dev.devops.cli;

import dev.devops.engine.EngineListener;
import dev.devops.engine.Plan;
import dev.devops.engine.ServiceEvent;
import dev.devops.engine.ServiceState;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders engine progress on stderr: on a terminal, one line per service redrawn in place (a wait counts its
 * seconds); otherwise one plain line per event (with --verbose, prefixed with the seconds since the command began:
 * a timeline of where an {@code up} or {@code down} spends its time). Build output is shown only with --verbose (and in the error on failure); not on a
 * terminal, without its escape sequences (colours, cursor moves) and carriage-return progress bars.
 */
final class ProgressRenderer implements EngineListener {
    private final PrintStream err;
    private final boolean live;
    private final boolean verbose;
    private final Map<String, String> lines = new LinkedHashMap<>();
    /** On a terminal: services waiting (to be healthy, to keep running), with when the wait began and its line. */
    private final Map<String, long[]> waitingSince = new LinkedHashMap<>();
    private final Map<String, String> waitingText = new LinkedHashMap<>();
    private final java.util.function.LongSupplier clock;
    /** When the command began rendering: with --verbose, plain lines say how long after it each event came. */
    private final long start;
    private java.util.concurrent.ScheduledExecutorService ticker;
    private int drawn;

    ProgressRenderer(PrintStream err, boolean live, boolean verbose) {
        this(err, live, verbose, System::nanoTime);
    }

    ProgressRenderer(PrintStream err, boolean live, boolean verbose, java.util.function.LongSupplier clock) {
        this.err = err;
        this.live = live;
        this.verbose = verbose;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    @Override
    public synchronized void event(ServiceEvent e) {
        String who = e.container() != null ? e.container() : e.service();
        String text = paint(e.state(), e.state().label()) + (e.message().isEmpty() || e.message().equals(e.state().label())
                ? "" : "  " + Terminal.dim(e.message()));
        if (!live) {
            String at = verbose ? String.format(java.util.Locale.ROOT, "%7.3fs ", (clock.getAsLong() - start) / 1e9) : "";
            err.println(at + String.format("%-28s %s", who, text));
            return;
        }
        lines.put(e.service(), text); // one line per service (or network/volume), redrawn in place
        if (e.state() == ServiceState.WAITING) {
            waitingSince.putIfAbsent(e.service(), new long[] {clock.getAsLong()});
            waitingText.put(e.service(), text);
            startTicking();
        } else {
            waitingSince.remove(e.service());
            waitingText.remove(e.service());
        }
        redraw();
    }

    /** On a terminal, a wait is not silent: its line counts the seconds, redrawn once a second. */
    private void startTicking() {
        if (ticker == null) {
            ticker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "progress-ticker");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::tick, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** Redraws the waiting lines with how long each has waited. */
    synchronized void tick() {
        if (waitingSince.isEmpty()) {
            return;
        }
        long now = clock.getAsLong();
        waitingSince.forEach((service, since) -> lines.put(service, waitingText.get(service) + "  "
                + Terminal.dim((now - since[0]) / 1_000_000_000L + " s")));
        redraw();
    }

    @Override
    public synchronized void finished() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        waitingSince.clear();
        waitingText.clear();
    }

    @Override
    public synchronized void buildOutput(String service, String line) {
        if (verbose) {
            if (live) {
                clear();
            }
            err.println(service + " build | " + (live ? line : Terminal.plain(line))); // no raw escapes in a log
            if (live) {
                redraw();
            }
        } else if (live && line.startsWith("Step ")) {
            lines.put(service, paint(ServiceState.BUILDING, "building") + "  " + Terminal.dim(line));
            redraw();
        }
    }

    @Override
    public synchronized void planned(Plan plan) {
        if (verbose) {
            for (Plan.Step s : plan.steps()) {
                err.println(String.format("plan: %-20s %-9s %s", s.service(), s.action().name().toLowerCase(), s.reason()));
            }
        }
    }

    private void clear() {
        for (int i = 0; i < drawn; i++) {
            err.print("\u001b[1A\u001b[2K");
        }
        drawn = 0;
    }

    private void redraw() {
        clear();
        int width = lines.keySet().stream().mapToInt(String::length).max().orElse(0);
        List<String> out = new ArrayList<>();
        lines.forEach((k, v) -> out.add(" " + pad(k, width) + "  " + v));
        for (String l : out) {
            err.println(l);
        }
        drawn = out.size();
        err.flush();
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }

    private static String paint(ServiceState s, String text) {
        return switch (s) {
            case HEALTHY, RUNNING, UP_TO_DATE, BUILT, CREATED, REMOVED, STOPPED -> Terminal.ok(text);
            case FAILED, ORPHAN, WARNING -> Terminal.warn(text);
            default -> text;
        };
    }
}
