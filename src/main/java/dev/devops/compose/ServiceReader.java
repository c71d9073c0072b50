package dev.devops.compose;

import dev.devops.compose.ComposeService.Build;
import dev.devops.compose.ComposeService.Dependency;
import dev.devops.compose.ComposeService.EnvEntry;
import dev.devops.compose.ComposeService.EnvFileRef;
import dev.devops.compose.ComposeService.Healthcheck;
import dev.devops.compose.ComposeService.Located;
import dev.devops.compose.ComposeService.Mount;
import dev.devops.compose.ComposeService.Port;
import dev.devops.compose.ComposeService.ResourceRef;
import dev.devops.compose.ComposeService.ServiceNetwork;
import dev.devops.core.SourceLocation;
import dev.devops.core.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Types one merged, normalized service mapping into a {@link ComposeService}. */
final class ServiceReader {
    private static final Set<String> TYPED = Set.of("image", "build", "command", "entrypoint", "environment",
            "env_file", "ports", "expose", "volumes", "depends_on", "healthcheck", "restart", "user", "working_dir",
            "init", "profiles", "labels", "networks", "network_mode", "privileged", "container_name", "links",
            "secrets", "configs", "cap_add", "cap_drop", "security_opt", "pid", "ipc", "stop_signal",
            "stop_grace_period", "hostname", "platform", "pull_policy", "tty", "stdin_open", "read_only", "deploy");

    private final String name;
    private final RawNode.Mapping m;
    private final Path dir;
    private boolean absoluteContext;
    /** Lint mode: the variables the project's .env sets, and where a value made of unset ones is noted. */
    private Map<String, String> environment = Map.of();
    private boolean lenient;
    private List<String> warnings = new ArrayList<>();

    private ServiceReader(String name, RawNode.Mapping m, Path dir) {
        this.name = name;
        this.m = m;
        this.dir = dir;
    }

    static ComposeService read(String name, SourceLocation at, RawNode.Mapping m, Path dir,
            Map<String, String> environment, boolean lenient, List<String> warnings) {
        return read(name, at, m, dir, environment, lenient, warnings, false);
    }

    /**
     * @param absoluteContext write a relative build context as an absolute path (a service of an included file: its
     *                        context is relative to that file's directory, not to the project's)
     */
    static ComposeService read(String name, SourceLocation at, RawNode.Mapping m, Path dir,
            Map<String, String> environment, boolean lenient, List<String> warnings, boolean absoluteContext) {
        ComposeLoader.checkKeys(m, ComposeKeys.SERVICE, "service '" + name + "'");
        ServiceReader r = new ServiceReader(name, m, dir);
        r.absoluteContext = absoluteContext;
        r.environment = environment;
        r.lenient = lenient;
        r.warnings = warnings;
        Map<String, EnvEntry> env = r.environment();
        List<EnvFileRef> envFiles = r.envFiles();
        Map<String, String> resolved = new LinkedHashMap<>();
        for (EnvFileRef ref : envFiles) {
            Path p = dir.resolve(ref.path());
            if (!Files.isRegularFile(p)) {
                if (ref.required() && !lenient) {
                    throw new UserError(ref.at(), "env_file '" + ref.path() + "' of service '" + name + "' not found",
                            "create the file, fix the path, or mark it 'required: false'");
                }
                continue;
            }
            try {
                DotEnv d = DotEnv.read(p, environment::get);
                resolved.putAll(d.values());
            } catch (UserError e) {
                if (!lenient) {
                    throw e;
                }
                warnings.add(e.oneLine());
            }
        }
        for (EnvEntry e : env.values()) {
            if (e.value() != null) {
                resolved.put(e.name(), e.value());
            } else if (environment.containsKey(e.name())) {
                resolved.put(e.name(), environment.get(e.name()));
            }
        }
        Map<String, RawNode> other = new LinkedHashMap<>();
        m.entries().forEach((k, v) -> {
            if (!TYPED.contains(k)) {
                other.put(k, v);
            }
        });
        return new ComposeService(name, at == null ? m.at() : at, r.str("image"), r.build(), r.command("command"),
                r.command("entrypoint"), env, envFiles, resolved, r.ports(), r.strings("expose"), r.volumes(),
                r.dependsOn(), r.healthcheck(), r.str("restart"), r.str("user"), r.str("working_dir"), r.bool("init"),
                r.strings("profiles"), r.stringMap("labels"), r.networks(), r.str("network_mode"),
                Boolean.TRUE.equals(r.bool("privileged")), r.str("container_name"), r.located("links"),
                r.resourceRefs("secrets"), r.resourceRefs("configs"), r.located("cap_add"), r.strings("cap_drop"),
                r.located("security_opt"), r.str("pid"), r.str("ipc"), r.str("stop_signal"),
                r.duration(m.get("stop_grace_period"), "stop_grace_period"), r.str("hostname"), r.str("platform"),
                r.str("pull_policy"), r.bool("tty"), r.bool("stdin_open"), r.bool("read_only"), m.get("deploy"),
                m.keyAt(), other, m);
    }

