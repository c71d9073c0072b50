package dev.devops.compose;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which services to run: profile selection, and the dependency cycle lint reports. The start levels {@code up}
 * uses come from the same {@link DependencyOrder}.
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

    /** The first dependency cycle as service names (first repeated at the end), or an empty list. */
    public static List<String> cycle(ComposeProject project) {
        Map<String, List<String>> deps = new LinkedHashMap<>();
        project.services().forEach((name, s) -> deps.put(name,
                s.dependsOn().values().stream().map(ComposeService.Dependency::service).toList()));
        return DependencyOrder.cycle(deps);
    }
}
