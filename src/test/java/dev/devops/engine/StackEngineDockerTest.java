package dev.devops.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.devops.testsupport.DockerTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/** The engine against the real Docker engine of this machine (images: the offline stand-ins). */
@Isolated("Docker tests run alone: one engine, and their timeouts assume an idle machine")
@DockerTest
class StackEngineDockerTest {
    @TempDir
    Path dir;

    private final EngineClient client = EngineClient.fromEnvironment();
    private final RecordingListener listener = new RecordingListener();
    private final StackEngine engine = new StackEngine(client, listener, "none");
    private final List<StackSpec> cleanup = new ArrayList<>();

    @AfterEach
    void tearDown() {
        for (StackSpec s : cleanup) {
            try {
                engine.down(s, new DownOptions(true, "local", 1));
            } catch (RuntimeException e) {
                System.err.println("cleanup of " + s.project() + " failed: " + e);
            }
        }
        engine.close();
        client.close();
    }

    private StackSpec track(StackSpec s) {
        cleanup.add(s);
        return s;
    }

    private Map<String, String> idsByService(String project) {
        return engine.ps(project).stream().collect(Collectors.toMap(ContainerStatus::service, ContainerStatus::id));
    }

    @Test
    void threeServiceStackComesUpHealthyIsIdempotentRecreatesOnlyWhatChangedAndGoesDown() throws Exception {
        TestStacks.copyApp(dir);
        String project = TestStacks.project("stack");
        StackSpec v1 = track(TestStacks.threeServices(project, dir, "hello", "a"));

        long t0 = System.nanoTime();
        Plan plan = engine.up(v1, UpOptions.defaults().withWait(Duration.ofSeconds(90)));
        long upMillis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(Plan.Action.CREATE, plan.step("app").action());
        assertTrue(listener.has("app", ServiceState.BUILDING), listener.events.toString());
        assertTrue(listener.build.stream().anyMatch(l -> l.contains("Successfully built")), listener.build.toString());

        List<ContainerStatus> ps = engine.ps(project);
        assertEquals(List.of("app", "cache", "db"), ps.stream().map(ContainerStatus::service).toList());
        for (ContainerStatus c : ps) {
            assertEquals("running", c.state(), c.toString());
            assertEquals("healthy", c.health(), c.toString());
            assertEquals(project + "-" + c.service() + "-1", c.name());
        }
        // the app reaches postgres and redis by service name
        ContainerStatus app = ps.get(0);
        String port = app.ports().get(0).replaceAll("^127\\.0\\.0\\.1:(\\d+)->8000/tcp$", "$1");
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());
        assertEquals("ok postgres=True redis=True", health.body());

        // compose labels, networks and volumes
        DockerClient docker = client.docker();
        Container appC = docker.listContainersCmd().withShowAll(true).withIdFilter(List.of(app.id())).exec().get(0);
        Map<String, String> labels = appC.getLabels();
        assertEquals(project, labels.get(ComposeLabels.PROJECT));
        assertEquals("app", labels.get(ComposeLabels.SERVICE));
        assertEquals("1", labels.get(ComposeLabels.NUMBER));
        assertEquals("False", labels.get(ComposeLabels.ONEOFF));
        assertEquals(dir.toAbsolutePath().normalize().toString(), labels.get(ComposeLabels.WORKING_DIR));
        assertEquals(dir.resolve("compose.yaml").toString(), labels.get(ComposeLabels.CONFIG_FILES));
        assertEquals("db:service_healthy:false,cache:service_healthy:false", labels.get(ComposeLabels.DEPENDS_ON));
        assertTrue(labels.get(ComposeLabels.IMAGE).startsWith("sha256:"));
        assertEquals(64, labels.get(ComposeLabels.CONFIG_HASH).length());
        assertTrue(labels.get(ComposeLabels.VERSION).startsWith("2."));
        assertEquals(project, docker.inspectNetworkCmd().withNetworkId(project + "_default").exec().getLabels()
                .get(ComposeLabels.PROJECT));
        assertEquals("dbdata", docker.inspectVolumeCmd(project + "_dbdata").exec().getLabels().get(ComposeLabels.VOLUME));
        // the image was built from a context without what .dockerignore excludes
        String listing = run(docker, project + "-app", "ls", "-a", "/app");
        assertTrue(listing.contains("app.py") && !listing.contains("secret.env"), listing);