    private String path(String key) {
        return "services." + name + "." + key;
    }

    private String str(String key) {
        RawNode n = m.get(key);
        return n == null ? null : RawNode.text(n, path(key));
    }

    private Boolean bool(String key) {
        RawNode n = m.get(key);
        if (n == null || n instanceof RawNode.Scalar s && s.isNull()) {
            return null;
        }
        try {
            return RawNode.bool(n, path(key));
        } catch (UserError e) {
            uncheckedIfUnset(n, path(key), e); // read_only: ${READ_ONLY} that only the untracked .env sets
            return null;
        }
    }

    private List<String> strings(String key) {
        RawNode n = m.get(key);
        return n == null ? List.of() : RawNode.stringOrList(n, path(key));
    }

    private List<Located> located(String key) {
        RawNode n = m.get(key);
        List<Located> out = new ArrayList<>();
        if (n == null || (n instanceof RawNode.Scalar s && s.isNull())) {
            return out;
        }
        if (n instanceof RawNode.Scalar s) {
            out.add(new Located(s.value(), s.at()));
            return out;
        }
        int i = 0;
        for (RawNode item : RawNode.list(n, path(key))) {
            out.add(new Located(RawNode.nonNullText(item, path(key) + "[" + i++ + "]"), item.at()));
        }
        return out;
    }

    private Duration duration(RawNode n, String key) {
        if (n == null) {
            return null;
        }
        try {
            return ComposeLoader.duration(n, path(key));
        } catch (UserError e) {
            uncheckedIfUnset(n, path(key), e); // interval: "${HEALTHCHECK_INTERVAL}" that only the untracked .env sets
            return null;
        }
    }

    /**
     * In lint mode, a value that did not parse because it depends on variables the environment does not set (a clone
     * without the untracked .env) is not checked: a warning names them. Compose would fail only at {@code up}, and only if
     * they are still unset then; ENV0008 names a variable that nothing documents. Otherwise {@code e} is thrown.
     */
    private void uncheckedIfUnset(RawNode item, String p, UserError e) {
        List<String> unset = lenient ? unsetVariables(item) : List.of();
        if (unset.isEmpty()) {
            throw e;
        }
        warnings.add(item.at() + ": '" + p + "' is not checked: it depends on " + String.join(", ", unset)
                + ", which .env does not set");
    }

    private List<String> command(String key) {
        RawNode n = m.get(key);
        if (n == null || (n instanceof RawNode.Scalar s && s.isNull())) {
            return null;
        }
        if (n instanceof RawNode.Scalar s) {
            return ShellWords.split(s.value());
        }
        return RawNode.stringOrList(n, path(key));
    }

    private Map<String, String> stringMap(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        RawNode n = m.get(key);
        if (n == null || (n instanceof RawNode.Scalar s && s.isNull())) {
            return out;
        }
        RawNode.map(n, path(key)).entries().forEach((k, v) -> {
            String t = RawNode.text(v, path(key) + "." + k);
            out.put(k, t == null ? "" : t);
        });
        return out;
    }

    private Map<String, EnvEntry> environment() {
        Map<String, EnvEntry> out = new LinkedHashMap<>();
        RawNode n = m.get("environment");
        if (n == null || (n instanceof RawNode.Scalar s && s.isNull())) {
            return out;
        }
        RawNode.Mapping em = RawNode.map(n, path("environment"));
        for (var e : em.entries().entrySet()) {
            RawNode v = e.getValue();
            if (!(v instanceof RawNode.Scalar s)) {
                throw RawNode.typeError(v, path("environment." + e.getKey()), "a string, number or boolean");
            }
            out.put(e.getKey(), new EnvEntry(e.getKey(), s.value(), s.source(), em.keyLocation(e.getKey())));
        }
        return out;
    }

    private static String source(RawNode n) {
        return n instanceof RawNode.Scalar s && s.interpolated() ? s.source() : null;
    }

