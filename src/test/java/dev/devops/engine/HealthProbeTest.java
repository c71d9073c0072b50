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
    void aLateProbeDoesNotShiftTheNextOntoTheEnginesChecks() {
        long ms = 1_000_000L;
        long second = 1000 * ms;
        long anchor = 500 * ms; // the start at 0: the engine checks at 1.0 s, then 1 s after each check ended
        // on time (0.5 s, 100 ms run): the next one interval plus a run later, as the engine's own
        assertEquals(1600 * ms, HealthProbe.nextShortProbe(anchor, second, 100 * ms, 600 * ms));
        // the wait began late: a probe at 0.9 s still leaves the next at 1.6 s, between the engine's checks (1.0, 2.1)
        assertEquals(1600 * ms, HealthProbe.nextShortProbe(anchor, second, 100 * ms, 1000 * ms));
        // later still (ended 1.3 s): never closer than half an interval, so the one after
        assertEquals(2700 * ms, HealthProbe.nextShortProbe(anchor, second, 100 * ms, 1300 * ms));
        assertEquals(2700 * ms, HealthProbe.nextShortProbe(anchor, second, 100 * ms, 1700 * ms));
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