        // second up: nothing to do
        Map<String, String> before = idsByService(project);
        listener.clear();
        t0 = System.nanoTime();
        Plan again = engine.up(v1, UpOptions.defaults().withWait(Duration.ofSeconds(30)));
        long noopMillis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(again.upToDate(), again.toString());
        assertEquals(before, idsByService(project));
        assertTrue(listener.has("app", ServiceState.UP_TO_DATE) && listener.has("db", ServiceState.UP_TO_DATE));
        assertFalse(listener.events.stream().anyMatch(e -> e.state() == ServiceState.CREATING
                || e.state() == ServiceState.RECREATING || e.state() == ServiceState.BUILDING), listener.events.toString());

        // change one environment value of the cache: only the cache is recreated
        StackSpec v2 = TestStacks.threeServices(project, dir, "hello", "b");
        listener.clear();
        Plan changed = engine.up(v2, UpOptions.defaults().withWait(Duration.ofSeconds(60)));
        assertEquals(Plan.Action.RECREATE, changed.step("cache").action());
        assertEquals(Plan.Action.UNCHANGED, changed.step("db").action());
        assertEquals(Plan.Action.UNCHANGED, changed.step("app").action());
        Map<String, String> after = idsByService(project);
        assertEquals(before.get("db"), after.get("db"));
        assertEquals(before.get("app"), after.get("app"));
        assertNotEquals(before.get("cache"), after.get("cache"));

        // changing the app's environment recreates the app only
        StackSpec v3 = TestStacks.threeServices(project, dir, "bonjour", "b");
        Plan appChanged = engine.up(v3, UpOptions.defaults().withWait(Duration.ofSeconds(60)));
        assertEquals(Plan.Action.RECREATE, appChanged.step("app").action());
        Map<String, String> after3 = idsByService(project);
        assertEquals(after.get("db"), after3.get("db"));
        assertEquals(after.get("cache"), after3.get("cache"));
        assertNotEquals(after.get("app"), after3.get("app"));

        // logs: the app's start line, with its greeting
        List<String> lines = new ArrayList<>();
        engine.logs(v3, new LogOptions(List.of("app"), false, 5, false), (svc, c, err, text) -> {
            synchronized (lines) {
                lines.add(svc + "|" + c + "|" + text);
            }
        });
        assertTrue(lines.contains("app|" + project + "-app-1|app listening on 8000, greeting=bonjour"), lines.toString());

