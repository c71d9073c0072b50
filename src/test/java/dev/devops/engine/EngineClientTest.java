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
        EngineException e = assertThrows(EngineException.class, () -> c.docker().pingCmd().exec());
        assertTrue(e.getMessage().startsWith("no Docker engine at " + host + " ("), e.getMessage());
        assertTrue(e.getMessage().contains("start dockerd"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "fails fast");
    }

    @Test
    void staleSocketFileGivesTheHintOnTheFirstCall(@TempDir Path dir) throws Exception {
        Path sock = dir.resolve("stale.sock");
        try (var server = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            server.bind(java.net.UnixDomainSocketAddress.of(sock));
        }
        assertTrue(java.nio.file.Files.exists(sock), "closing a unix server socket leaves its file behind");
        String host = "unix://" + sock;
        EngineClient c = EngineClient.fromEnvironment(Map.of("DOCKER_HOST", host));
        EngineException e = assertThrows(EngineException.class, () -> c.docker().listContainersCmd().exec());
        assertTrue(e.getMessage().startsWith("no Docker engine at " + host + " ("), e.getMessage());
        assertTrue(e.getMessage().contains("start dockerd"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aSocketEngineLeavesTheJvmDefaultTlsContextWorking(@TempDir Path dir) throws Exception {
        EngineClient c = EngineClient.fromEnvironment(Map.of("DOCKER_HOST", "unix://" + dir.resolve("x.sock")));
        assertThrows(EngineException.class, c::docker); // the socket is missing: nothing is made
        LazyTls.installAsDefault();
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getDefault();
        // the deferred context answers with the JVM's own default (made now), so TLS still works
        assertTrue(ctx.getDefaultSSLParameters().getProtocols().length > 0);
        assertTrue(ctx.getSocketFactory().getDefaultCipherSuites().length > 0);
        assertEquals(javax.net.ssl.SSLContext.getInstance("Default").getSupportedSSLParameters().getCipherSuites().length,
                ctx.getSupportedSSLParameters().getCipherSuites().length);
    }

    @Test
    void onlyFailuresBeforeTheEngineWasReachedBecomeTheHint() {
        int[] calls = {0};
        com.github.dockerjava.transport.DockerHttpClient flaky = new com.github.dockerjava.transport.DockerHttpClient() {
            @Override
            public Response execute(Request request) {
                if (calls[0]++ == 1) {
                    return null; // the engine answered once
                }
                throw new RuntimeException(new java.net.ConnectException("Connection refused"));
            }

            @Override
            public void close() {
            }
        };
        GuardedHttpClient g = new GuardedHttpClient(flaky, why -> new EngineException("no Docker engine (" + why + ")"));
        var req = com.github.dockerjava.transport.DockerHttpClient.Request.builder()
                .method(com.github.dockerjava.transport.DockerHttpClient.Request.Method.GET).path("/_ping").build();
        EngineException first = assertThrows(EngineException.class, () -> g.execute(req));
        assertEquals("no Docker engine (Connection refused)", first.getMessage());
        g.execute(req);
        RuntimeException later = assertThrows(RuntimeException.class, () -> g.execute(req));
        assertTrue(!(later instanceof EngineException), "after a success a transport error is not 'no engine': " + later);
    }

    @Test
    void defaultHostIsTheUnixSocketAndUnknownSchemesAreRefused() {
        assertEquals(EngineClient.DEFAULT_HOST, EngineClient.fromEnvironment(Map.of()).host());
        EngineException e = assertThrows(EngineException.class,
                () -> EngineClient.fromEnvironment(Map.of("DOCKER_HOST", "ssh://me@box")).docker());
        assertTrue(e.getMessage().contains("not supported"), e.getMessage());
    }
}
