package dev.devops.detect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM server frameworks besides Spring Boot — Quarkus and Micronaut — as one table each: how a build declares
 * them, the extensions that need a backing service, the property that sets the HTTP port, and the environment
 * variables their configuration binds to a service (issue 9 classes 2 and 4). Spring Boot's relaxed binding is here
 * too, so every framework's binding is one lookup.
 */
final class JvmFrameworks {
    private JvmFrameworks() {
    }

    /** The framework a pom.xml or Gradle build file declares (its BOM, parent, plugin), or null. */
    static String framework(String buildFile) {
        if (buildFile == null) {
            return null;
        }
        if (QUARKUS.matcher(buildFile).find()) {
            return "quarkus";
        }
        if (MICRONAUT.matcher(buildFile).find()) {
            return "micronaut";
        }
        return null;
    }

    private static final Pattern QUARKUS = Pattern.compile(
            "<artifactId>\\s*quarkus-(?:maven-plugin|bom|universe-bom)\\s*</artifactId>|id\\s*\\(?\\s*['\"]io\\.quarkus['\"]"
            + "|['\"]io\\.quarkus(?:\\.platform)?:quarkus-bom");
    private static final Pattern MICRONAUT = Pattern.compile(
            "<groupId>\\s*io\\.micronaut\\.platform\\s*</groupId>\\s*<artifactId>\\s*micronaut-parent"
            + "|<artifactId>\\s*micronaut-maven-plugin\\s*</artifactId>"
            + "|id\\s*\\(?\\s*['\"]io\\.micronaut\\.(?:application|minimal\\.application)['\"]");