        // down -v: no container, network or volume with the project label
        long d0 = System.nanoTime();
        engine.down(v3, new DownOptions(true, "local", null));
        long downMillis = (System.nanoTime() - d0) / 1_000_000;
        String filter = ComposeLabels.PROJECT + "=" + project;
        assertTrue(docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(ComposeLabels.PROJECT, project)).exec().isEmpty());
        assertTrue(docker.listNetworksCmd().withFilter("label", List.of(filter)).exec().isEmpty());
        var vols = docker.listVolumesCmd().withFilter("label", List.of(filter)).exec().getVolumes();
        assertTrue(vols == null || vols.isEmpty(), String.valueOf(vols));
        assertThrows(com.github.dockerjava.api.exception.NotFoundException.class,
                () -> docker.inspectImageCmd(project + "-app").exec(), "--rmi local removed the built image");
        System.out.printf("measure: up -d --wait (cold build) %d ms, no-op up %d ms, down -v %d ms%n", upMillis, noopMillis, downMillis);
    }

    /** Runs a command in a throwaway container of {@code image} and returns its output. */
    private static String run(DockerClient docker, String image, String... cmd) throws Exception {
        String id = docker.createContainerCmd(image).withCmd(cmd).withNetworkDisabled(true).exec().getId();
        try {
            docker.startContainerCmd(id).exec();
            docker.waitContainerCmd(id).start().awaitStatusCode(30, java.util.concurrent.TimeUnit.SECONDS);
            StringBuilder sb = new StringBuilder();
            docker.logContainerCmd(id).withStdOut(true).withStdErr(true)
                    .exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<com.github.dockerjava.api.model.Frame>() {
                        @Override
                        public void onNext(com.github.dockerjava.api.model.Frame f) {
                            sb.append(new String(f.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
                        }
                    }).awaitCompletion();
            return sb.toString();
        } finally {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        }
    }

    @Test
    void healthcheckThatNeverPassesFailsWithItsOutput() {
        String project = TestStacks.project("unhealthy");
        ServiceSpec sick = ServiceSpec.builder("sick").image("debian:bookworm-slim").command("sleep", "infinity").init(true)
                .healthcheck(new HealthcheckSpec(List.of("CMD-SHELL", "echo probe-output-marker; exit 1"),
                        Duration.ofMillis(300), Duration.ofSeconds(2), 2, null, false))
                .build();
        StackSpec s = track(new StackSpec(project, dir, List.of(), List.of(sick), Map.of(), Map.of()));
        EngineException e = assertThrows(EngineException.class,
                () -> engine.up(s, UpOptions.defaults().withWait(Duration.ofSeconds(60))));
        assertTrue(e.getMessage().contains("service sick") && e.getMessage().contains("unhealthy"), e.getMessage());
        assertTrue(e.getMessage().contains("probe-output-marker"), e.getMessage());
        assertTrue(e.details().contains("probe-output-marker"), e.details());
    }

    @Test
    void waitFailsWithTheLogsWhileAServiceWithoutHealthcheckRestartsInALoop() {
        String project = TestStacks.project("crashloop");
        ServiceSpec app = ServiceSpec.builder("app").image("debian:bookworm-slim")
                .command("sh", "-c", "echo crash-marker: cannot reach the database; exit 1").init(true).restart("always").build();
        StackSpec s = track(new StackSpec(project, dir, List.of(), List.of(app), Map.of(), Map.of()));
        long t0 = System.nanoTime();
        EngineException e = assertThrows(EngineException.class,
                () -> engine.up(s, UpOptions.defaults().withWait(Duration.ofSeconds(60))));
        assertTrue(e.getMessage().contains("service app") && e.getMessage().contains("restarting"), e.getMessage());
        assertTrue(e.details().contains("crash-marker"), e.details());
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).compareTo(Duration.ofSeconds(30)) < 0, "it fails fast, not at the timeout");
    }

    @Test
    void waitFailsWhileAServiceWithAHealthcheckRestartsInALoop() {
        String project = TestStacks.project("crashloophc");
        // it lives ~1 s, long enough to be seen running, and never answers its check: restart: always brings it back
        ServiceSpec app = ServiceSpec.builder("app").image("debian:bookworm-slim")
                .command("sh", "-c", "echo crash-marker; sleep 1; exit 1").init(true).restart("unless-stopped")
                .healthcheck(new HealthcheckSpec(List.of("CMD", "false"), Duration.ofSeconds(30), Duration.ofSeconds(2), 3,
                        Duration.ofSeconds(60), false))
                .build();
        StackSpec s = track(new StackSpec(project, dir, List.of(), List.of(app), Map.of(), Map.of()));
        EngineException e = assertThrows(EngineException.class,
                () -> engine.up(s, UpOptions.defaults().withWait(Duration.ofSeconds(60))));
        assertTrue(e.getMessage().contains("restarting") || e.getMessage().contains("exited with code 1"), e.getMessage());
        assertTrue(e.details().contains("crash-marker"), e.details());
    }

    @Test
    void waitAcceptsAServiceWithoutHealthcheckThatKeepsRunning() {
        String project = TestStacks.project("steady");
        ServiceSpec worker = ServiceSpec.builder("worker").image("debian:bookworm-slim").command("sleep", "infinity")
                .init(true).restart("always").build();
        StackSpec s = track(new StackSpec(project, dir, List.of(), List.of(worker), Map.of(), Map.of()));
        long t0 = System.nanoTime();
        engine.up(s, UpOptions.defaults().withWait(Duration.ofSeconds(60)));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertTrue(took.compareTo(StackEngine.STEADY) >= 0, "waited for it to keep running: " + took);
        synchronized (listener) {
            assertTrue(listener.events.stream().anyMatch(ev -> ev.service().equals("worker")
                    && ev.state() == ServiceState.RUNNING && "running".equals(ev.message())), listener.events.toString());
        }
    }

    @Test
    void buildErrorCarriesTheFailingStepOutput() throws Exception {
        Path ctx = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(ctx.resolve("Dockerfile"),
                "FROM debian:bookworm-slim\nRUN echo first-step-ok\nRUN echo step-output-marker && exit 7\n");
        String project = TestStacks.project("builderr");
        StackSpec s = track(new StackSpec(project, dir, List.of(),
                List.of(ServiceSpec.builder("broken").build(BuildSpec.of(Path.of("broken"))).build()), Map.of(), Map.of()));
        EngineException e = assertThrows(EngineException.class, () -> engine.up(s, UpOptions.defaults()));
        assertTrue(e.getMessage().contains("service broken: build failed"), e.getMessage());
        assertTrue(e.getMessage().contains("non-zero code: 7"), e.getMessage());
        assertTrue(e.details().contains("step-output-marker"), e.details());
        assertFalse(e.details().contains("first-step-ok"), "only the failing step's output: " + e.details());
    }

    @Test
    void runMountIsRefusedWithTheBuildKitMessageBeforeBuilding() throws Exception {
        Path ctx = Files.createDirectories(dir.resolve("bk"));
        Files.writeString(ctx.resolve("Dockerfile"),
                "FROM debian:bookworm-slim\nRUN --mount=type=cache,target=/var/cache/apt true\n");
        String project = TestStacks.project("buildkit");
        StackSpec s = track(new StackSpec(project, dir, List.of(),
                List.of(ServiceSpec.builder("bk").build(BuildSpec.of(Path.of("bk"))).build()), Map.of(), Map.of()));
        EngineException e = assertThrows(EngineException.class, () -> engine.up(s, UpOptions.defaults()));
        assertTrue(e.getMessage().contains("needs BuildKit") && e.getMessage().contains("classic builder"), e.getMessage());
        assertThrows(com.github.dockerjava.api.exception.NotFoundException.class,
                () -> client.docker().inspectImageCmd(project + "-bk").exec(), "nothing was built");
        engine.down(s, DownOptions.defaults());
        assertTrue(client.docker().listNetworksCmd().withFilter("label",
                List.of(ComposeLabels.PROJECT + "=" + project)).exec().isEmpty(), "down after a failed up leaves no network");
    }

    @Test
    void theHealthProbeStartsADependantOnTheCheckItselfNotOnTheEnginesFirstInterval() {
        String project = TestStacks.project("probe");
        // the engine's first check is an hour away; the test passes once /tmp/ready exists (0.5 s in)
        ServiceSpec db = ServiceSpec.builder("db").image("debian:bookworm-slim").init(true)
                .command("sh", "-c", "sleep 0.5; touch /tmp/ready; exec sleep infinity")
                .healthcheck(new HealthcheckSpec(List.of("CMD-SHELL", "test -f /tmp/ready"),
                        Duration.ofHours(1), Duration.ofSeconds(5), 3, null, false)).build();
        ServiceSpec app = ServiceSpec.builder("app").image("debian:bookworm-slim").init(true)
                .command("sleep", "infinity").dependsOn("db", DependencySpec.healthy()).build();
        StackSpec s = track(new StackSpec(project, dir, List.of(), List.of(db, app), Map.of(), Map.of()));
        engine.up(s, UpOptions.defaults());
        Map<String, ContainerStatus> ps = engine.ps(project).stream()
                .collect(Collectors.toMap(ContainerStatus::service, c -> c));
        assertEquals("running", ps.get("app").state(), "app was started once db passed its check");
        assertEquals("starting", ps.get("db").health(), "the engine has not run a single check of db yet");
        assertTrue(listener.events.stream().anyMatch(e -> e.service().equals("db") && e.state() == ServiceState.HEALTHY
                && e.message().equals("healthy (check passed)")), listener.events.toString());

        // a check that cannot pass is never taken for healthy: the engine's "unhealthy" still ends the wait
        String p2 = TestStacks.project("probefail");
        ServiceSpec never = ServiceSpec.builder("never").image("debian:bookworm-slim").command("sleep", "infinity").init(true)
                .healthcheck(new HealthcheckSpec(List.of("CMD", "false"), Duration.ofSeconds(2), Duration.ofSeconds(2), 1, null, false))
                .build();
        ServiceSpec after = ServiceSpec.builder("after").image("debian:bookworm-slim").command("sleep", "infinity").init(true)
                .dependsOn("never", DependencySpec.healthy()).build();
        StackSpec s2 = track(new StackSpec(p2, dir, List.of(), List.of(never, after), Map.of(), Map.of()));
        EngineException e = assertThrows(EngineException.class, () -> engine.up(s2, UpOptions.defaults()));
        assertTrue(e.getMessage().contains("dependency never of after") && e.getMessage().contains("unhealthy"), e.getMessage());
    }

    @Test
    void atAOneSecondIntervalTheProbeRunsBetweenTheEnginesChecks() {
        String project = TestStacks.project("probe1s");
        // ready 1.25 s after the start: the engine's first check (1 s) fails and its second comes ~1 s after that
        // ended; the probe half an interval after the engine's first check (~1.5 s) passes and starts the dependant:
        // the wait saw the check pass before the engine reported db healthy
        ServiceSpec db = ServiceSpec.builder("db").image("debian:bookworm-slim").init(true)
                .command("sh", "-c", "sleep 1.25; touch /tmp/ready; exec sleep infinity")
                .healthcheck(new HealthcheckSpec(List.of("CMD-SHELL", "test -f /tmp/ready"),
                        Duration.ofSeconds(1), Duration.ofSeconds(5), 30, null, false)).build();
        ServiceSpec app = ServiceSpec.builder("app").image("debian:bookworm-slim").init(true)
                .command("sleep", "infinity").dependsOn("db", DependencySpec.healthy()).build();
        StackSpec s = track(new StackSpec(project, dir, List.of(), List.of(db, app), Map.of(), Map.of()));
        engine.up(s, UpOptions.defaults());
        assertTrue(listener.events.stream().anyMatch(e -> e.service().equals("db") && e.state() == ServiceState.HEALTHY
                && e.message().equals("healthy (check passed)")), listener.events.toString());
    }

    @Test
    void withoutTheProbeADependantWaitsForTheEnginesStatus() {
        String project = TestStacks.project("noprobe");
        ServiceSpec db = ServiceSpec.builder("db").image("debian:bookworm-slim").init(true).command("sleep", "infinity")
                .healthcheck(new HealthcheckSpec(List.of("CMD", "true"), Duration.ofMillis(500), Duration.ofSeconds(5), 3, null, false))
                .build();
        ServiceSpec app = ServiceSpec.builder("app").image("debian:bookworm-slim").init(true)
                .command("sleep", "infinity").dependsOn("db", DependencySpec.healthy()).build();
        StackSpec s = track(new StackSpec(project, dir, List.of(), List.of(db, app), Map.of(), Map.of()));
        engine.up(s, UpOptions.defaults().withHealthProbe(false));
        assertEquals("healthy", engine.ps(project).stream().filter(c -> c.service().equals("db")).findFirst()
                .orElseThrow().health(), "app started only after the engine reported db healthy");
        assertTrue(listener.events.stream().noneMatch(e -> e.message().contains("check passed")), listener.events.toString());
    }

    @Test
    void oneShotDependencyExitCodesAndAttachedLogs() {
        String project = TestStacks.project("jobs");
        ServiceSpec migrate = ServiceSpec.builder("migrate").image("debian:bookworm-slim")
                .command("sh", "-c", "echo migrated; exit 0").build();
        ServiceSpec job = ServiceSpec.builder("job").image("debian:bookworm-slim").init(true)
                .command("sh", "-c", "echo job-line-1; echo job-err >&2; sleep 0.3; exit 3")
                .dependsOn("migrate", DependencySpec.completed()).build();
        StackSpec s = track(new StackSpec(project, dir, List.of(), List.of(migrate, job), Map.of(), Map.of()));
        engine.up(s, UpOptions.defaults());
        assertTrue(listener.events.stream().anyMatch(e -> e.service().equals("migrate") && e.state() == ServiceState.EXITED),
                listener.events.toString());
        List<String> lines = new ArrayList<>();
        int code = engine.attach(s, List.of(), false, "job", (svc, c, err, text) -> {
            synchronized (lines) {
                lines.add(svc + (err ? "!" : "|") + text);
            }
        });
        assertEquals(3, code);
        assertTrue(lines.contains("job|job-line-1") && lines.contains("job!job-err") && lines.contains("migrate|migrated"),
                lines.toString());

        // a failing one-shot dependency stops up with an error naming it
        String p2 = TestStacks.project("jobfail");
        ServiceSpec bad = ServiceSpec.builder("migrate").image("debian:bookworm-slim")
                .command("sh", "-c", "echo cannot-migrate; exit 4").build();
        ServiceSpec after = ServiceSpec.builder("after").image("debian:bookworm-slim").command("true")
                .dependsOn("migrate", DependencySpec.completed()).build();
        StackSpec s2 = track(new StackSpec(p2, dir, List.of(), List.of(bad, after), Map.of(), Map.of()));
        EngineException e = assertThrows(EngineException.class, () -> engine.up(s2, UpOptions.defaults()));
        assertTrue(e.getMessage().contains("dependency migrate of after exited with code 4"), e.getMessage());
        assertTrue(e.details().contains("cannot-migrate"), e.details());
    }

    @Test
    void orphansAreReportedAndRemovedOnRequest() {
        String project = TestStacks.project("orphans");
        ServiceSpec a = ServiceSpec.builder("a").image("debian:bookworm-slim").command("sleep", "infinity").init(true).build();
        ServiceSpec b = ServiceSpec.builder("b").image("debian:bookworm-slim").command("sleep", "infinity").init(true).build();
        StackSpec both = track(new StackSpec(project, dir, List.of(), List.of(a, b), Map.of(), Map.of()));
        engine.up(both, UpOptions.defaults());
        StackSpec onlyA = new StackSpec(project, dir, List.of(), List.of(a), Map.of(), Map.of());
        Plan p = engine.up(onlyA, UpOptions.defaults());
        assertEquals(List.of("b"), p.orphans());
        assertEquals(2, engine.ps(project).size());
        engine.up(onlyA, UpOptions.defaults().withRemoveOrphans(true));
        assertEquals(List.of("a"), engine.ps(project).stream().map(ContainerStatus::service).toList());
        Function<String, Long> count = svc -> listener.events.stream()
                .filter(e -> e.service().equals(svc) && e.state() == ServiceState.ORPHAN).count();
        assertEquals(2L, count.apply("b"));
    }

    @Test
    void recreatingADependencyRestartsOnlyDependentsThatAskForIt() {
        String project = TestStacks.project("restart");
        Function<String, StackSpec> stackWith = value -> new StackSpec(project, dir, List.of(), List.of(
                ServiceSpec.builder("base").image("debian:bookworm-slim").command("sleep", "infinity").init(true)
                        .env("VALUE", value).build(),
                ServiceSpec.builder("follower").image("debian:bookworm-slim").command("sleep", "infinity").init(true)
                        .dependsOn("base", new DependencySpec(DependencySpec.STARTED, true, true)).build(),
                ServiceSpec.builder("bystander").image("debian:bookworm-slim").command("sleep", "infinity").init(true)
                        .dependsOn("base", DependencySpec.started()).build()), Map.of(), Map.of());
        StackSpec v1 = track(stackWith.apply("1"));
        engine.up(v1, UpOptions.defaults());
        Map<String, String> before = idsByService(project);
        String followerStart = client.docker().inspectContainerCmd(before.get("follower")).exec().getState().getStartedAt();
        String bystanderStart = client.docker().inspectContainerCmd(before.get("bystander")).exec().getState().getStartedAt();

        Plan p = engine.up(stackWith.apply("2"), UpOptions.defaults());
        assertEquals(Plan.Action.RECREATE, p.step("base").action());
        assertEquals(Plan.Action.RESTART, p.step("follower").action());
        assertEquals(Plan.Action.UNCHANGED, p.step("bystander").action());
        Map<String, String> after = idsByService(project);
        assertNotEquals(before.get("base"), after.get("base"));
        assertEquals(before.get("follower"), after.get("follower"), "restarted, not recreated");
        assertEquals(before.get("bystander"), after.get("bystander"));
        assertNotEquals(followerStart, client.docker().inspectContainerCmd(after.get("follower")).exec().getState().getStartedAt());
        assertEquals(bystanderStart, client.docker().inspectContainerCmd(after.get("bystander")).exec().getState().getStartedAt());
        assertTrue(engine.ps(project).stream().allMatch(c -> c.state().equals("running")));
    }

    @Test
    void buildHonoursDockerfileArgsTargetAndLabels() throws Exception {
        Path ctx = Files.createDirectories(dir.resolve("multi"));
        Files.writeString(ctx.resolve("build.Dockerfile"), String.join("\n",
                "FROM debian:bookworm-slim AS base",
                "ARG FLAVOUR=plain",
                "RUN echo \"flavour=$FLAVOUR\" > /flavour",
                "FROM base AS wanted",
                "RUN echo wanted > /stage",
                "FROM base AS last",
                "RUN echo last > /stage", ""));
        String project = TestStacks.project("buildopts");
        BuildSpec build = new BuildSpec(Path.of("multi"), "build.Dockerfile", Map.of("FLAVOUR", "spicy"), "wanted",
                Map.of("org.example.built-by", "devops-test"));
        ServiceSpec svc = ServiceSpec.builder("multi").build(build).init(true)
                .command("sh", "-c", "cat /flavour /stage; exec sleep infinity").build();
        StackSpec s = track(new StackSpec(project, dir, List.of(), List.of(svc), Map.of(), Map.of()));
        engine.up(s, UpOptions.defaults());
        var image = client.docker().inspectImageCmd(project + "-multi").exec();
        assertEquals("devops-test", image.getConfig().getLabels().get("org.example.built-by"));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 50 && lines.size() < 2; i++) {
            lines.clear();
            engine.logs(s, new LogOptions(List.of(), false, null, false), (svcName, c, err, text) -> {
                synchronized (lines) {
                    lines.add(text);
                }
            });
            Thread.sleep(100);
        }
        assertEquals(List.of("flavour=spicy", "wanted"), lines);
    }

    @Test
    void declaredNetworksCarryServiceNameContainerNameAndExtraAliases() {
        String project = TestStacks.project("nets");
        ServiceSpec web = ServiceSpec.builder("web").image("debian:bookworm-slim").command("sleep", "infinity").init(true)
                .network("front").network("back", "web-alias").build();
        ServiceSpec probe = ServiceSpec.builder("probe").image("debian:bookworm-slim").network("back")
                .command("sh", "-c", "getent hosts web && getent hosts web-alias && getent hosts " + project + "-web-1")
                .dependsOn("web", DependencySpec.started()).build();
        ServiceSpec outsider = ServiceSpec.builder("outsider").image("debian:bookworm-slim").network("front")
                .command("sh", "-c", "getent hosts web-alias").build();
        StackSpec s = track(new StackSpec(project, dir, List.of(), List.of(web, probe, outsider),
                Map.of("front", NetworkSpec.of("front"), "back", NetworkSpec.of("back")), Map.of()));
        engine.up(s, UpOptions.defaults());
        Map<String, ContainerStatus> byService = Map.of();
        for (int i = 0; i < 100; i++) {
            byService = engine.ps(project).stream().collect(Collectors.toMap(ContainerStatus::service, c -> c));
            if ("exited".equals(byService.get("probe").state()) && "exited".equals(byService.get("outsider").state())) {
                break;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        assertEquals(0, byService.get("probe").exitCode(), byService.toString());
        assertEquals(2, byService.get("outsider").exitCode(), "web-alias exists only on the back network");
        assertEquals("front", client.docker().inspectNetworkCmd().withNetworkId(project + "_front").exec()
                .getLabels().get(ComposeLabels.NETWORK));
    }
}
