package dev.devops.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.testsupport.DockerTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Our stacks and Debian's docker-compose 1.29.2 see each other: the same com.docker.compose.* labels.
 * Needs the docker-compose executable (apt-get install docker-compose); required when CI=true.
 */
@Isolated("Docker tests run alone: one engine, and their timeouts assume an idle machine")
@DockerTest
class ComposeCompatDockerTest {
    @TempDir
    Path dir;

    private final EngineClient client = EngineClient.fromEnvironment();
    private final StackEngine engine = new StackEngine(client, EngineListener.NONE, "none");
    private final List<StackSpec> cleanup = new ArrayList<>();
    private Path composeFile;

    @BeforeEach
    void needsDockerCompose() throws IOException {
        boolean present = Files.isExecutable(Path.of("/usr/bin/docker-compose"));
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but docker-compose is not installed: apt-get install -y docker-compose");
        }
        Assumptions.assumeTrue(present, "docker-compose is not installed");
        composeFile = Files.writeString(dir.resolve("docker-compose.yml"), """
                version: "2.4"
                services:
                  web:
                    image: debian:bookworm-slim
                    command: ["sleep", "infinity"]
                    init: true
                  worker:
                    image: debian:bookworm-slim
                    command: ["sleep", "infinity"]
                    init: true
                    depends_on: [web]
                """);
    }

    @AfterEach
    void tearDown() {
        for (StackSpec s : cleanup) {
            try {
                engine.down(s, new DownOptions(true, null, 1));
            } catch (RuntimeException e) {
                System.err.println("cleanup of " + s.project() + " failed: " + e);
            }
        }
        engine.close();
        client.close();
    }

    private StackSpec stack(String project) {
        ServiceSpec web = ServiceSpec.builder("web").image("debian:bookworm-slim").command("sleep", "infinity").init(true).build();
        ServiceSpec worker = ServiceSpec.builder("worker").image("debian:bookworm-slim").command("sleep", "infinity")
                .init(true).dependsOn("web", DependencySpec.started()).build();
        StackSpec s = new StackSpec(project, dir, List.of(composeFile), List.of(web, worker), Map.of(), Map.of());
        cleanup.add(s);
        return s;
    }

    private String compose(String project, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("docker-compose", "--no-ansi", "-p", project, "-f", composeFile.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + out);
        return out;
    }

    @Test
    void dockerComposePsListsOurContainers() throws Exception {
        String project = TestStacks.project("compat");
        engine.up(stack(project), UpOptions.defaults());
        String ps = compose(project, "ps");
        assertTrue(ps.contains(project + "-web-1") && ps.contains(project + "-worker-1"), ps);
        assertTrue(ps.lines().filter(l -> l.startsWith(project)).allMatch(l -> l.contains("Up")), ps);
    }

    @Test
    void weSeeAndRemoveWhatDockerComposeStarted() throws Exception {
        String project = TestStacks.project("compat2");
        compose(project, "up", "-d");
        List<ContainerStatus> ps = engine.ps(project);
        assertEquals(List.of("web", "worker"), ps.stream().map(ContainerStatus::service).toList());
        assertTrue(ps.stream().allMatch(c -> c.state().equals("running")), ps.toString());
        engine.down(stack(project), DownOptions.defaults());
        assertTrue(engine.ps(project).isEmpty());
        assertTrue(client.docker().listNetworksCmd().withFilter("label",
                List.of(ComposeLabels.PROJECT + "=" + project)).exec().isEmpty(), "compose's network removed too");
    }
}
