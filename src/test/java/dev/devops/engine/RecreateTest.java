package dev.devops.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Container;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The named per-container recreate decision (compose's mustRecreate), queried without an engine. */
class RecreateTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, String> labels(String hash, String image) {
        return Map.of(ComposeLabels.CONFIG_HASH, hash, ComposeLabels.IMAGE, image);
    }

    @Test
    void decisionPerCause() {
        assertEquals(Recreate.NO, Recreate.decide(labels("h1", "sha256:a"), "h1", "sha256:a", false));
        assertEquals(Recreate.FORCED, Recreate.decide(labels("h1", "sha256:a"), "h1", "sha256:a", true));
        assertEquals(Recreate.IMAGE_CHANGED, Recreate.decide(labels("h1", "sha256:a"), "h2", "sha256:b", false));
        assertEquals(Recreate.CONFIG_CHANGED, Recreate.decide(labels("h1", "sha256:a"), "h2", "sha256:a", false));
        // a container another tool made (no labels of ours) is replaced, named by its image
        assertEquals(Recreate.IMAGE_CHANGED, Recreate.decide(Map.of(), "h1", "sha256:a", false));
        assertEquals(Recreate.CONFIG_CHANGED, Recreate.decide(Map.of(ComposeLabels.IMAGE, ""), "h1", null, false));
    }

    private static Container container(String id, int number, String hash, String image) throws Exception {
        Map<String, Object> c = Map.of("Id", id, "Names", List.of("/p-web-" + number), "State", "running",
                "Labels", Map.of(ComposeLabels.PROJECT, "p", ComposeLabels.SERVICE, "web",
                        ComposeLabels.NUMBER, String.valueOf(number), ComposeLabels.CONFIG_HASH, hash, ComposeLabels.IMAGE, image));
        return JSON.readValue(JSON.writeValueAsString(c), Container.class);
    }

    @Test
    void thePlanNamesEachContainersDecisionAndOnlyStaleOnesAreReplaced() throws Exception {
        StackSpec stack = new StackSpec("p", null, List.of(), List.of(
                ServiceSpec.builder("web").image("web").scale(2).build()), Map.of(), Map.of());
        String hash = ConfigHash.of(stack.service("web").orElseThrow(), "sha256:web");
        List<Container> existing = List.of(container("id-1", 1, hash, "sha256:web"),
                container("id-2", 2, "stale", "sha256:web"));
        Plan plan = Planner.plan(stack, DependencyGraph.of(stack), new LinkedHashSet<>(List.of("web")), existing,
                Map.of("web", "sha256:web"), false);
        Plan.Step step = plan.step("web");
        assertEquals(Plan.Action.RECREATE, step.action());
        assertEquals("configuration changed", step.reason());
        assertEquals(Recreate.NO, step.recreate("id-1"));
        assertEquals(Recreate.CONFIG_CHANGED, step.recreate("id-2"));

        Plan rebuilt = Planner.plan(stack, DependencyGraph.of(stack), new LinkedHashSet<>(List.of("web")), existing,
                Map.of("web", "sha256:new"), false);
        assertEquals(Recreate.IMAGE_CHANGED, rebuilt.step("web").recreate("id-1"));
        assertEquals("image changed", rebuilt.step("web").reason());

        Plan forced = Planner.plan(stack, DependencyGraph.of(stack), new LinkedHashSet<>(List.of("web")), existing,
                Map.of("web", "sha256:web"), true);
        assertEquals(Recreate.FORCED, forced.step("web").recreate("id-1"));
        assertEquals("--force-recreate", forced.step("web").reason());
    }
}
