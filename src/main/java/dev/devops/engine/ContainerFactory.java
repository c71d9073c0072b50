package dev.devops.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import dev.devops.core.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a {@link ServiceSpec} into an engine container: compose's labels (so compose sees it), the
 * service and container names as DNS aliases on every network, ports, mounts, healthcheck, init,
 * restart policy, stop signal and timeout.
 */
final class ContainerFactory {
    private ContainerFactory() {
    }

    /** Creates container {@code number} of {@code s} (not started) and connects its extra networks; returns its id. */
    static String create(DockerClient docker, EngineListener listener, StackSpec stack, ServiceSpec s, int number,
            String hash, String imageId) {
        String name = StackVerb.containerName(stack, s, number);
        listener.event(new ServiceEvent(s.name(), name, ServiceState.CREATING, ""));
        CreateContainerCmd cmd = configure(docker.createContainerCmd(s.imageRef(stack.project())), stack, s, number, hash, imageId);
        String id;
        try {
            id = cmd.exec().getId();
        } catch (DockerException e) {
            throw DockerCalls.fail("create container " + name, e);
        }
        List<Map.Entry<String, List<String>>> nets = new ArrayList<>(s.networkAliases().entrySet());
        for (int i = 1; i < nets.size(); i++) {
            String net = stack.networkName(nets.get(i).getKey());
            List<String> more = new ArrayList<>(List.of(s.name(), name));
            more.addAll(nets.get(i).getValue());
            DockerCalls.call("connect " + name + " to " + net, () -> {
                docker.connectToNetworkCmd().withContainerId(id).withNetworkId(net)
                        .withContainerNetwork(new ContainerNetwork().withAliases(more)).exec();
                return null;
            });
        }
        return id;
    }

    /**
     * Builds the JSON writer of a container-create request on {@code mapper} (the client's), from a representative
     * service (ports, a volume, a healthcheck, a restart policy): Jackson's first serialization of the request and
     * its host configuration costs ~40 ms of CPU, which the first {@code create} of an {@code up} would otherwise
     * spend on its critical path. Run on the engine warm-up thread. A failure is only a lost head start.
     */
    static void warm(com.fasterxml.jackson.databind.ObjectMapper mapper) {
        try {
            ServiceSpec s = ServiceSpec.builder("warm").image("warm").command("true").env("WARM", "1").init(true)
                    .restart("always").port(PortSpec.local(1, 1)).mount(MountSpec.volume("warm", "/warm"))
                    .healthcheck(HealthcheckSpec.shell("true", java.time.Duration.ofSeconds(1), 1)).build();
            StackSpec stack = new StackSpec("warm", Path.of("/"), List.of(), List.of(s), Map.of(),
                    Map.of("warm", VolumeSpec.of("warm")));
            mapper.writeValueAsBytes(configure(new com.github.dockerjava.core.command.CreateContainerCmdImpl(c -> null, null, "warm"),
                    stack, s, 1, "", ""));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            // only a head start
        }
    }

    /** {@code cmd} with everything of {@code s} as its container {@code number}: labels, host config, env, healthcheck, … */
    private static CreateContainerCmd configure(CreateContainerCmd cmd, StackSpec stack, ServiceSpec s, int number,
            String hash, String imageId) {
        String name = StackVerb.containerName(stack, s, number);
        Map<String, String> labels = new LinkedHashMap<>(s.labels());
        labels.put(ComposeLabels.PROJECT, stack.project());
        labels.put(ComposeLabels.SERVICE, s.name());
        labels.put(ComposeLabels.NUMBER, Integer.toString(number));
        labels.put(ComposeLabels.ONEOFF, "False");
        labels.put(ComposeLabels.CONFIG_HASH, hash);
        labels.put(ComposeLabels.WORKING_DIR, stack.workingDir().toString());
        labels.put(ComposeLabels.CONFIG_FILES, stack.configFiles().stream().map(Path::toString)
                .collect(Collectors.joining(",")));
        labels.put(ComposeLabels.VERSION, ComposeLabels.COMPOSE_VERSION);
        labels.put(ComposeLabels.DEPENDS_ON, s.dependsOn().entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue().condition() + ":" + e.getValue().restart())
                .collect(Collectors.joining(",")));
        labels.put(ComposeLabels.IMAGE, imageId == null ? "" : imageId);

