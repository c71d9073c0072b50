package dev.devops.lint.compose;

import static dev.devops.lint.Severity.WARNING;

import dev.devops.compose.ComposeService.Mount;
import java.util.List;
import java.util.Set;

/** DC0024: Sensitive host path bind-mounted. */
final class DC0024SensitiveBind {
    private DC0024SensitiveBind() {
    }

    static final ComposeRule RULE = ComposeRule.of("DC0024", WARNING, "Sensitive host path bind-mounted",
            "Binding /, /etc, /root, /proc, /sys, /var/lib/docker or similar into a container exposes the "
                    + "host's configuration and secrets, and, if writable, the host itself. Mount only the "
                    + "specific file or directory the service needs, read-only.",
            DC0024SensitiveBind::sensitiveBind);

    private static final Set<String> SENSITIVE = Set.of("/", "/etc", "/root", "/home", "/proc", "/sys", "/boot", "/dev",
            "/usr", "/var", "/var/run", "/run", "/var/lib/docker", "/var/log", "/lib", "/bin", "/sbin");
    private static final List<String> SENSITIVE_PREFIXES = List.of("/root/", "/proc/", "/sys/", "/boot/",
            "/var/lib/docker/", "/etc/ssh", "/etc/shadow", "/etc/sudoers", "/etc/kubernetes", "/home/");

    private static void sensitiveBind(ComposeScope s, ComposeRule.Reporter o) {
        s.each(svc -> svc.volumes().forEach(m -> {
            if (!m.isBind() || m.written() == null || !m.written().startsWith("/")) {
                return;
            }
            String src = m.source().length() > 1 ? m.source().replaceAll("/+$", "") : m.source();
            if (src.endsWith("docker.sock")) {
                return; // DC0011
            }
            if (SENSITIVE.contains(src) || SENSITIVE_PREFIXES.stream().anyMatch(src::startsWith)) {
                o.report(m.at(), "service '" + svc.name() + "' bind-mounts the host path " + src
                        + (m.readOnly() ? " (read-only)" : " read-write"), "mount only the specific file or directory it needs, read-only");
            }
        }));
    }
}
