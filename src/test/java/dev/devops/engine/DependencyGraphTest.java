package dev.devops.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.core.UserError;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {
    static ServiceSpec svc(String name, String... deps) {
        ServiceSpec.Builder b = ServiceSpec.builder(name).image("redis:7");
        for (String d : deps) {
            b.dependsOn(d, DependencySpec.started());
        }
        return b.build();
    }

    static StackSpec stack(ServiceSpec... s) {
        return new StackSpec("p", null, List.of(), List.of(s), Map.of(), Map.of());
    }

    @Test
    void levelsPutDependenciesFirstAndKeepFileOrder() {
        DependencyGraph g = DependencyGraph.of(stack(svc("web", "api"), svc("api", "db", "cache"), svc("db"),
                svc("cache"), svc("worker", "db")));
        assertEquals(List.of(List.of("db", "cache"), List.of("api", "worker"), List.of("web")), g.levels());
        assertEquals(Set.of("api", "db", "cache"), g.withDependencies(List.of("api")));
        assertEquals(List.of("api", "worker"), g.dependents("db"));
    }

    @Test
    void cycleIsAUserErrorNamingIt() {
        UserError e = assertThrows(UserError.class,
                () -> DependencyGraph.of(stack(svc("a", "b"), svc("b", "c"), svc("c", "a"), svc("d"))));
        assertTrue(e.oneLine().contains("dependency cycle between services: a -> b -> c -> a"), e.oneLine());
        UserError self = assertThrows(UserError.class, () -> DependencyGraph.of(stack(svc("a", "a"))));
        assertTrue(self.oneLine().contains("a -> a"), self.oneLine());
    }

    @Test
    void unknownRequiredDependencyIsAUserErrorAndOptionalIsIgnored() {
        UserError e = assertThrows(UserError.class, () -> DependencyGraph.of(stack(svc("a", "ghost"))));
        assertTrue(e.oneLine().contains("undefined service 'ghost'"), e.oneLine());
        ServiceSpec opt = ServiceSpec.builder("a").image("x").dependsOn("ghost", new DependencySpec(null, false, false)).build();
        assertEquals(List.of(List.of("a")), DependencyGraph.of(stack(opt)).levels());
    }

    @Test
    void invalidNamesAndConditionsAreUserErrors() {
        assertThrows(UserError.class, () -> new StackSpec("Bad Name", null, List.of(), List.of(), Map.of(), Map.of()));
        assertThrows(UserError.class, () -> new DependencySpec("service_ready", true, false));
        assertThrows(UserError.class, () -> stack(svc("a"), svc("a")));
    }
}
