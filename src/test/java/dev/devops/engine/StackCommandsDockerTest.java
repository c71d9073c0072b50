package dev.devops.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devops.cli.DownCommand;
import dev.devops.cli.LogsCommand;
import dev.devops.cli.CommandTree;
import dev.devops.cli.PsCommand;
import dev.devops.cli.UpCommand;
import dev.devops.testsupport.DockerTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import picocli.CommandLine;

/** The up/down/ps/logs commands through Main's exit-code mapping, with a test stack source. */
@Isolated("Docker tests run alone: one engine, and their timeouts assume an idle machine")
class StackCommandsDockerTest {
    @TempDir
    Path dir;

    private StackSpec stack;
    private final PrintStream realOut = System.out;
    private final PrintStream realErr = System.err;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private StackSpec stack(String project, ServiceSpec... services) {
        stack = new StackSpec(project, dir, List.of(), List.of(services), Map.of(), Map.of());
        return stack;
    }

    @AfterEach
    void tearDown() {
        System.setOut(realOut);
        System.setErr(realErr);
        if (stack != null) {
            try (EngineClient c = EngineClient.fromEnvironment(); StackEngine e = new StackEngine(c, null)) {
                e.down(stack, new DownOptions(true, null, 1));
            } catch (EngineException ignored) {
                // no engine: nothing was created
            }
        }
    }

    /** Runs {@code args} through Main's command line (its exit-code mapping) with {@code command} in place of the registered one. */
    private int run(Object command, Supplier<StackSource> src, String... args) {
        out.reset();
        err.reset();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            CommandLine cl = CommandTree.commandLine();
            String name = new CommandLine(command).getCommandName();
            cl.getCommandSpec().removeSubcommand(name); // replace the registered command by one with a test source
            cl.addSubcommand(command);
            return cl.execute(args);
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
        }
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noEngineExitsThreeWithTheHint() {
        StackSpec s = stack("dvt-noengine", ServiceSpec.builder("web").image("debian:bookworm-slim").build());
        stack = null;
        Supplier<StackSource> src = () -> r -> s;
        Supplier<EngineClient> none = () -> EngineClient.forHost("unix://" + dir.resolve("missing.sock"));
        int rc = run(new PsCommand(src, none), src, "ps");
        assertEquals(3, rc);
        String msg = err.toString();
        assertTrue(msg.startsWith("devops: no Docker engine at unix://"), msg);
        assertTrue(msg.contains("start dockerd") && msg.contains("DOCKER_HOST"), msg);
        assertEquals(1, msg.lines().count(), msg);
        assertEquals(3, run(new UpCommand(src, none), src, "up", "-d"));
    }

    @Test
    @DockerTest
    void upPsLogsDownThroughTheCommandLine() throws Exception {
        String project = TestStacks.project("cli");
        StackSpec s = stack(project,
                ServiceSpec.builder("web").image("debian:bookworm-slim").init(true)
                        .command("sh", "-c", "echo web-says-hello; exec sleep infinity").build(),
                ServiceSpec.builder("database").image("redis:7")
                        .healthcheck(HealthcheckSpec.shell("redis-cli ping", java.time.Duration.ofMillis(300), 30)).build());
        Supplier<StackSource> src = () -> r -> s;
        Supplier<EngineClient> env = EngineClient::fromEnvironment;

        assertEquals(0, run(new UpCommand(src, env), src, "up", "--wait", "--wait-timeout", "60"), err.toString());
        assertTrue(err.toString().contains(project + " is up"), err.toString());
        // progress: plain lines on a non-terminal, one per event, container name then state
        assertTrue(err.toString().lines().anyMatch(l -> l.matches(project + "-database-1\\s+healthy")), err.toString());
        assertTrue(err.toString().lines().anyMatch(l -> l.matches(project + "-web-1\\s+creating")), err.toString());
        assertEquals(0, run(new UpCommand(src, env), src, "up", "-d"));
        assertTrue(err.toString().contains("is up to date"), err.toString());

        assertEquals(0, run(new PsCommand(src, env), src, "ps"));
        List<String> table = stdout().lines().toList();
        assertTrue(table.get(0).matches("NAME\\s+SERVICE\\s+STATUS\\s+PORTS"), table.toString());
        assertTrue(table.get(1).startsWith(project + "-database-1") && table.get(1).contains("(healthy)"), table.toString());
        assertTrue(table.get(2).startsWith(project + "-web-1") && table.get(2).contains("Up"), table.toString());

        assertEquals(0, run(new PsCommand(src, env), src, "ps", "--format", "json"));
        JsonNode json = new ObjectMapper().readTree(stdout());
        assertEquals(2, json.size());
        assertEquals("database", json.get(0).get("Service").asText());
        assertEquals("healthy", json.get(0).get("Health").asText());
        assertEquals("running", json.get(1).get("State").asText());

        assertEquals(0, run(new LogsCommand(src, env), src, "logs", "--tail", "10", "web"));
        assertTrue(stdout().lines().anyMatch(l -> l.equals("web-1  | web-says-hello")), stdout());
        assertEquals(0, run(new LogsCommand(src, env), src, "logs"));
        assertTrue(stdout().lines().anyMatch(l -> l.equals("web-1       | web-says-hello")),
                "prefixes aligned to database-1: " + stdout());

        assertEquals(0, run(new LogsCommand(src, env), src, "logs", "-t", "web"));
        assertTrue(stdout().lines().anyMatch(l -> l.matches("web-1  \\| 20\\d\\d-\\d\\d-\\d\\dT\\S+ web-says-hello")), stdout());
        assertEquals(2, run(new LogsCommand(src, env), src, "logs", "--tail", "x"));
        assertEquals(0, run(new DownCommand(src, env), src, "down", "--volumes"));
        assertEquals(0, run(new PsCommand(src, env), src, "ps", "--format", "json"));
        assertEquals("[ ]", stdout().strip());
    }

    @Test
    @DockerTest
    void attachedUpReturnsTheExitCodeOfTheNamedService() {
        String project = TestStacks.project("attach");
        StackSpec s = stack(project,
                ServiceSpec.builder("server").image("debian:bookworm-slim").init(true).command("sleep", "infinity").build(),
                ServiceSpec.builder("tests").image("debian:bookworm-slim").init(true)
                        .command("sh", "-c", "sleep 0.5; echo all-tests-ran; exit 5")
                        .dependsOn("server", DependencySpec.started()).build());
        Supplier<StackSource> src = () -> r -> s;
        long t0 = System.nanoTime();
        assertEquals(5, run(new UpCommand(src, EngineClient::fromEnvironment), src, "up", "--exit-code-from", "tests"),
                err.toString());
        assertTrue(stdout().lines().anyMatch(l -> l.equals("tests-1   | all-tests-ran")), stdout());
        assertTrue(System.nanoTime() - t0 < 20_000_000_000L, "the server was stopped quickly (init: true)");
        try (EngineClient c = EngineClient.fromEnvironment(); StackEngine e = new StackEngine(c, null)) {
            assertTrue(e.ps(project).stream().noneMatch(x -> x.state().equals("running")), "the stack was stopped");
        }
    }
}
