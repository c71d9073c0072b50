package dev.devops.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.testsupport.DockerTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/** A first up that fails leaves nothing behind that only down would remove (issue 14). */
@Isolated("Docker tests run alone: one engine, and their timeouts assume an idle machine")
@DockerTest
class FailedFirstUpDockerTest {
    @TempDir
    Path dir;

    private final EngineClient client = EngineClient.fromEnvironment();
    private final RecordingListener listener = new RecordingListener();
    private final StackEngine engine = new StackEngine(client, listener, "none");
    private StackSpec stack;

    @AfterEach
    void tearDown() {
        if (stack != null) {
            engine.down(stack, new DownOptions(true, "local", 1));
        }
        engine.close();
        client.close();
    }

    private List<String> networks(String project) {
        return client.docker().listNetworksCmd().withFilter("label", List.of(ComposeLabels.PROJECT + "=" + project)).exec()
                .stream().map(com.github.dockerjava.api.model.Network::getName).toList();
    }

    @Test
    void aBuildThatFailsLeavesNoNetworkAndNoContainer() throws Exception {
        Path app = Files.createDirectories(dir.resolve("app"));
        Files.writeString(app.resolve("Dockerfile"), "FROM debian:bookworm-slim\nRUN exit 3\n");
        String project = TestStacks.project("failup");
        ServiceSpec cache = ServiceSpec.builder("cache").image("redis:7").network("default").build();
        ServiceSpec web = ServiceSpec.builder("web").build(BuildSpec.of(Path.of("app"))).network("default")
                .dependsOn("cache", DependencySpec.started()).build();
        stack = new StackSpec(project, dir, List.of(), List.of(web, cache), Map.of(), Map.of());
        assertThrows(EngineException.class, () -> engine.up(stack, UpOptions.defaults()));
        assertEquals(List.of(), networks(project), "the network of the failed first up");
        assertEquals(List.of(), engine.ps(project), "containers of the failed first up");
    }

    @Test
    void aHealthcheckThatFailsOnTheFirstUpLeavesNoNetworkButAnExistingStackIsLeftAsItWas() {
        String project = TestStacks.project("failwait");
        ServiceSpec bad = ServiceSpec.builder("bad").image("debian:bookworm-slim").command("sleep", "infinity").init(true)
                .network("default")
                .healthcheck(new HealthcheckSpec(List.of("CMD", "false"), Duration.ofMillis(200), Duration.ofSeconds(1), 2,
                        null, false)).build();
        stack = new StackSpec(project, dir, List.of(), List.of(bad), Map.of(), Map.of());
        EngineException e = assertThrows(EngineException.class,
                () -> engine.up(stack, UpOptions.defaults().withWait(Duration.ofSeconds(30))));
        assertTrue(e.getMessage().contains("bad"), e.getMessage());
        assertEquals(List.of(), networks(project));
        assertEquals(List.of(), engine.ps(project));
        // a stack that was up before: a failing up changes nothing of what was there (no rollback)
        ServiceSpec good = ServiceSpec.builder("bad").image("debian:bookworm-slim").command("sleep", "infinity").init(true)
                .network("default").build();
        StackSpec up = new StackSpec(project, dir, List.of(), List.of(good), Map.of(), Map.of());
        engine.up(up, UpOptions.defaults());
        StackSpec failing = new StackSpec(project, dir, List.of(), List.of(good,
                ServiceSpec.builder("web").build(BuildSpec.of(Path.of("nowhere"))).network("default").build()), Map.of(), Map.of());
        assertThrows(RuntimeException.class, () -> engine.up(failing, UpOptions.defaults()));
        assertEquals(1, networks(project).size());
        assertEquals(List.of("bad"), engine.ps(project).stream().map(ContainerStatus::service).toList());
        stack = failing;
    }
}
