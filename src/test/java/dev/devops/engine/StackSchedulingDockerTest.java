package dev.devops.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.HostConfig;
import dev.devops.testsupport.DockerTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * When up and down act (issue 14, the speed of {@code up --wait} + {@code down -v}): the waits wake on the engine's
 * events, a service starts once its own dependencies are ready (not its whole dependency level), and down stops
 * dependants before their dependencies while it removes what is stopped.
 */
@Isolated("Docker tests run alone: one engine, and their timeouts assume an idle machine")
@DockerTest(images = "debian:bookworm-slim")
class StackSchedulingDockerTest {
    private static final String IMAGE = "debian:bookworm-slim";

    @TempDir
    Path dir;

    private final EngineClient client = EngineClient.fromEnvironment();
    private final RecordingListener listener = new RecordingListener();
    private final StackEngine engine = new StackEngine(client, listener, "none");
    private final List<StackSpec> cleanup = new ArrayList<>();
    private final List<String> containers = new ArrayList<>();

    @AfterEach
    void tearDown() {
        for (String id : containers) {
            try {
                client.docker().removeContainerCmd(id).withForce(true).exec();
            } catch (RuntimeException e) {
                // gone already
            }
        }
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

    private static ServiceSpec.Builder sleeper(String name) {
        return ServiceSpec.builder(name).image(IMAGE).init(true).command("sleep", "infinity");
    }

    private static void until(String what, Duration limit, BooleanSupplier ok) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!ok.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + limit.toSeconds() + " s: " + what);
            }
            Thread.sleep(100);
        }
    }

    /** Whether {@code await} was woken by an event for {@code id} (a poll or the safety net never returns true). */
    private static boolean woken(ContainerEvents events, String id, long seen, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (events.await(id, seen, Duration.ofSeconds(1))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theProjectsEventStreamWakesAWaitWhenItsContainerStartsAndStops() throws Exception {
        DockerClient docker = client.docker();
        String project = TestStacks.project("events");
        String id = docker.createContainerCmd(IMAGE).withCmd("sleep", "infinity")
                .withLabels(Map.of(ComposeLabels.PROJECT, project)).withHostConfig(HostConfig.newHostConfig().withInit(true))
                .exec().getId();
        containers.add(id);
        try (ContainerEvents events = new ContainerEvents(docker, project)) {
            events.open();
            until("the event stream is open", Duration.ofSeconds(20), events::live);
            long seen = events.seen(id);
            docker.startContainerCmd(id).exec();
            assertTrue(woken(events, id, seen, Duration.ofSeconds(30)), "the start event woke the wait");
            seen = events.seen(id);
            docker.stopContainerCmd(id).withTimeout(1).exec();
            assertTrue(woken(events, id, seen, Duration.ofSeconds(30)), "the die event woke the wait");
            assertNotEquals(seen, events.seen(id));
        }
    }

    @Test
    void aServiceStartsOnceItsOwnDependenciesAreReadyNotWhenItsWholeLevelIs() throws Exception {
        String project = TestStacks.project("graph");
        // gate turns healthy only when the test says so; slow waits for it. quick -> mid -> last never do.
        ServiceSpec gate = sleeper("gate").healthcheck(new HealthcheckSpec(List.of("CMD", "test", "-f", "/tmp/go"),
                Duration.ofSeconds(1), Duration.ofSeconds(5), 600, null, false)).build();
        ServiceSpec slow = sleeper("slow").dependsOn("gate", DependencySpec.healthy()).build();
        ServiceSpec quick = sleeper("quick").build();
        ServiceSpec mid = sleeper("mid").dependsOn("quick", DependencySpec.started()).build();
        ServiceSpec last = sleeper("last").dependsOn("mid", DependencySpec.started()).build();
        StackSpec s = new StackSpec(project, dir, List.of(), List.of(gate, slow, quick, mid, last), Map.of(), Map.of());
        cleanup.add(s);
        // levels: [gate, quick] [slow, mid] [last]: with a barrier per level, last would wait for gate's health
        CompletableFuture<Plan> up = CompletableFuture.supplyAsync(() -> engine.up(s, UpOptions.defaults()));
        until("last runs while gate is not healthy", Duration.ofSeconds(60), () -> state(project).getOrDefault("last", "").equals("running"));
        Map<String, String> now = state(project);
        assertTrue(!now.containsKey("slow") || !now.get("slow").equals("running"), "slow waits for gate: " + now);
        assertEquals("starting", engine.ps(project).stream().filter(c -> c.service().equals("gate")).findFirst()
                .orElseThrow().health());

        String gateId = engine.ps(project).stream().filter(c -> c.service().equals("gate")).findFirst().orElseThrow().id();
        DockerClient docker = client.docker();
        String exec = docker.execCreateCmd(gateId).withCmd("touch", "/tmp/go").exec().getId();
        docker.execStartCmd(exec).exec(new ResultCallback.Adapter<>()).awaitCompletion(30, TimeUnit.SECONDS);
        up.get(60, TimeUnit.SECONDS);
        assertEquals(Map.of("gate", "running", "slow", "running", "quick", "running", "mid", "running", "last", "running"),
                state(project));
    }

    private Map<String, String> state(String project) {
        return engine.ps(project).stream().collect(Collectors.toMap(ContainerStatus::service, ContainerStatus::state));
    }

    @Test
    void downStopsADependencyOnceItsDependantsProcessEndedNotOnceTheEngineCleanedUpAfterIt() throws Exception {
        String project = TestStacks.project("downdie");
        // the engine answers a stop only after its clean-up (here: ten published ports to unbind), which a
        // dependency's stop need not wait for: the dependant's process is gone at its die event
        ServiceSpec.Builder app = sleeper("app").dependsOn("db", DependencySpec.started());
        for (int port = 8001; port <= 8010; port++) {
            app.port(new PortSpec("127.0.0.1", null, port, "tcp"));
        }
        StackSpec s = new StackSpec(project, dir, List.of(), List.of(sleeper("db").build(), app.build()), Map.of(), Map.of());
        cleanup.add(s);
        engine.up(s, UpOptions.defaults());

        long since = System.currentTimeMillis() / 1000 - 1;
        engine.down(s, new DownOptions(true, null, null));
        Map<String, Long> at = new java.util.HashMap<>(); // "service action" -> first time
        for (Event e : events(project, since, "kill", "die", "stop")) {
            at.merge(e.getActor().getAttributes().get(ComposeLabels.SERVICE) + " " + e.getAction(), e.getTimeNano(), Math::min);
        }
        assertTrue(at.get("app die") < at.get("db kill"), "app ended before db was stopped: " + at);
        assertTrue(at.get("db kill") < at.get("app stop"), "db's stop began before the engine answered app's: " + at);
        assertEquals(List.of(), engine.ps(project));
    }

    /** The project's events of {@code actions} from {@code since} (epoch seconds) until now. */
    private List<Event> events(String project, long since, String... actions) throws InterruptedException {
        List<Event> events = new ArrayList<>();
        client.docker().eventsCmd().withSince(Long.toString(since)).withUntil(Long.toString(System.currentTimeMillis() / 1000 + 2))
                .withLabelFilter(Map.of(ComposeLabels.PROJECT, project)).withEventFilter(actions)
                .exec(new ResultCallback.Adapter<Event>() {
                    @Override
                    public void onNext(Event e) {
                        synchronized (events) {
                            events.add(e);
                        }
                    }
                }).awaitCompletion(30, TimeUnit.SECONDS);
        synchronized (events) {
            return new ArrayList<>(events);
        }
    }

    @Test
    void downStopsDependantsBeforeTheirDependenciesAndRemovesEverything() throws Exception {
        String project = TestStacks.project("downorder");
        ServiceSpec db = sleeper("db").mount(MountSpec.volume("data", "/data")).build();
        ServiceSpec cache = sleeper("cache").build();
        ServiceSpec app = sleeper("app").dependsOn("db", DependencySpec.started()).dependsOn("cache", DependencySpec.started())
                .scale(2).build();
        ServiceSpec web = sleeper("web").dependsOn("app", DependencySpec.started()).build();
        StackSpec s = new StackSpec(project, dir, List.of(), List.of(db, cache, app, web), Map.of(), Map.of("data", VolumeSpec.of("data")));
        cleanup.add(s);
        engine.up(s, UpOptions.defaults());
        assertEquals(5, engine.ps(project).size(), "two app replicas, created and started side by side");

        long since = System.currentTimeMillis() / 1000 - 1;
        engine.down(s, new DownOptions(true, null, null));
        long until = System.currentTimeMillis() / 1000 + 2;
        List<Event> events = new ArrayList<>();
        client.docker().eventsCmd().withSince(Long.toString(since)).withUntil(Long.toString(until))
                .withLabelFilter(Map.of(ComposeLabels.PROJECT, project)).withEventFilter("kill", "die")
                .exec(new ResultCallback.Adapter<Event>() {
                    @Override
                    public void onNext(Event e) {
                        synchronized (events) {
                            events.add(e);
                        }
                    }
                }).awaitCompletion(30, TimeUnit.SECONDS);
        Map<String, Long> firstKill = new java.util.HashMap<>();
        Map<String, Long> lastDie = new java.util.HashMap<>();
        synchronized (events) {
            for (Event e : events) {
                String svc = e.getActor().getAttributes().get(ComposeLabels.SERVICE);
                if ("kill".equals(e.getAction())) {
                    firstKill.merge(svc, e.getTimeNano(), Math::min);
                } else {
                    lastDie.merge(svc, e.getTimeNano(), Math::max);
                }
            }
        }
        assertEquals(java.util.Set.of("db", "cache", "app", "web"), lastDie.keySet(), events.toString());
        assertTrue(lastDie.get("web") < firstKill.get("app"), "web stopped before app: " + events);
        assertTrue(lastDie.get("app") < firstKill.get("db"), "app stopped before db: " + events);
        assertTrue(lastDie.get("app") < firstKill.get("cache"), "app stopped before cache: " + events);

        assertEquals(List.of(), engine.ps(project));
        assertEquals(List.of(), client.docker().listNetworksCmd().withFilter("label", List.of(ComposeLabels.PROJECT + "=" + project))
                .exec());
        var vols = client.docker().listVolumesCmd().withFilter("label", List.of(ComposeLabels.PROJECT + "=" + project)).exec();
        assertTrue(vols.getVolumes() == null || vols.getVolumes().isEmpty(), String.valueOf(vols.getVolumes()));
    }
}
