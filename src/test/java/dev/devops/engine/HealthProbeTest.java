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
        assertNull(HealthProbe.of(null, "id", null));
    }

    @Test
    void noProbeWhereTheEnginesOwnIntervalIsShortAlready() {
        var hc = new com.github.dockerjava.api.model.HealthCheck().withTest(List.of("CMD", "true"));
        assertNull(HealthProbe.of(null, "id", hc.withInterval(1_000_000_000L)), "1 s: the engine checks soon enough");
        assertNull(HealthProbe.of(null, "id", hc.withInterval(500_000_000L)));
        org.junit.jupiter.api.Assertions.assertNotNull(HealthProbe.of(null, "id", hc.withInterval(2_000_000_000L)));
        org.junit.jupiter.api.Assertions.assertNotNull(HealthProbe.of(null, "id", hc.withInterval(null)), "the default is 30 s");
    }
}
