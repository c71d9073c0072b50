package dev.devops.engine;

import com.github.dockerjava.api.model.Container;
import dev.devops.core.UserError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;


/**
 * Runs a {@link StackSpec} on the Docker engine, the way docker compose v2 does: {@link #up} builds
 * missing images, computes a {@link Plan} by comparing config hashes with the containers' labels,
 * then applies it in dependency order (each service once its own dependencies are converged, independent ones in
 * parallel), waiting for each dependency's condition before starting a service. Also {@link #down}, {@link #ps}, {@link #logs}
 * and {@link #attach}. Reports progress to its {@link EngineListener}; never prints.
 */
public final class StackEngine implements AutoCloseable {
    /**
     * --wait for a service without a healthcheck: it must have run this long without exiting or being
     * restarted (a crash-looping app is "running" between its restarts; most fail within seconds of starting).
     */
    static final Duration STEADY = Waits.STEADY;

    private final ExecutorService pool;
    private final EngineListener listener;
    private final UpVerb up;
    private final DownVerb down;
    private final PsVerb ps;
    private final LogsVerb logs;

    /**
     * @param client       the engine (connected lazily)
     * @param listener     receives progress
     * @param buildNetwork network for build RUN steps: null for the engine default, "none" offline
     */
    public StackEngine(EngineClient client, EngineListener listener, String buildNetwork) {
        EngineListener l = listener == null ? EngineListener.NONE : listener;
        this.listener = l;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "devops-engine-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Waits waits = new Waits(client, l, pool);
        this.down = new DownVerb(client, l, pool);
        this.up = new UpVerb(client, l, pool, buildNetwork, waits, down);
        this.ps = new PsVerb(client, l, pool);
        this.logs = new LogsVerb(client, l, pool, waits, down);
    }

    public StackEngine(EngineClient client, EngineListener listener) {
        this(client, listener, null);
    }

    /**
     * Brings the stack up and returns the plan that was applied. Throws {@link EngineException} when
     * a build, a container, a dependency or (with {@code waitHealthy}) a healthcheck fails, and
     * {@link UserError} for a dependency cycle or an unknown service.
     */
    public Plan up(StackSpec stack, UpOptions opts) {
        return up.up(stack, opts);
    }

    /** The plan {@code up} would apply now, without building or changing anything. */
    public Plan plan(StackSpec stack, UpOptions opts) {
        return up.plan(stack, opts);
    }

    /**
     * Stops and removes the project's containers (orphans too) in reverse dependency order, then its
     * networks; with {@code removeVolumes} its named volumes; with {@code removeImages} its images.
     */
    public void down(StackSpec stack, DownOptions opts) {
        down.down(stack, opts);
    }

    /** Stops every container of the project (reverse dependency order), keeping them. */
    public void stop(StackSpec stack) {
        down.stop(stack);
    }

    /** The project's containers (one-off containers excluded), sorted by service and number. */
    public List<ContainerStatus> ps(String project) {
        return ps.ps(project);
    }

    /** Streams the logs of the project's containers to {@code sink}; see {@link LogsVerb#logs}. */
    public void logs(StackSpec stack, LogOptions opts, LogSink sink) {
        logs.logs(stack, opts, sink);
    }

    /** Attached mode after {@code up}; see {@link LogsVerb#attach}. */
    public int attach(StackSpec stack, List<String> services, boolean abortOnExit, String exitCodeFrom, LogSink sink) {
        return logs.attach(stack, services, abortOnExit, exitCodeFrom, sink);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        listener.finished();
    }
}
