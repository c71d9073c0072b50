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
 * Renders engine progress on stderr: on a terminal, one line per service redrawn in place; otherwise
 * one plain line per event. Build output is shown only with --verbose (and in the error on failure); not on a
 * terminal, without its escape sequences (colours, cursor moves) and carriage-return progress bars.
 */
final class ProgressRenderer implements EngineListener {
    private final PrintStream err;
    private final boolean live;
    private final boolean verbose;
    private final Map<String, String> lines = new LinkedHashMap<>();
    private int drawn;

    ProgressRenderer(PrintStream err, boolean live, boolean verbose) {
        this.err = err;
        this.live = live;
        this.verbose = verbose;
    }

    @Override
    public synchronized void event(ServiceEvent e) {
        String who = e.container() != null ? e.container() : e.service();
        String text = paint(e.state(), e.state().label()) + (e.message().isEmpty() || e.message().equals(e.state().label())
                ? "" : "  " + Terminal.dim(e.message()));
        if (!live) {
            err.println(String.format("%-28s %s", who, text));
            return;
        }
        lines.put(e.service(), text); // one line per service (or network/volume), redrawn in place
        redraw();
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
