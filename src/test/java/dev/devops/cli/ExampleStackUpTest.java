package dev.devops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.testsupport.DockerTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The whole path on a real engine, through the command line and the compose file that {@code devops
 * init} rendered: the python-flask example (Flask + PostgreSQL, built offline from the seeded
 * python:3.11-slim stand-in) comes up healthy with {@code up -d --wait}, the app reaches PostgreSQL by
 * its service name, a second {@code up} changes nothing, {@code ps} shows both healthy, and
 * {@code down -v} leaves no container.
 */
@Isolated("Docker tests run alone: one engine, and their timeouts assume an idle machine")
@DockerTest(images = {"python:3.11-slim", "postgres:15"})
class ExampleStackUpTest {
    @TempDir
    Path tmp;

    private final String project = "e2e-flask-" + UUID.randomUUID().toString().substring(0, 8);
    private Path compose;

    @AfterEach
    void down() {
        if (compose != null) {
            CliRun.run("down", "-v", "--rmi", "local", "-f", compose.toString(), "-p", project);
        }
    }

    @Test
    void theRenderedStackComesUpHealthyAndGoesAway() throws Exception {
        Path example = Path.of(System.getProperty("devops.project.dir", "."), "examples", "python-flask");
        Path app = copy(example, tmp.resolve("python-flask"));
        // values built at run time: no secret-shaped literal in the repository
        Files.writeString(app.resolve(".env"), "POSTGRES_PASSWORD=" + UUID.randomUUID() + "\nSECRET_KEY="
                + UUID.randomUUID() + "\n");
        compose = app.resolve("docker-compose.yml");
        String[] stack = {"-f", compose.toString(), "-p", project};

        CliRun up = CliRun.run(concat(new String[] {"up", "-d", "--wait", "--wait-timeout", "180"}, stack));
        assertEquals(0, up.code(), up.out() + up.err());
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:8000/")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("\"postgres\":\"ok\""), "the app reached postgres by service name: " + page.body());

        CliRun again = CliRun.run(concat(new String[] {"up", "-d", "--wait"}, stack));
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("up to date"), again.err());

        CliRun ps = CliRun.run(concat(new String[] {"ps", "--format", "json"}, stack));
        assertEquals(0, ps.code(), ps.err());
        assertTrue(ps.out().contains(project + "-web-1") && ps.out().contains(project + "-postgres-1"), ps.out());
        com.fasterxml.jackson.databind.JsonNode rows = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ps.out());
        assertEquals(2, rows.size(), ps.out());
        for (com.fasterxml.jackson.databind.JsonNode row : rows) {
            assertEquals("healthy", row.get("Health").asText(), ps.out());
        }

        CliRun down = CliRun.run(concat(new String[] {"down", "-v"}, stack));
        assertEquals(0, down.code(), down.err());
        CliRun after = CliRun.run(concat(new String[] {"ps", "--format", "json"}, stack));
        assertEquals(0, new com.fasterxml.jackson.databind.ObjectMapper().readTree(after.out()).size(), "no container left: " + after.out());
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
