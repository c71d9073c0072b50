package dev.devops.lint.compose;

import static dev.devops.lint.Severity.ERROR;
import static dev.devops.lint.Severity.WARNING;

import dev.devops.compose.ComposeService.EnvEntry;
import dev.devops.lint.Severity;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** DC0004: Database allows an empty password or no authentication. */
final class DC0004EmptyPassword {
    private DC0004EmptyPassword() {
    }

    static final ComposeRule RULE = ComposeRule.of("DC0004", ERROR, "Database allows an empty password or no authentication",
            "MYSQL_ALLOW_EMPTY_PASSWORD=yes, an empty MYSQL_ROOT_PASSWORD, POSTGRES_HOST_AUTH_METHOD=trust or "
                    + "ALLOW_EMPTY_PASSWORD=yes start a database anyone who reaches the port can use as root. "
                    + "Set a password from a variable (MYSQL_ROOT_PASSWORD: ${MYSQL_ROOT_PASSWORD:?}). An error "
                    + "when the service publishes a port beyond loopback (or uses the host network), a warning "
                    + "when only the stack and the developer's machine reach it.",
            DC0004EmptyPassword::emptyPassword);

    private static boolean truthy(String v) {
        return v != null && Set.of("yes", "true", "1", "y", "on").contains(v.strip().toLowerCase(Locale.ROOT));
    }

    private static void emptyPassword(ComposeScope s, ComposeRule.Reporter o) {
        s.each(svc -> {
            Map<String, EnvEntry> env = svc.environment();
            for (EnvEntry e : env.values()) {
                String n = e.name();
                String why = null;
                if ((n.equals("MYSQL_ALLOW_EMPTY_PASSWORD") || n.equals("MARIADB_ALLOW_EMPTY_ROOT_PASSWORD")
                        || n.equals("ALLOW_EMPTY_PASSWORD")) && truthy(e.value())) {
                    why = n + "=" + e.value() + " lets anyone log in as root without a password";
                } else if (n.equals("POSTGRES_HOST_AUTH_METHOD") && "trust".equalsIgnoreCase(String.valueOf(e.value()))) {
                    why = "POSTGRES_HOST_AUTH_METHOD=trust accepts every connection without a password";
                } else if ((n.equals("MYSQL_ROOT_PASSWORD") || n.equals("MARIADB_ROOT_PASSWORD") || n.equals("POSTGRES_PASSWORD")
                        || n.equals("MONGO_INITDB_ROOT_PASSWORD")) && e.value() != null && e.value().isEmpty() && !e.interpolated()) {
                    why = n + " is set to an empty string";
                }
                if (why != null) {
                    // reachable from other hosts (a port on a non-loopback address): an error; otherwise only the stack's
                    // own containers and the developer's machine reach it: a development setup, a warning
                    boolean exposed = svc.ports().stream().anyMatch(p -> p.published() != null && !isLoopback(p.hostIp()))
                            || "host".equals(svc.networkMode());
                    o.report(e.at(), exposed ? Severity.ERROR : Severity.WARNING, "service '" + svc.name() + "': " + why
                                    + (exposed ? "" : " (its ports are published on loopback only, or not at all)"),
                            "set a password from a variable: ${" + (n.contains("ALLOW") || n.contains("METHOD")
                                    ? "DB_PASSWORD" : n) + ":?set it in .env}");
                }
            }
        });
    }

    private static boolean isLoopback(String hostIp) {
        return hostIp != null && (hostIp.startsWith("127.") || hostIp.equals("::1") || hostIp.equals("[::1]")
                || hostIp.equalsIgnoreCase("localhost"));
    }
}
