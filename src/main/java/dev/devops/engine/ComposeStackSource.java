package dev.devops.engine;

import dev.devops.compose.ComposeLoader;
import dev.devops.compose.ComposeProject;
import dev.devops.compose.ComposeService;
import dev.devops.compose.DependencyOrder;
import dev.devops.compose.StartOrder;
import dev.devops.core.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compose adapter: loads compose files with the shared {@code compose} model (the same loading,
 * interpolation and project-name rules {@code devops lint} uses) and maps the result onto a
 * {@link StackSpec}, field by field. Services outside the active profiles are left out.
 */
public final class ComposeStackSource implements StackSource {
    private final Map<String, String> processEnvironment;

    public ComposeStackSource() {
        this(System.getenv());
    }

    public ComposeStackSource(Map<String, String> processEnvironment) {
        this.processEnvironment = Map.copyOf(processEnvironment);
    }

    @Override
    public StackSpec load(Request request) {
        Path dir = request.workingDir().toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>();
        for (Path f : request.files()) {
            files.add(f.isAbsolute() ? f : dir.resolve(f).normalize());
        }
        ComposeProject project = ComposeLoader.load(new ComposeLoader.Options(files, files.isEmpty() ? dir : null,
                request.projectName(), List.of(), processEnvironment, request.lenient()));
        if (!request.lenient()) {
            checkBuilds(project, StartOrder.active(project, request.profiles(), List.of()));
        }
        return toStack(project, request.profiles());
    }

    /**
     * What a build needs from the files, checked before the engine is touched: a missing context or Dockerfile
     * is the compose file's error (exit 2 at its build: line), not an engine failure after the network was made.
     */
    private static void checkBuilds(ComposeProject project, Set<String> active) {
        for (ComposeService s : project.services().values()) {
            ComposeService.Build bd = s.build();
            if (bd == null || !active.contains(s.name()) || bd.dockerfileInline() != null || s.image() != null) {
                continue; // with image: too, up builds only when the image is missing: the engine path decides
            }
            String given = bd.context() == null ? "." : bd.context();
            if (given.contains("://") || given.startsWith("git@")) {
                continue; // a remote context: the engine fetches it
            }
            Path context = project.directory().resolve(given).normalize();
            if (!java.nio.file.Files.isDirectory(context)) {
                throw new UserError(bd.at(), "service '" + s.name() + "': build context " + given + " is not a directory ("
                        + context + ")", "fix build.context; it is relative to the compose file's directory");
            }
            String df = bd.dockerfile() == null || bd.dockerfile().isBlank() ? "Dockerfile" : bd.dockerfile();
            if (!java.nio.file.Files.isRegularFile(context.resolve(df))) {
                throw new UserError(bd.at(), "service '" + s.name() + "': Dockerfile " + df + " not found in the build context "
                        + context, "fix build.dockerfile; it is relative to the build context");
            }
        }
    }

    /** Maps a loaded compose project (services of the active profiles only) onto a stack. */
    public static StackSpec toStack(ComposeProject project, List<String> profiles) {
        Set<String> active = StartOrder.active(project, profiles, List.of());
        checkCycles(project, active);
        List<ServiceSpec> services = new ArrayList<>();
        for (ComposeService s : project.services().values()) {
            if (active.contains(s.name())) {
                services.add(service(project, s, active));
            }
        }
        Map<String, NetworkSpec> networks = new LinkedHashMap<>();
        project.networks().forEach((key, r) -> networks.put(key,
                new NetworkSpec(key, r.name(), r.external(), null, Map.of())));
        Map<String, VolumeSpec> volumes = new LinkedHashMap<>();
        project.volumes().forEach((key, r) -> volumes.put(key,
                new VolumeSpec(key, r.name(), r.external(), null, Map.of())));
        return new StackSpec(project.name(), project.directory(), project.files(), services, networks, volumes);
    }

    /** A depends_on cycle among the active services, refused at the entry that closes it (file:line). */
    private static void checkCycles(ComposeProject project, Set<String> active) {
        Map<String, List<String>> deps = new LinkedHashMap<>();
        for (ComposeService s : project.services().values()) {
            if (active.contains(s.name())) {
                deps.put(s.name(), s.dependsOn().values().stream().map(ComposeService.Dependency::service)
                        .filter(active::contains).toList());
            }
        }
        List<String> cycle = DependencyOrder.cycle(deps);
        if (cycle.isEmpty()) {
            return;
        }
        ComposeService first = project.services().get(cycle.get(0));
        String next = cycle.size() > 1 ? cycle.get(1) : cycle.get(0);
        dev.devops.core.SourceLocation at = first.dependsOn().values().stream().filter(d -> d.service().equals(next))
                .map(ComposeService.Dependency::at).findFirst().orElse(null);
        throw new UserError(at, "dependency cycle between services: " + String.join(" -> ", cycle),
                "remove one of these depends_on entries");
    }

