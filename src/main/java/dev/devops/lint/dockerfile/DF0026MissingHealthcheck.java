package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.INFO;

import java.util.Locale;

/** DF0026: No HEALTHCHECK in the final image. */
final class DF0026MissingHealthcheck {
    private DF0026MissingHealthcheck() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0026", INFO, "No HEALTHCHECK in the final image",
            "Without a HEALTHCHECK Docker only knows the process is running, not that the app answers; "
                    + "compose depends_on: service_healthy and orchestrators cannot wait for it. Add e.g. "
                    + "HEALTHCHECK CMD [\"wget\", \"-qO-\", \"http://localhost:8080/health\"], or define the "
                    + "healthcheck in compose. Reported only for images that EXPOSE a port (a command-line "
                    + "tool or a one-shot job has nothing to probe), and not for scratch and distroless images, "
                    + "which have no tools to run a check.",
            DF0026MissingHealthcheck::missingHealthcheck);

    private static void missingHealthcheck(DockerfileScope s, DockerfileRule.Reporter o) {
        Stage last = s.dockerfile().lastStage();
        if (last == null) {
            return;
        }
        boolean exposes = false;
        for (Stage st : s.lineage(last)) {
            for (Instruction i : st.body()) {
                exposes |= i.is("EXPOSE");
            }
        }
        if (!exposes) {
            return;
        }
        for (Stage st : s.lineage(last)) {
            for (Instruction i : st.body()) {
                if (i.is("HEALTHCHECK")) {
                    return;
                }
            }
            if (st.parentStage() < 0) {
                String img = st.image().toLowerCase(Locale.ROOT);
                if (st.isScratch() || img.contains("distroless") || img.startsWith("cgr.dev/chainguard/static")) {
                    return;
                }
            }
        }
        o.report(last.from().line(), "the final image has no HEALTHCHECK",
                "add HEALTHCHECK CMD … that probes the app, or a healthcheck in compose");
    }
}
