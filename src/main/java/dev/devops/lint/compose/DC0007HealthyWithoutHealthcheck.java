package dev.devops.lint.compose;

import static dev.devops.lint.Severity.ERROR;

import dev.devops.compose.ComposeService;
import dev.devops.compose.ComposeService.Dependency;
import dev.devops.lint.dockerfile.Dockerfile;
import java.util.Map;

/** DC0007: depends_on service_healthy on a service without a healthcheck. */
final class DC0007HealthyWithoutHealthcheck {
    private DC0007HealthyWithoutHealthcheck() {
    }

    static final ComposeRule RULE = ComposeRule.of("DC0007", ERROR, "depends_on service_healthy on a service without a healthcheck",
            "condition: service_healthy waits for the dependency's health status; a service with no "
                    + "healthcheck (in compose or in its Dockerfile) never gets one and compose fails with "
                    + "'has no healthcheck configured'. Add a healthcheck: to that service (pg_isready, "
                    + "redis-cli ping …) or use condition: service_started.",
            DC0007HealthyWithoutHealthcheck::healthyWithoutHealthcheck);

    private static void healthyWithoutHealthcheck(ComposeScope s, ComposeRule.Reporter o) {
        Map<String, ComposeService> services = s.project().services();
        s.each(svc -> svc.dependsOn().values().forEach(d -> {
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
            if (!s.dockerfileHasHealthcheck(target)) {
                o.report(d.at(), "'" + svc.name() + "' waits for '" + d.service() + "' to be healthy, but '" + d.service()
                        + "' has no healthcheck", "add a healthcheck: to '" + d.service() + "' or use condition: service_started");
            }
        }));
    }
}
