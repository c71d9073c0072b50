package dev.devops.lint.compose;

import static dev.devops.lint.Severity.WARNING;

import java.util.Locale;
import java.util.Set;

/** DC0021: Powerful capability added. */
final class DC0021PowerfulCapability {
    private DC0021PowerfulCapability() {
    }

    static final ComposeRule RULE = ComposeRule.of("DC0021", WARNING, "Powerful capability added",
            "cap_add: ALL, SYS_ADMIN, SYS_MODULE, SYS_PTRACE or DAC_READ_SEARCH give the container near-root "
                    + "power over the host kernel. Add only the narrow capability the service needs (for "
                    + "example NET_BIND_SERVICE).",
            (s, o) -> s.each(svc -> svc.capAdd().forEach(c -> {
                String cap = c.value().toUpperCase(Locale.ROOT).replaceFirst("^CAP_", "");
                if (Set.of("ALL", "SYS_ADMIN", "SYS_MODULE", "SYS_PTRACE", "DAC_READ_SEARCH").contains(cap)) {
                    o.report(c.at(), "service '" + svc.name() + "' adds capability " + cap,
                            "add only the narrow capability it needs");
                }
            })));
}
