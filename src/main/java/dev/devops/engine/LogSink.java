package dev.devops.engine;

/** Receives container log lines; called from one thread per container, so it must be thread-safe. */
@FunctionalInterface
public interface LogSink {
    /**
     * @param service   the service of the container
     * @param container the container name ({@code project-service-n})
     * @param stderr    whether the line came from stderr
     * @param text      the line without its line break
     */
    void line(String service, String container, boolean stderr, String text);
}
