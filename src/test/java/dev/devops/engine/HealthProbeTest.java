package dev.devops.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class HealthProbeTest {
    @Test
    void runsTheTestAsTheEngineDoes() {
        assertEquals(List.of("pg_isready", "-U", "postgres"), HealthProbe.argv(List.of("CMD", "pg_isready", "-U", "postgres")));
        assertEquals(List.of("/bin/sh", "-c", "curl -f http://localhost/ || exit 1"),
                HealthProbe.argv(List.of("CMD-SHELL", "curl -f http://localhost/ || exit 1")));
        // more than one word after CMD-SHELL: sh -c takes the first, the rest are its $0, $1 (as in the engine)
        assertEquals(List.of("/bin/sh", "-c", "echo $0", "x"), HealthProbe.argv(List.of("CMD-SHELL", "echo $0", "x")));
    }

    @Test
    void nothingToRunForNoneEmptyOrUnknownForms() {
        assertNull(HealthProbe.argv(List.of("NONE")));
        assertNull(HealthProbe.argv(List.of()));
        assertNull(HealthProbe.argv(null));
        assertNull(HealthProbe.argv(List.of("CMD")));
        assertNull(HealthProbe.argv(List.of("SHELL", "true")));
        assertNull(HealthProbe.of(null, "id", null, null));
    }

    @Test
    void aShortIntervalIsProbedOncePerIntervalHalfwayBetweenTheEnginesChecks() {
        long second = 1_000_000_000L;
        // the engine checks 1 s after the start, then 1 s after each check ended: the probes go in between
        assertEquals(second / 2, HealthProbe.firstDelayNanos(second));
        assertEquals(second, HealthProbe.pauseNanos(second, 1));
        assertEquals(second, HealthProbe.pauseNanos(second, 7));
        assertEquals(250_000_000L, HealthProbe.firstDelayNanos(500_000_000L));
        assertEquals(500_000_000L, HealthProbe.pauseNanos(500_000_000L, 3));
        var hc = new com.github.dockerjava.api.model.HealthCheck().withTest(List.of("CMD", "true"));
        org.junit.jupiter.api.Assertions.assertNotNull(HealthProbe.of(null, "id", hc.withInterval(second), null));
    }

    @Test
    void aLongIntervalIsProbedAtOnceThenAtAGrowingPace() {
        long interval = 2_000_000_000L;
        assertEquals(0, HealthProbe.firstDelayNanos(interval));
        assertEquals(100_000_000L, HealthProbe.pauseNanos(interval, 1));
        assertEquals(300_000_000L, HealthProbe.pauseNanos(interval, 3));
        assertEquals(500_000_000L, HealthProbe.pauseNanos(interval, 5));
        assertEquals(500_000_000L, HealthProbe.pauseNanos(interval, 40));
        var hc = new com.github.dockerjava.api.model.HealthCheck().withTest(List.of("CMD", "true"));
        org.junit.jupiter.api.Assertions.assertNotNull(HealthProbe.of(null, "id", hc.withInterval(null), null), "the default is 30 s");
    }
}
