package dev.devops.lint.compose;

import dev.devops.compose.ComposeLoader;
import dev.devops.compose.ComposeProject;
import dev.devops.compose.ComposeService;
import dev.devops.compose.ComposeService.Port;
import dev.devops.lint.dockerfile.Dockerfile;
import dev.devops.lint.dockerfile.DockerfileParser;
import dev.devops.lint.dockerfile.ImageRef;
import dev.devops.lint.dockerfile.Instruction;
import dev.devops.lint.dockerfile.Stage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a compose rule sees: the typed, merged project, the repository root (for files the project names) and the
 * builds of every compose file of the repository ({@link Builds}); and the queries several rules share (which
 * services are stateful, which ports are a database's, whether a service's image has a healthcheck).
 */
public final class ComposeScope {
    /** Data directories of stateful images, by image base name. */
    static final Map<String, String> DATA_DIRS = Map.ofEntries(
            Map.entry("postgres", "/var/lib/postgresql/data"), Map.entry("postgis", "/var/lib/postgresql/data"),
            Map.entry("mysql", "/var/lib/mysql"), Map.entry("mariadb", "/var/lib/mysql"),
            Map.entry("mongo", "/data/db"), Map.entry("redis", "/data"), Map.entry("valkey", "/data"),
            Map.entry("rabbitmq", "/var/lib/rabbitmq"), Map.entry("elasticsearch", "/usr/share/elasticsearch/data"),
            Map.entry("opensearch", "/usr/share/opensearch/data"), Map.entry("kafka", "/var/lib/kafka/data"),
            Map.entry("cp-kafka", "/var/lib/kafka/data"), Map.entry("zookeeper", "/data"),
            Map.entry("cassandra", "/var/lib/cassandra"), Map.entry("neo4j", "/data"), Map.entry("minio", "/data"),
            Map.entry("influxdb", "/var/lib/influxdb2"), Map.entry("couchdb", "/opt/couchdb/data"),
            Map.entry("clickhouse-server", "/var/lib/clickhouse"), Map.entry("mssql-server", "/var/opt/mssql"),
            Map.entry("postgresql", "/bitnami/postgresql"), Map.entry("mongodb", "/bitnami/mongodb"));

    /** Container ports of databases, caches and brokers. */
    static final Set<Integer> DATA_PORTS = Set.of(5432, 3306, 33060, 1433, 1521, 27017, 27018, 6379, 6380, 5672, 15672,
            9092, 9093, 29092, 2181, 9200, 9300, 11211, 8086, 9042, 7687, 7474, 5984, 8123, 26257, 4222);

    private final ComposeProject project;
    private final Path root;
    private final Builds builds;
    private final Declared declared;
    private final boolean catalogue;

    public ComposeScope(ComposeProject project, Path root, Builds builds) {
        this(project, root, builds, Declared.NONE);
    }

    public ComposeScope(ComposeProject project, Path root, Builds builds, Declared declared) {
        this(project, root, builds, declared, false);
    }

    /** {@code catalogue}: the file is one of a platform's catalogue of templates ({@link #inCatalogue}). */
    public ComposeScope(ComposeProject project, Path root, Builds builds, Declared declared, boolean catalogue) {
        this.project = project;
        this.root = root;
        this.builds = builds == null ? Builds.NONE : builds;
        this.declared = declared == null ? Declared.NONE : declared;
        this.catalogue = catalogue;
    }

    /**
     * Whether the project is a template of a platform's catalogue ({@link dev.devops.lint.LintContext#composeCatalogues}):
     * the platform completes it before anything runs it.
     */
    public boolean inCatalogue() {
        return catalogue;
    }

    /**
     * Whether the project is a fragment of a stack that a local development environment generates and merges it with:
     * DDEV joins every {@code .ddev/docker-compose.*.yaml} to the base file it writes itself (its {@code web} and
     * {@code db} services, its {@code ddev-global-cache} volume), which is not in the repository.
     */
    public boolean completedByDevEnvironment() {
        List<Path> files = project.files();
        if (files.isEmpty()) {
            return false;
        }
        String first = project.directory().resolve(files.get(0)).toAbsolutePath().normalize().toString().replace('\\', '/');
        return first.contains("/.ddev/");
    }

