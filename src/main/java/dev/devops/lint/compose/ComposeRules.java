package dev.devops.lint.compose;

import static dev.devops.lint.Severity.ERROR;
import static dev.devops.lint.Severity.INFO;
import static dev.devops.lint.Severity.WARNING;

import dev.devops.core.VariableNames;
import dev.devops.compose.ComposeProject;
import dev.devops.compose.ComposeService;
import dev.devops.compose.ComposeService.Dependency;
import dev.devops.compose.ComposeService.EnvEntry;
import dev.devops.compose.ComposeService.Mount;
import dev.devops.compose.ComposeService.Port;
import dev.devops.core.SourceLocation;
import dev.devops.files.FileKinds;
import dev.devops.files.Gitignore;
import dev.devops.lint.Severity;
import dev.devops.lint.dockerfile.DockerfileParser;
import dev.devops.lint.dockerfile.Dockerfile;
import dev.devops.lint.dockerfile.ImageRef;
import dev.devops.lint.dockerfile.Instruction;
import dev.devops.lint.dockerfile.Stage;
import dev.devops.lint.secrets.Filters;
import dev.devops.yaml.Suggest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The compose rules, one entry each: id, severity, title, explanation and the check. */
public final class ComposeRules {
    private ComposeRules() {
    }

    static final String PARSE_ID = "DC0000";

    /** DC0000, reported by the check itself when the files cannot be loaded. */
    public static final ComposeRule PARSE = ComposeRule.of(PARSE_ID, ERROR, "Compose file cannot be loaded",
            "The compose file is not valid: broken YAML, an unknown key, a value of the wrong type, a malformed "
                    + "${…} or an extends that names nothing. docker compose would refuse it too. Fix the place the "
                    + "message names; the other compose rules are skipped for this project until it loads.",
            (s, o) -> { });

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

    public static List<ComposeRule> all() {
        return RULES;
    }

