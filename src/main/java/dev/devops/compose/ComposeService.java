package dev.devops.compose;

import dev.devops.core.SourceLocation;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One service of a compose project, typed for what {@code up} runs and lint checks. Entries that lint
 * reports on (environment, ports, volumes, depends_on…) carry their own location; {@link #keyAt} has
 * the location of every key written for the service; keys that are not typed here are kept in
 * {@link #other} as {@link RawNode}. Lists are empty (never null) when absent; scalars are null when
 * absent. An empty {@link #networks} means the service joins the project's default network (unless
 * {@link #networkMode} is set); relative paths (build context, env files) are relative to the project
 * directory, bind-mount sources are already absolute.
 *
 * @param raw the merged, interpolated service mapping 
 */
public record ComposeService(
        String name,
        SourceLocation at,
        String image,
        Build build,
        List<String> command,
        List<String> entrypoint,
        Map<String, EnvEntry> environment,
        List<EnvFileRef> envFiles,
        Map<String, String> resolvedEnvironment,
        List<Port> ports,
        List<String> expose,
        List<Mount> volumes,
        Map<String, Dependency> dependsOn,
        Healthcheck healthcheck,
        String restart,
        String user,
        String workingDir,
        Boolean init,
        List<String> profiles,
        Map<String, String> labels,
        Map<String, ServiceNetwork> networks,
        String networkMode,
        boolean privileged,
        String containerName,
        List<Located> links,
        List<ResourceRef> secrets,
        List<ResourceRef> configs,
        List<Located> capAdd,
        List<String> capDrop,
        List<Located> securityOpt,
        String pid,
        String ipc,
        String stopSignal,
        Duration stopGracePeriod,
        String hostname,
        String platform,
        String pullPolicy,
        Boolean tty,
        Boolean stdinOpen,
        Boolean readOnly,
        RawNode deploy,
        Map<String, SourceLocation> keyAt,
        Map<String, RawNode> other,
        RawNode.Mapping raw) {

    /** Location of key {@code key} of this service, or of the service itself. */
    public SourceLocation locate(String key) {
        SourceLocation l = keyAt.get(key);
        return l == null ? at : l;
    }

    public boolean has(String key) {
        return keyAt.containsKey(key);
    }

    /**
     * Whether the scalar under {@code key} was written with a variable that is unset where it was loaded, so that part
     * of it is empty here ({@code image: postgres:${POSTGRES_TAG}} with no .env yet): the environment the stack runs with
     * decides it.
     */
    public boolean partlyUnset(String key) {
        if (raw == null || !(raw.get(key) instanceof RawNode.Scalar s) || !s.interpolated() || s.value() == null) {
            return false;
        }
        String written = s.source();
        return s.unsetHere() || written.replaceAll("\\$\\{[^}]*}|\\$[A-Za-z_]\\w*", "").length() == s.value().length()
                && !written.equals(s.value());
    }

    /** A string value with the place it was written. */
    public record Located(String value, SourceLocation at) {
    }

    /** {@code build:}; a short-form string is the context. */
    public record Build(String context, String dockerfile, String dockerfileInline, Map<String, String> args,
            String target, Map<String, String> labels, List<String> tags, SourceLocation at) {
    }

    /**
     * One {@code environment} entry.
     *
     * @param value  the interpolated value, or null when the entry names the variable only (taken from
     *               the shell environment at run time)
     * @param source the value as written, before interpolation (null when no value)
     */
    public record EnvEntry(String name, String value, String source, SourceLocation at) {
        /** True when the written value referenced a variable. */
        public boolean interpolated() {
            return source != null && Interpolator.hasReference(source);
        }
    }

    /**
     * One {@code env_file} entry; {@code path} interpolated (relative to the project directory), {@code source}
     * the path as written ({@code ${PWD}/app.env}), or null when the same.
     */
    public record EnvFileRef(String path, boolean required, SourceLocation at, String source) {
        public EnvFileRef(String path, boolean required, SourceLocation at) {
            this(path, required, at, null);
        }

        /**
         * Whether the path is known with this environment: it interpolates no variable that is unset and has no
         * default. Compose takes {@code ${PWD}} and other shell variables from whoever runs it; when the
         * environment lacks one, where the file is cannot be told.
         */
        public boolean resolvable(Map<String, String> environment) {
            if (source == null || !Interpolator.hasReference(source)) {
                return true;
            }
            boolean[] unset = {false};
            try {
                new Interpolator(environment::get, true).interpolate(source, w -> unset[0] = true);
            } catch (InterpolationException e) {
                return false;
            }
            return !unset[0];
        }
    }

    /**
     * One published or exposed port.
     *
     * @param hostIp    the host address, or null for all interfaces
     * @param published the host port or range ("8080", "8000-8010"), or null when not published
     * @param target    the container port or range
     * @param protocol  tcp (default) or udp / sctp
     */
    public record Port(String hostIp, String published, String target, String protocol, String mode,
            SourceLocation at) {
        /** True when published on every interface (no host IP, 0.0.0.0 or ::). */
        public boolean allInterfaces() {
            return published != null && (hostIp == null || hostIp.isEmpty() || hostIp.equals("0.0.0.0")
                    || hostIp.equals("::") || hostIp.equals("[::]"));
        }

        /** {first, last} of the published range, or null when not published or not numeric. */
        public int[] publishedRange() {
            return range(published);
        }

        /** {first, last} of the target range, or null when not numeric. */
        public int[] targetRange() {
            return range(target);
        }

        static int[] range(String s) {
            if (s == null || s.isEmpty()) {
                return null;
            }
            try {
                int dash = s.indexOf('-');
                if (dash < 0) {
                    int p = Integer.parseInt(s);
                    return new int[] {p, p};
                }
                return new int[] {Integer.parseInt(s.substring(0, dash)), Integer.parseInt(s.substring(dash + 1))};
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /**
     * One {@code volumes} entry.
     *
     * @param type     bind, volume, tmpfs, npipe, image or cluster
     * @param source   for bind: the host path made absolute against the project directory; for volume:
     *                 the volume name, or null for an anonymous volume
     * @param written  the source as written
     */
    public record Mount(String type, String source, String written, String target, boolean readOnly,
            SourceLocation at) {
        public boolean isBind() {
            return "bind".equals(type);
        }

        public boolean isNamedVolume() {
            return "volume".equals(type) && source != null && !source.isEmpty();
        }
    }

    /** One {@code depends_on} entry. */
    public record Dependency(String service, String condition, boolean restart, boolean required, SourceLocation at) {
        public static final String STARTED = "service_started";
        public static final String HEALTHY = "service_healthy";
        public static final String COMPLETED = "service_completed_successfully";
    }

    /**
     * {@code healthcheck:}.
     *
     * @param test ["CMD", args…], ["CMD-SHELL", command] or ["NONE"]; empty when only timings are set
     */
    public record Healthcheck(List<String> test, Duration interval, Duration timeout, Integer retries,
            Duration startPeriod, Duration startInterval, boolean disable, SourceLocation at) {
        /** True when this healthcheck turns checking off ({@code disable: true} or test NONE). */
        public boolean disabled() {
            return disable || (!test.isEmpty() && "NONE".equals(test.get(0)));
        }
    }

    /** A service's attachment to a network. */
    public record ServiceNetwork(String name, List<String> aliases, String ipv4Address, String ipv6Address,
            Integer priority, SourceLocation at) {
    }

    /** A {@code secrets:} or {@code configs:} reference of a service. */
    public record ResourceRef(String source, String target, SourceLocation at) {
    }
}
