package dev.devops.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.devops.testsupport.DockerTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `up` of a compose file with include: the included service runs, with its bind mount from its own directory. */
class ComposeIncludeDockerTest {
    @TempDir
    Path dir;

    @Test
    @DockerTest(images = "debian:bookworm-slim")
    void theIncludedServiceRunsWithPathsFromItsOwnDirectory() throws Exception {
        Files.createDirectories(dir.resolve("worker/data"));
        Files.writeString(dir.resolve("worker/data/ready"), "yes\n");
        Files.writeString(dir.resolve("worker/compose.yaml"), String.join("\n",
                "services:",
                "  worker:",
                "    image: debian:bookworm-slim",
                "    init: true",
                "    volumes:",
                "      - ./data:/data:ro",
                "    command: [sh, -c, 'test -f /data/ready && exec sleep infinity']",
                "    healthcheck:",
                "      test: [CMD, test, -f, /data/ready]",
                "      interval: 1s",
                "      retries: 30",
                ""));
        Files.writeString(dir.resolve("compose.yaml"), String.join("\n",
                "include:",
                "  - worker/compose.yaml",
                "services:",
                "  web:",
                "    image: debian:bookworm-slim",
                "    init: true",
                "    command: [sleep, infinity]",
                "    depends_on:",
                "      worker:",
                "        condition: service_healthy",
                ""));
        String project = TestStacks.project("include");
        StackSpec stack = new ComposeStackSource(Map.of()).load(new StackSource.Request(project, List.of(), dir, List.of(), false));
        try (EngineClient c = EngineClient.fromEnvironment(); StackEngine e = new StackEngine(c, null)) {
            try {
                e.up(stack, new UpOptions(List.of(), false, false, false, true, java.time.Duration.ofSeconds(60), true));
                List<ContainerStatus> ps = e.ps(project);
                assertEquals(List.of("web", "worker"), ps.stream().map(ContainerStatus::service).toList());
                assertEquals(List.of("running", "running"), ps.stream().map(ContainerStatus::state).toList());
                assertEquals("healthy", ps.get(1).health(), "the bind mount came from worker/data");
            } finally {
                e.down(stack, new DownOptions(true, null, 1));
            }
        }
    }
}