    private static final List<ComposeRule> RULES = List.of(
            PARSE,
            ComposeRule.of("DC0001", INFO, "Obsolete top-level 'version'",
                    "Compose v2 ignores the top-level version: key and prints a warning about it; the file format is "
                            + "the Compose Specification whatever the number says. Delete the line.",
                    (s, o) -> {
                        if (s.project().version() != null) {
                            o.report(s.project().version().at(), "'version: " + s.project().version().value()
                                    + "' is obsolete and ignored by compose v2", "delete the version line");
                        }
                    }),
            ComposeRule.of("DC0002", WARNING, "Image has no tag or uses 'latest'",
                    "image: postgres (or :latest) runs whatever the registry serves on the day of the pull: a new "
                            + "major version can arrive without a change in the repository and break the stack or its "
                            + "data. Pin a version tag (postgres:16.3) or a digest. Services that also have build: are "
                            + "skipped (the image is the name of the built image), and so are images the project's "
                            + "build tool makes (Jib's <image> in pom.xml or build.gradle, docker build -t in a "
                            + "Makefile or package.json).",
                    ComposeRules::floatingImage),
            ComposeRule.of("DC0003", ERROR, "Hard-coded secret in environment",
                    "A password, token or key written as a literal in the compose file is committed with the code "
                            + "and readable by everyone with the repository. Reference a variable instead "
                            + "(POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it in .env}), keep the value in an "
                            + "untracked .env file, and document the name in .env.example; or use compose secrets. "
                            + "Credentials inside URLs (postgres://user:pass@db/app) count too. A development default "
                            + "(postgres, changeme, admin123: short or dictionary-like) is a warning, a random-looking "
                            + "value an error. Not reported in compose files of the test path class "
                            + "(tests/…, compose-e2e-test.yml, docker-compose.test.yml): a test stack's dummy values.",
                    ComposeRules::hardCodedSecret),
            ComposeRule.of("DC0004", ERROR, "Database allows an empty password or no authentication",
                    "MYSQL_ALLOW_EMPTY_PASSWORD=yes, an empty MYSQL_ROOT_PASSWORD, POSTGRES_HOST_AUTH_METHOD=trust or "
                            + "ALLOW_EMPTY_PASSWORD=yes start a database anyone who reaches the port can use as root. "
                            + "Set a password from a variable (MYSQL_ROOT_PASSWORD: ${MYSQL_ROOT_PASSWORD:?}). An error "
                            + "when the service publishes a port beyond loopback (or uses the host network), a warning "
                            + "when only the stack and the developer's machine reach it.",
                    ComposeRules::emptyPassword),
            ComposeRule.of("DC0005", WARNING, "Database or cache port published on all interfaces",
                    "\"5432:5432\" publishes the database on every network interface of the host, so anyone on the "
                            + "same network (and Docker bypasses host firewalls such as ufw) can try its password. "
                            + "Other services reach it by service name without any ports: entry; for access from the "
                            + "host, bind to loopback: \"127.0.0.1:5432:5432\".",
                    ComposeRules::dataPortPublic),
            ComposeRule.of("DC0006", INFO, "Port published on all interfaces",
                    "A ports: entry without a host address listens on every interface of the host, not only "
                            + "localhost, and Docker's iptables rules bypass host firewalls. For local development "
                            + "write \"127.0.0.1:8080:8080\".",
                    ComposeRules::anyPortPublic),
            ComposeRule.of("DC0007", ERROR, "depends_on service_healthy on a service without a healthcheck",
                    "condition: service_healthy waits for the dependency's health status; a service with no "
                            + "healthcheck (in compose or in its Dockerfile) never gets one and compose fails with "
                            + "'has no healthcheck configured'. Add a healthcheck: to that service (pg_isready, "
                            + "redis-cli ping …) or use condition: service_started.",
                    ComposeRules::healthyWithoutHealthcheck),
            ComposeRule.of("DC0008", WARNING, "Stateful service without a volume for its data",
                    "A database, cache or broker without a volume on its data directory keeps its data in the "
                            + "container (or an anonymous volume): recreating the container (a new image, a changed "
                            + "setting, down/up) loses it. Mount a named volume: volumes: [\"db-data:/var/lib/postgresql/data\"] "
                            + "and declare db-data under top-level volumes:.",
                    ComposeRules::statefulWithoutVolume),
            ComposeRule.of("DC0009", WARNING, "Stateful service without a healthcheck",
                    "Databases and brokers take seconds to accept connections after their container starts; without a "
                            + "healthcheck, services that depend on them start too early and crash or retry. Add a "
                            + "healthcheck (pg_isready -U postgres, mysqladmin ping, redis-cli ping, rabbitmq-diagnostics "
                            + "-q ping) and depends_on: {db: {condition: service_healthy}} in the app.",
                    ComposeRules::statefulWithoutHealthcheck),
            ComposeRule.of("DC0010", WARNING, "privileged: true",
                    "A privileged container has every capability and all host devices: root in it is root on the "
                            + "host. Grant only the capability the service needs with cap_add:, or remove the line.",
                    (s, o) -> each(s, (svc) -> {
                        if (svc.privileged()) {
                            o.report(svc.locate("privileged"), "service '" + svc.name() + "' runs privileged (root on the host)",
                                    "remove privileged: true; add only the needed capability with cap_add");
                        }
                    })),
            ComposeRule.of("DC0011", WARNING, "Docker socket mounted into a container",
                    "Whoever can talk to /var/run/docker.sock controls the Docker daemon and so the host (start a "
                            + "privileged container mounting /). Only mount it into trusted tools that need it "
                            + "(reverse proxies, CI runners), read-only, or use a socket proxy that allows only the "
                            + "API calls needed.",
                    ComposeRules::dockerSocket),
            ComposeRule.of("DC0012", WARNING, "network_mode: host",
                    "With the host network the container shares the host's interfaces and ports: no isolation, "
                            + "no service-name DNS, and port conflicts with the host. Use the default network and "
                            + "ports: unless the service truly needs the host stack.",
                    (s, o) -> each(s, svc -> {
                        if ("host".equals(svc.networkMode())) {
                            o.report(svc.locate("network_mode"), "service '" + svc.name() + "' uses the host network",
                                    "remove network_mode: host and publish the ports it needs");
                        }
                    })),
            ComposeRule.of("DC0013", INFO, "links is a legacy option",
                    "links: comes from the old Docker link system; on a compose network every service already "
                            + "reaches the others by service name. Remove links and use depends_on: for start order.",
                    (s, o) -> each(s, svc -> svc.links().forEach(l -> o.report(l.at(), "service '" + svc.name()
                            + "' uses the legacy link '" + l.value() + "'", "remove it: service names resolve on the network")))),
            ComposeRule.of("DC0014", INFO, "Both build and image without a pull policy",
                    "With build: and image: compose first tries to pull the image and builds only when the pull "
                            + "fails, which can silently run an old pushed image instead of your code. If the image: "
                            + "is just the tag for the built image, say so with pull_policy: build (or never).",
                    (s, o) -> each(s, svc -> {
                        if (svc.build() != null && svc.image() != null && svc.pullPolicy() == null) {
                            o.report(svc.locate("image"), "service '" + svc.name() + "' has both build and image; compose may pull '"
                                    + svc.image() + "' instead of building", "add pull_policy: build to always build, or remove one of them");
                        }
                    })),
            ComposeRule.of("DC0015", ERROR, "Host port used twice",
                    "Two ports: entries publishing the same host port (or overlapping ranges) on the same address and "
                            + "protocol cannot both start: the second container fails with 'port is already allocated'. "
                            + "Change one host port. Container-only entries (\"80\") publish no host port and never "
                            + "conflict, and neither do services in disjoint profiles (alternative deployments that are "
                            + "never started together; a service without profiles runs with every profile).",
                    ComposeRules::duplicateHostPorts),
            ComposeRule.of("DC0016", ERROR, "env_file does not exist",
                    "compose refuses to start a service whose env_file is missing. Create the file (often by copying "
                            + ".env.example), fix the path, or mark it optional with the long form: env_file: "
                            + "[{path: ./local.env, required: false}]. A per-deployment file that every clone lacks by "
                            + "design (git-ignored, or documented by an example file beside it, or written by the "
                            + "deployment platform such as Portainer's stack.env) is info with the cp command (nothing "
                            + "in the repository is wrong); an error only when nothing in the repository explains its "
                            + "absence.",
                    ComposeRules::missingEnvFile),
            ComposeRule.of("DC0017", ERROR, "Reference to an undefined network, volume, secret or config",
                    "A service that names a network, named volume, secret or config not declared at the top level "
                            + "makes compose fail before starting anything. Declare it under the top-level networks:, "
                            + "volumes:, secrets: or configs:, or fix the name.",
                    ComposeRules::undefinedReference),
            ComposeRule.of("DC0018", ERROR, "depends_on names a service that does not exist",
                    "compose refuses a depends_on entry naming an unknown service. Fix the name, or mark the "
                            + "dependency optional with required: false.",
                    ComposeRules::unknownDependency),
            ComposeRule.of("DC0019", INFO, "container_name set",
                    "A fixed container_name prevents scaling (--scale) and clashes when two checkouts of the project "
                            + "run on one machine. Remove it; compose names containers <project>-<service>-<n> and "
                            + "services find each other by service name.",
                    (s, o) -> each(s, svc -> {
                        if (svc.containerName() != null) {
                            o.report(svc.locate("container_name"), "service '" + svc.name() + "' has a fixed container_name",
                                    "remove container_name; use the service name to reach it");
                        }
                    })),
            ComposeRule.of("DC0020", INFO, "No restart policy on a long-running service",
                    "Without restart:, a service that crashes (or a host that reboots) stays down. Add restart: "
                            + "unless-stopped (or on-failure) to long-running services. One-shot services (ones "
                            + "others wait for with service_completed_successfully) and profile-only tools are skipped.",
                    ComposeRules::missingRestart),
            ComposeRule.of("DC0021", WARNING, "Powerful capability added",
                    "cap_add: ALL, SYS_ADMIN, SYS_MODULE, SYS_PTRACE or DAC_READ_SEARCH give the container near-root "
                            + "power over the host kernel. Add only the narrow capability the service needs (for "
                            + "example NET_BIND_SERVICE).",
                    (s, o) -> each(s, svc -> svc.capAdd().forEach(c -> {
                        String cap = c.value().toUpperCase(Locale.ROOT).replaceFirst("^CAP_", "");
                        if (Set.of("ALL", "SYS_ADMIN", "SYS_MODULE", "SYS_PTRACE", "DAC_READ_SEARCH").contains(cap)) {
                            o.report(c.at(), "service '" + svc.name() + "' adds capability " + cap,
                                    "add only the narrow capability it needs");
                        }
                    }))),
            ComposeRule.of("DC0022", WARNING, "Host PID, IPC or UTS namespace shared",
                    "pid: host lets the container see and signal every process of the host; ipc: host shares its "
                            + "shared memory; uts: host its hostname. Remove them unless the service is a host "
                            + "monitoring tool.",
                    ComposeRules::hostNamespaces),
            ComposeRule.of("DC0023", WARNING, "security_opt disables AppArmor, seccomp or SELinux",
                    "apparmor:unconfined, seccomp:unconfined and label:disable switch off the kernel confinement "
                            + "that limits what a compromised container can do. Remove them, or write a custom profile "
                            + "that allows only the extra calls needed.",
                    ComposeRules::securityOpt),
            ComposeRule.of("DC0024", WARNING, "Sensitive host path bind-mounted",
                    "Binding /, /etc, /root, /proc, /sys, /var/lib/docker or similar into a container exposes the "
                            + "host's configuration and secrets, and, if writable, the host itself. Mount only the "
                            + "specific file or directory the service needs, read-only.",
                    ComposeRules::sensitiveBind),
            ComposeRule.of("DC0025", ERROR, "depends_on cycle",
                    "Services that depend on each other in a circle can never start: compose refuses the project. "
                            + "Break the cycle: usually one side only needs the other at run time (it retries), not "
                            + "at start.",
                    (s, o) -> {
                        List<String> cycle = dev.devops.compose.StartOrder.cycle(s.project());
                        if (!cycle.isEmpty()) {
                            ComposeService first = s.project().services().get(cycle.get(0));
                            Dependency d = first.dependsOn().get(cycle.get(1));
                            o.report(d.at(), "depends_on forms a cycle: " + String.join(" -> ", cycle),
                                    "remove one of these depends_on entries");
                        }
                    }));

