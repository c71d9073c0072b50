package dev.devops.lint.compose;

import dev.devops.lint.Severity;

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
                    + "redis-cli ping …) or use condition: service_started. A warning when the service runs a vendor's "
                    + "published image (not a Docker Official Image, which never defines one): its HEALTHCHECK is not visible here.",
            DC0007HealthyWithoutHealthcheck::healthyWithoutHealthcheck);

    /**
     * A Docker Official Image ({@code postgres:16}, {@code library/redis}, {@code docker.io/library/mysql}): by the
     * official images' policy none defines a HEALTHCHECK, so without one in compose the service has none for sure.
     */
    static boolean isOfficialImage(String image) {
        String repo = dev.devops.lint.dockerfile.ImageRef.parse(image.strip()).repository().toLowerCase(java.util.Locale.ROOT);
        repo = repo.replaceFirst("^(docker\\.io/|index\\.docker\\.io/|registry-1\\.docker\\.io/)", "").replaceFirst("^library/", "");
        return !repo.contains("/") && !repo.contains("$");
    }

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
                String image = target.image();
                boolean unseen = target.build() == null && image != null && s.builds().of(s.project().directory(), target.name(), image) == null
                        && !isOfficialImage(image);
                ComposeScope.Built published = unseen ? s.builds().ofDirectoryName(image) : null;
                if (published != null && ComposeScope.hasHealthcheck(published)) {
                    return; // the image the repository's docker/…/<name>/Dockerfile makes, with its HEALTHCHECK
                }
                if (unseen) {
                    // a published image of a vendor (ghcr.io/mailcow/unbound, built from the repository's own
                    // Dockerfile by a CI job): its HEALTHCHECK, if any, is in the image, which lint does not pull
                    o.report(d.at(), Severity.WARNING, "'" + svc.name() + "' waits for '" + d.service() + "' to be healthy, but '"
                            + d.service() + "' has no healthcheck in compose (unless image " + image + " defines a HEALTHCHECK)",
                            "add a healthcheck: to '" + d.service() + "' or use condition: service_started");
                    return;
                }
                o.report(d.at(), "'" + svc.name() + "' waits for '" + d.service() + "' to be healthy, but '" + d.service()
                        + "' has no healthcheck", "add a healthcheck: to '" + d.service() + "' or use condition: service_started");
            }
        }));
    }
}