    /**
     * Whether the project is a library of service definitions that other compose files take services from
     * ({@code extends: file: ../../script/base-compose.yml}, {@code service: oap}) and that is not a file compose
     * starts by default: each suite starts the few services it extends, never the library as a whole.
     */
    public boolean isExtendsLibrary() {
        List<Path> files = project.files();
        if (files.size() != 1 || ComposeLoader.DEFAULT_FILES.contains(files.get(0).getFileName().toString())) {
            return false;
        }
        Path abs = project.directory().resolve(files.get(0)).toAbsolutePath().normalize();
        return declared.extendedByOthers(root.toAbsolutePath().normalize().relativize(abs).toString().replace('\\', '/'));
    }

    public ComposeScope(ComposeProject project, Path root) {
        this(project, root, Builds.NONE);
    }

    public ComposeProject project() {
        return project;
    }

    /** The repository root. */
    public Path root() {
        return root;
    }

    /**
     * Where a relative path of the project's files points: from the project directory, as compose resolves it by
     * default; or, when that file does not exist but the path begins with the project directory's own path from the
     * repository root and exists from there, from the repository root. That project is started with the root as its
     * project directory (a Makefile's {@code docker compose --project-directory $(CURDIR) -f ci/pod/docker-compose.yml}),
     * and its files write every path from the root ({@code env_file: ci/pod/etcd/env/common.env}).
     */
    public Path resolve(String path) {
        Path dir = project.directory();
        Path file = dir.resolve(path).normalize();
        if (Files.isRegularFile(file) || root == null) {
            return file;
        }
        Path r = root.toAbsolutePath().normalize();
        Path d = dir.toAbsolutePath().normalize();
        if (!d.startsWith(r) || d.equals(r)) {
            return file;
        }
        String fromRoot = r.relativize(d).toString().replace('\\', '/') + "/";
        String p = path.startsWith("./") ? path.substring(2) : path;
        Path alt = r.resolve(p).normalize();
        return p.startsWith(fromRoot) && Files.isRegularFile(alt) ? alt : file;
    }

    public Builds builds() {
        return builds;
    }

    /** What the repository's other compose files declare ({@link Declared}). */
    public Declared declared() {
        return declared;
    }

    /**
     * The names every compose file of the repository declares: per section ({@code services}, {@code networks},
     * {@code volumes}, {@code secrets}, {@code configs}), each name with the first file (repository-relative) that
     * declares it. A file that uses a network or depends on a service only another compose file declares is a
     * fragment meant to be combined with it ({@code docker compose -f ../compose.yml -f compose.yml}), not a broken
     * project.
     */
    public record Declared(java.util.Map<String, java.util.Map<String, String>> bySection,
            java.util.function.Supplier<Set<String>> extended) {
        public static final Declared NONE = new Declared(java.util.Map.of());

        public Declared(java.util.Map<String, java.util.Map<String, String>> bySection) {
            this(bySection, Set::of);
        }

        /**
         * Whether another compose file of the repository names {@code file} (repository-relative) in an
         * {@code extends: file:} entry (asked only when a finding is about to be made).
         */
        public boolean extendedByOthers(String file) {
            return extended.get().contains(file);
        }

        /** The file of another project that declares {@code name} in {@code section}, or null. */
        public String by(String section, String name, String except) {
            String f = bySection.getOrDefault(section, java.util.Map.of()).get(name);
            return f == null || f.equals(except) ? null : f;
        }
    }

    /** Calls {@code f} with each service of the project, in order. */
    public void each(Consumer<ComposeService> f) {
        project.services().values().forEach(f);
    }

    /** A Dockerfile and the stage a build stops at (null: the last). */
    public record Built(Path dockerfile, String target) {
    }