    // ---- helpers ----

    private static void each(ComposeRule.Scope s, java.util.function.Consumer<ComposeService> f) {
        s.project().services().values().forEach(f);
    }

    private static String imageBase(ComposeService svc) {
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

    // ---- checks ----

    private static void floatingImage(ComposeRule.Scope s, ComposeRule.Reporter o) {
        each(s, svc -> {
            if (svc.image() == null || svc.build() != null || svc.image().isEmpty()) {
                return;
            }
            ImageRef ref = ImageRef.parse(svc.image());
            if (ref.floating() && !s.builds().builtByTool(ref.repository())) {
                // the project's own image, built by its build tool (Jib, docker build -t in a Makefile): its tag is the project's
                o.report(svc.locate("image"), "service '" + svc.name() + "' uses image '" + svc.image() + "' "
                        + ("latest".equals(ref.tag()) ? "with the floating 'latest' tag" : "without a tag (means 'latest')"),
                        "pin a version: image: " + ref.repository() + ":<version>");
            }
        });
    }

    private static final Pattern URL_CREDENTIAL = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\\s]+:([^@\\s]+)@");
    private static final Set<String> EMPTY_OK = Set.of("MYSQL_ALLOW_EMPTY_PASSWORD", "MARIADB_ALLOW_EMPTY_ROOT_PASSWORD",
            "ALLOW_EMPTY_PASSWORD", "MYSQL_RANDOM_ROOT_PASSWORD", "MARIADB_RANDOM_ROOT_PASSWORD");

