package dev.devops.lint.compose;

import static dev.devops.lint.Severity.WARNING;

/** DC0005: Database or cache port published on all interfaces. */
final class DC0005DataPortPublic {
    private DC0005DataPortPublic() {
    }

    static final ComposeRule RULE = ComposeRule.of("DC0005", WARNING, "Database or cache port published on all interfaces",
            "\"5432:5432\" publishes the database on every network interface of the host, so anyone on the "
                    + "same network (and Docker bypasses host firewalls such as ufw) can try its password. "
                    + "Other services reach it by service name without any ports: entry; for access from the "
                    + "host, bind to loopback: \"127.0.0.1:5432:5432\".",
            DC0005DataPortPublic::dataPortPublic);

    private static void dataPortPublic(ComposeScope s, ComposeRule.Reporter o) {
        s.each(svc -> svc.ports().forEach(p -> {
            if (p.allInterfaces() && ComposeScope.isDataPort(svc, p)) {
                o.report(p.at(), "service '" + svc.name() + "' publishes " + p.published() + "->" + p.target()
                        + " on all interfaces", "bind to loopback (\"127.0.0.1:" + p.published() + ":" + p.target()
                        + "\") or drop the ports entry; other services use the service name");
            }
        }));
    }
}