    private List<EnvFileRef> envFiles() {
        List<EnvFileRef> out = new ArrayList<>();
        RawNode n = m.get("env_file");
        if (n == null || (n instanceof RawNode.Scalar s && s.isNull())) {
            return out;
        }
        int i = 0;
        for (RawNode item : RawNode.list(n, path("env_file"))) {
            String p = path("env_file") + "[" + i++ + "]";
            if (item instanceof RawNode.Mapping im) {
                ComposeLoader.checkKeys(im, ComposeKeys.ENV_FILE, p);
                RawNode pathNode = im.get("path");
                if (pathNode == null) {
                    throw new UserError(im.at(), "'" + p + "' needs 'path:'", "name the env file");
                }
                boolean required = im.get("required") == null || RawNode.bool(im.get("required"), p + ".required");
                out.add(new EnvFileRef(RawNode.nonNullText(pathNode, p + ".path"), required, item.at(), source(pathNode)));
            } else {
                out.add(new EnvFileRef(RawNode.nonNullText(item, p), true, item.at(), source(item)));
            }
        }
        return out;
    }

    private String context(String context) {
        return absoluteContext && !context.contains("://") && !context.startsWith("git@")
                ? dir.resolve(context).normalize().toString() : context;
    }

    private Build build() {
        RawNode n = m.get("build");
        if (n == null) {
            return null;
        }
        if (n instanceof RawNode.Scalar s) {
            return new Build(context(s.value() == null ? "." : s.value()), "Dockerfile", null, Map.of(), null, Map.of(), List.of(), s.at());
        }
        RawNode.Mapping b = RawNode.map(n, path("build"));
        ComposeLoader.checkKeys(b, ComposeKeys.BUILD, path("build"));
        ServiceReader sub = new ServiceReader(name, b, dir);
        String context = b.get("context") == null ? null : RawNode.text(b.get("context"), path("build.context"));
        String dockerfile = b.get("dockerfile") == null ? null : RawNode.text(b.get("dockerfile"), path("build.dockerfile"));
        context = context == null ? "." : context;
        dockerfile = dockerfile == null ? "Dockerfile" : dockerfile;
        return new Build(context(context), dockerfile, sub.strIn("dockerfile_inline"), sub.stringMapIn("args"),
                sub.strIn("target"), sub.stringMapIn("labels"), sub.stringsIn("tags"), b.at());
    }

    private String strIn(String key) {
        RawNode n = m.get(key);
        return n == null ? null : RawNode.text(n, path("build." + key));
    }

    private List<String> stringsIn(String key) {
        RawNode n = m.get(key);
        return n == null ? List.of() : RawNode.stringOrList(n, path("build." + key));
    }

    private Map<String, String> stringMapIn(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        RawNode n = m.get(key);
        if (n == null || (n instanceof RawNode.Scalar s && s.isNull())) {
            return out;
        }
        RawNode.map(n, path("build." + key)).entries().forEach((k, v) -> out.put(k, RawNode.text(v, path("build." + key + "." + k))));
        return out;
    }

    private List<Port> ports() {
        List<Port> out = new ArrayList<>();
        RawNode n = m.get("ports");
        if (n == null || (n instanceof RawNode.Scalar s && s.isNull())) {
            return out;
        }
        int i = 0;
        for (RawNode item : RawNode.list(n, path("ports"))) {
            String p = path("ports") + "[" + i++ + "]";
            try {
                out.add(port(item, p));
            } catch (UserError e) {
                uncheckedIfUnset(item, p, e); // "${CALLS_PORT}:8080" on a clone without the untracked .env that sets it
            }
        }
        return out;
    }

    /** The variables a value (a scalar, or the scalars of a mapping) references that the environment does not set. */
    private List<String> unsetVariables(RawNode node) {
        List<String> out = new ArrayList<>();
        List<RawNode> scalars = node instanceof RawNode.Mapping pm ? List.copyOf(pm.entries().values()) : List.of(node);
        for (RawNode v : scalars) {
            if (v instanceof RawNode.Scalar s && s.interpolated()) {
                new Interpolator(k -> {
                    String value = environment.get(k);
                    if (value == null && !out.contains(k)) {
                        out.add(k);
                    }
                    return value;
                }, true).interpolate(s.source(), w -> { });
            }
        }
        return out;
    }