    private static final Pattern URI = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://\\S*");
    private static final Pattern QUERY_CREDENTIAL = Pattern.compile(
            "(?i)[?&;](?:password|passwd|pwd|pass|secret|token|api_?key|access_?key|auth)=[^&;$\\s]");

    /**
     * A URI that carries no credential: no password in its user-info ({@link #URL_CREDENTIAL} did not match) and no
     * {@code password=} / {@code token=} query parameter. A secret-named variable (DSN, DATABASE_URL) holding one
     * names a location, not a secret.
     */
    static boolean isUriWithoutCredential(String value) {
        String v = value.strip();
        return URI.matcher(v).matches() && !QUERY_CREDENTIAL.matcher(v).find();
    }

    private static void hardCodedSecret(ComposeRule.Scope s, ComposeRule.Reporter o) {
        Path root = s.root().toAbsolutePath().normalize();
        each(s, svc -> {
            for (EnvEntry e : svc.environment().values()) {
                if (e.value() == null || e.value().isEmpty() || e.interpolated() || EMPTY_OK.contains(e.name())) {
                    continue;
                }
                Path file = e.at() == null || e.at().file() == null ? null : e.at().file().toAbsolutePath().normalize();
                if (file != null && file.startsWith(root) && FileKinds.isTest(root.relativize(file).toString().replace('\\', '/'))) {
                    continue; // a test stack's dummy values (compose-e2e-test.yml): the secrets family's test class, silent
                }
                // the severity model of docs/SECRET-RULES.md: a development default (postgres, changeme, admin123)
                // is a warning, a random-looking value an error
                var m = URL_CREDENTIAL.matcher(e.source() == null ? e.value() : e.source());
                boolean credential = m.find();
                if (VariableNames.isSecret(e.name())) {
                    if (!credential && isUriWithoutCredential(e.value())) {
                        // a connection URL without a password (postgresql://app@db/app, DSN=sqlite:///data/db.sqlite) holds no secret
                        continue;
                    }
                    String secret = credential && !m.group(1).contains("$") ? m.group(1) : e.value();
                    boolean weak = Filters.isWeakCredential(secret);
                    o.report(e.at(), weak ? Severity.WARNING : Severity.ERROR, "service '" + svc.name() + "' sets " + e.name()
                            + " to a literal " + (weak ? "development default" : "value") + " in the compose file",
                            "write " + e.name() + ": ${" + e.name() + ":?} and put the value in an untracked .env file");
                } else if (credential && !m.group(1).contains("$")) {
                    boolean weak = Filters.isWeakCredential(m.group(1));
                    o.report(e.at(), weak ? Severity.WARNING : Severity.ERROR, "service '" + svc.name() + "' has a "
                            + (weak ? "development default " : "") + "password inside the URL in " + e.name(),
                            "build the URL from variables: ${DB_USER}:${DB_PASSWORD}@…, set in an untracked .env");
                }
            }
        });
    }

    private static boolean truthy(String v) {
        return v != null && Set.of("yes", "true", "1", "y", "on").contains(v.strip().toLowerCase(Locale.ROOT));
    }

