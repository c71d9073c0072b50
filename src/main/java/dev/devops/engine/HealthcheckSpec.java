package dev.devops.engine;

import java.time.Duration;
import java.util.List;

/**
 * A service healthcheck (compose's {@code healthcheck:}); null durations and retries keep the engine's
 * defaults.
 *
 * @param test        e.g. ["CMD", "pg_isready"] or ["CMD-SHELL", "redis-cli ping"]
 * @param interval    time between checks
 * @param timeout     time one check may take
 * @param retries     consecutive failures before "unhealthy"
 * @param startPeriod grace period after start
 * @param disabled    {@code disable: true}: turn off the image's healthcheck
 */
public record HealthcheckSpec(List<String> test, Duration interval, Duration timeout, Integer retries,
        Duration startPeriod, boolean disabled) {
    public HealthcheckSpec {
        test = test == null ? List.of() : List.copyOf(test);
    }

    /** A {@code CMD-SHELL} check run every {@code interval} with {@code retries} retries. */
    public static HealthcheckSpec shell(String command, Duration interval, int retries) {
        return new HealthcheckSpec(List.of("CMD-SHELL", command), interval, null, retries, null, false);
    }
}
