package dev.devops.lint.compose;

import static dev.devops.lint.Severity.WARNING;

/** DC0009: Stateful service without a healthcheck. */
final class DC0009StatefulWithoutHealthcheck {
    private DC0009StatefulWithoutHealthcheck() {
    }

    static final ComposeRule RULE = ComposeRule.of("DC0009", WARNING, "Stateful service without a healthcheck",
            "Databases and brokers take seconds to accept connections after their container starts; without a "
                    + "healthcheck, services that depend on them start too early and crash or retry. Add a "
                    + "healthcheck (pg_isready -U postgres, mysqladmin ping, redis-cli ping, rabbitmq-diagnostics "
                    + "-q ping) and depends_on: {db: {condition: service_healthy}} in the app.",
            DC0009StatefulWithoutHealthcheck::statefulWithoutHealthcheck);

    private static void statefulWithoutHealthcheck(ComposeScope s, ComposeRule.Reporter o) {
        s.each(svc -> {
            if (ComposeScope.dataDir(svc) != null && (svc.healthcheck() == null || svc.healthcheck().test().isEmpty())) {
                o.report(svc.locate("image"), "service '" + svc.name() + "' (" + ComposeScope.imageBase(svc) + ") has no healthcheck",
                        "add a healthcheck, e.g. test: [\"CMD-SHELL\", \"" + healthHint(ComposeScope.imageBase(svc)) + "\"]");
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
}
