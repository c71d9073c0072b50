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

    /** A variable of the app takes its value from the service ({@code from: service.…}). */
    public static boolean viaVariable(String service, Collection<EnvVar> env) {
        return env.stream().anyMatch(v -> v.from() != null && v.from().startsWith(service + "."));
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