    /**
     * Which Dockerfile makes an image, across the repository's compose files: a base file often runs the published
     * image ({@code image: org/app-config}) that an override or dev file builds ({@code build: config}) for the same
     * service. Keys: the image name as written, and the compose directory with the service name; and the image
     * repositories the project's build tool makes ({@link #builtByTool}).
     */
    public record Builds(java.util.Map<String, Built> byImage, java.util.Map<String, Built> byService,
            java.util.Set<String> byBuildTool, java.util.Map<String, Built> byDirectoryName) {
        public static final Builds NONE = new Builds(java.util.Map.of(), java.util.Map.of(), java.util.Set.of());

        public Builds(java.util.Map<String, Built> byImage, java.util.Map<String, Built> byService) {
            this(byImage, byService, java.util.Set.of());
        }

        public Builds(java.util.Map<String, Built> byImage, java.util.Map<String, Built> byService,
                java.util.Set<String> byBuildTool) {
            this(byImage, byService, byBuildTool, java.util.Map.of());
        }

        /**
         * The repository's Dockerfile in a directory named as image {@code image}'s last path segment
         * ({@code ghcr.io/openzipkin/zipkin-eureka:latest} and {@code docker/test-images/zipkin-eureka/Dockerfile}): the
         * image a CI job builds from it and publishes, or null.
         */
        public Built ofDirectoryName(String image) {
            if (image == null || byDirectoryName.isEmpty()) {
                return null;
            }
            String repo = dev.devops.lint.dockerfile.ImageRef.parse(image.strip()).repository();
            return byDirectoryName.get(repo.substring(repo.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT));
        }

        /**
         * Whether the project's build tool makes image {@code repository} (without tag): Jib's {@code <image>} in
         * pom.xml or {@code image =} in build.gradle, {@code docker build -t} in a Makefile or package.json script.
         */
        public boolean builtByTool(String repository) {
            return byBuildTool.contains(repository);
        }

        /** The build that makes service {@code service} of the project in {@code dir} with image {@code image}, or null. */
        public Built of(Path dir, String service, String image) {
            Built b = byService.get(key(dir, service));
            return b != null || image == null ? b : byImage.get(image);
        }

        public static String key(Path dir, String service) {
            return dir.toAbsolutePath().normalize() + "\0" + service;
        }
    }

    static String imageBase(ComposeService svc) {
        return svc.image() == null ? null : ImageRef.parse(svc.image()).baseName();
    }

    /** The data directory when the service runs a known stateful image, else null. */
    static String dataDir(ComposeService svc) {
        String base = imageBase(svc);
        if (base == null) {
            return null;
        }
        String repo = ImageRef.parse(svc.image()).repository().toLowerCase(Locale.ROOT);
        if (repo.startsWith("bitnami/")) {
            return "/bitnami/" + base;
        }
        return DATA_DIRS.get(base);
    }

    static boolean isDataPort(ComposeService svc, Port p) {
        int[] t = p.targetRange();
        if (t == null) {
            return false;
        }
        if (dataDir(svc) != null) {
            return true;
        }
        for (int x = t[0]; x <= t[1] && x - t[0] < 100; x++) {
            if (DATA_PORTS.contains(x)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the service is built from a Dockerfile whose final image has a HEALTHCHECK: its own build, or, for a
     * service that only names an image, the build of the same service or image in another compose file of the
     * repository ({@link Builds}).
     */
    boolean dockerfileHasHealthcheck(ComposeService svc) {
        Built built = built(project.directory(), svc);
        if (built == null) {
            built = builds.of(project.directory(), svc.name(), svc.image());
        }
        return built != null && hasHealthcheck(built);
    }

    /** The Dockerfile the service's own build: uses, or null (no build, a remote context, an inline Dockerfile). */
    public static Built built(Path composeDir, ComposeService svc) {
        if (svc.build() == null || svc.build().context() == null || svc.build().context().contains("://")
                || svc.build().dockerfileInline() != null) {
            return null;
        }
        Path dir = composeDir.resolve(svc.build().context());
        Path file = dir.resolve(svc.build().dockerfile() == null ? "Dockerfile" : svc.build().dockerfile());
        return new Built(file.normalize(), svc.build().target());
    }

    /** Whether the Dockerfile of the build {@code built} gives its image a HEALTHCHECK. */
    static boolean hasHealthcheck(Built built) {
        Path file = built.dockerfile();
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > 4L * 1024 * 1024) {
                return false;
            }
            Dockerfile df = DockerfileParser.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            Stage last = built.target() != null && df.stage(built.target()) != null ? df.stage(built.target()) : df.lastStage();
            while (last != null) {
                for (Instruction i : last.body()) {
                    if (i.is("HEALTHCHECK")) {
                        return !i.rest().strip().equalsIgnoreCase("NONE");
                    }
                }
                last = last.parentStage() >= 0 ? df.stages().get(last.parentStage()) : null;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }
}
