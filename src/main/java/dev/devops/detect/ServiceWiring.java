package dev.devops.detect;

import dev.devops.descriptor.EnvVar;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Whether an app can reach a backing service of its stack: one definition for {@code devops init}'s warning and
 * {@code devops lint}'s ENV0024. A service is wired to an app when a variable of the app takes a value from it
 * ({@code from: SERVICE.ATTRIBUTE}, which compose sets to the in-stack address), or when the app's code reaches it at
 * its in-stack host name literally ({@code redis://redis:6379}). Anything else leaves the app dialling localhost (or
 * nothing) while the service runs unused.
 */
public final class ServiceWiring {
    private ServiceWiring() {
    }

    /** Whether {@code env} or {@code code} connects the app to the service named {@code service}. */
    public static boolean wired(String service, Collection<EnvVar> env, CharSequence code) {
        return viaVariable(service, env) || atLiteralHost(service, code);
    }

    /** Service attributes that tell an app where the service is (the others, user/password/port/database, do not). */
    private static final java.util.Set<String> ADDRESS_ATTRIBUTES = java.util.Set.of("url", "jdbc", "r2dbc", "host", "address", "brokers");

    /**
     * A variable of the app takes the service's address from it ({@code from: service.url}, {@code .jdbc}, {@code .host},
     * {@code .address}, {@code .brokers}): a wired password or port alone leaves the app on its own host.
     */
    public static boolean viaVariable(String service, Collection<EnvVar> env) {
        return env.stream().anyMatch(v -> v.from() != null && v.from().startsWith(service + ".")
                && ADDRESS_ATTRIBUTES.contains(v.from().substring(service.length() + 1)));
    }

    /** The app's variables that take something other than the address from the service (its password, its port). */
    public static java.util.List<String> partial(String service, Collection<EnvVar> env) {
        return env.stream().filter(v -> v.from() != null && v.from().startsWith(service + "."))
                .map(EnvVar::name).toList();
    }

    /** What to do when the app reads {@code partial} from the service but not its address. */
    public static String hostAdvice(String service, String type, java.util.List<String> partial) {
        return "the app reads " + String.join(", ", partial) + " from it, but no variable the app reads gives its address, "
                + "so the app keeps its own host (e.g. a literal 'localhost') and cannot reach it: make the app read its host "
                + "from a variable (e.g. " + exampleHostVariable(type) + ") and set it in devops.yaml with 'from: " + service
                + "." + ("kafka".equals(type) ? "brokers" : "host") + "'";
    }

    private static String exampleHostVariable(String type) {
        return switch (type) {
            case "postgres", "mysql", "mariadb" -> "DB_HOST";
            case "redis" -> "REDIS_HOST";
            case "mongodb" -> "MONGO_HOST";
            case "rabbitmq" -> "RABBITMQ_HOST";
            default -> "KAFKA_BROKERS";
        };
    }

    /** The code names the service's in-stack host in a URL ({@code postgres://app@postgres:5432/app}). */
    public static boolean atLiteralHost(String service, CharSequence code) {
        return code != null && Pattern.compile("://(?:[^@/\\s'\"]*@)?" + Pattern.quote(service) + "[:/'\"]").matcher(code).find();
    }

    /** What to do about a service of type {@code type} (named {@code service}) that the app cannot reach. */
    public static String advice(String service, String type) {
        return "make the app read its address from a variable (e.g. " + exampleVariable(type) + ") and set it in "
                + "devops.yaml with 'from: " + service + "." + ("kafka".equals(type) ? "brokers" : "url")
                + "', or remove the service";
    }

    private static String exampleVariable(String type) {
        return switch (type) {
            case "postgres", "mysql", "mariadb" -> "DATABASE_URL";
            case "redis" -> "REDIS_URL";
            case "mongodb" -> "MONGODB_URI";
            case "rabbitmq" -> "AMQP_URL";
            case "kafka" -> "KAFKA_BROKERS";
            default -> type.toUpperCase(java.util.Locale.ROOT) + "_URL";
        };
    }
}
