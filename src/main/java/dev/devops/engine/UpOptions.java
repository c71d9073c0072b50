package dev.devops.engine;

import java.time.Duration;
import java.util.List;

/**
 * Options of {@code up}.
 *
 * @param services       services to bring up (with their dependencies); empty for all
 * @param build          build images even when they exist
 * @param forceRecreate  recreate containers even when their configuration did not change
 * @param removeOrphans  remove containers of services no longer in the stack
 * @param waitHealthy    block until every service is healthy (or running without a healthcheck)
 * @param waitTimeout    limit for dependency and health waits; null for none
 * @param healthProbe    for service_healthy dependencies, run the dependency's healthcheck test early
 *                       through exec ({@link HealthProbe}) instead of waiting for the engine's first interval
 */
public record UpOptions(List<String> services, boolean build, boolean forceRecreate, boolean removeOrphans,
        boolean waitHealthy, Duration waitTimeout, boolean healthProbe) {
    public UpOptions {
        services = services == null ? List.of() : List.copyOf(services);
    }

    /** With the health probe on. */
    public UpOptions(List<String> services, boolean build, boolean forceRecreate, boolean removeOrphans,
            boolean waitHealthy, Duration waitTimeout) {
        this(services, build, forceRecreate, removeOrphans, waitHealthy, waitTimeout, true);
    }

    public UpOptions withHealthProbe(boolean v) {
        return new UpOptions(services, build, forceRecreate, removeOrphans, waitHealthy, waitTimeout, v);
    }

    public static UpOptions defaults() {
        return new UpOptions(List.of(), false, false, false, false, null);
    }

    public UpOptions withWait(Duration timeout) {
        return new UpOptions(services, build, forceRecreate, removeOrphans, true, timeout, healthProbe);
    }

    public UpOptions withRemoveOrphans(boolean v) {
        return new UpOptions(services, build, forceRecreate, v, waitHealthy, waitTimeout, healthProbe);
    }

    public UpOptions withBuild(boolean v) {
        return new UpOptions(services, v, forceRecreate, removeOrphans, waitHealthy, waitTimeout, healthProbe);
    }
}