    private static void emptyPassword(ComposeRule.Scope s, ComposeRule.Reporter o) {
        each(s, svc -> {
            Map<String, EnvEntry> env = svc.environment();
            for (EnvEntry e : env.values()) {
                String n = e.name();
                String why = null;
                if ((n.equals("MYSQL_ALLOW_EMPTY_PASSWORD") || n.equals("MARIADB_ALLOW_EMPTY_ROOT_PASSWORD")
                        || n.equals("ALLOW_EMPTY_PASSWORD")) && truthy(e.value())) {
                    why = n + "=" + e.value() + " lets anyone log in as root without a password";
                } else if (n.equals("POSTGRES_HOST_AUTH_METHOD") && "trust".equalsIgnoreCase(String.valueOf(e.value()))) {
                    why = "POSTGRES_HOST_AUTH_METHOD=trust accepts every connection without a password";
                } else if ((n.equals("MYSQL_ROOT_PASSWORD") || n.equals("MARIADB_ROOT_PASSWORD") || n.equals("POSTGRES_PASSWORD")
                        || n.equals("MONGO_INITDB_ROOT_PASSWORD")) && e.value() != null && e.value().isEmpty() && !e.interpolated()) {
                    why = n + " is set to an empty string";
                }
                if (why != null) {
                    // reachable from other hosts (a port on a non-loopback address): an error; otherwise only the stack's
                    // own containers and the developer's machine reach it: a development setup, a warning
                    boolean exposed = svc.ports().stream().anyMatch(p -> p.published() != null && !isLoopback(p.hostIp()))
                            || "host".equals(svc.networkMode());
                    o.report(e.at(), exposed ? Severity.ERROR : Severity.WARNING, "service '" + svc.name() + "': " + why
                                    + (exposed ? "" : " (its ports are published on loopback only, or not at all)"),
                            "set a password from a variable: ${" + (n.contains("ALLOW") || n.contains("METHOD")
                                    ? "DB_PASSWORD" : n) + ":?set it in .env}");
                }
            }
        });
    }

    private static boolean isLoopback(String hostIp) {
        return hostIp != null && (hostIp.startsWith("127.") || hostIp.equals("::1") || hostIp.equals("[::1]")
                || hostIp.equalsIgnoreCase("localhost"));
    }

