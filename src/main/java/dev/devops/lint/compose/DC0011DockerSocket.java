package dev.devops.lint.compose;

import static dev.devops.lint.Severity.WARNING;

/** DC0011: Docker socket mounted into a container. */
final class DC0011DockerSocket {
    private DC0011DockerSocket() {
    }

    static final ComposeRule RULE = ComposeRule.of("DC0011", WARNING, "Docker socket mounted into a container",
            "Whoever can talk to /var/run/docker.sock controls the Docker daemon and so the host (start a "
                    + "privileged container mounting /). Only mount it into trusted tools that need it "
                    + "(reverse proxies, CI runners), read-only, or use a socket proxy that allows only the "
                    + "API calls needed.",
            DC0011DockerSocket::dockerSocket);

    private static void dockerSocket(ComposeScope s, ComposeRule.Reporter o) {
        s.each(svc -> svc.volumes().forEach(m -> {
            String src = m.source() == null ? "" : m.source();
            if (m.isBind() && (src.endsWith("/docker.sock") || src.equals("/var/run/docker.sock") || src.endsWith("docker_engine"))) {
                o.report(m.at(), "service '" + svc.name() + "' mounts the Docker socket " + src + " (control of the host)",
                        "remove it, or use a socket proxy that allows only the API calls the tool needs");
            }
        }));
    }
}
