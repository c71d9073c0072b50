package dev.devops.compose;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Start levels and cycles of a dependency graph (service → the services it depends on), the one
 * definition that lint (DC cycles) and {@code up} (start order) share. Level 0 depends on nothing; level n
 * only on lower levels. Edges to names outside the graph are ignored.
 */
public final class DependencyOrder {
    private DependencyOrder() {
    }

    /** The first cycle in graph order as names (the first repeated at the end), or an empty list. */
    public static List<String> cycle(Map<String, ? extends Collection<String>> deps) {
        Map<String, Integer> level = new LinkedHashMap<>();
        for (String name : deps.keySet()) {
            List<String> found = depth(name, deps, level, new ArrayList<>());
            if (found != null) {
                return found;
            }
        }
        return List.of();
    }

    /**
     * The level of every service, in graph order.
     *
     * @throws IllegalArgumentException when the graph has a cycle (check {@link #cycle} first)
     */
    public static Map<String, Integer> levels(Map<String, ? extends Collection<String>> deps) {
        Map<String, Integer> level = new LinkedHashMap<>();
        for (String name : deps.keySet()) {
            List<String> found = depth(name, deps, level, new ArrayList<>());
            if (found != null) {
                throw new IllegalArgumentException("dependency cycle: " + String.join(" -> ", found));
            }
        }
        Map<String, Integer> ordered = new LinkedHashMap<>();
        deps.keySet().forEach(n -> ordered.put(n, level.get(n)));
        return ordered;
    }

    /** Computes the level of {@code name} into {@code level}; returns the cycle met on the way, or null. */
    private static List<String> depth(String name, Map<String, ? extends Collection<String>> deps,
            Map<String, Integer> level, List<String> stack) {
        if (level.containsKey(name)) {
            return null;
        }
        stack.add(name);
        int l = 0;
        for (String d : deps.get(name)) {
            if (!deps.containsKey(d)) {
                continue;
            }
            int at = stack.indexOf(d);
            if (at >= 0) {
                List<String> path = new ArrayList<>(stack.subList(at, stack.size()));
                path.add(d);
                return path;
            }
            List<String> found = depth(d, deps, level, stack);
            if (found != null) {
                return found;
            }
            l = Math.max(l, level.get(d) + 1);
        }
        stack.remove(stack.size() - 1);
        level.put(name, l);
        return null;
    }
}