        List<Map.Entry<String, List<String>>> nets = new ArrayList<>(s.networkAliases().entrySet());
        String primary = stack.networkName(nets.get(0).getKey());
        HostConfig host = HostConfig.newHostConfig().withNetworkMode(primary).withInit(s.init() ? Boolean.TRUE : null);
        if (s.restart() != null && !s.restart().isBlank()) {
            try {
                host.withRestartPolicy(RestartPolicy.parse(s.restart()));
            } catch (IllegalArgumentException e) {
                throw new UserError(null, "service " + s.name() + ": invalid restart policy '" + s.restart() + "'",
                        "use no, always, unless-stopped or on-failure[:N]");
            }
        }
        List<ExposedPort> exposed = new ArrayList<>();
        if (!s.ports().isEmpty()) {
            Ports bindings = new Ports();
            for (PortSpec p : s.ports()) {
                ExposedPort ep = new ExposedPort(p.containerPort(), InternetProtocol.parse(p.protocol()));
                exposed.add(ep);
                String ip = p.hostIp() == null ? "" : p.hostIp();
                bindings.bind(ep, p.hostPort() == null ? Ports.Binding.bindIp(ip) : Ports.Binding.bindIpAndPort(ip, p.hostPort()));
            }
            host.withPortBindings(bindings);
        }
        List<Mount> mounts = new ArrayList<>();
        for (MountSpec m : s.mounts()) {
            Mount mount = new Mount().withTarget(m.target()).withReadOnly(m.readOnly());
            switch (m.type()) {
                case BIND -> {
                    Path src = stack.workingDir().resolve(m.source()).normalize();
                    if (!Files.exists(src)) {
                        try {
                            Files.createDirectories(src);
                        } catch (IOException e) {
                            throw new EngineException("service " + s.name() + ": cannot create bind source " + src + ": " + e.getMessage(), e);
                        }
                    }
                    mount.withType(MountType.BIND).withSource(src.toString());
                }
                case VOLUME -> {
                    mount.withType(MountType.VOLUME);
                    if (m.source() != null) {
                        mount.withSource(stack.volumeName(m.source()));
                    }
                }
                case TMPFS -> mount.withType(MountType.TMPFS);
                default -> throw new IllegalStateException(m.type().toString());
            }
            mounts.add(mount);
        }
        if (!mounts.isEmpty()) {
            host.withMounts(mounts);
        }
        List<String> aliases = new ArrayList<>();
        aliases.add(s.name());
        aliases.add(name);
        aliases.addAll(nets.get(0).getValue());
        cmd.withName(name)
                .withLabels(labels)
                .withHostConfig(host)
                .withAliases(aliases)
                .withEnv(s.environment().entrySet().stream()
                        .map(e -> e.getValue() == null ? e.getKey() : e.getKey() + "=" + e.getValue()).toList());
        if (!exposed.isEmpty()) {
            cmd.withExposedPorts(exposed);
        }
        if (s.command() != null) {
            cmd.withCmd(s.command());
        }
        if (s.entrypoint() != null) {
            cmd.withEntrypoint(s.entrypoint());
        }
        if (s.user() != null) {
            cmd.withUser(s.user());
        }
        if (s.workingDir() != null) {
            cmd.withWorkingDir(s.workingDir());
        }
        if (s.stopSignal() != null) {
            cmd.withStopSignal(s.stopSignal());
        }
        if (s.stopGracePeriod() != null) {
            cmd.withStopTimeout((int) Math.max(0, s.stopGracePeriod().toSeconds()));
        }
        if (s.healthcheck() != null) {
            cmd.withHealthcheck(healthcheck(s.healthcheck()));
        }
        return cmd;
    }

    private static HealthCheck healthcheck(HealthcheckSpec h) {
        HealthCheck hc = new HealthCheck();
        if (h.disabled()) {
            return hc.withTest(List.of("NONE"));
        }
        if (!h.test().isEmpty()) {
            hc.withTest(h.test());
        }
        if (h.interval() != null) {
            hc.withInterval(h.interval().toNanos());
        }
        if (h.timeout() != null) {
            hc.withTimeout(h.timeout().toNanos());
        }
        if (h.retries() != null) {
            hc.withRetries(h.retries());
        }
        if (h.startPeriod() != null) {
            hc.withStartPeriod(h.startPeriod().toNanos());
        }
        return hc;
    }
}
