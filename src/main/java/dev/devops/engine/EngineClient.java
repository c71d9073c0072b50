package dev.devops.engine;

import com.fasterxml.jackson.databind.ObjectMapper;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One docker-java client, created lazily on the first call that talks to Docker and reused for
 * everything after. Honours {@code DOCKER_HOST}
 * (unix:// and tcp://, default unix:///var/run/docker.sock) and never pins an API version, so the
 * client speaks whatever version the engine answers with.
 *
 * <p>Every call is bounded: {@code DEVOPS_ENGINE_CONNECT_TIMEOUT} (seconds, default {@value #DEFAULT_CONNECT_SECONDS})
 * to connect, {@code DEVOPS_ENGINE_READ_TIMEOUT} (seconds, default {@value #DEFAULT_READ_SECONDS}) for an answer,
 * except for the calls that wait for work by design (logs, attach, wait, stop, build, pull, exec). A tcp engine
 * with {@code DOCKER_TLS_VERIFY} set is spoken to over TLS with the certificates of {@code DOCKER_CERT_PATH}
 * (default ~/.docker), or not at all when they are missing: never in plain HTTP.
 */
public final class EngineClient implements AutoCloseable {
    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";
    private static final String HINT = "start dockerd (e.g. `sudo dockerd &` or `scripts/docker-engine.sh`) or set DOCKER_HOST";

    public static final long DEFAULT_CONNECT_SECONDS = 3;
    public static final long DEFAULT_READ_SECONDS = 60;

    private final String host;
    private final Map<String, String> env;
    private DockerClient client;
    private DockerHttpClient http;
    /** The JSON mapper the client decodes answers with; {@link #prepare} warms this very instance. */
    private ObjectMapper mapper;
    private final Object mapperLock = new Object();
    private final java.util.concurrent.atomic.AtomicBoolean warming = new java.util.concurrent.atomic.AtomicBoolean();

    private EngineClient(String host, Map<String, String> env) {
        this.host = host;
        this.env = Map.copyOf(env);
    }

    /** A client for the engine named by {@code DOCKER_HOST} in the process environment. */
    public static EngineClient fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** A client for the engine named by {@code DOCKER_HOST} in {@code env} (the default socket without it). */
    public static EngineClient fromEnvironment(Map<String, String> env) {
        String h = env.get("DOCKER_HOST");
        java.util.Map<String, String> settings = new java.util.HashMap<>();
        for (String k : java.util.List.of("DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH", "HOME", "DEVOPS_ENGINE_CONNECT_TIMEOUT",
                "DEVOPS_ENGINE_READ_TIMEOUT")) {
            if (env.get(k) != null) {
                settings.put(k, env.get(k));
            }
        }
        return new EngineClient(h == null || h.isBlank() ? DEFAULT_HOST : h.trim(), settings);
    }

    public static EngineClient forHost(String host) {
        return new EngineClient(host, Map.of());
    }

    /** The engine address this client talks to, as messages show it: a password in it masked ({@link #shown}). */
    public String host() {
        return shown(host);
    }

    /**
     * {@code address} with the password of its user part masked ({@code tcp://user:****@host:2376}): DOCKER_HOST is
     * printed in every engine error, and a CI log must not carry a password given in it.
     */
    public static String shown(String address) {
        return address == null ? null : address.replaceAll("^([A-Za-z][A-Za-z0-9+.-]*://[^/@:]*:)[^/@]*@", "$1****@");
    }

    /**
     * The docker-java client with the zerodep transport, created on first use. Nothing is sent here:
     * the first call that cannot reach the engine throws the "no Docker engine" error with its hint.
     */
    public synchronized DockerClient docker() {
        if (client == null) {
            client = connect();
        }
        return client;
    }

    /**
     * Starts, on two daemon threads, the work the first engine calls would otherwise do one after
     * the other: creating the client, and building the JSON readers of the answers that up, down and
     * ps read first. Returns at once (and does nothing the second time); a failure here is only a lost
     * head start (the real call reports it).
     */
    public void warmUp() {
        warmUp(null);
    }

    /**
     * {@link #warmUp()} for one command: {@code ps} and {@code logs} read only the container listing, {@code down}
     * also networks and the events that say a container's process ended; anything else (up, build, …) every reader of {@link #prepare}. Readers a command never uses
     * would cost CPU the command itself needs (on a busy two-core machine that is wall time).
     */
    public void warmUp(String command) {
        if (!warming.compareAndSet(false, true)) {
            return; // once per client
        }
        daemon("devops-engine-connect", this::tryConnect);
        Class<?>[] readers = switch (command == null ? "" : command) {
            case "ps", "logs" -> new Class<?>[] {com.github.dockerjava.api.model.Container.class};
            case "down" -> new Class<?>[] {com.github.dockerjava.api.model.Container.class,
                    com.github.dockerjava.api.model.Network.class, com.github.dockerjava.api.model.Event.class};
            default -> READERS;
        };
        boolean plans = readers == READERS; // up (and build): the plan hashes every service's configuration
        daemon("devops-engine-json", () -> {
            prepareReaders(readers);
            if (plans) {
                prepareWriters(); // the resources are created while the plan is made
                ConfigHash.warm();
                ContainerFactory.warm(mapper());
            }
        });
    }

    /** The readers every stack command needs, in the order {@code up} needs them. */
    private static final Class<?>[] READERS = {com.github.dockerjava.api.model.Container.class,
            com.github.dockerjava.api.command.InspectImageResponse.class, com.github.dockerjava.api.model.Network.class,
            com.github.dockerjava.api.command.InspectVolumeResponse.class};

    /** Makes the client if it can; a failure is only a lost head start (the first real call reports it). */
    private void tryConnect() {
        try {
            docker();
        } catch (RuntimeException e) {
            // reported by the first real call
        }
    }

    private static void daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    /**
     * What {@link #warmUp} does, on the caller's thread (the training run uses it to archive the classes).
     */
    public void prepare() {
        tryConnect();
        prepareReaders();
        prepareWriters();
        ContainerFactory.warm(mapper());
        prepareReaders(com.github.dockerjava.api.command.InspectContainerResponse.class,
                com.github.dockerjava.api.model.Event.class);
    }

    private void prepareReaders() {
        prepareReaders(READERS);
    }

    /**
     * Builds, on a daemon thread, the readers of container-inspect answers (the largest) and of the event stream
     * that wakes the waits: an up that has containers to start and wait for needs them, a no-op up does not.
     */
    public void warmInspect() {
        daemon("devops-engine-json-inspect", () -> prepareReaders(com.github.dockerjava.api.command.InspectContainerResponse.class,
                com.github.dockerjava.api.model.Event.class));
    }

    /**
     * Builds the JSON writers of the network and volume create requests (an {@code up}'s first writes, on its
     * critical path before the first container is created).
     */
    private void prepareWriters() {
        ObjectMapper m = mapper();
        try {
            Map<String, String> labels = Map.of(ComposeLabels.PROJECT, "warm");
            m.writeValueAsBytes(new com.github.dockerjava.core.command.CreateNetworkCmdImpl(c -> null).withName("warm")
                    .withDriver("bridge").withLabels(labels).withCheckDuplicate(true));
            m.writeValueAsBytes(new com.github.dockerjava.core.command.CreateVolumeCmdImpl(c -> null).withName("warm")
                    .withDriver("local").withLabels(labels));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            // only a head start: the real calls report any problem
        }
    }

    private void prepareReaders(Class<?>... types) {
        ObjectMapper m = mapper();
        try {
            for (Class<?> type : types) {
                m.readValue("{}", type);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            // only a head start: the real calls report any problem
        }
    }

    /** The one JSON mapper the client decodes answers with (docker-java's default hands out a copy per call). */
    private ObjectMapper mapper() {
        synchronized (mapperLock) { // not the client's lock: the JSON warm-up runs while the client is made
            if (mapper == null) {
                mapper = DockerClientConfig.getDefaultObjectMapper();
            }
            return mapper;
        }
    }

    private DockerClient connect() {
        URI uri;
        try {
            uri = URI.create(host);
        } catch (IllegalArgumentException e) {
            throw new EngineException("DOCKER_HOST '" + shown(host) + "' is not a valid address: use unix:///path/to/docker.sock or tcp://host:port");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (scheme.equals("npipe") && !System.getProperty("os.name", "").startsWith("Windows")) {
            // the named-pipe transport loads kernel32 through JNA: elsewhere an UnsatisfiedLinkError, a JVM trace
            throw new EngineException("DOCKER_HOST '" + shown(host) + "' is a Windows named pipe, which this system does not"
                    + " have: use unix:///var/run/docker.sock or tcp://host:port");
        }
        if (!scheme.equals("unix") && !scheme.equals("tcp") && !scheme.equals("npipe")) {
            throw new EngineException("DOCKER_HOST '" + shown(host) + "' is not supported: use unix:///path/to/docker.sock or tcp://host:port");
        }
        if (scheme.equals("unix") && !Files.exists(Path.of(uri.getPath()))) {
            throw unavailable("socket " + uri.getPath() + " does not exist");
        }
        if (!scheme.equals("tcp")) {
            LazyTls.installAsDefault(); // the transport makes a TLS context even for a socket that never uses it
        }
        Duration connectTimeout = Duration.ofSeconds(seconds("DEVOPS_ENGINE_CONNECT_TIMEOUT", DEFAULT_CONNECT_SECONDS));
        long readSeconds = seconds("DEVOPS_ENGINE_READ_TIMEOUT", DEFAULT_READ_SECONDS);
        boolean tls = scheme.equals("tcp") && tlsVerify();
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host)
                .withApiVersion(RemoteApiVersion.UNKNOWN_VERSION)
                .withDockerTlsVerify(tls);
        if (tls) {
            builder.withDockerCertPath(certPath().toString());
        }
        DefaultDockerClientConfig config = builder.build();
        if (tls) {
            try {
                if (config.getSSLConfig() == null || config.getSSLConfig().getSSLContext() == null) {
                    throw new EngineException("DOCKER_TLS_VERIFY is set but no TLS context could be made from "
                            + certPath() + ": check ca.pem, cert.pem and key.pem there");
                }
            } catch (EngineException e) {
                throw e;
            } catch (Exception e) {
                String why = rootMessage(e);
                if (why.endsWith("Exception") || why.endsWith("Error")) {
                    why = "they are not PEM certificates and keys"; // a parser's bare exception says nothing more
                }
                throw new EngineException("DOCKER_TLS_VERIFY is set but the certificates in " + certPath()
                        + " cannot be used (" + why + "): fix them or point DOCKER_CERT_PATH elsewhere", e);
            }
        }
        DockerHttpClient httpClient = new GuardedHttpClient(transport(config, connectTimeout, Duration.ofSeconds(readSeconds)),
                () -> transport(config, connectTimeout, null), this::unavailable, shown(host), readSeconds);
        this.http = httpClient;
        return DockerClientImpl.getInstance(new SharedMapperConfig(config, mapper()), httpClient);
    }

    private static DockerHttpClient transport(DockerClientConfig config, Duration connect, Duration read) {
        ZerodepDockerHttpClient.Builder b = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(64)
                .connectionTimeout(connect);
        if (read != null) {
            b.responseTimeout(read);
        }
        return b.build();
    }

    /** DOCKER_TLS_VERIFY as the docker CLI reads it: set and not empty means verify (and then certificates are required). */
    private boolean tlsVerify() {
        String v = env.get("DOCKER_TLS_VERIFY");
        if (v == null || v.isBlank()) {
            return false;
        }
        Path dir = certPath();
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (String f : java.util.List.of("ca.pem", "cert.pem", "key.pem")) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            throw new EngineException("DOCKER_TLS_VERIFY is set but " + String.join(", ", missing) + " "
                    + (missing.size() == 1 ? "is" : "are") + " missing from " + dir
                    + " (DOCKER_CERT_PATH): refusing to talk to " + shown(host) + " without TLS; set DOCKER_CERT_PATH to the"
                    + " directory with ca.pem, cert.pem and key.pem, or unset DOCKER_TLS_VERIFY");
        }
        return true;
    }

    private Path certPath() {
        String p = env.get("DOCKER_CERT_PATH");
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home == null ? "." : home, ".docker");
    }

    /** A timeout setting in whole seconds; a value that is not a positive number is a UserError (exit 2). */
    private long seconds(String name, long def) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return def;
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new dev.devops.core.UserError(null, name + "='" + v + "' is not a number of seconds",
                "set it to a whole number above 0, or unset it (default " + def + ")");
    }

    private EngineException unavailable(String why) {
        return new EngineException("no Docker engine at " + shown(host) + " (" + why + "): " + HINT);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m).strip();
    }

    @Override
    public synchronized void close() {
        if (http != null) {
            try {
                http.close();
            } catch (IOException ignored) {
                // closing a connection pool; nothing left to do
            }
            http = null;
            client = null;
        }
    }

    /** The engine configuration with one fixed JSON mapper (the default one hands out a fresh copy per call). */
    private record SharedMapperConfig(DockerClientConfig base, com.fasterxml.jackson.databind.ObjectMapper mapper)
            implements DockerClientConfig {
        @Override
        public URI getDockerHost() {
            return base.getDockerHost();
        }

        @Override
        public RemoteApiVersion getApiVersion() {
            return base.getApiVersion();
        }

        @Override
        public String getRegistryUsername() {
            return base.getRegistryUsername();
        }

        @Override
        public String getRegistryPassword() {
            return base.getRegistryPassword();
        }

        @Override
        public String getRegistryEmail() {
            return base.getRegistryEmail();
        }

        @Override
        public String getRegistryUrl() {
            return base.getRegistryUrl();
        }

        @Override
        public com.github.dockerjava.api.model.AuthConfig effectiveAuthConfig(String imageName) {
            return base.effectiveAuthConfig(imageName);
        }

        @Override
        public com.github.dockerjava.api.model.AuthConfigurations getAuthConfigurations() {
            return base.getAuthConfigurations();
        }

        @Override
        public com.github.dockerjava.core.SSLConfig getSSLConfig() {
            return base.getSSLConfig();
        }

        @Override
        public com.fasterxml.jackson.databind.ObjectMapper getObjectMapper() {
            return mapper;
        }
    }
}
