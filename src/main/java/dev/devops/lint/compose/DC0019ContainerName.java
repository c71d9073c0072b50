package dev.devops.lint.compose;

import static dev.devops.lint.Severity.INFO;

/** DC0019: container_name set. */
final class DC0019ContainerName {
    private DC0019ContainerName() {
    }

    static final ComposeRule RULE = ComposeRule.of("DC0019", INFO, "container_name set",
            "A fixed container_name prevents scaling (--scale) and clashes when two checkouts of the project "
                    + "run on one machine. Remove it; compose names containers <project>-<service>-<n> and "
                    + "services find each other by service name.",
            (s, o) -> s.each(svc -> {
                if (svc.containerName() != null) {
                    o.report(svc.locate("container_name"), "service '" + svc.name() + "' has a fixed container_name",
                            "remove container_name; use the service name to reach it");
                }
            }));
}
