package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.WARNING;

/** DF0017: cd in RUN. */
final class DF0017CdInRun {
    private DF0017CdInRun() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0017", WARNING, "cd in RUN",
            "cd changes directory for that RUN only, so later instructions still run elsewhere; the intent "
                    + "is clearer and lasting with WORKDIR /path. Hadolint DL3003.",
            (s, o) -> DockerfileRule.eachCommand(s, o, c -> c.program().equals("cd"),
                    c -> "'" + c + "' only lasts for this RUN", "use WORKDIR /path instead of cd"));
}