    private static ServiceSpec service(ComposeProject project, ComposeService s, Set<String> active) {
        if (s.networkMode() != null && !s.networkMode().isEmpty()) {
            throw new UserError(s.locate("network_mode"), "service '" + s.name() + "': network_mode is not supported by devops up yet",
                    "remove network_mode, or run this stack with docker compose");
        }
        ServiceSpec.Builder b = ServiceSpec.builder(s.name()).image(s.image());
        if (s.build() != null) {
            ComposeService.Build bd = s.build();
            if (bd.dockerfileInline() != null) {
                throw new UserError(bd.at(), "service '" + s.name() + "': build.dockerfile_inline is not supported",
                        "write the Dockerfile to a file and name it with build.dockerfile");
            }
            Path context = project.directory().resolve(bd.context() == null ? "." : bd.context()).normalize();
            b.build(new BuildSpec(context, bd.dockerfile(), bd.args(), bd.target(), bd.labels()));
        }
        b.command(s.command()).entrypoint(s.entrypoint());
        b.environment(s.resolvedEnvironment());
        for (ComposeService.Port p : s.ports()) {
            int[] target = p.targetRange();
            if (target == null) {
                throw new UserError(p.at(), "service '" + s.name() + "': port '" + p.target() + "' is not a number",
                        "write the container port as a number or a range such as 8000-8010");
            }
            int[] published = p.publishedRange();
            if (p.published() != null && published == null) {
                throw new UserError(p.at(), "service '" + s.name() + "': host port '" + p.published() + "' is not a number",
                        "write the host port as a number or a range");
            }
            if (published != null && published[1] - published[0] != target[1] - target[0]) {
                if (target[0] != target[1]) {
                    throw new UserError(p.at(), "service '" + s.name() + "': host and container port ranges differ in size",
                            "make both ranges the same length");
                }
            }
            for (int i = 0; i <= target[1] - target[0]; i++) {
                Integer host = published == null ? null : published[0] + i;
                String ip = p.hostIp() == null || p.hostIp().isEmpty() ? null : p.hostIp();
                b.port(new PortSpec(ip, host, target[0] + i, p.protocol()));
            }
        }
        for (ComposeService.Mount m : s.volumes()) {
            switch (m.type()) {
                case "bind" -> b.mount(MountSpec.bind(m.source(), m.target(), m.readOnly()));
                case "volume" -> b.mount(new MountSpec(MountSpec.Type.VOLUME,
                        m.source() == null || m.source().isEmpty() ? null : m.source(), m.target(), m.readOnly()));
                case "tmpfs" -> b.mount(new MountSpec(MountSpec.Type.TMPFS, null, m.target(), m.readOnly()));
                default -> throw new UserError(m.at(), "service '" + s.name() + "': volume type '" + m.type()
                        + "' is not supported by devops up", "use bind, volume or tmpfs");
            }
        }
        for (ComposeService.Dependency d : s.dependsOn().values()) {
            if (!active.contains(d.service())) {
                if (!project.services().containsKey(d.service())) {
                    String near = dev.devops.yaml.Suggest.closest(d.service(), project.services().keySet());
                    throw new UserError(d.at(), "service '" + s.name() + "' depends on '" + d.service()
                            + "', which is not defined" + (near != null ? " (did you mean '" + near + "'?)" : ""),
                            "define it under services:, or remove it from depends_on");
                }
                if (d.required()) {
                    throw new UserError(d.at(), "service '" + s.name() + "' depends on '" + d.service()
                            + "', which is not enabled by the selected profiles", "enable its profile with --profile");
                }
                continue;
            }
            b.dependsOn(d.service(), new DependencySpec(d.condition(), d.required(), d.restart()));
        }
        ComposeService.Healthcheck h = s.healthcheck();
        if (h != null) {
            b.healthcheck(new HealthcheckSpec(h.test(), h.interval(), h.timeout(), h.retries(), h.startPeriod(),
                    h.disabled()));
        }
        b.restart(s.restart()).user(s.user()).workingDir(s.workingDir()).init(Boolean.TRUE.equals(s.init()));
        s.labels().forEach(b::label);
        s.networks().forEach((key, n) -> b.network(key, n == null ? new String[0] : n.aliases().toArray(String[]::new)));
        b.stopSignal(s.stopSignal()).stopGracePeriod(s.stopGracePeriod());
        return b.build();
    }
}
