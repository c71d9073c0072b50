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
        if (KTOR.matcher(buildFile).find()) {
            return "ktor";
        }
        return null;
    }

    /** Ktor's Gradle plugin, or a Ktor server engine (the plugin is how Ktor builds its runnable jar: buildFatJar). */
    static final String KTOR_PLUGIN = "io.ktor.plugin";
    private static final Pattern KTOR = Pattern.compile("id\\s*\\(?\\s*['\"]io\\.ktor\\.plugin['\"]"
            + "|['\"]io\\.ktor:ktor-server-(?:netty|cio|jetty|jetty-jakarta|tomcat|tomcat-jakarta)(?:-jvm)?[:'\"]"
            + "|<artifactId>\\s*ktor-server-(?:netty|cio|jetty|tomcat)(?:-jvm)?\\s*</artifactId>");

    private static final Pattern QUARKUS = Pattern.compile(
            "<artifactId>\\s*quarkus-(?:maven-plugin|bom|universe-bom)\\s*</artifactId>|id\\s*\\(?\\s*['\"]io\\.quarkus['\"]"
            + "|['\"]io\\.quarkus(?:\\.platform)?:quarkus-bom");
    private static final Pattern MICRONAUT = Pattern.compile(
            "<groupId>\\s*io\\.micronaut\\.platform\\s*</groupId>\\s*<artifactId>\\s*micronaut-parent"
            + "|<artifactId>\\s*micronaut-maven-plugin\\s*</artifactId>"
            + "|id\\s*\\(?\\s*['\"]io\\.micronaut\\.(?:application|minimal\\.application)['\"]");

    /**
     * The framework of a Java app whose build declares Quarkus or Micronaut (nothing when another framework was found):
     * its name, its health endpoint (smallrye-health's /q/health, micronaut-management's /health). Call before the
     * port is read; {@link #port(AppDraft, RepoFiles)} after.
     */
    static void detect(AppDraft d, String buildFile, String buildText) {
        String fw = d.framework == null ? framework(buildText) : null;
        if (fw == null) {
            return;
        }
        d.framework = fw;
        d.evidence("framework " + fw + " from " + buildFile);
        String health = "quarkus".equals(fw) && buildText.contains("quarkus-smallrye-health") ? "/q/health"
                : "micronaut".equals(fw) && buildText.contains("micronaut-management") ? "/health" : null;
        if (health != null && d.healthcheck == null) {
            d.healthcheck = health;
            d.evidence("healthcheck " + health + " from " + buildFile + " (" + fw + "'s health extension)");
        }
    }

    /** The HTTP port the framework's own property sets, over the Java default. */
    static void port(AppDraft d, RepoFiles repo) {
        Integer p = port(repo, d.dir, d.framework);
        if (p != null && (d.portDefault || d.port == null)) {
            d.port = p;
            d.portDefault = false;
            d.evidence("port " + p + " from " + ("quarkus".equals(d.framework) ? "quarkus.http.port" : "micronaut.server.port")
                    + " in " + RepoFiles.join(d.dir, "src/main/resources"));
        }
    }

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
        return binding(framework, type, false);
    }

    /** {@link #binding(String, String)}; {@code reactive}: a Spring app's SQL database through R2DBC. */
    static List<String[]> binding(String framework, String type, boolean reactive) {
        String fw = framework == null ? "" : framework;
        boolean sql = "postgres".equals(type) || "mysql".equals(type) || "mariadb".equals(type);
        return switch (fw) {
            case "spring-boot" -> switch (type) {
                case "postgres", "mysql", "mariadb" -> reactive
                        ? List.of(new String[] {"SPRING_R2DBC_URL", "r2dbc"}, new String[] {"SPRING_R2DBC_USERNAME", "user"},
                                new String[] {"SPRING_R2DBC_PASSWORD", "password"})
                        : List.of(new String[] {"SPRING_DATASOURCE_URL", "jdbc"},
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

    /**
     * Spring Boot, Quarkus and Micronaut bind environment variables to their properties (SPRING_DATASOURCE_URL or, through
     * R2DBC, SPRING_R2DBC_URL,
     * QUARKUS_DATASOURCE_JDBC_URL, DATASOURCES_DEFAULT_URL …; {@link #binding}): an app of one of them with a service
     * gets those wired unless it already reads its own variables for that service.
     */
    static void bind(RepoFiles repo, AppDraft d, java.util.Set<String> types, Map<String, dev.devops.descriptor.EnvVar> env,
            String prefix, List<String> evidence) {
        // a Spring app that connects through R2DBC binds SPRING_R2DBC_* instead of the JDBC datasource
        boolean reactive = "spring-boot".equals(d.framework) && SpringProfiles.reactive(repo, d);
        String name = switch (d.framework == null ? "" : d.framework) {
            case "spring-boot" -> "Spring Boot";
            case "quarkus" -> "Quarkus";
            case "micronaut" -> "Micronaut";
            default -> null;
        };
        if (name == null) {
            return;
        }
        for (String type : types) {
            // what the app's own variables already give (its datasource URL through ${DB_URL}): the framework's
            // variable for the same thing is not added; the others still are (the user and password its
            // configuration sets as literals must agree with the service's)
            java.util.Set<String> given = new java.util.HashSet<>();
            env.values().stream().filter(v -> v.from() != null && v.from().startsWith(type + "."))
                    .forEach(v -> given.add(role(v.from().substring(type.length() + 1))));
            if (given.contains("address") && !given.contains("user") && !given.contains("password")
                    && !List.of("postgres", "mysql", "mariadb").contains(type)) {
                continue; // redis, mongodb … at the app's own URL: nothing else to agree on
            }
            for (String[] v : binding(d.framework, type, reactive)) {
                if (given.contains(role(v[1]))) {
                    continue;
                }
                String from = type + "." + v[1];
                String desc = EnvNames.description(v[0], from);
                String property = property(d.framework, v[0]);
                env.put(v[0], new dev.devops.descriptor.EnvVar(v[0], desc != null ? desc : name + " binds it to " + property,
                        false, dev.devops.core.VariableNames.isSecret(v[0]), null, from));
                evidence.add(prefix + v[0] + " from " + from + " (" + name + ("Spring Boot".equals(name) ? " relaxed" : "")
                        + " binding of " + property + ")");
            }
        }
    }

    /** url, jdbc, r2dbc, host, address, brokers: where the service is; user, password: who connects. */
    private static String role(String attribute) {
        return switch (attribute) {
            case "user", "password", "database", "port" -> attribute;
            default -> "address";
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
