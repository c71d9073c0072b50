package dev.devops.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real registry on loopback for tests: Debian's {@code docker-registry} package (the CNCF
 * distribution registry), started with a config file ({@code http.addr: 127.0.0.1:PORT}, storage in
 * a temp dir) and stopped by {@link #close()}. The engine pushes to 127.0.0.0/8 over plain HTTP
 * without any daemon setting. Missing binary: the test is skipped, or fails with CI=true
 * ({@code scripts/test.sh} installs the package).
 */
public final class LocalRegistry implements AutoCloseable {
    public static final String BINARY = "/usr/bin/docker-registry";
    private final Process process;
    private final int port;
    private final Path dir;

    private LocalRegistry(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** Starts a registry with its storage under {@code dir} and waits until it answers {@code /v2/}. */
    public static LocalRegistry start(Path dir) throws IOException, InterruptedException {
        return start(dir, null, null);
    }

    /**
     * A registry that requires HTTP Basic authentication (htpasswd) for {@code user}/{@code password}. The
     * bcrypt line is made by Python's crypt module in the offline python:3.11-slim stand-in image (the
     * registry accepts bcrypt only; neither the JDK nor the test script has it), at the lowest cost (2^4 rounds):
     * the registry checks it on every request.
     */
    public static LocalRegistry startWithPassword(Path dir, String user, String password) throws IOException, InterruptedException {
        return start(dir, user, password);
    }

    private static LocalRegistry start(Path dir, String user, String password) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(BINARY))) {
            String why = BINARY + " is missing: apt-get install docker-registry (scripts/test.sh does)";
            if (DockerCondition.required()) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
        int port = freePort();
        Files.createDirectories(dir.resolve("data"));
        Path config = dir.resolve("config.yml");
        Files.writeString(config, String.join("\n",
                "version: 0.1",
                "log:",
                "  level: error",
                "storage:",
                "  filesystem:",
                "    rootdirectory: " + dir.resolve("data"),
                "http:",
                "  addr: 127.0.0.1:" + port,
                ""));
        if (user != null) {
            Path htpasswd = dir.resolve("htpasswd");
            Files.writeString(htpasswd, user + ":" + bcrypt(password) + "\n");
            Files.writeString(config, Files.readString(config) + String.join("\n", "auth:", "  htpasswd:", "    realm: devops-test",
                    "    path: " + htpasswd, ""));
        }
        Process p = new ProcessBuilder(BINARY, "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        LocalRegistry r = new LocalRegistry(p, port, dir);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (res.statusCode() == 200 || res.statusCode() == 401) { // 401: up, and asking for the password
                    return r;
                }
            } catch (IOException notYet) {
                // starting
            }
            if (!p.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        r.close();
        throw new IllegalStateException("docker-registry did not answer on 127.0.0.1:" + port + ": "
                + Files.readString(dir.resolve("registry.log")));
    }

    private static String bcrypt(String password) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("docker", "run", "--rm", "-i", "--network", "none", "python:3.11-slim", "python3", "-W", "ignore",
                "-c", "import crypt,sys; print(crypt.crypt(sys.stdin.read(), crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=16)))")
                .redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0 || !out.startsWith("$2")) {
            throw new IllegalStateException("cannot make a bcrypt htpasswd line: " + out);
        }
        return out;
    }

    /** A loopback port nothing listens on (for "registry down" tests). */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:PORT}. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
