package dev.devops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.engine.ServiceEvent;
import dev.devops.engine.ServiceState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A health wait on a terminal counts its seconds; in a log it is one line. */
class ProgressRendererTest {
    @Test
    void aWaitOnATerminalCountsItsSecondsAndStopsWhenTheServiceIsHealthy() {
        long[] now = {0};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressRenderer r = new ProgressRenderer(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, false, () -> now[0]);
        r.event(new ServiceEvent("db", "shop-db-1", ServiceState.WAITING, "waiting to be healthy"));
        now[0] = 12_400_000_000L;
        r.tick();
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("waiting to be healthy") && shown.contains("12 s"), shown);
        r.event(new ServiceEvent("db", "shop-db-1", ServiceState.HEALTHY, "healthy"));
        bytes.reset();
        now[0] = 20_000_000_000L;
        r.tick();
        assertEquals("", bytes.toString(StandardCharsets.UTF_8), "nothing is waiting: nothing to redraw");
        r.finished();
    }

    @Test
    void inALogAWaitIsOneLine() {
        long[] now = {0};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressRenderer r = new ProgressRenderer(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, false, () -> now[0]);
        r.event(new ServiceEvent("db", "shop-db-1", ServiceState.WAITING, "waiting to be healthy"));
        now[0] = 30_000_000_000L;
        r.tick();
        r.event(new ServiceEvent("db", "shop-db-1", ServiceState.HEALTHY, "healthy"));
        r.finished();
        String log = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(2, log.lines().count(), log);
        assertFalse(log.contains("\u001b"), log);
        assertFalse(log.contains("30 s"), log);
    }
}