    private static Port port(RawNode item, String p) {
        if (item instanceof RawNode.Mapping pm) {
            ComposeLoader.checkKeys(pm, ComposeKeys.PORT, p);
            if (pm.get("target") == null) {
                throw new UserError(pm.at(), "'" + p + "' needs 'target:'", "name the container port");
            }
            String target = RawNode.nonNullText(pm.get("target"), p + ".target");
            String published = pm.get("published") == null ? null : RawNode.text(pm.get("published"), p + ".published");
            String hostIp = pm.get("host_ip") == null ? null : RawNode.text(pm.get("host_ip"), p + ".host_ip");
            String protocol = pm.get("protocol") == null ? "tcp" : RawNode.text(pm.get("protocol"), p + ".protocol");
            String mode = pm.get("mode") == null ? null : RawNode.text(pm.get("mode"), p + ".mode");
            checkPortNumber(target, item, p);
            if (published != null) {
                checkPortNumber(published, item, p);
            }
            return new Port(hostIp, published, target, protocol, mode, item.at());
        }
        return shortPort(RawNode.nonNullText(item, p), item, p);
    }

    /** {@code [[HOST_IP:]PUBLISHED:]TARGET[/PROTOCOL]}; IPv6 host addresses in brackets. */
    static Port shortPort(String spec, RawNode item, String p) {
        if (spec == null || spec.isBlank()) {
            throw new UserError(item.at(), "'" + p + "' is empty", "write a port such as \"8080:80\"");
        }
        String s = spec.strip();
        String protocol = "tcp";
        int slash = s.lastIndexOf('/');
        if (slash >= 0) {
            protocol = s.substring(slash + 1);
            s = s.substring(0, slash);
        }
        String hostIp = null;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new UserError(item.at(), "'" + p + "': '" + spec + "' has an unclosed '['", "write [::1]:8080:80");
            }
            hostIp = s.substring(1, close);
            s = s.substring(close + 1);
            if (s.startsWith(":")) {
                s = s.substring(1);
            }
        }
        String[] parts = s.split(":", -1);
        String published = null;
        String target;
        if (parts.length == 1) {
            target = parts[0];
        } else if (parts.length == 2) {
            published = parts[0];
            target = parts[1];
        } else if (parts.length == 3 && hostIp == null) {
            hostIp = parts[0];
            published = parts[1];
            target = parts[2];
        } else {
            throw new UserError(item.at(), "'" + p + "': cannot read port '" + spec + "'",
                    "write [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL], e.g. \"127.0.0.1:8080:80\"");
        }
        if (published != null && published.isEmpty()) {
            published = null; // "127.0.0.1::80": an ephemeral host port
        }
        checkPortNumber(target, item, p);
        if (published != null) {
            checkPortNumber(published, item, p);
        }
        if (!List.of("tcp", "udp", "sctp").contains(protocol)) {
            throw new UserError(item.at(), "'" + p + "': unknown protocol '" + protocol + "'", "use tcp, udp or sctp");
        }
        return new Port(hostIp, published, target, protocol, null, item.at());
    }

    private static void checkPortNumber(String value, RawNode item, String p) {
        int[] r = Port.range(value);
        if (r == null || r[0] < 0 || r[1] > 65535 || r[0] > r[1]) {
            throw new UserError(item.at(), "'" + p + "': '" + value + "' is not a port or port range",
                    "ports are numbers from 1 to 65535, ranges like 8000-8010");
        }
    }

    private List<Mount> volumes() {
        List<Mount> out = new ArrayList<>();
        RawNode n = m.get("volumes");
        if (n == null || (n instanceof RawNode.Scalar s && s.isNull())) {
            return out;
        }
        int i = 0;
        for (RawNode item : RawNode.list(n, path("volumes"))) {
            String p = path("volumes") + "[" + i++ + "]";
            if (item instanceof RawNode.Mapping vm) {
                ComposeLoader.checkKeys(vm, ComposeKeys.VOLUME, p);
                String type = vm.get("type") == null ? "volume" : RawNode.text(vm.get("type"), p + ".type");
                if (!List.of("bind", "volume", "tmpfs", "npipe", "image", "cluster").contains(type)) {
                    throw new UserError(vm.get("type").at(), "'" + p + ".type' is '" + type + "'",
                            "use bind, volume, tmpfs, npipe, image or cluster");
                }
                if (vm.get("target") == null) {
                    throw new UserError(vm.at(), "'" + p + "' needs 'target:'", "name the path inside the container");
                }
                String written = vm.get("source") == null ? null : RawNode.text(vm.get("source"), p + ".source");
                boolean ro = vm.get("read_only") != null && RawNode.bool(vm.get("read_only"), p + ".read_only");
                String source = "bind".equals(type) && written != null ? hostPath(written) : written;
                out.add(new Mount(type, source, written, RawNode.nonNullText(vm.get("target"), p + ".target"), ro, item.at()));
            } else {
                String spec = RawNode.nonNullText(item, p);
                ShortVolume v = ShortVolume.parse(spec);
                if (v == null) {
                    throw new UserError(item.at(), "'" + p + "' is empty", "write SOURCE:TARGET[:ro]");
                }
                // what the engine would refuse only after the network was made (exit 3): refused here, at its line
                if (v.target().isEmpty() || (v.source() != null && v.source().isEmpty())
                        || (v.mode() != null && (v.mode().isEmpty() || v.mode().contains(":")))) {
                    // lint mode: "${PWD}:/usr/src/app" with PWD, a variable of the shell that runs compose, unknown to
                    // lint (it reads the project's .env): the source is empty only here, as with a port above
                    List<String> unset = lenient ? unsetVariables(item) : List.of();
                    if (!unset.isEmpty()) {
                        warnings.add(item.at() + ": '" + p + "' is not checked: it depends on " + String.join(", ", unset)
                                + ", which .env does not set");
                        if (v.target().startsWith("/") && v.source() != null && v.source().isEmpty()) {
                            // "${REDIS_DATA_PATH}:/data": a host directory the .env names; the container side is known
                            out.add(new Mount("bind", "", null, v.target(), false, item.at()));
                        }
                        continue;
                    }
                    throw new UserError(item.at(), "'" + p + "': cannot read volume '" + spec + "' (an empty part, or too many colons)",
                            "write [SOURCE:]TARGET[:MODE], e.g. ./data:/data:ro");
                }
                if (!v.target().startsWith("/") && !(v.target().length() > 2 && v.target().charAt(1) == ':')) {
                    throw new UserError(item.at(), "'" + p + "': the container path '" + v.target() + "' is not absolute",
                            "write it from the container's root, e.g. /data");
                }
                boolean ro = v.mode() != null && List.of(v.mode().split(",")).contains("ro");
                if (v.source() == null) {
                    out.add(new Mount("volume", null, null, v.target(), ro, item.at()));
                } else if (v.sourceIsPath()) {
                    out.add(new Mount("bind", hostPath(v.source()), v.source(), v.target(), ro, item.at()));
                } else {
                    out.add(new Mount("volume", v.source(), v.source(), v.target(), ro, item.at()));
                }
            }
        }
        return out;
    }

    private String hostPath(String written) {
        if (written.startsWith("~")) {
            return Path.of(System.getProperty("user.home") + written.substring(1)).normalize().toString();
        }
        if (written.startsWith("/") || written.startsWith("\\") || (written.length() > 1 && written.charAt(1) == ':')) {
            return written;
        }
        return dir.resolve(written).normalize().toString();
    }

    private Map<String, Dependency> dependsOn() {
        Map<String, Dependency> out = new LinkedHashMap<>();
        RawNode n = m.get("depends_on");
        if (n == null || (n instanceof RawNode.Scalar s && s.isNull())) {
            return out;
        }
        RawNode.Mapping dm = RawNode.map(n, path("depends_on"));
        for (var e : dm.entries().entrySet()) {
            String p = path("depends_on." + e.getKey());
            RawNode v = e.getValue();
            SourceLocation at = dm.keyLocation(e.getKey());
            if (v instanceof RawNode.Scalar s && s.isNull()) {
                out.put(e.getKey(), new Dependency(e.getKey(), Dependency.STARTED, false, true, at));
                continue;
            }
            RawNode.Mapping d = RawNode.map(v, p);
            ComposeLoader.checkKeys(d, ComposeKeys.DEPENDS_ON, p);
            String condition = Dependency.STARTED;
            if (d.get("condition") != null) {
                condition = RawNode.text(d.get("condition"), p + ".condition");
                List<String> allowed = List.of(Dependency.STARTED, Dependency.HEALTHY, Dependency.COMPLETED);
                if (!allowed.contains(condition)) {
                    String near = dev.devops.yaml.Suggest.closest(condition, allowed);
                    throw new UserError(d.get("condition").at(), "'" + p + ".condition' is '" + condition + "'",
                            (near == null ? "" : "did you mean '" + near + "'? ") + "allowed: " + String.join(", ", allowed));
                }
            }
            boolean restart = d.get("restart") != null && RawNode.bool(d.get("restart"), p + ".restart");
            boolean required = d.get("required") == null || RawNode.bool(d.get("required"), p + ".required");
            out.put(e.getKey(), new Dependency(e.getKey(), condition, restart, required, at));
        }
        return out;
    }

    private Healthcheck healthcheck() {
        RawNode n = m.get("healthcheck");
        if (n == null || (n instanceof RawNode.Scalar s && s.isNull())) {
            return null;
        }
        String p = path("healthcheck");
        RawNode.Mapping h = RawNode.map(n, p);
        ComposeLoader.checkKeys(h, ComposeKeys.HEALTHCHECK, p);
        List<String> test = new ArrayList<>();
        RawNode t = h.get("test");
        if (t instanceof RawNode.Scalar s && s.value() != null) {
            test.add("CMD-SHELL");
            test.add(s.value());
        } else if (t != null && !(t instanceof RawNode.Scalar)) {
            test.addAll(RawNode.stringOrList(t, p + ".test"));
            if (!test.isEmpty() && !List.of("CMD", "CMD-SHELL", "NONE").contains(test.get(0))) {
                throw new UserError(t.at(), "'" + p + ".test' starts with '" + test.get(0) + "'",
                        "start the list with CMD, CMD-SHELL or NONE, or write the command as one string");
            }
        }
        Integer retries = h.get("retries") == null ? null : RawNode.integer(h.get("retries"), p + ".retries");
        boolean disable = h.get("disable") != null && RawNode.bool(h.get("disable"), p + ".disable");
        return new Healthcheck(List.copyOf(test), duration(h.get("interval"), "healthcheck.interval"),
                duration(h.get("timeout"), "healthcheck.timeout"), retries,
                duration(h.get("start_period"), "healthcheck.start_period"),
                duration(h.get("start_interval"), "healthcheck.start_interval"), disable, h.at());
    }

    private Map<String, ServiceNetwork> networks() {
        Map<String, ServiceNetwork> out = new LinkedHashMap<>();
        RawNode n = m.get("networks");
        if (n == null || (n instanceof RawNode.Scalar s && s.isNull())) {
            return out;
        }
        RawNode.Mapping nm = RawNode.map(n, path("networks"));
        for (var e : nm.entries().entrySet()) {
            String p = path("networks." + e.getKey());
            SourceLocation at = nm.keyLocation(e.getKey());
            if (e.getValue() instanceof RawNode.Scalar s && s.isNull()) {
                out.put(e.getKey(), new ServiceNetwork(e.getKey(), List.of(), null, null, null, at));
                continue;
            }
            RawNode.Mapping d = RawNode.map(e.getValue(), p);
            ComposeLoader.checkKeys(d, ComposeKeys.SERVICE_NETWORK, p);
            List<String> aliases = d.get("aliases") == null ? List.of() : RawNode.stringOrList(d.get("aliases"), p + ".aliases");
            String v4 = d.get("ipv4_address") == null ? null : RawNode.text(d.get("ipv4_address"), p + ".ipv4_address");
            String v6 = d.get("ipv6_address") == null ? null : RawNode.text(d.get("ipv6_address"), p + ".ipv6_address");
            Integer prio = d.get("priority") == null ? null : RawNode.integer(d.get("priority"), p + ".priority");
            out.put(e.getKey(), new ServiceNetwork(e.getKey(), aliases, v4, v6, prio, at));
        }
        return out;
    }

    private List<ResourceRef> resourceRefs(String key) {
        List<ResourceRef> out = new ArrayList<>();
        RawNode n = m.get(key);
        if (n == null || (n instanceof RawNode.Scalar s && s.isNull())) {
            return out;
        }
        int i = 0;
        for (RawNode item : RawNode.list(n, path(key))) {
            String p = path(key) + "[" + i++ + "]";
            if (item instanceof RawNode.Mapping rm) {
                ComposeLoader.checkKeys(rm, ComposeKeys.RESOURCE_REF, p);
                if (rm.get("source") == null) {
                    throw new UserError(rm.at(), "'" + p + "' needs 'source:'", "name the top-level " + key + " entry");
                }
                String target = rm.get("target") == null ? null : RawNode.text(rm.get("target"), p + ".target");
                out.add(new ResourceRef(RawNode.nonNullText(rm.get("source"), p + ".source"), target, item.at()));
            } else {
                out.add(new ResourceRef(RawNode.nonNullText(item, p), null, item.at()));
            }
        }
        return out;
    }
}
