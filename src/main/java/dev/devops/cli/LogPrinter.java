package dev.devops.cli;

import dev.devops.engine.LogSink;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints multiplexed container logs as {@code service-1  | line}: prefixes aligned to the longest
 * container, coloured per service only when colour is on (a TTY and no NO_COLOR).
 */
final class LogPrinter implements LogSink {
    private static final String[] COLOURS = {"36", "33", "32", "35", "34", "96", "93", "92", "95", "94"};
    private final PrintStream out;
    private final String project;
    private final boolean colour;
    private final int width;
    private final Map<String, String> colours = new ConcurrentHashMap<>();

    /**
     * @param containers the container names that will print (to align the prefixes)
     */
    LogPrinter(PrintStream out, String project, List<String> containers, boolean colour) {
        this.out = out;
        this.project = project;
        this.colour = colour;
        this.width = containers.stream().mapToInt(c -> shortName(project, c).length()).max().orElse(0);
    }

    static String shortName(String project, String container) {
        return container.startsWith(project + "-") ? container.substring(project.length() + 1) : container;
    }

    @Override
    public void line(String service, String container, boolean stderr, String text) {
        String name = shortName(project, container);
        String prefix = name + " ".repeat(Math.max(0, width - name.length())) + "  | ";
        if (colour) {
            String c = colours.computeIfAbsent(service, s -> COLOURS[colours.size() % COLOURS.length]);
            prefix = "\u001b[" + c + "m" + prefix + "\u001b[0m";
        }
        synchronized (out) {
            out.println(prefix + text);
            out.flush();
        }
    }
}
