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
        return EngineClient::fromEnvironment;
    }

    /** The engine's exception as the CLI's exit-3 failure, details included. */
    static EngineFailure failure(EngineException e) {
        return new EngineFailure(e.fullMessage(), e);
    }
}
