package dev.devops.lint.compose;

import static dev.devops.lint.Severity.INFO;

import dev.devops.compose.ComposeService.Dependency;
import java.util.HashSet;
import java.util.Set;

/** DC0020: No restart policy on a long-running service. */
final class DC0020NoRestart {
    private DC0020NoRestart() {
    }

    static final ComposeRule RULE = ComposeRule.of("DC0020", INFO, "No restart policy on a long-running service",
            "Without restart:, a service that crashes (or a host that reboots) stays down. Add restart: "
                    + "unless-stopped (or on-failure) to long-running services. One-shot services (ones "
                    + "others wait for with service_completed_successfully) and profile-only tools are skipped.",
            DC0020NoRestart::missingRestart);

    private static void missingRestart(ComposeScope s, ComposeRule.Reporter o) {
        Set<String> oneShot = new HashSet<>();
        s.each(svc -> svc.dependsOn().values().forEach(d -> {
            if (Dependency.COMPLETED.equals(d.condition())) {
                oneShot.add(d.service());
            }
        }));
        s.each(svc -> {
            boolean deployRestart = svc.deploy() instanceof dev.devops.compose.RawNode.Mapping d && d.has("restart_policy");
            if (svc.restart() == null && !deployRestart && !oneShot.contains(svc.name()) && svc.profiles().isEmpty()) {
                o.report(svc.at(), "service '" + svc.name() + "' has no restart policy: it stays down after a crash or reboot",
                        "add restart: unless-stopped");
            }
        });
    }
}
