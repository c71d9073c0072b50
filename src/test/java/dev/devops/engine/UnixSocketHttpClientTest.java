package dev.devops.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unix-socket transport against a real socket served by the test (one canned response per connection). */
class UnixSocketHttpClientTest {
    @TempDir
    Path dir;

    /** Serves one connection: reads the request head (and a chunked or sized body), answers {@code response}. */
    private CompletableFuture<String> serveOnce(Path socket, String response) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        return CompletableFuture.supplyAsync(() -> {
            try (server; SocketChannel ch = server.accept()) {
                InputStream in = Channels.newInputStream(ch);
                StringBuilder req = new StringBuilder();
                String line;
                int length = 0;
                boolean chunked = false;
                while (!(line = UnixSocketHttpClient.readLine(in)).isEmpty()) {
                    req.append(line).append('\n');
                    if (line.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                    chunked |= line.equalsIgnoreCase("Transfer-Encoding: chunked");
                }
                InputStream body = chunked ? new UnixSocketHttpClient.ChunkedInputStream(in) : new ByteArrayInputStream(in.readNBytes(length));
                req.append('\n').append(new String(body.readAllBytes(), StandardCharsets.UTF_8));
                OutputStream out = Channels.newOutputStream(ch);
                out.write(response.getBytes(StandardCharsets.UTF_8));
                out.flush();
                return req.toString();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void chunkedResponseIsDecodedAndHeadersAreCaseInsensitive() throws Exception {
        Path socket = dir.resolve("d.sock");
        CompletableFuture<String> seen = serveOnce(socket, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n4\r\n[{\"a\r\n5;ext=1\r\n\":1}]\r\n0\r\n\r\n");
        UnixSocketHttpClient c = new UnixSocketHttpClient(socket, e -> new IllegalStateException(e));
        DockerHttpClient.Request req = DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET)
                .path("/containers/json?all=1").build();
        try (DockerHttpClient.Response r = c.execute(req)) {
            assertEquals(200, r.getStatusCode());
            assertEquals("application/json", r.getHeader("content-type"));
            assertEquals("[{\"a\":1}]", new String(r.getBody().readAllBytes(), StandardCharsets.UTF_8));
        }
        String request = seen.get();
        assertTrue(request.startsWith("GET /containers/json?all=1 HTTP/1.1\n"), request);
        assertTrue(request.contains("Connection: close"), request);
    }

    @Test
    void streamedRequestBodyGoesOutChunkedAndSizedResponseIsBounded() throws Exception {
        Path socket = dir.resolve("d.sock");
        CompletableFuture<String> seen = serveOnce(socket, "HTTP/1.1 201 Created\r\nContent-Length: 11\r\n\r\n{\"Id\":\"x\"}\nEXTRA");
        UnixSocketHttpClient c = new UnixSocketHttpClient(socket, e -> new IllegalStateException(e));
        byte[] big = "tar-bytes ".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        DockerHttpClient.Request req = DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.POST)
                .path("/build").body(new ByteArrayInputStream(big)).build();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try (DockerHttpClient.Response r = c.execute(req)) {
            assertEquals(201, r.getStatusCode());
            r.getBody().transferTo(got);
        }
        assertEquals("{\"Id\":\"x\"}\n", got.toString(StandardCharsets.UTF_8));
        String request = seen.get();
        assertTrue(request.contains("Transfer-Encoding: chunked"), request);
        assertEquals(new String(big, StandardCharsets.UTF_8), request.substring(request.indexOf("\n\n") + 2));
    }

    @Test
    void noContentHasAnEmptyBody() throws Exception {
        Path socket = dir.resolve("d.sock");
        serveOnce(socket, "HTTP/1.1 204 No Content\r\n\r\n");
        UnixSocketHttpClient c = new UnixSocketHttpClient(socket, e -> new IllegalStateException(e));
        DockerHttpClient.Request req = DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.POST)
                .path("/containers/x/start").build();
        try (DockerHttpClient.Response r = c.execute(req)) {
            assertEquals(204, r.getStatusCode());
            assertEquals(-1, r.getBody().read());
        }
    }

    @Test
    void aFailedConnectIsTurnedIntoTheCallersException() {
        RuntimeException mine = new IllegalStateException("no engine");
        UnixSocketHttpClient c = new UnixSocketHttpClient(dir.resolve("missing.sock"), e -> mine);
        DockerHttpClient.Request req = DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET)
                .path("/_ping").build();
        assertSame(mine, assertThrows(IllegalStateException.class, () -> c.execute(req)));
    }
}
