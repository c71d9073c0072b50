package dev.devops.engine;

import com.github.dockerjava.api.model.Container;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where {@code up} decides what to do with each service: every existing container gets its named
 * {@link Recreate} decision (config hash and image id against its labels, or --force-recreate), as docker
 * compose's convergence does; a service with a container to recreate is RECREATE (exactly those containers are
 * replaced), else scale, stopped containers and dependencies decide. Dependents of a recreated service are left
 * alone unless their {@code depends_on} entry says {@code restart: true}, then they are restarted.
 */
final class Planner {
    private Planner() {
    }

    /**
     * @param existing the project's containers (one-offs excluded)
     * @param imageIds image id per selected service
     * @param force    recreate everything that exists (--force-recreate)
     */
    static Plan plan(StackSpec stack, DependencyGraph graph, Set<String> selected, List<Container> existing,
            Map<String, String> imageIds, boolean force) {
        Map<String, List<Container>> byService = StackVerb.groupByService(existing);
        Map<String, Plan.Step> steps = new LinkedHashMap<>();
        for (List<String> level : graph.levels(selected)) {
            for (String name : level) {
                ServiceSpec s = stack.service(name).orElseThrow();
                String hash = ConfigHash.of(s, imageIds.get(name));
                List<Container> cs = byService.getOrDefault(name, List.of());
                Map<String, Recreate> decisions = new LinkedHashMap<>();
                for (Container c : cs) {
                    decisions.put(c.getId(), Recreate.decide(c.getLabels(), hash, imageIds.get(name), force));
                }
                Plan.Step step;
                if (cs.isEmpty()) {
                    step = new Plan.Step(name, s.scale() == 0 ? Plan.Action.UNCHANGED : Plan.Action.CREATE, hash,
                            "no container");
                } else if (decisions.values().stream().anyMatch(Recreate::recreate)) {
                    Recreate why = decisions.values().stream().filter(Recreate::recreate)
                            .min(java.util.Comparator.naturalOrder()).orElseThrow();
                    step = new Plan.Step(name, Plan.Action.RECREATE, hash, why.reason(), decisions);
                } else if (cs.size() != s.scale()) {
                    step = new Plan.Step(name, cs.size() < s.scale() ? Plan.Action.CREATE : Plan.Action.START, hash,
                            "scale " + cs.size() + " -> " + s.scale(), decisions);
                } else if (cs.stream().anyMatch(c -> !"running".equals(c.getState()))
                        && !isOneShot(stack, name)) {
                    step = new Plan.Step(name, Plan.Action.START, hash, "not running", decisions);
                } else {
                    step = new Plan.Step(name, Plan.Action.UNCHANGED, hash, "up to date", decisions);
                    for (Map.Entry<String, DependencySpec> d : s.dependsOn().entrySet()) {
                        Plan.Step ds = steps.get(d.getKey());
                        if (d.getValue().restart() && ds != null
                                && (ds.action() == Plan.Action.RECREATE || ds.action() == Plan.Action.CREATE)) {
                            step = new Plan.Step(name, Plan.Action.RESTART, hash, "dependency " + d.getKey() + " recreated", decisions);
                        }
                    }
                }
                steps.put(name, step);
            }
        }
        Set<String> defined = stack.services().stream().map(ServiceSpec::name).collect(Collectors.toSet());
        List<String> orphans = existing.stream().map(c -> c.getLabels().get(ComposeLabels.SERVICE))
                .filter(svc -> svc != null && !defined.contains(svc)).distinct().sorted().toList();
        return new Plan(new ArrayList<>(steps.values()), orphans);
    }

    /** A service that others wait on with service_completed_successfully: exiting is its job. */
    static boolean isOneShot(StackSpec stack, String name) {
        return stack.services().stream().anyMatch(s -> {
            DependencySpec d = s.dependsOn().get(name);
            return d != null && DependencySpec.COMPLETED.equals(d.condition());
        });
    }

}
