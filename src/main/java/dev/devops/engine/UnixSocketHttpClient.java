package dev.devops.engine;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A minimal HTTP/1.1 transport for docker-java over the engine's unix socket, one connection per
 * request ({@code Connection: close}). It exists for start-up time: the zerodep transport builds a
 * TLS context and an Apache HttpClient (about 0.2 s of class loading and trust-store parsing) even for
 * a unix socket. Request bodies of unknown length go out chunked; responses are read by
 * Content-Length, chunked encoding or to the end of the connection. Hijacked (stdin-attached)
 * requests are not supported.
 */
final class UnixSocketHttpClient implements DockerHttpClient {
    private final UnixDomainSocketAddress address;
    private final Function<IOException, RuntimeException> connectFailure;

    /** @param connectFailure turns a failed connect into the exception the caller sees */
    UnixSocketHttpClient(Path socket, Function<IOException, RuntimeException> connectFailure) {
        this.address = UnixDomainSocketAddress.of(socket);
        this.connectFailure = connectFailure;
    }

    @Override
    public Response execute(Request request) {
        if (request.hijackedInput() != null) {
            throw new UnsupportedOperationException("attaching stdin is not supported by this transport");
        }
        SocketChannel ch;
        try {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            ch.connect(address);
        } catch (IOException e) {
            closeQuietly(ch);
            throw connectFailure.apply(e);
        }
        try {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 16 * 1024);
            writeRequest(out, request);
            InputStream in = new BufferedInputStream(Channels.newInputStream(ch), 16 * 1024);
            return readResponse(ch, in, request.method());
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private static void writeRequest(OutputStream out, Request request) throws IOException {
        byte[] bytes = request.bodyBytes();
        InputStream body = bytes == null ? request.body() : null;
        StringBuilder head = new StringBuilder(256);
        head.append(request.method()).append(' ').append(request.path()).append(" HTTP/1.1\r\n");
        head.append("Host: docker\r\nConnection: close\r\n");
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            String k = h.getKey();
            if (k.equalsIgnoreCase("Host") || k.equalsIgnoreCase("Connection") || k.equalsIgnoreCase("Content-Length")
                    || k.equalsIgnoreCase("Transfer-Encoding")) {
                continue;
            }
            head.append(k).append(": ").append(h.getValue()).append("\r\n");
        }
        if (body != null) {
            head.append("Transfer-Encoding: chunked\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            byte[] buf = new byte[64 * 1024];
            int n;
            try (body) {
                while ((n = body.read(buf)) > 0) {
                    out.write(Integer.toHexString(n).getBytes(StandardCharsets.US_ASCII));
                    out.write('\r');
                    out.write('\n');
                    out.write(buf, 0, n);
                    out.write('\r');
                    out.write('\n');
                }
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } else {
            int len = bytes == null ? 0 : bytes.length;
            boolean needsLength = len > 0 || !(request.method().equals("GET") || request.method().equals("DELETE")
                    || request.method().equals("HEAD"));
            if (needsLength) {
                head.append("Content-Length: ").append(len).append("\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (len > 0) {
                out.write(bytes);
            }
        }
        out.flush();
    }

    private static Response readResponse(SocketChannel ch, InputStream in, String method) throws IOException {
        String status = readLine(in);
        while (status.isEmpty()) { // tolerate a stray blank line
            status = readLine(in);
        }
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("malformed HTTP status line from the engine: " + status);
        }
        int code;
        try {
            code = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("malformed HTTP status line from the engine: " + status);
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).trim());
            }
        }
        InputStream body;
        String te = first(headers, "Transfer-Encoding");
        String cl = first(headers, "Content-Length");
        if (method.equals("HEAD") || code == 204 || code == 304 || (code >= 100 && code < 200)) {
            body = InputStream.nullInputStream();
        } else if (te != null && te.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
            body = new ChunkedInputStream(in);
        } else if (cl != null) {
            body = new BoundedInputStream(in, Long.parseLong(cl.trim()));
        } else {
            body = in; // to the end of the connection
        }
        InputStream closing = new FilterInputStream(body) {
            @Override
            public void close() {
                closeQuietly(ch);
            }
        };
        int statusCode = code;
        return new Response() {
            @Override
            public int getStatusCode() {
                return statusCode;
            }

            @Override
            public Map<String, List<String>> getHeaders() {
                return headers;
            }

            @Override
            public String getHeader(String name) {
                return first(headers, name);
            }

            @Override
            public InputStream getBody() {
                return closing;
            }

            @Override
            public void close() {
                closeQuietly(ch);
            }
        };
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** One CRLF- (or LF-) terminated line in ISO-8859-1, without the terminator. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                break;
            }
            if (b.size() > 64 * 1024) {
                throw new IOException("HTTP header line longer than 64 KiB from the engine");
            }
            b.write(c);
        }
        if (c == -1 && b.size() == 0) {
            throw new EOFException("the engine closed the connection");
        }
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    @Override
    public void close() {
        // connections are per request and closed with their responses
    }

    /** The body of a Content-Length response. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedInputStream(InputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int c = in.read();
            if (c >= 0) {
                left--;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }

    /** The body of a chunked response, decoded as it arrives (streams such as logs stay live). */
    static final class ChunkedInputStream extends InputStream {
        private final InputStream in;
        private long left;
        private boolean done;

        ChunkedInputStream(InputStream in) {
            this.in = in;
        }

        private boolean nextChunk() throws IOException {
            if (done) {
                return false;
            }
            if (left == 0) {
                String line = readLine(in);
                if (line.isEmpty()) { // the CRLF after the previous chunk
                    line = readLine(in);
                }
                int semi = line.indexOf(';');
                String hex = (semi >= 0 ? line.substring(0, semi) : line).trim();
                try {
                    left = Long.parseLong(hex, 16);
                } catch (NumberFormatException e) {
                    throw new IOException("malformed chunk size from the engine: " + line);
                }
                if (left == 0) {
                    done = true;
                    for (String t = readLine(in); !t.isEmpty(); t = readLine(in)) {
                        // trailers: ignored
                    }
                    return false;
                }
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            if (!nextChunk()) {
                return -1;
            }
            int c = in.read();
            if (c < 0) {
                throw new EOFException("the engine closed the connection inside a chunk");
            }
            left--;
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!nextChunk()) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new EOFException("the engine closed the connection inside a chunk");
            }
            left -= n;
            return n;
        }
    }
}
