package dev.devops.lint.compose;

import static dev.devops.lint.Severity.WARNING;

import java.util.LinkedHashMap;
import java.util.Map;

/** DC0022: Host PID, IPC or UTS namespace shared. */
final class DC0022HostNamespace {
    private DC0022HostNamespace() {
    }

    static final ComposeRule RULE = ComposeRule.of("DC0022", WARNING, "Host PID, IPC or UTS namespace shared",
            "pid: host lets the container see and signal every process of the host; ipc: host shares its "
                    + "shared memory; uts: host its hostname. Remove them unless the service is a host "
                    + "monitoring tool.",
            DC0022HostNamespace::hostNamespaces);

    private static void hostNamespaces(ComposeScope s, ComposeRule.Reporter o) {
        s.each(svc -> {
            Map<String, String> ns = new LinkedHashMap<>();
            ns.put("pid", svc.pid());
            ns.put("ipc", svc.ipc());
            ns.put("uts", svc.other().get("uts") instanceof dev.devops.compose.RawNode.Scalar u ? u.value() : null);
            ns.put("userns_mode", svc.other().get("userns_mode") instanceof dev.devops.compose.RawNode.Scalar u ? u.value() : null);
            ns.forEach((k, v) -> {
                if ("host".equals(v)) {
                    o.report(svc.locate(k), "service '" + svc.name() + "' shares the host's " + k + " namespace",
                            "remove " + k + ": host");
                }
            });
        });
    }
}
