package dev.devops.engine;

import java.util.List;

/**
 * What {@code up} will do, per service, decided by comparing config hashes with the running
 * containers' {@code com.docker.compose.config-hash} labels.
 *
 * @param steps   one step per selected service, in dependency order
 * @param orphans containers of the project whose service is no longer in the stack
 */
public record Plan(List<Step> steps, List<String> orphans) {
    /** The action for one service. */
    public enum Action {
        /** No container yet. */
        CREATE,
        /** Its configuration or image changed: replace the container(s). */
        RECREATE,
        /** Up to date but not running. */
        START,
        /** Up to date and running, but a dependency it restarts with is recreated. */
        RESTART,
        /** Up to date and running. */
        UNCHANGED
    }

    /**
     * @param service    the service
     * @param action     what happens to it
     * @param hash       the desired config hash
     * @param reason     why (for humans)
     * @param containers the recreate decision ({@link Recreate#decide}) for each existing container, by container id
     */
    public record Step(String service, Action action, String hash, String reason, java.util.Map<String, Recreate> containers) {
        public Step {
            containers = java.util.Map.copyOf(containers);
        }

        public Step(String service, Action action, String hash, String reason) {
            this(service, action, hash, reason, java.util.Map.of());
        }

        /** The recreate decision for one existing container of this service ({@link Recreate#NO} when none was made). */
        public Recreate recreate(String containerId) {
            return containers.getOrDefault(containerId, Recreate.NO);
        }
    }

    public Plan {
        steps = List.copyOf(steps);
        orphans = List.copyOf(orphans);
    }

    /** True when nothing needs creating, recreating, starting or restarting. */
    public boolean upToDate() {
        return steps.stream().allMatch(s -> s.action() == Action.UNCHANGED);
    }

    public Step step(String service) {
        return steps.stream().filter(s -> s.service().equals(service)).findFirst().orElse(null);
    }
}
