package dev.devops.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.core.UserError;
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
        List<List<String>> levels = StartOrder.levels(p, active);
        assertEquals(2, levels.size());
        assertEquals(Set.of("db", "cache"), Set.copyOf(levels.get(0)));
        assertEquals(Set.of("app", "worker"), Set.copyOf(levels.get(1)));
        assertEquals(2, StartOrder.levels(p, List.of("app")).size(), "only app and what it needs");
        assertEquals(Set.of("db", "cache"), Set.copyOf(StartOrder.levels(p, List.of("app")).get(0)));
        assertEquals(List.of(List.of("debug")), StartOrder.levels(p, List.of("debug")), "optional missing dependency skipped");
        assertTrue(StartOrder.cycle(p).isEmpty());
    }

    @Test
    void cyclesAndUnknownServicesAreErrors() throws IOException {
        ComposeProject p = load("services:", "  a: {image: a:1, depends_on: [b]}", "  b: {image: b:1, depends_on: [a]}");
        assertEquals(List.of("a", "b", "a"), StartOrder.cycle(p));
        UserError e = assertThrows(UserError.class, () -> StartOrder.levels(p, List.of("a")));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
        ComposeProject q = load("services:", "  a: {image: a:1, depends_on: [nope]}");
        assertThrows(UserError.class, () -> StartOrder.levels(q, List.of("a")));
    }
}
