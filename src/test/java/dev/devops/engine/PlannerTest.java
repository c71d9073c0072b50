package dev.devops.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Container;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Planning without Docker: containers as the engine's list API describes them. */
class PlannerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Container container(String service, String state, String hash, String image) throws Exception {
        Map<String, Object> c = Map.of("Id", service + "-id", "Names", List.of("/p-" + service + "-1"), "State", state,
                "Labels", Map.of(ComposeLabels.PROJECT, "p", ComposeLabels.SERVICE, service, ComposeLabels.NUMBER, "1",
                        ComposeLabels.CONFIG_HASH, hash, ComposeLabels.IMAGE, image));
        return JSON.readValue(JSON.writeValueAsString(c), Container.class);
    }

    private static Plan plan(StackSpec stack, List<Container> existing, boolean force) {
        Map<String, String> ids = Map.of("db", "sha256:db", "api", "sha256:api", "web", "sha256:web");
        return Planner.plan(stack, DependencyGraph.of(stack), new LinkedHashSet<>(List.of("db", "api", "web")),
                existing, ids, force);
    }

    private static StackSpec stack(String dbEnv) {
        return new StackSpec("p", null, List.of(), List.of(
                ServiceSpec.builder("db").image("postgres:15").env("X", dbEnv).build(),
                ServiceSpec.builder("api").image("api").dependsOn("db", new DependencySpec(DependencySpec.HEALTHY, true, true)).build(),
                ServiceSpec.builder("web").image("web").dependsOn("api", DependencySpec.started()).build()), Map.of(), Map.of());
    }

    private static String hash(StackSpec s, String svc, String image) {
        return ConfigHash.of(s.service(svc).orElseThrow(), image);
    }

    @Test
    void freshStackCreatesEverything() {
        Plan p = plan(stack("1"), List.of(), false);
        assertTrue(p.steps().stream().allMatch(st -> st.action() == Plan.Action.CREATE));
        assertEquals(List.of("db", "api", "web"), p.steps().stream().map(Plan.Step::service).toList());
        assertFalse(p.upToDate());
    }

    @Test
    void runningMatchingContainersAreUpToDateAndStoppedOnesAreStarted() throws Exception {
        StackSpec s = stack("1");
        List<Container> running = List.of(container("db", "running", hash(s, "db", "sha256:db"), "sha256:db"),
                container("api", "running", hash(s, "api", "sha256:api"), "sha256:api"),
                container("web", "exited", hash(s, "web", "sha256:web"), "sha256:web"));
        Plan p = plan(s, running, false);
        assertEquals(Plan.Action.UNCHANGED, p.step("db").action());
        assertEquals(Plan.Action.START, p.step("web").action());
        assertEquals(Plan.Action.RECREATE, plan(s, running, true).step("db").action(), "--force-recreate");
    }

    @Test
    void changedConfigRecreatesThatServiceAndRestartsOnlyDependentsAskingForIt() throws Exception {
        StackSpec old = stack("1");
        StackSpec now = stack("2");
        List<Container> running = List.of(container("db", "running", hash(old, "db", "sha256:db"), "sha256:db"),
                container("api", "running", hash(old, "api", "sha256:api"), "sha256:api"),
                container("web", "running", hash(old, "web", "sha256:web"), "sha256:web"),
                container("gone", "running", "x", "y"));
        Plan p = plan(now, running, false);
        assertEquals(Plan.Action.RECREATE, p.step("db").action());
        assertEquals("configuration changed", p.step("db").reason());
        assertEquals(Plan.Action.RESTART, p.step("api").action(), "api depends on db with restart: true");
        assertEquals(Plan.Action.UNCHANGED, p.step("web").action());
        assertEquals(List.of("gone"), p.orphans());
    }

    @Test
    void newImageRecreatesWithTheReason() throws Exception {
        StackSpec s = stack("1");
        List<Container> running = List.of(container("db", "running", hash(s, "db", "sha256:old"), "sha256:old"));
        Plan.Step st = plan(s, running, false).step("db");
        assertEquals(Plan.Action.RECREATE, st.action());
        assertEquals("image changed", st.reason());
    }
}
