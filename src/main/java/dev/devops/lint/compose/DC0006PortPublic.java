package dev.devops.lint.compose;

import static dev.devops.lint.Severity.INFO;

import dev.devops.compose.ComposeService.Port;

/** DC0006: Port published on all interfaces. */
final class DC0006PortPublic {
    private DC0006PortPublic() {
    }

    static final ComposeRule RULE = ComposeRule.of("DC0006", INFO, "Port published on all interfaces",
            "A ports: entry without a host address listens on every interface of the host, not only "
                    + "localhost, and Docker's iptables rules bypass host firewalls. For local development "
                    + "write \"127.0.0.1:8080:8080\".",
            DC0006PortPublic::anyPortPublic);

    private static void anyPortPublic(ComposeScope s, ComposeRule.Reporter o) {
        s.each(svc -> svc.ports().forEach(p -> {
            if (p.allInterfaces() && !ComposeScope.isDataPort(svc, p)) {
                o.report(p.at(), "service '" + svc.name() + "' publishes port " + p.published() + " on all interfaces",
                        "write \"127.0.0.1:" + p.published() + ":" + p.target() + "\" to listen on localhost only");
            }
        }));
    }
}
