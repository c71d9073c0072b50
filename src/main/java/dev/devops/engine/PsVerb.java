package dev.devops.engine;

import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;

/** {@code ps}: the project's containers from one listing call (label filter), no inspect. */
final class PsVerb extends StackVerb {
    PsVerb(EngineClient client, EngineListener listener, ExecutorService pool) {
        super(client, listener, pool);
    }

    /** The project's containers (one-off containers excluded), sorted by service and number. */
    List<ContainerStatus> ps(String project) {
        List<ContainerStatus> out = new ArrayList<>();
        for (Container c : projectContainers(project)) {
            List<String> ports = new ArrayList<>();
            if (c.getPorts() != null) {
                for (ContainerPort p : c.getPorts()) {
                    if (p.getPublicPort() != null) {
                        ports.add((p.getIp() == null ? "" : p.getIp() + ":") + p.getPublicPort() + "->"
                                + p.getPrivatePort() + "/" + p.getType());
                    } else if (p.getPrivatePort() != null) {
                        ports.add(p.getPrivatePort() + "/" + p.getType());
                    }
                }
            }
            ports = ports.stream().distinct().sorted().toList();
            String status = c.getStatus() == null ? "" : c.getStatus();
            String health = status.contains("(healthy)") ? "healthy" : status.contains("(unhealthy)") ? "unhealthy"
                    : status.contains("health: starting") ? "starting" : "";
            Integer exit = null;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Exited \\((-?\\d+)\\)").matcher(status);
            if (m.find()) {
                exit = Integer.parseInt(m.group(1));
            }
            out.add(new ContainerStatus(c.getId(), name(c), c.getLabels().getOrDefault(ComposeLabels.SERVICE, ""),
                    number(c), c.getState(), status, health, exit, ports, c.getImage(),
                    c.getLabels().getOrDefault(ComposeLabels.CONFIG_HASH, ""),
                    c.getLabels().get(dev.devops.release.ArtifactLabels.VERSION)));
        }
        out.sort(Comparator.comparing(ContainerStatus::service).thenComparingInt(ContainerStatus::number));
        return out;
    }
}
