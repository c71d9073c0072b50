package dev.devops.engine;

/**
 * Receives what the engine does; the CLI renders it. Called from several threads at once: an
 * implementation must be thread-safe.
 */
public interface EngineListener {
    /** A listener that ignores everything. */
    EngineListener NONE = new EngineListener() {
        @Override
        public void event(ServiceEvent e) {
        }
    };

    void event(ServiceEvent e);

    /** One line of build output for {@code service}. */
    default void buildOutput(String service, String line) {
    }

    /** The plan, once computed and before anything is applied. */
    default void planned(Plan plan) {
    }

    /** The operation is over (done or failed): no more events come. */
    default void finished() {
    }
}
