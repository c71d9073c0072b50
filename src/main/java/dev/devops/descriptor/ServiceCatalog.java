package dev.devops.descriptor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What devops knows about each backing service type: image, pinned default version, port, data
 * directory, healthcheck, the variables its container reads, and the connection attributes an app's
 * variables can be derived from ({@link EnvVar#from()}: "postgres.url", "redis.host", …).
 *
 * <p>Attribute values may contain {@code ${VAR}} references to the service's own variables; the
 * renderer turns them into compose interpolations, and {@code {host}} into the service's compose name.
 */
public final class ServiceCatalog {

    /** A variable the service container itself reads (POSTGRES_PASSWORD …). */
    public record ServiceVar(String name, String defaultValue, boolean secret, String description) {
    }

    /**
     * One service type.
     *
     * @param type        catalog id
     * @param image       image repository without tag
     * @param version     the pinned default tag
     * @param port        the port the service listens on
     * @param dataPath    where its data lives inside the container (a named volume is mounted there), or null
     * @param healthcheck the healthcheck test in exec form ("CMD-SHELL", "…") for compose
     * @param vars        variables the container reads
     * @param attributes  connection attributes: url, host, port, address (host:port), user, password, database
     * @param command     extra command arguments, or empty
     */
    public record Entry(String type, String image, String version, int port, String dataPath,
            List<String> healthcheck, List<ServiceVar> vars, Map<String, String> attributes, List<String> command) {
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        add(new Entry("postgres", "postgres", "17", 5432, "/var/lib/postgresql/data",
                List.of("CMD-SHELL", "pg_isready -U \"$${POSTGRES_USER}\" -d \"$${POSTGRES_DB}\""),
                List.of(new ServiceVar("POSTGRES_USER", "app", false, "PostgreSQL user created at first start"),
                        new ServiceVar("POSTGRES_PASSWORD", null, true, "PostgreSQL password for POSTGRES_USER"),
                        new ServiceVar("POSTGRES_DB", "app", false, "PostgreSQL database created at first start")),
                attrs("url", "postgresql://${POSTGRES_USER}:${POSTGRES_PASSWORD}@{host}:5432/${POSTGRES_DB}",
                        // for clients that require TLS unless told otherwise (Go's lib/pq: sslmode=require); the
                        // stack's postgres speaks plain TCP on its private network
                        "url-notls", "postgresql://${POSTGRES_USER}:${POSTGRES_PASSWORD}@{host}:5432/${POSTGRES_DB}?sslmode=disable",
                        "jdbc", "jdbc:postgresql://{host}:5432/${POSTGRES_DB}",
                        "r2dbc", "r2dbc:postgresql://{host}:5432/${POSTGRES_DB}",
                        "host", "{host}", "port", "5432", "address", "{host}:5432", "user", "${POSTGRES_USER}",
                        "password", "${POSTGRES_PASSWORD}", "database", "${POSTGRES_DB}"),
                List.of()));
        add(new Entry("mysql", "mysql", "8.4", 3306, "/var/lib/mysql",
                List.of("CMD-SHELL", "mysqladmin ping -h 127.0.0.1 -u root -p\"$${MYSQL_ROOT_PASSWORD}\" --silent"),
                List.of(new ServiceVar("MYSQL_ROOT_PASSWORD", null, true, "MySQL root password"),
                        new ServiceVar("MYSQL_USER", "app", false, "MySQL user created at first start"),
                        new ServiceVar("MYSQL_PASSWORD", null, true, "MySQL password for MYSQL_USER"),
                        new ServiceVar("MYSQL_DATABASE", "app", false, "MySQL database created at first start")),
                attrs("url", "mysql://${MYSQL_USER}:${MYSQL_PASSWORD}@{host}:3306/${MYSQL_DATABASE}",
                        "jdbc", "jdbc:mysql://{host}:3306/${MYSQL_DATABASE}",
                        "r2dbc", "r2dbc:mysql://{host}:3306/${MYSQL_DATABASE}",
                        "host", "{host}", "port", "3306", "address", "{host}:3306", "user", "${MYSQL_USER}",
                        "password", "${MYSQL_PASSWORD}", "database", "${MYSQL_DATABASE}"),
                List.of()));
        add(new Entry("mariadb", "mariadb", "11.4", 3306, "/var/lib/mysql",
                List.of("CMD", "healthcheck.sh", "--connect", "--innodb_initialized"),
                List.of(new ServiceVar("MARIADB_ROOT_PASSWORD", null, true, "MariaDB root password"),
                        new ServiceVar("MARIADB_USER", "app", false, "MariaDB user created at first start"),
                        new ServiceVar("MARIADB_PASSWORD", null, true, "MariaDB password for MARIADB_USER"),
                        new ServiceVar("MARIADB_DATABASE", "app", false, "MariaDB database created at first start")),
                attrs("url", "mysql://${MARIADB_USER}:${MARIADB_PASSWORD}@{host}:3306/${MARIADB_DATABASE}",
                        "jdbc", "jdbc:mariadb://{host}:3306/${MARIADB_DATABASE}",
                        "r2dbc", "r2dbc:mariadb://{host}:3306/${MARIADB_DATABASE}",
                        "host", "{host}", "port", "3306", "address", "{host}:3306", "user", "${MARIADB_USER}",
                        "password", "${MARIADB_PASSWORD}", "database", "${MARIADB_DATABASE}"),
                List.of()));
        add(new Entry("mongodb", "mongo", "8.0", 27017, "/data/db",
                List.of("CMD", "mongosh", "--quiet", "--eval", "db.adminCommand('ping').ok"),
                List.of(new ServiceVar("MONGO_INITDB_ROOT_USERNAME", "app", false, "MongoDB root user"),
                        new ServiceVar("MONGO_INITDB_ROOT_PASSWORD", null, true, "MongoDB root password")),
                attrs("url", "mongodb://${MONGO_INITDB_ROOT_USERNAME}:${MONGO_INITDB_ROOT_PASSWORD}@{host}:27017/?authSource=admin",
                        "host", "{host}", "port", "27017", "address", "{host}:27017", "user", "${MONGO_INITDB_ROOT_USERNAME}",
                        "password", "${MONGO_INITDB_ROOT_PASSWORD}"),
                List.of()));
        add(new Entry("redis", "redis", "7.4", 6379, "/data",
                List.of("CMD", "redis-cli", "ping"),
                List.of(),
                attrs("url", "redis://{host}:6379", "host", "{host}", "port", "6379", "address", "{host}:6379"),
                List.of("redis-server", "--appendonly", "yes")));
        add(new Entry("rabbitmq", "rabbitmq", "3.13-management", 5672, "/var/lib/rabbitmq",
                List.of("CMD", "rabbitmq-diagnostics", "-q", "ping"),
                List.of(new ServiceVar("RABBITMQ_DEFAULT_USER", "app", false, "RabbitMQ user created at first start"),
                        new ServiceVar("RABBITMQ_DEFAULT_PASS", null, true, "RabbitMQ password for RABBITMQ_DEFAULT_USER")),
                attrs("url", "amqp://${RABBITMQ_DEFAULT_USER}:${RABBITMQ_DEFAULT_PASS}@{host}:5672",
                        "host", "{host}", "port", "5672", "address", "{host}:5672", "user", "${RABBITMQ_DEFAULT_USER}",
                        "password", "${RABBITMQ_DEFAULT_PASS}"),
                List.of()));
        add(new Entry("kafka", "apache/kafka", "3.9.0", 9092, "/var/lib/kafka/data",
                List.of("CMD-SHELL", "/opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9092 > /dev/null 2>&1"),
                List.of(),
                attrs("url", "{host}:9092", "host", "{host}", "port", "9092", "address", "{host}:9092", "brokers", "{host}:9092"),
                List.of()));
    }

    private ServiceCatalog() {
    }

    private static void add(Entry e) {
        ENTRIES.put(e.type(), e);
    }

    private static Map<String, String> attrs(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** The entry for a type, or null if unknown. */
    public static Entry get(String type) {
        return ENTRIES.get(type);
    }

    public static List<String> types() {
        return List.copyOf(ENTRIES.keySet());
    }
}
