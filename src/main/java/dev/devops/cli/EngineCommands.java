package dev.devops.cli;

import dev.devops.engine.EngineClient;
import dev.devops.engine.EngineException;
import dev.devops.engine.StackSource;
import java.util.function.Supplier;

/** What the stack commands share: the stack source, the (lazy) engine client, error translation. */
final class EngineCommands {
    private EngineCommands() {
    }

    static Supplier<StackSource> installedSource() {
        return StackSource::installed;
    }

    static Supplier<EngineClient> environmentClient() {
        return EngineCommands::client;
    }

    private static final java.util.Set<String> ENGINE_COMMANDS = java.util.Set.of("up", "down", "ps", "logs", "build", "push", "save", "load");
    private static EngineClient early;

    /**
     * Called first thing in {@code main}: when the command line names a command that talks to the
     * engine, starts making its client (and JSON readers) now, while picocli builds its model.
     */
    static synchronized void startEarly(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                if (ENGINE_COMMANDS.contains(a)) {
                    early = EngineClient.fromEnvironment();
                    early.warmUp(a);
                }
                return; // the first word is the command: options of the root take no values
            }
        }
    }

    /** The client {@link #startEarly} began (once), else a new one for DOCKER_HOST. */
    private static EngineClient client() {
        EngineClient c = takeEarly();
        return c != null ? c : EngineClient.fromEnvironment();
    }

    /** The client {@link #startEarly} began, handed out once; null when none was begun. */
    static synchronized EngineClient takeEarly() {
        EngineClient c = early;
        early = null;
        return c;
    }

    /**
     * An exception from the Docker client or its transport (an I/O error anywhere in its causes, or a docker-java
     * exception) as the exit-3 failure with a one-line message; null for anything else (a bug: exit 70).
     */
    static EngineFailure transportFailure(RuntimeException e, String host) {
        boolean engine = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.io.IOException || t.getClass().getName().startsWith("com.github.dockerjava.")) {
                engine = true;
                break;
            }
        }
        if (!engine) {
            return null;
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null || root.getMessage().isBlank() ? root.getClass().getSimpleName()
                : root.getMessage().lines().findFirst().orElse("").strip();
        return new EngineFailure("the Docker engine at " + host + " failed: " + m + "; check the engine and run the command again", e);
    }

    /** The engine's exception as the CLI's exit-3 failure, details included. */
    static EngineFailure failure(EngineException e) {
        return new EngineFailure(e.fullMessage(), e);
    }
}
