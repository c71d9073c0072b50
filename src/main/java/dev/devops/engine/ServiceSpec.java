package dev.devops.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One resolved service (compose's {@code services.<name>}). Null means "not set" (the image's
 * default) for command, entrypoint, user, workingDir, restart, stopSignal and stopGracePeriod.
 *
 * @param name            the service name
 * @param image           the image to run; with {@code build}, the tag to give the built image (null:
 *                        {@code <project>-<service>})
 * @param build           how to build the image, or null
 * @param command         overrides the image's CMD
 * @param entrypoint      overrides the image's ENTRYPOINT
 * @param environment     variables, in order
 * @param ports           published ports
 * @param mounts          bind mounts, named or anonymous volumes, tmpfs
 * @param dependsOn       dependencies by service name
 * @param healthcheck     overrides the image's healthcheck, or null
 * @param restart         no, always, unless-stopped, on-failure[:n]
 * @param user            user[:group]
 * @param workingDir      working directory in the container
 * @param init            run an init process as PID 1 (forwards signals, reaps zombies)
 * @param labels          container labels
 * @param networks        network key to extra aliases; empty means the "default" network
 * @param scale           number of containers
 * @param stopSignal      signal sent on stop (default SIGTERM)
 * @param stopGracePeriod time between the stop signal and SIGKILL (default 10 s)
 */
public record ServiceSpec(String name, String image, BuildSpec build, List<String> command, List<String> entrypoint,
        Map<String, String> environment, List<PortSpec> ports, List<MountSpec> mounts,
        Map<String, DependencySpec> dependsOn, HealthcheckSpec healthcheck, String restart, String user,
        String workingDir, boolean init, Map<String, String> labels, Map<String, List<String>> networks, int scale,
        String stopSignal, Duration stopGracePeriod) {

    public ServiceSpec {
        if (name == null || !name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
            throw new dev.devops.core.UserError(null, "invalid service name '" + name + "'",
                    "use letters, digits, '.', '-' and '_'");
        }
        if (image == null && build == null) {
            throw new dev.devops.core.UserError(null, "service '" + name + "' has neither image nor build",
                    "set image: or build:");
        }
        command = command == null ? null : List.copyOf(command);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        environment = environment == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        ports = ports == null ? List.of() : List.copyOf(ports);
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        dependsOn = dependsOn == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(dependsOn));
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        Map<String, List<String>> nets = new LinkedHashMap<>();
        if (networks != null) {
            networks.forEach((k, v) -> nets.put(k, v == null ? List.of() : List.copyOf(v)));
        }
        networks = Collections.unmodifiableMap(nets);
        if (scale < 0) {
            throw new dev.devops.core.UserError(null, "service '" + name + "': scale must not be negative", null);
        }
    }

    /** Network keys with their extra aliases; the "default" network when none is declared. */
    public Map<String, List<String>> networkAliases() {
        return networks.isEmpty() ? Map.of("default", List.of()) : networks;
    }

    /** The image reference containers run: {@code image}, or {@code <project>-<service>} for a build. */
    public String imageRef(String project) {
        return image != null ? image : project + "-" + name;
    }

    /** A copy with {@code environment} replaced. */
    public ServiceSpec withEnvironment(Map<String, String> env) {
        return toBuilder().environment(env).build();
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.image = image;
        b.build = build;
        b.command = command;
        b.entrypoint = entrypoint;
        b.environment = new LinkedHashMap<>(environment);
        b.ports = new ArrayList<>(ports);
        b.mounts = new ArrayList<>(mounts);
        b.dependsOn = new LinkedHashMap<>(dependsOn);
        b.healthcheck = healthcheck;
        b.restart = restart;
        b.user = user;
        b.workingDir = workingDir;
        b.init = init;
        b.labels = new LinkedHashMap<>(labels);
        b.networks = new LinkedHashMap<>(networks);
        b.scale = scale;
        b.stopSignal = stopSignal;
        b.stopGracePeriod = stopGracePeriod;
        return b;
    }

    /** Fluent construction; unset fields keep compose's defaults. */
    public static final class Builder {
        private final String name;
        private String image;
        private BuildSpec build;
        private List<String> command;
        private List<String> entrypoint;
        private Map<String, String> environment = new LinkedHashMap<>();
        private List<PortSpec> ports = new ArrayList<>();
        private List<MountSpec> mounts = new ArrayList<>();
        private Map<String, DependencySpec> dependsOn = new LinkedHashMap<>();
        private HealthcheckSpec healthcheck;
        private String restart;
        private String user;
        private String workingDir;
        private boolean init;
        private Map<String, String> labels = new LinkedHashMap<>();
        private Map<String, List<String>> networks = new LinkedHashMap<>();
        private int scale = 1;
        private String stopSignal;
        private Duration stopGracePeriod;

        private Builder(String name) {
            this.name = name;
        }

        public Builder image(String v) { image = v; return this; }
        public Builder build(BuildSpec v) { build = v; return this; }
        public Builder command(List<String> v) { command = v; return this; }
        public Builder command(String... v) { command = List.of(v); return this; }
        public Builder entrypoint(List<String> v) { entrypoint = v; return this; }
        public Builder environment(Map<String, String> v) { environment = new LinkedHashMap<>(v); return this; }
        public Builder env(String k, String v) { environment.put(k, v); return this; }
        public Builder port(PortSpec v) { ports.add(v); return this; }
        public Builder mount(MountSpec v) { mounts.add(v); return this; }
        public Builder dependsOn(String service, DependencySpec v) { dependsOn.put(service, v); return this; }
        public Builder healthcheck(HealthcheckSpec v) { healthcheck = v; return this; }
        public Builder restart(String v) { restart = v; return this; }
        public Builder user(String v) { user = v; return this; }
        public Builder workingDir(String v) { workingDir = v; return this; }
        public Builder init(boolean v) { init = v; return this; }
        public Builder label(String k, String v) { labels.put(k, v); return this; }
        public Builder network(String key, String... aliases) { networks.put(key, List.of(aliases)); return this; }
        public Builder scale(int v) { scale = v; return this; }
        public Builder stopSignal(String v) { stopSignal = v; return this; }
        public Builder stopGracePeriod(Duration v) { stopGracePeriod = v; return this; }

        public ServiceSpec build() {
            return new ServiceSpec(name, image, build, command, entrypoint, environment, ports, mounts, dependsOn,
                    healthcheck, restart, user, workingDir, init, labels, networks, scale, stopSignal,
                    stopGracePeriod);
        }
    }
}
