package dev.devops.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineClientTest {
    @Test
    void missingSocketGivesOneLineMessageWithHint(@TempDir Path dir) {
        String host = "unix://" + dir.resolve("nope.sock");
        EngineClient c = EngineClient.fromEnvironment(Map.of("DOCKER_HOST", host));
        assertEquals(host, c.host());
        EngineException e = assertThrows(EngineException.class, c::docker);
        assertTrue(e.getMessage().startsWith("no Docker engine at " + host), e.getMessage());
        assertTrue(e.getMessage().contains("start dockerd"), e.getMessage());
        assertTrue(e.getMessage().contains("DOCKER_HOST"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void closedTcpPortGivesTheHint() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String host = "tcp://127.0.0.1:" + port;
        EngineClient c = EngineClient.fromEnvironment(Map.of("DOCKER_HOST", host));
        long t0 = System.nanoTime();
        EngineException e = assertThrows(EngineException.class, c::docker);
        assertTrue(e.getMessage().startsWith("no Docker engine at " + host + " ("), e.getMessage());
        assertTrue(e.getMessage().contains("start dockerd"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "fails fast");
    }

    @Test
    void defaultHostIsTheUnixSocketAndUnknownSchemesAreRefused() {
        assertEquals(EngineClient.DEFAULT_HOST, EngineClient.fromEnvironment(Map.of()).host());
        EngineException e = assertThrows(EngineException.class,
                () -> EngineClient.fromEnvironment(Map.of("DOCKER_HOST", "ssh://me@box")).docker());
        assertTrue(e.getMessage().contains("not supported"), e.getMessage());
    }
}
