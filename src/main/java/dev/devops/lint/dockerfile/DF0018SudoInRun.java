package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.WARNING;

/** DF0018: sudo in RUN. */
final class DF0018SudoInRun {
    private DF0018SudoInRun() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0018", WARNING, "sudo in RUN",
            "Build steps already run as the current USER; sudo adds a setuid binary to the image and "
                    + "unpredictable TTY and signal behaviour. Switch with USER root for the step and back to "
                    + "the app user after it. Hadolint DL3004.",
            (s, o) -> DockerfileRule.eachCommand(s, o, c -> c.program().equals("sudo"), c -> "sudo in a build step",
                    "drop sudo; use USER root before the step and USER app after it"));
}
