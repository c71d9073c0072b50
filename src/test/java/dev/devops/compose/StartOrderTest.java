package dev.devops.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartOrderTest {
    @TempDir
    Path dir;

    private ComposeProject load(String... lines) throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), String.join("\n", lines) + "\n");
        return ComposeLoader.load(new ComposeLoader.Options(List.of(), dir, null, List.of(), Map.of(), false));
    }

    @Test
    void levelsFollowDependencies() throws IOException {
        ComposeProject p = load("services:",
                "  app: {image: a:1, depends_on: {db: {condition: service_healthy}, cache: {condition: service_started}}}",
                "  worker: {image: w:1, depends_on: [db]}",
                "  db: {image: postgres:16}",
                "  cache: {image: redis:7}",
                "  debug: {image: d:1, profiles: [debug], depends_on: {ghost: {condition: service_started, required: false}}}");
        Set<String> active = StartOrder.active(p, List.of(), List.of());
        assertEquals(Set.of("app", "worker", "db", "cache"), active);
        assertTrue(StartOrder.active(p, List.of("debug"), List.of()).contains("debug"));
        assertTrue(StartOrder.active(p, List.of(), List.of("debug")).contains("debug"));
        assertEquals(Map.of("app", 1, "worker", 1, "db", 0, "cache", 0, "debug", 0), levels(p));
        assertTrue(StartOrder.cycle(p).isEmpty());
    }

    @Test
    void cyclesAreFound() throws IOException {
        ComposeProject p = load("services:", "  a: {image: a:1, depends_on: [b]}", "  b: {image: b:1, depends_on: [a]}");
        assertEquals(List.of("a", "b", "a"), StartOrder.cycle(p));
        assertThrows(IllegalArgumentException.class, () -> levels(p));
        ComposeProject q = load("services:", "  a: {image: a:1, depends_on: [nope]}");
        assertTrue(StartOrder.cycle(q).isEmpty(), "an unknown dependency is no cycle");
    }

    private static Map<String, Integer> levels(ComposeProject p) {
        Map<String, List<String>> deps = new java.util.LinkedHashMap<>();
        p.services().forEach((n, s) -> deps.put(n, s.dependsOn().values().stream().map(ComposeService.Dependency::service).toList()));
        return DependencyOrder.levels(deps);
    }
}