    /** "group:artifact" of a framework's extension → the service it connects to (drivers come with them). */
    static final Map<String, String> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("io.quarkus:quarkus-jdbc-postgresql", "postgres");
        SERVICES.put("io.quarkus:quarkus-jdbc-mysql", "mysql");
        SERVICES.put("io.quarkus:quarkus-jdbc-mariadb", "mariadb");
        SERVICES.put("io.quarkus:quarkus-mongodb-client", "mongodb");
        SERVICES.put("io.quarkus:quarkus-mongodb-panache", "mongodb");
        SERVICES.put("io.quarkus:quarkus-redis-client", "redis");
        SERVICES.put("io.quarkus:quarkus-messaging-kafka", "kafka");
        SERVICES.put("io.quarkus:quarkus-smallrye-reactive-messaging-kafka", "kafka");
        SERVICES.put("io.quarkus:quarkus-messaging-rabbitmq", "rabbitmq");
        SERVICES.put("io.micronaut.redis:micronaut-redis-lettuce", "redis");
        SERVICES.put("io.micronaut.mongodb:micronaut-mongo-sync", "mongodb");
        SERVICES.put("io.micronaut.mongodb:micronaut-mongo-reactive", "mongodb");
        SERVICES.put("io.micronaut.kafka:micronaut-kafka", "kafka");
        SERVICES.put("io.micronaut.rabbitmq:micronaut-rabbitmq", "rabbitmq");
    }

    /**
     * The variables the framework binds to a service of {@code type}, each with the service attribute it takes
     * ({@code {"QUARKUS_DATASOURCE_JDBC_URL", "jdbc"}}); empty for another framework or type.
     */
    static List<String[]> binding(String framework, String type) {
        String fw = framework == null ? "" : framework;
        boolean sql = "postgres".equals(type) || "mysql".equals(type) || "mariadb".equals(type);
        return switch (fw) {
            case "spring-boot" -> switch (type) {
                case "postgres", "mysql", "mariadb" -> List.of(new String[] {"SPRING_DATASOURCE_URL", "jdbc"},
                        new String[] {"SPRING_DATASOURCE_USERNAME", "user"}, new String[] {"SPRING_DATASOURCE_PASSWORD", "password"});
                case "redis" -> List.of(new String[] {"SPRING_DATA_REDIS_HOST", "host"}, new String[] {"SPRING_REDIS_HOST", "host"});
                case "mongodb" -> List.<String[]>of(new String[] {"SPRING_DATA_MONGODB_URI", "url"});
                case "rabbitmq" -> List.of(new String[] {"SPRING_RABBITMQ_HOST", "host"},
                        new String[] {"SPRING_RABBITMQ_USERNAME", "user"}, new String[] {"SPRING_RABBITMQ_PASSWORD", "password"});
                case "kafka" -> List.<String[]>of(new String[] {"SPRING_KAFKA_BOOTSTRAP_SERVERS", "brokers"});
                default -> List.<String[]>of();
            };
            // an environment variable overrides every profile's value of its property (%prod. included)
            case "quarkus" -> sql ? List.of(new String[] {"QUARKUS_DATASOURCE_JDBC_URL", "jdbc"},
                    new String[] {"QUARKUS_DATASOURCE_USERNAME", "user"}, new String[] {"QUARKUS_DATASOURCE_PASSWORD", "password"})
                    : switch (type) {
                        case "redis" -> List.<String[]>of(new String[] {"QUARKUS_REDIS_HOSTS", "url"});
                        case "mongodb" -> List.<String[]>of(new String[] {"QUARKUS_MONGODB_CONNECTION_STRING", "url"});
                        case "kafka" -> List.<String[]>of(new String[] {"KAFKA_BOOTSTRAP_SERVERS", "brokers"});
                        case "rabbitmq" -> List.of(new String[] {"RABBITMQ_HOST", "host"},
                                new String[] {"RABBITMQ_USERNAME", "user"}, new String[] {"RABBITMQ_PASSWORD", "password"});
                        default -> List.<String[]>of();
                    };
            case "micronaut" -> sql ? List.of(new String[] {"DATASOURCES_DEFAULT_URL", "jdbc"},
                    new String[] {"DATASOURCES_DEFAULT_USERNAME", "user"}, new String[] {"DATASOURCES_DEFAULT_PASSWORD", "password"})
                    : switch (type) {
                        case "redis" -> List.<String[]>of(new String[] {"REDIS_URI", "url"});
                        case "mongodb" -> List.<String[]>of(new String[] {"MONGODB_URI", "url"});
                        case "kafka" -> List.<String[]>of(new String[] {"KAFKA_BOOTSTRAP_SERVERS", "brokers"});
                        case "rabbitmq" -> List.of(new String[] {"RABBITMQ_HOST", "host"},
                                new String[] {"RABBITMQ_USERNAME", "user"}, new String[] {"RABBITMQ_PASSWORD", "password"});
                        default -> List.<String[]>of();
                    };
            default -> List.of();
        };
    }

    /** How the framework's configuration names the property the variable binds (for descriptions and evidence). */
    static String property(String framework, String variable) {
        String p = variable.toLowerCase(java.util.Locale.ROOT).replace('_', '.');
        return "quarkus".equals(framework) && p.startsWith("rabbitmq.") ? "rabbitmq-" + p.substring("rabbitmq.".length()) : p;
    }

    /**
     * The HTTP port the framework's configuration sets in the app's {@code src/main/resources/application.*}
     * ({@code quarkus.http.port}, {@code micronaut.server.port}; the production profile's value first), or null
     * when it keeps the default (8080 for both).
     */
    static Integer port(RepoFiles repo, String dir, String framework) {
        String key = switch (framework == null ? "" : framework) {
            case "quarkus" -> "quarkus.http.port";
            case "micronaut" -> "micronaut.server.port";
            default -> null;
        };
        if (key == null) {
            return null;
        }
        String props = repo.source(RepoFiles.join(dir, "src/main/resources/application.properties"));
        if (props != null) {
            for (String k : List.of("%prod." + key, key)) {
                Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(k) + "\\s*[=:]\\s*(\\d{2,5})\\s*$").matcher(props);
                if (m.find()) {
                    return Code.port(m.group(1));
                }
            }
        }
        for (String y : List.of("application.yml", "application.yaml")) {
            String yaml = repo.source(RepoFiles.join(dir, "src/main/resources/" + y));
            if (yaml == null) {
                continue;
            }
            String[] parts = key.split("\\.");
            // nested keys (micronaut:\n  server:\n    port: 8081) or the dotted key on one line
            Matcher dotted = Pattern.compile("(?m)^\\s*" + Pattern.quote(key) + "\\s*:\\s*(\\d{2,5})\\s*$").matcher(yaml);
            if (dotted.find()) {
                return Code.port(dotted.group(1));
            }
            Matcher nested = Pattern.compile("(?m)^" + parts[0] + ":\\s*\\n(?:[ \\t]+.*\\n)*?([ \\t]+)" + parts[1]
                    + ":\\s*\\n(?:\\1[ \\t]+.*\\n)*?\\1[ \\t]+" + parts[2] + ":\\s*(\\d{2,5})\\s*$").matcher(yaml);
            if (nested.find()) {
                return Code.port(nested.group(2));
            }
        }
        return null;
    }
}
