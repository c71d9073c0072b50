package dev.devops.engine;

import dev.devops.compose.DependencyOrder;
import dev.devops.core.UserError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code depends_on} graph of a stack, sorted into levels: every service's dependencies are in
 * earlier levels, so a level can be started in parallel once the previous ones are ready.
 */
public final class DependencyGraph {
    private final Map<String, Set<String>> deps = new LinkedHashMap<>();

    private DependencyGraph() {
    }

    /**
     * Builds the graph; a cycle or a required dependency on an unknown service is a {@link UserError}
     * naming it.
     */
    public static DependencyGraph of(StackSpec stack) {
        DependencyGraph g = new DependencyGraph();
        for (ServiceSpec s : stack.services()) {
            Set<String> d = new LinkedHashSet<>();
            s.dependsOn().forEach((name, spec) -> {
                if (stack.service(name).isPresent()) {
                    d.add(name);
                } else if (spec.required()) {
                    throw new UserError(null, "service '" + s.name() + "' depends on undefined service '" + name + "'",
                            "define service '" + name + "' or remove it from depends_on");
                }
            });
            g.deps.put(s.name(), d);
        }
        g.checkCycles();
        return g;
    }

    public Set<String> dependencies(String service) {
        return deps.getOrDefault(service, Set.of());
    }

    /** Services that depend on {@code service} directly. */
    public List<String> dependents(String service) {
        List<String> out = new ArrayList<>();
        deps.forEach((s, d) -> {
            if (d.contains(service)) {
                out.add(s);
            }
        });
        return out;
    }

    /** {@code services} plus everything they depend on, transitively, in file order. */
    public Set<String> withDependencies(Collection<String> services) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(services);
        while (!todo.isEmpty()) {
            String s = todo.remove(todo.size() - 1);
            if (!deps.containsKey(s)) {
                throw new UserError(null, "no such service: " + s, "services are: " + String.join(", ", deps.keySet()));
            }
            if (seen.add(s)) {
                todo.addAll(deps.get(s));
            }
        }
        Set<String> ordered = new LinkedHashSet<>();
        for (String s : deps.keySet()) {
            if (seen.contains(s)) {
                ordered.add(s);
            }
        }
        return ordered;
    }

    /** Levels in start order, restricted to {@code only}; each level keeps file order. */
    public List<List<String>> levels(Set<String> only) {
        List<List<String>> out = new ArrayList<>();
        DependencyOrder.levels(deps).forEach((s, l) -> {
            if (only.contains(s)) {
                while (out.size() <= l) {
                    out.add(new ArrayList<>());
                }
                out.get(l).add(s);
            }
        });
        out.removeIf(List::isEmpty);
        return out;
    }

    public List<List<String>> levels() {
        return levels(deps.keySet());
    }

    private void checkCycles() {
        List<String> cycle = DependencyOrder.cycle(deps);
        if (!cycle.isEmpty()) {
            throw new UserError(null, "dependency cycle between services: " + String.join(" -> ", cycle),
                    "remove one of these depends_on entries");
        }
    }
}
