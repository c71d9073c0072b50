package dev.devops.lint.compose;

import static dev.devops.lint.Severity.WARNING;

/** DC0012: network_mode: host. */
final class DC0012HostNetwork {
    private DC0012HostNetwork() {
    }

    static final ComposeRule RULE = ComposeRule.of("DC0012", WARNING, "network_mode: host",
            "With the host network the container shares the host's interfaces and ports: no isolation, "
                    + "no service-name DNS, and port conflicts with the host. Use the default network and "
                    + "ports: unless the service truly needs the host stack.",
            (s, o) -> s.each(svc -> {
                if ("host".equals(svc.networkMode())) {
                    o.report(svc.locate("network_mode"), "service '" + svc.name() + "' uses the host network",
                            "remove network_mode: host and publish the ports it needs");
                }
            }));
}
