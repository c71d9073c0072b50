package dev.devops.compose;

import dev.devops.compose.ComposeService.Dependency;
import dev.devops.core.UserError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which services to run and in what order: profile selection, the services they depend on, and the
 * dependency levels {@code up} starts one after the other (services within a level in parallel), as
 * docker compose v2 does.
 */
public final class StartOrder {
    private StartOrder() {
    }

    /**
     * The services enabled by {@code profiles}: those without profiles, plus those with one of the
     * active profiles. Named services ({@code up web}) are enabled whatever their profiles.
     */
    public static Set<String> active(ComposeProject project, Collection<String> profiles, Collection<String> named) {
        Set<String> out = new LinkedHashSet<>();
        for (ComposeService s : project.services().values()) {
            if (s.profiles().isEmpty() || s.profiles().stream().anyMatch(profiles::contains) || named.contains(s.name())) {
                out.add(s.name());
            }
        }
        return out;
    }

    /**
     * The selected services plus everything they depend on, grouped in start levels: level 0 has no
     * dependencies, level n depends only on lower levels. Optional dependencies ({@code required: false})
     * on services that do not exist are skipped.
     *
     * @throws UserError naming the depends_on entry when the dependencies form a cycle or name an
     *                   unknown service
     */
    public static List<List<String>> levels(ComposeProject project, Collection<String> selected) {
        Map<String, ComposeService> all = project.services();
        Set<String> closure = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(selected);
        while (!todo.isEmpty()) {
            String name = todo.remove(todo.size() - 1);
            ComposeService s = all.get(name);
            if (s == null || !closure.add(name)) {
                continue;
            }
            for (Dependency d : s.dependsOn().values()) {
                if (!all.containsKey(d.service())) {
                    if (d.required()) {
                        throw new UserError(d.at(), "service '" + name + "' depends on '" + d.service()
                                + "', which is not defined", "fix the name, or add required: false");
                    }
                    continue;
                }
                todo.add(d.service());
            }
        }
        Map<String, Integer> level = new LinkedHashMap<>();
        for (String name : closure) {
            levelOf(name, all, level, new ArrayList<>());
        }
        List<List<String>> out = new ArrayList<>();
        for (String name : closure) {
            int l = level.get(name);
            while (out.size() <= l) {
                out.add(new ArrayList<>());
            }
            out.get(l).add(name);
        }
        return out;
    }

    /** The first dependency cycle as service names (first repeated at the end), or an empty list. */
    public static List<String> cycle(ComposeProject project) {
        try {
            Map<String, Integer> level = new LinkedHashMap<>();
            for (String name : project.services().keySet()) {
                levelOf(name, project.services(), level, new ArrayList<>());
            }
            return List.of();
        } catch (CycleError e) {
            return e.path;
        }
    }

    private static final class CycleError extends UserError {
        private static final long serialVersionUID = 1L;
        private final transient List<String> path;

        CycleError(ComposeService.Dependency at, List<String> path) {
            super(at.at(), "depends_on forms a cycle: " + String.join(" -> ", path),
                    "remove one of these depends_on entries");
            this.path = List.copyOf(path);
        }
    }

    private static int levelOf(String name, Map<String, ComposeService> all, Map<String, Integer> level,
            List<String> stack) {
        Integer known = level.get(name);
        if (known != null) {
            return known;
        }
        stack.add(name);
        int l = 0;
        for (Dependency d : all.get(name).dependsOn().values()) {
            if (!all.containsKey(d.service())) {
                continue;
            }
            int at = stack.indexOf(d.service());
            if (at >= 0) {
                List<String> path = new ArrayList<>(stack.subList(at, stack.size()));
                path.add(d.service());
                throw new CycleError(d, path);
            }
            l = Math.max(l, levelOf(d.service(), all, level, stack) + 1);
        }
        stack.remove(stack.size() - 1);
        level.put(name, l);
        return l;
    }
}
