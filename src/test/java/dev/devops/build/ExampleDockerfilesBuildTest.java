package dev.devops.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import dev.devops.scaffold.GeneratedFiles;
import dev.devops.testsupport.Docker;
import dev.devops.testsupport.DockerTest;
import dev.devops.testsupport.ImageChecks;
import java.io.IOException;
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
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Builds the real, committed Dockerfile of every example app ({@code examples/<name>/Dockerfile}) and
 * of the build-test fixtures ({@code src/test/resources/docker-fixtures/<name>/}) offline, with the
 * classic builder, no network and no pull, as {@code devops-test/<name>:latest}. Each image must run as
 * a non-root user and have a CMD or ENTRYPOINT.
 *
 * <p>Then the apps are RUN (published on 127.0.0.1 only) with their backing services pointing at a closed
 * port wherever the app connects lazily, and must answer {@code GET /health} with 200 and {@code ok}:
 * <ul>
 *   <li>go-redis: {@code REDIS_ADDR} points at a closed port; the app only dials Redis on {@code /}.
 *   <li>python-flask: {@code SECRET_KEY} set, {@code DATABASE_URL} points at a closed port; psycopg2
 *       connects only on {@code /}.
 *   <li>node-express: it connects to Redis before it listens, so a {@code redis:7} container runs beside
 *       it on a private network; {@code DATABASE_URL} points at a closed port (pg connects lazily).
 *   <li>java-spring: datasource and RabbitMQ settings point at a closed port (Hikari and the Rabbit
 *       connection factory connect lazily); {@code GET /actuator/health/liveness} must say {@code UP}
 *       (the liveness group does not include the db and rabbit indicators).
 *   <li>the go-hello fixture; go-cmd (main package in cmd/server) and java-modules (a Maven multi-module
 *       build whose jar comes from api/), whose Dockerfiles are the ones devops renders; node-workspace (an npm
 *       workspace package that imports a local package, built from the workspace root where the lockfile is).
 * </ul>
 * Once the app answers, the image's own HEALTHCHECK (the probe devops renders for the runtime image: node -e,
 * python -c, bash over /dev/tcp in the JRE, a static probe binary in Go's scratch image) must exist and pass when
 * run inside the container as its user, exactly as the engine runs it.
 * An app without an entry in {@link #RUN_CHECKS} is built only.
 *
 * <p>At least four examples are required ({@code -Ddevops.examples.min=N} lowers that, e.g. to run the
 * fixture alone on a branch without examples).
 */
@Isolated("Docker tests run alone: one engine, and their timeouts assume an idle machine")
@DockerTest
class ExampleDockerfilesBuildTest {

    @AfterAll
    static void pruneDanglingTestImages() {
        Docker.pruneTestImages();
    }

    /** A backing container started beside the app on a private network, reachable as {@code alias}. */
    record Sidecar(String image, String alias) {
    }

    /** How to start one app, and the path that must answer 200 with a body containing {@code expect}. */
    record RunCheck(Map<String, String> env, List<Sidecar> sidecars, int defaultPort, String path, String expect) {
        RunCheck(Map<String, String> env, List<Sidecar> sidecars, int defaultPort) {
            this(env, sidecars, defaultPort, "/health", "ok");
        }
    }

    private static final String NOWHERE_PG = "postgresql://devops:" + "unused" + "@127.0.0.1:9/none"; // port 9: nothing answers

    static final Map<String, RunCheck> RUN_CHECKS = Map.of(
            "go-redis", new RunCheck(Map.of("REDIS_ADDR", "127.0.0.1:9"), List.of(), 8080),
            "python-flask", new RunCheck(
                    Map.of("SECRET_KEY", UUID.randomUUID().toString(), "DATABASE_URL", NOWHERE_PG), List.of(), 8000),
            "node-express", new RunCheck(
                    Map.of("REDIS_URL", "redis://redis:6379", "DATABASE_URL", NOWHERE_PG),
                    List.of(new Sidecar("redis:7", "redis")), 3000),
            "java-spring", new RunCheck(Map.of(
                    "SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:9/none",
                    "SPRING_DATASOURCE_USERNAME", "devops", "SPRING_DATASOURCE_PASSWORD", UUID.randomUUID().toString(),
                    "SPRING_RABBITMQ_HOST", "127.0.0.1",
                    "SPRING_RABBITMQ_USERNAME", "devops", "SPRING_RABBITMQ_PASSWORD", UUID.randomUUID().toString()),
                    List.of(), 8080, "/actuator/health/liveness", "UP"),
            "go-hello", new RunCheck(Map.of(), List.of(), 8080),
            "go-cmd", new RunCheck(Map.of(), List.of(), 8080),
            "java-modules", new RunCheck(Map.of(), List.of(), 8080, "/actuator/health", "UP"),
            "node-workspace", new RunCheck(Map.of(), List.of(), 3000, "/health", "ok web"));

    /** Generous: Spring Boot alone takes 10-40 s to start on two busy cores. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    static Path projectDir() {
        return Path.of(System.getProperty("devops.project.dir", System.getProperty("user.dir")));
    }

    /** The example apps that have a Dockerfile. */
    static List<Path> examples() throws IOException {
        return dirsWithDockerfile(projectDir().resolve("examples"));
    }

    static List<Path> fixtures() throws IOException {
        return dirsWithDockerfile(projectDir().resolve("src/test/resources/docker-fixtures"));
    }

    private static List<Path> dirsWithDockerfile(Path parent) throws IOException {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(parent)) {
            return s.filter(d -> Files.isRegularFile(d.resolve(dockerfileOf(d)))).sorted().toList();
        }
    }

    private static final Pattern COMPOSE_DOCKERFILE = Pattern.compile("(?m)^\\s+dockerfile:\\s*\"?([^\"\\s]+)");

    /**
     * The Dockerfile of a project, relative to it (the build context): "Dockerfile", or the one its rendered compose
     * file names when the app is built from a workspace root (apps/web/Dockerfile).
     */
    static String dockerfileOf(Path dir) {
        Path compose = dir.resolve("docker-compose.yml");
        if (!Files.isRegularFile(dir.resolve("Dockerfile")) && Files.isRegularFile(compose)) {
            try {
                Matcher m = COMPOSE_DOCKERFILE.matcher(Files.readString(compose));
                if (m.find()) {
                    return m.group(1);
                }
            } catch (IOException unreadable) {
                return "Dockerfile";
            }
        }
        return "Dockerfile";
    }

    @Test
    void atLeastFourExamplesHaveADockerfile() throws IOException {
        int min = Integer.getInteger("devops.examples.min", 4);
        List<Path> found = examples();
        assertTrue(found.size() >= min, "expected at least " + min + " examples/*/Dockerfile, found "
                + found.size() + " " + found + " (-Ddevops.examples.min=N lowers the bar)");
    }

    @TestFactory
    Stream<DynamicTest> buildsOfflineAndRuns() throws IOException {
        List<Path> apps = new ArrayList<>(examples());
        apps.addAll(fixtures());
        return apps.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> buildAndRun(dir)));
    }

    private static void buildAndRun(Path dir) throws Exception {
        String name = dir.getFileName().toString();
        String dockerfile = dockerfileOf(dir);
        ImageChecks.requireBaseImages(dir.resolve(dockerfile));
        String tag = "devops-test/" + name + ":latest";
        Docker.BuildResult build = Docker.buildOffline(dir, dockerfile, tag);
        if (build.imageId().isEmpty()) {
            fail("offline build of " + dir + "/" + dockerfile + " failed: " + build.error().orElse("?")
                    + "\n--- last lines of the build output ---\n" + build.tail(40));
        }
        ImageChecks.assertRunnableAsNonRoot(tag);
        RunCheck check = RUN_CHECKS.get(name);
        if (check != null) {
            runAndProbe(name, tag, check);
        }
    }

    private static void runAndProbe(String name, String image, RunCheck check) throws Exception {
        DockerClient docker = Docker.client();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> labels = Map.of(Docker.TEST_LABEL, "run");
        List<String> containers = new ArrayList<>();
        String network = null;
        try {
            String netMode = "bridge";
            if (!check.sidecars().isEmpty()) {
                netMode = "devops-test-" + name + "-" + suffix;
                network = docker.createNetworkCmd().withName(netMode).withDriver("bridge").withLabels(labels).exec().getId();
                for (Sidecar s : check.sidecars()) {
                    String id = docker.createContainerCmd(s.image()).withName(netMode + "-" + s.alias())
                            .withLabels(labels).withAliases(s.alias())
                            .withHostConfig(HostConfig.newHostConfig().withNetworkMode(netMode)).exec().getId();
                    containers.add(id);
                    docker.startContainerCmd(id).exec();
                }
            }
            int port = appPort(image, check.defaultPort());
            ExposedPort exposed = ExposedPort.tcp(port);
            Ports ports = new Ports();
            ports.bind(exposed, Ports.Binding.bindIp("127.0.0.1"));
            List<String> env = check.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
            String app = docker.createContainerCmd(image).withName("devops-test-" + name + "-app-" + suffix)
                    .withEnv(env).withLabels(labels).withExposedPorts(exposed)
                    .withHostConfig(HostConfig.newHostConfig().withNetworkMode(netMode).withPortBindings(ports).withInit(true))
                    .exec().getId();
            containers.add(app);
            docker.startContainerCmd(app).exec();
            String hostPort = docker.inspectContainerCmd(app).exec().getNetworkSettings().getPorts()
                    .getBindings().get(exposed)[0].getHostPortSpec();
            HttpResponse<String> response = awaitAnswer(app, URI.create("http://127.0.0.1:" + hostPort + check.path()));
            assertEquals(200, response.statusCode(), name + ": GET " + check.path() + "\n" + Docker.logs(app));
            assertTrue(response.body().contains(check.expect()),
                    name + ": GET " + check.path() + " answered '" + response.body() + "', expected '" + check.expect() + "'");
            Path project = projectDirOf(name);
            if (GeneratedFiles.hasNotice(Files.readString(project.resolve(dockerfileOf(project))))) {
                assertHealthcheckAgreesWithTheApp(name, image, app, hostPort);
            }
        } finally {
            for (String id : containers) {
                Docker.removeContainer(id);
            }
            if (network != null) {
                Docker.removeNetwork(network);
            }
        }
    }

    private static final Pattern PROBED_PATH = Pattern.compile("http://127\\.0\\.0\\.1:\\d+(/[^'\" ]*)|GET (/\\S*) HTTP");

    /**
     * A Dockerfile devops generated has a HEALTHCHECK, and its test runs inside the running container (as the
     * engine runs it: the CMD argv, as the image's user) and agrees with the app: it passes when the app answers
     * the probed path below 400 from outside (or, for a TCP check, always: the app is listening), and fails with
     * exit 1, not "command not found", when the app reports itself unhealthy (java-spring's /actuator/health
     * is DOWN here because its database points at a closed port).
     */
    private static void assertHealthcheckAgreesWithTheApp(String name, String image, String container, String hostPort)
            throws Exception {
        HealthCheck hc = Docker.inspect(image).getConfig().getHealthcheck();
        List<String> test = hc == null ? null : hc.getTest();
        assertTrue(test != null && test.size() > 1 && !"NONE".equals(test.get(0)), name + ": the image has no HEALTHCHECK");
        List<String> argv = new ArrayList<>();
        if ("CMD-SHELL".equals(test.get(0))) {
            argv.addAll(List.of("/bin/sh", "-c"));
        }
        argv.addAll(test.subList(1, test.size()));
        DockerClient docker = Docker.client();
        String exec = docker.execCreateCmd(container).withCmd(argv.toArray(String[]::new))
                .withAttachStdout(true).withAttachStderr(true).exec().getId();
        StringBuilder out = new StringBuilder();
        docker.execStartCmd(exec).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame f) {
                out.append(new String(f.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }).awaitCompletion(30, TimeUnit.SECONDS);
        Long code = docker.inspectExecCmd(exec).exec().getExitCodeLong();
        long expected = 0;
        Matcher m = PROBED_PATH.matcher(String.join(" ", argv));
        if (m.find()) {
            String path = m.group(1) != null ? m.group(1) : m.group(2);
            int status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hostPort + path))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            expected = status < 400 ? 0 : 1;
        }
        assertEquals(expected, code, name + ": the HEALTHCHECK " + argv + " in the running container: " + out);
    }

    private static Path projectDirOf(String name) throws IOException {
        for (Path p : examples()) {
            if (p.getFileName().toString().equals(name)) {
                return p;
            }
        }
        return fixtures().stream().filter(p -> p.getFileName().toString().equals(name)).findFirst().orElseThrow();
    }

    /** The port the app listens on: the image's single EXPOSE, else the default for the stack. */
    private static int appPort(String image, int fallback) {
        ExposedPort[] exposed = Docker.inspect(image).getConfig().getExposedPorts();
        if (exposed != null && exposed.length == 1) {
            return exposed[0].getPort();
        }
        return fallback;
    }

    /** Polls until the app answers (any HTTP status); fails early when its container exits. */
    private static HttpResponse<String> awaitAnswer(String container, URI uri) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            InspectContainerResponse.ContainerState state = Docker.client().inspectContainerCmd(container).exec().getState();
            if (!Boolean.TRUE.equals(state.getRunning())) {
                fail("the app exited with code " + state.getExitCodeLong() + " before answering " + uri
                        + "\n--- its output ---\n" + Docker.logs(container));
            }
            try {
                return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                last = e;
                Thread.sleep(250);
            }
        }
        return fail("no answer from " + uri + " within " + START_TIMEOUT.toSeconds() + " s (" + last + ")"
                + "\n--- the app's output ---\n" + Docker.logs(container));
    }
}