    private static boolean isDataPort(ComposeService svc, Port p) {
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

    private static void dataPortPublic(ComposeRule.Scope s, ComposeRule.Reporter o) {
        each(s, svc -> svc.ports().forEach(p -> {
            if (p.allInterfaces() && isDataPort(svc, p)) {
                o.report(p.at(), "service '" + svc.name() + "' publishes " + p.published() + "->" + p.target()
                        + " on all interfaces", "bind to loopback (\"127.0.0.1:" + p.published() + ":" + p.target()
                        + "\") or drop the ports entry; other services use the service name");
            }
        }));
    }

    private static void anyPortPublic(ComposeRule.Scope s, ComposeRule.Reporter o) {
        each(s, svc -> svc.ports().forEach(p -> {
            if (p.allInterfaces() && !isDataPort(svc, p)) {
                o.report(p.at(), "service '" + svc.name() + "' publishes port " + p.published() + " on all interfaces",
                        "write \"127.0.0.1:" + p.published() + ":" + p.target() + "\" to listen on localhost only");
            }
        }));
    }

    private static void healthyWithoutHealthcheck(ComposeRule.Scope s, ComposeRule.Reporter o) {
        Map<String, ComposeService> services = s.project().services();
        each(s, svc -> svc.dependsOn().values().forEach(d -> {
            ComposeService target = services.get(d.service());
            if (!Dependency.HEALTHY.equals(d.condition()) || target == null) {
                return;
            }
            if (target.healthcheck() != null && !target.healthcheck().test().isEmpty()) {
                if (target.healthcheck().disabled()) {
                    o.report(d.at(), "'" + svc.name() + "' waits for '" + d.service() + "' to be healthy, but its healthcheck is disabled",
                            "enable the healthcheck of '" + d.service() + "' or use condition: service_started");
                }
                return;
            }
            if (target.healthcheck() != null && target.healthcheck().disabled()) {
                o.report(d.at(), "'" + svc.name() + "' waits for '" + d.service() + "' to be healthy, but its healthcheck is disabled",
                        "enable the healthcheck of '" + d.service() + "' or use condition: service_started");
                return;
            }
            if (!dockerfileHasHealthcheck(s, target)) {
                o.report(d.at(), "'" + svc.name() + "' waits for '" + d.service() + "' to be healthy, but '" + d.service()
                        + "' has no healthcheck", "add a healthcheck: to '" + d.service() + "' or use condition: service_started");
            }
        }));
    }

    /**
     * True when the service is built from a Dockerfile whose final image has a HEALTHCHECK: its own build, or, for a
     * service that only names an image, the build of the same service or image in another compose file of the
     * repository ({@link ComposeRule.Builds}).
     */
    static boolean dockerfileHasHealthcheck(ComposeRule.Scope s, ComposeService svc) {
        ComposeRule.Built built = built(s.project().directory(), svc);
        if (built == null) {
            built = s.builds().of(s.project().directory(), svc.name(), svc.image());
        }
        return built != null && hasHealthcheck(built);
    }

    /** The Dockerfile the service's own build: uses, or null (no build, a remote context, an inline Dockerfile). */
    public static ComposeRule.Built built(Path composeDir, ComposeService svc) {
        if (svc.build() == null || svc.build().context() == null || svc.build().context().contains("://")
                || svc.build().dockerfileInline() != null) {
            return null;
        }
        Path dir = composeDir.resolve(svc.build().context());
        Path file = dir.resolve(svc.build().dockerfile() == null ? "Dockerfile" : svc.build().dockerfile());
        return new ComposeRule.Built(file.normalize(), svc.build().target());
    }

    private static boolean hasHealthcheck(ComposeRule.Built built) {
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

    private static void statefulWithoutVolume(ComposeRule.Scope s, ComposeRule.Reporter o) {
        each(s, svc -> {
            String dir = dataDir(svc);
            if (dir == null) {
                return;
            }
            for (Mount m : svc.volumes()) {
                boolean persistent = m.isBind() || m.isNamedVolume();
                String t = m.target().replaceAll("/+$", "");
                if (persistent && (dir.equals(t) || dir.startsWith(t + "/") || t.startsWith(dir + "/"))) {
                    return;
                }
            }
            o.report(svc.locate("image"), "service '" + svc.name() + "' (" + imageBase(svc) + ") keeps its data in the container: "
                    + dir + " has no volume", "mount a named volume: volumes: [\"" + svc.name() + "-data:" + dir
                    + "\"] and declare it under top-level volumes:");
        });
    }

    private static void statefulWithoutHealthcheck(ComposeRule.Scope s, ComposeRule.Reporter o) {
        each(s, svc -> {
            if (dataDir(svc) != null && (svc.healthcheck() == null || svc.healthcheck().test().isEmpty())) {
                o.report(svc.locate("image"), "service '" + svc.name() + "' (" + imageBase(svc) + ") has no healthcheck",
                        "add a healthcheck, e.g. test: [\"CMD-SHELL\", \"" + healthHint(imageBase(svc)) + "\"]");
            }
        });
    }

    private static String healthHint(String base) {
        return switch (base) {
            case "postgres", "postgis", "postgresql" -> "pg_isready -U postgres";
            case "mysql", "mariadb" -> "mysqladmin ping -h localhost";
            case "redis", "valkey" -> "redis-cli ping";
            case "mongo", "mongodb" -> "mongosh --quiet --eval 'db.runCommand({ping: 1})'";
            case "rabbitmq" -> "rabbitmq-diagnostics -q ping";
            default -> "<a command that succeeds when the service accepts connections>";
        };
    }

    private static void dockerSocket(ComposeRule.Scope s, ComposeRule.Reporter o) {
        each(s, svc -> svc.volumes().forEach(m -> {
            String src = m.source() == null ? "" : m.source();
            if (m.isBind() && (src.endsWith("/docker.sock") || src.equals("/var/run/docker.sock") || src.endsWith("docker_engine"))) {
                o.report(m.at(), "service '" + svc.name() + "' mounts the Docker socket " + src + " (control of the host)",
                        "remove it, or use a socket proxy that allows only the API calls the tool needs");
            }
        }));
    }

    private record Bound(String service, List<String> profiles, String ip, String protocol, int first, int last,
            SourceLocation at) {
    }

    /**
     * Whether two services can run at the same time: a service without profiles always runs; services whose
     * profiles are disjoint belong to alternative deployments ({@code profiles: [default]} vs {@code [deprecated]})
     * that are never started together. The same service (two entries of one service) always counts.
     */
    static boolean canRunTogether(List<String> a, List<String> b) {
        return a.isEmpty() || b.isEmpty() || a.stream().anyMatch(b::contains);
    }

    private static void duplicateHostPorts(ComposeRule.Scope s, ComposeRule.Reporter o) {
        List<Bound> seen = new ArrayList<>();
        each(s, svc -> svc.ports().forEach(p -> {
            int[] r = p.publishedRange();
            if (r == null) {
                return;
            }
            String ip = p.allInterfaces() ? "*" : p.hostIp();
            List<String> profiles = svc.profiles() == null ? List.of() : svc.profiles();
            Bound b = new Bound(svc.name(), profiles, ip, p.protocol(), r[0], r[1], p.at());
            for (Bound x : seen) {
                boolean ipClash = x.ip().equals("*") || ip.equals("*") || x.ip().equals(ip);
                if (!x.service().equals(b.service()) && !canRunTogether(x.profiles(), b.profiles())) {
                    continue;
                }
                if (ipClash && x.protocol().equals(b.protocol()) && x.first() <= b.last() && b.first() <= x.last()) {
                    String what = x.first() == x.last() && b.first() == b.last() ? "host port " + b.first()
                            : "host ports " + b.first() + "-" + b.last() + " overlap " + x.first() + "-" + x.last();
                    o.report(p.at(), "service '" + svc.name() + "' publishes " + what + ", already used by '" + x.service()
                            + "' at line " + x.at().line(), "pick another host port for one of them");
                    break;
                }
            }
            seen.add(b);
        }));
    }

    private static void missingEnvFile(ComposeRule.Scope s, ComposeRule.Reporter o) {
        each(s, svc -> svc.envFiles().forEach(f -> {
            // ${PWD}/app.env with PWD unknown to lint (it reads the project's .env, not the shell): where it is cannot be told
            Path file = s.project().directory().resolve(f.path()).normalize();
            if (!f.required() || !f.resolvable(s.project().environment()) || Files.isRegularFile(file)) {
                return;
            }
            String optional = "or mark it optional: {path: " + f.path() + ", required: false}";
            Path root = s.root().toAbsolutePath().normalize();
            Path abs = file.toAbsolutePath();
            String rel = abs.startsWith(root) ? root.relativize(abs).toString().replace('\\', '/') : null;
            String example = exampleOf(s.project().directory(), file);
            String ignoredBy = rel == null ? null : Gitignore.listedBy(root, rel);
            boolean platform = FileKinds.isPlatformEnvFile(f.path());
            if (example == null && ignoredBy == null && !platform) {
                o.report(f.at(), "env_file '" + f.path() + "' of service '" + svc.name() + "' does not exist, and nothing in the "
                        + "repository says how to create it (no example file beside it, no .gitignore rule for it)",
                        "create it, fix the path, " + optional);
                return;
            }
            // a per-deployment file: absent from every clone (CI included) by design, created from the example
            String why = example != null ? "each checkout creates it from " + example
                    : ignoredBy != null ? ignoredBy + " ignores it: each checkout creates its own"
                    : "the deployment platform writes it";
            // info: nothing in the repository is wrong (a warning on every CI clone would be noise a gate learns to ignore)
            o.report(f.at(), Severity.INFO, "env_file '" + f.path() + "' of service '" + svc.name()
                            + "' does not exist in this checkout (" + why + "); compose refuses to start the service until it does",
                    (example != null ? "cp " + example + " " + f.path() + " and fill in the values, "
                            : "create " + f.path() + " before `docker compose up` (document its keys in an example file), ")
                            + optional);
        }));
    }

    /**
     * The example file that documents a missing env file, relative to the compose directory: {@code X.example} (or
     * another example word) beside it, else an example dotenv file in its directory ({@code .env.example},
     * {@code example.env}) or in the compose file's directory.
     */
    private static String exampleOf(Path composeDir, Path envFile) {
        Path dir = envFile.getParent();
        String name = envFile.getFileName().toString();
        for (String word : List.of("example", "sample", "template", "dist", "tpl")) {
            if (Files.isRegularFile(dir.resolve(name + "." + word))) {
                return relativeTo(composeDir, dir.resolve(name + "." + word));
            }
        }
        for (Path d : dir.equals(composeDir) ? List.of(dir) : List.of(dir, composeDir)) {
            try (var files = Files.list(d)) {
                Path ex = files.filter(p -> Files.isRegularFile(p)
                        && FileKinds.dotenv(p.getFileName().toString()) == FileKinds.Dotenv.EXAMPLE).sorted().findFirst().orElse(null);
                if (ex != null) {
                    return relativeTo(composeDir, ex);
                }
            } catch (IOException | RuntimeException e) {
                // a directory that cannot be listed documents nothing
            }
        }
        return null;
    }

    private static String relativeTo(Path dir, Path file) {
        return dir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static void undefinedReference(ComposeRule.Scope s, ComposeRule.Reporter o) {
        ComposeProject p = s.project();
        Map<String, String> examples = new LinkedHashMap<>();
        each(s, svc -> {
            svc.networks().values().forEach(n -> {
                if (!n.name().equals("default") && !p.networks().containsKey(n.name())) {
                    undeclared(s, o, examples, n.at(), "networks", "service '" + svc.name() + "' uses network '" + n.name() + "'",
                            n.name(), hint("networks", n.name(), p.networks().keySet()));
                }
            });
            svc.volumes().forEach(m -> {
                if (m.isNamedVolume() && !p.volumes().containsKey(m.source())) {
                    undeclared(s, o, examples, m.at(), "volumes", "service '" + svc.name() + "' mounts volume '" + m.source() + "'",
                            m.source(), hint("volumes", m.source(), p.volumes().keySet()) + " (or write ./" + m.source() + " for a host directory)");
                }
            });
            svc.secrets().forEach(r -> {
                if (!p.secrets().containsKey(r.source())) {
                    undeclared(s, o, examples, r.at(), "secrets", "service '" + svc.name() + "' uses secret '" + r.source() + "'",
                            r.source(), hint("secrets", r.source(), p.secrets().keySet()));
                }
            });
            svc.configs().forEach(r -> {
                if (!p.configs().containsKey(r.source())) {
                    undeclared(s, o, examples, r.at(), "configs", "service '" + svc.name() + "' uses config '" + r.source() + "'",
                            r.source(), hint("configs", r.source(), p.configs().keySet()));
                }
            });
        });
    }

    /** An override file's example: compose.override.yaml.example, docker-compose.override.sample.yml … */
    private static final Pattern OVERRIDE_EXAMPLE = Pattern.compile(
            "(?i)(docker-)?compose\\.override(\\.ya?ml\\.(example|sample|template|dist|tpl)|\\.(example|sample|template|dist|tpl)\\.ya?ml)");

    /**
     * DC0017 for one reference: an error, or info when the override example beside the project declares the name (the
     * base file is completed by a {@code compose.override.yaml} each checkout makes from
     * {@code compose.override.yaml.example}; compose merges it by default).
     */
    private static void undeclared(ComposeRule.Scope s, ComposeRule.Reporter o, Map<String, String> examples, SourceLocation at,
            String section, String what, String name, String hint) {
        Path dir = s.project().directory();
        String example = null;
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String n = f.getFileName().toString();
                if (OVERRIDE_EXAMPLE.matcher(n).matches()) {
                    String text = examples.computeIfAbsent(n, k -> {
                        try {
                            return Files.readString(f, StandardCharsets.UTF_8);
                        } catch (IOException | RuntimeException e) {
                            return "";
                        }
                    });
                    if (declares(text, section, name)) {
                        example = n;
                        break;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // a directory that cannot be listed explains nothing
        }
        if (example == null) {
            o.report(at, what + ", which is not declared", hint);
            return;
        }
        String override = example.replaceAll("(?i)\\.(example|sample|template|dist|tpl)", "");
        o.report(at, Severity.INFO, what + ", which only " + example + " declares: each checkout creates " + override
                + " from it, and compose merges that file by default", "cp " + example + " " + override + " and fill in the values");
    }

    /** Whether a compose file's text declares {@code name} under the top-level {@code section}. */
    private static boolean declares(String text, String section, String name) {
        boolean in = false;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                in = line.startsWith(section + ":");
            } else if (in && line.strip().startsWith(name) && line.strip().substring(name.length()).stripLeading().startsWith(":")) {
                return true;
            }
        }
        return false;
    }

    private static String hint(String section, String name, Set<String> declared) {
        String near = Suggest.closest(name, declared);
        return near != null ? "did you mean '" + near + "'?" : "declare it under the top-level " + section + ": key";
    }

    private static void unknownDependency(ComposeRule.Scope s, ComposeRule.Reporter o) {
        Set<String> names = s.project().services().keySet();
        each(s, svc -> svc.dependsOn().values().forEach(d -> {
            if (d.required() && !names.contains(d.service())) {
                String near = Suggest.closest(d.service(), names);
                o.report(d.at(), "service '" + svc.name() + "' depends on '" + d.service() + "', which is not defined",
                        near != null ? "did you mean '" + near + "'?" : "fix the name or add required: false");
            }
        }));
    }

    private static void missingRestart(ComposeRule.Scope s, ComposeRule.Reporter o) {
        Set<String> oneShot = new HashSet<>();
        each(s, svc -> svc.dependsOn().values().forEach(d -> {
            if (Dependency.COMPLETED.equals(d.condition())) {
                oneShot.add(d.service());
            }
        }));
        each(s, svc -> {
            boolean deployRestart = svc.deploy() instanceof dev.devops.compose.RawNode.Mapping d && d.has("restart_policy");
            if (svc.restart() == null && !deployRestart && !oneShot.contains(svc.name()) && svc.profiles().isEmpty()) {
                o.report(svc.at(), "service '" + svc.name() + "' has no restart policy: it stays down after a crash or reboot",
                        "add restart: unless-stopped");
            }
        });
    }

    private static void hostNamespaces(ComposeRule.Scope s, ComposeRule.Reporter o) {
        each(s, svc -> {
            Map<String, String> ns = new LinkedHashMap<>();
            ns.put("pid", svc.pid());
            ns.put("ipc", svc.ipc());
            ns.put("uts", svc.other().get("uts") instanceof dev.devops.compose.RawNode.Scalar u ? u.value() : null);
            ns.put("userns_mode", svc.other().get("userns_mode") instanceof dev.devops.compose.RawNode.Scalar u ? u.value() : null);
            ns.forEach((k, v) -> {
                if ("host".equals(v)) {
                    o.report(svc.locate(k), "service '" + svc.name() + "' shares the host's " + k + " namespace",
                            "remove " + k + ": host");
                }
            });
        });
    }

    private static final Pattern UNCONFINED = Pattern.compile(
            "(?i)(apparmor|seccomp|systempaths)\\s*[:=]\\s*unconfined|label\\s*[:=]\\s*disable|no-new-privileges\\s*[:=]\\s*false");

    private static void securityOpt(ComposeRule.Scope s, ComposeRule.Reporter o) {
        each(s, svc -> svc.securityOpt().forEach(opt -> {
            if (opt.value() != null && UNCONFINED.matcher(opt.value()).find()) {
                o.report(opt.at(), "service '" + svc.name() + "' turns off confinement: security_opt " + opt.value(),
                        "remove it, or use a custom profile that allows only what is needed");
            }
        }));
    }

    private static final Set<String> SENSITIVE = Set.of("/", "/etc", "/root", "/home", "/proc", "/sys", "/boot", "/dev",
            "/usr", "/var", "/var/run", "/run", "/var/lib/docker", "/var/log", "/lib", "/bin", "/sbin");
    private static final List<String> SENSITIVE_PREFIXES = List.of("/root/", "/proc/", "/sys/", "/boot/",
            "/var/lib/docker/", "/etc/ssh", "/etc/shadow", "/etc/sudoers", "/etc/kubernetes", "/home/");

    private static void sensitiveBind(ComposeRule.Scope s, ComposeRule.Reporter o) {
        each(s, svc -> svc.volumes().forEach(m -> {
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
