package dev.devops.cli;

import dev.devops.engine.EngineClient;
import dev.devops.engine.EngineException;
import dev.devops.engine.EngineListener;
import dev.devops.engine.StackEngine;
import dev.devops.engine.StackSource;
import dev.devops.engine.StackSpec;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/** What up, down, ps and logs share: where the stack and the engine client come from, and one way to use them. */
abstract class StackCommand implements Callable<Integer> {
    private final Supplier<StackSource> source;
    private final Supplier<EngineClient> clients;

    /** The installed stack source and the client for DOCKER_HOST. */
    StackCommand() {
        this(EngineCommands.installedSource(), EngineCommands.environmentClient());
    }

    /** Tests pass their own source and client. */
    StackCommand(Supplier<StackSource> source, Supplier<EngineClient> clients) {
        this.source = source;
        this.clients = clients;
    }

    /** Checks the command's options against the loaded stack (unknown services…); a UserError when they do not fit. */
    void check(StackSpec spec) {
    }

    /** A UserError for each of {@code names} that is not a service of {@code spec}. */
    static void requireServices(StackSpec spec, String option, java.util.Collection<String> names) {
        for (String n : names) {
            if (n != null && spec.service(n).isEmpty()) {
                java.util.List<String> known = spec.services().stream().map(dev.devops.engine.ServiceSpec::name).toList();
                String near = dev.devops.yaml.Suggest.closest(n, known);
                throw new dev.devops.core.UserError(null, option + ": no service '" + n + "' in " + spec.project()
                        + (near != null ? " (did you mean '" + near + "'?)" : ""), "services: " + String.join(", ", known));
            }
        }
    }

    /**
     * Loads the stack while the engine client warms up, runs {@code op} on an engine that reports to the
     * listener made for the stack, and closes engine and client. An engine failure becomes exit 3.
     */
    final <T> T onEngine(StackSource.Request request, Function<StackSpec, EngineListener> listener,
            BiFunction<StackEngine, StackSpec, T> op) {
        EngineClient client = clients.get();
        client.warmUp(); // overlaps the client's start-up with loading the compose file
        try {
            StackSpec spec = source.get().load(request);
            check(spec); // every option against the stack before anything reaches the engine
            try (StackEngine engine = new StackEngine(client, listener.apply(spec))) {
                return op.apply(engine, spec);
            }
        } catch (EngineException e) {
            throw EngineCommands.failure(e);
        } catch (dev.devops.core.UserError | EngineFailure e) {
            throw e;
        } catch (RuntimeException e) {
            // a transport failure that reached us outside the engine's own wrapping: still the engine's (exit 3)
            EngineFailure f = EngineCommands.transportFailure(e, client.host());
            if (f != null) {
                throw f;
            }
            throw e;
        } finally {
            client.close();
        }
    }
}
