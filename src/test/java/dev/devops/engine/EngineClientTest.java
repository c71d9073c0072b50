package dev.devops.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
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

    /** harden2: a password in DOCKER_HOST was printed in full in every engine error (a CI log keeps it). */
    @Test
    void aPasswordInDockerHostIsNeverPrinted() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String pw = "Sup3r" + "S3cretPw";
        EngineClient c = EngineClient.fromEnvironment(Map.of("DOCKER_HOST", "tcp://ci:" + pw + "@127.0.0.1:" + port));
        assertEquals("tcp://ci:****@127.0.0.1:" + port, c.host());
        EngineException e = assertThrows(EngineException.class, () -> c.docker().pingCmd().exec());
        assertTrue(e.getMessage().startsWith("no Docker engine at tcp://ci:****@127.0.0.1:" + port + " ("), e.getMessage());
        assertTrue(!e.getMessage().contains(pw) && !e.getMessage().contains("S3cret"), e.getMessage());
        EngineClient bad = EngineClient.fromEnvironment(Map.of("DOCKER_HOST", "bogus://ci:" + pw + "@x"));
        EngineException b = assertThrows(EngineException.class, bad::docker);
        assertTrue(!b.getMessage().contains(pw) && b.getMessage().contains("bogus://ci:****@x"), b.getMessage());
    }

    /**
     * harden2: on a unix socket the read timeout did not hold (the transport reads through a channel stream, which
     * ignores SO_TIMEOUT): an engine that accepts and never answers hung {@code ps} until killed.
     */
    @Test
    void anEngineThatAcceptsAndNeverAnswersOnAUnixSocketIsBoundedByTheReadTimeout(@TempDir Path dir) throws Exception {
        Path sock = dir.resolve("silent.sock");
        try (var server = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            server.bind(java.net.UnixDomainSocketAddress.of(sock));
            List<java.nio.channels.SocketChannel> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(server.accept()); // and never a byte back
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            EngineClient c = EngineClient.fromEnvironment(Map.of("DOCKER_HOST", "unix://" + sock,
                    "DEVOPS_ENGINE_READ_TIMEOUT", "1"));
            long t0 = System.nanoTime();
            EngineException e = assertThrows(EngineException.class, () -> c.docker().listContainersCmd().exec());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(e.getMessage().contains("did not answer GET /containers/json within 1 s"), e.getMessage());
            assertTrue(ms < 10_000, "bounded: " + ms + " ms");
            for (var a : accepted) {
                a.close();
            }
        }
    }

    /** harden2: npipe:// on Linux loaded kernel32 through JNA: an UnsatisfiedLinkError, a JVM trace and exit 1. */
    @Test
    void aWindowsNamedPipeElsewhereIsAnEngineErrorNotACrash() {
        org.junit.jupiter.api.Assumptions.assumeFalse(System.getProperty("os.name").startsWith("Windows"), "Windows has pipes");
        EngineClient c = EngineClient.fromEnvironment(Map.of("DOCKER_HOST", "npipe:////./pipe/docker_engine"));
        EngineException e = assertThrows(EngineException.class, () -> c.docker().pingCmd().exec());
        assertTrue(e.getMessage().contains("is a Windows named pipe"), e.getMessage());
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
        // after a success a transport error is not "no engine", but it is still the engine's failure (exit 3)
        EngineException later = assertThrows(EngineException.class, () -> g.execute(req));
        assertTrue(later.getMessage().startsWith("lost the connection to the Docker engine at the engine during GET /_ping"
                + " (Connection refused)"), later.getMessage());
    }

    /** A tcp "engine" that accepts connections and then does what {@code behave} says with each of them. */
    private static ServerSocket engine(java.util.function.Consumer<java.net.Socket> behave) throws Exception {
        ServerSocket server = new ServerSocket(0);
        // the accepted sockets stay reachable: a silent engine's socket that the GC collected would be closed by its
        // cleaner, and the client would see a reset instead of silence (seen under load)
        List<java.net.Socket> accepted = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    java.net.Socket s = server.accept();
                    accepted.add(s);
                    new Thread(() -> behave.accept(s)).start();
                } catch (java.io.IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return server;
    }

    @Test
    void anEngineThatAcceptsAndNeverAnswersTimesOutWithAnEngineError() throws Exception {
        // the accepted sockets are held, never answered: one that nothing references could be collected and closed
        // (a reset, not the silence this test is about)
        List<java.net.Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ServerSocket silent = engine(held::add)) {
            String host = "tcp://127.0.0.1:" + silent.getLocalPort();
            EngineClient c = EngineClient.fromEnvironment(Map.of("DOCKER_HOST", host, "DEVOPS_ENGINE_READ_TIMEOUT", "1"));
            long t0 = System.nanoTime();
            EngineException e = assertThrows(EngineException.class, () -> c.docker().listContainersCmd().exec());
            assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "bounded by the read timeout");
            assertTrue(e.getMessage().startsWith("the Docker engine at " + host + " did not answer GET /containers/json within 1 s"),
                    e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
            c.close();
        }
    }

    @Test
    void aConnectionResetAfterTheEngineAnsweredIsAnEngineError() throws Exception {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        try (ServerSocket flaky = engine(s -> {
            try (s) {
                s.getInputStream().read(new byte[4096]);
                if (n.getAndIncrement() == 0) {
                    s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                            + "Connection: close\r\n\r\n[]").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                } else {
                    s.setSoLinger(true, 0); // closing now sends a reset
                }
            } catch (java.io.IOException ignored) {
                // the client went away
            }
        })) {
            String host = "tcp://127.0.0.1:" + flaky.getLocalPort();
            EngineClient c = EngineClient.fromEnvironment(Map.of("DOCKER_HOST", host));
            assertEquals(0, c.docker().listContainersCmd().exec().size());
            EngineException e = assertThrows(EngineException.class, () -> c.docker().listContainersCmd().exec());
            assertTrue(e.getMessage().startsWith("lost the connection to the Docker engine at " + host), e.getMessage());
            c.close();
        }
    }

    @Test
    void waitingCallsAreTheOnlyOnesWithoutTheReadTimeout() {
        for (String p : List.of("/v1.41/containers/abc/logs?follow=1&stdout=1", "/containers/abc/attach?stream=1",
                "/v1.41/containers/abc/wait", "/v1.41/containers/abc/stop?t=10", "/events?filters=x", "/v1.41/build?t=x",
                "/images/create?fromImage=redis", "/v1.41/exec/123/start", "/v1.41/images/127.0.0.1:5000/team/web/push?tag=1.0",
                "/v1.41/images/get?names=web%3A1.0", "/images/web:1.0/get", "/v1.41/images/load?quiet=1")) {
            assertTrue(GuardedHttpClient.waits(p), p);
        }
        for (String p : List.of("/v1.41/containers/json?all=1", "/containers/abc/json", "/v1.41/networks/create",
                "/_ping", "/v1.41/containers/create?name=x", "/v1.41/images/redis/json", "/v1.41/images/web:1.0/tag?repo=x")) {
            assertTrue(!GuardedHttpClient.waits(p), p);
        }
    }

    @Test
    void tlsVerifyWithoutCertificatesIsRefusedNotPlainHttp(@TempDir Path certs) throws Exception {
        try (ServerSocket plain = engine(s -> { })) {
            String host = "tcp://127.0.0.1:" + plain.getLocalPort();
            EngineClient c = EngineClient.fromEnvironment(Map.of("DOCKER_HOST", host, "DOCKER_TLS_VERIFY", "1",
                    "DOCKER_CERT_PATH", certs.toString()));
            EngineException e = assertThrows(EngineException.class, () -> c.docker().pingCmd().exec());
            assertTrue(e.getMessage().startsWith("DOCKER_TLS_VERIFY is set but ca.pem, cert.pem, key.pem are missing from "
                    + certs), e.getMessage());
            assertTrue(e.getMessage().contains("refusing to talk to " + host + " without TLS"), e.getMessage());
        }
    }

    @Test
    void aTimeoutThatIsNotANumberIsAUsageError() {
        dev.devops.core.UserError e = assertThrows(dev.devops.core.UserError.class, () -> EngineClient.fromEnvironment(
                Map.of("DOCKER_HOST", "tcp://127.0.0.1:1", "DEVOPS_ENGINE_READ_TIMEOUT", "soon")).docker());
        assertTrue(e.oneLine().startsWith("DEVOPS_ENGINE_READ_TIMEOUT='soon' is not a number of seconds"), e.oneLine());
    }

    @Test
    void defaultHostIsTheUnixSocketAndUnknownSchemesAreRefused() {
        assertEquals(EngineClient.DEFAULT_HOST, EngineClient.fromEnvironment(Map.of()).host());
        EngineException e = assertThrows(EngineException.class,
                () -> EngineClient.fromEnvironment(Map.of("DOCKER_HOST", "ssh://me@box")).docker());
        assertTrue(e.getMessage().contains("not supported"), e.getMessage());
    }
}
