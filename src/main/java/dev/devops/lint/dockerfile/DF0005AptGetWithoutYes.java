package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.WARNING;

/** DF0005: apt-get install without -y. */
final class DF0005AptGetWithoutYes {
    private DF0005AptGetWithoutYes() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0005", WARNING, "apt-get install without -y",
            "apt-get install asks for confirmation; in a build there is nobody to answer and the step "
                    + "fails or hangs. Add -y (or --yes). Hadolint DL3014.",
            (s, o) -> DockerfileRule.eachCommand(s, o, c -> c.isSub("apt-get", "install") && !c.hasFlag("-y", "--yes",
                    "--assume-yes", "-qq"), c -> "apt-get install without -y waits for a confirmation nobody gives",
                    "add -y: apt-get install -y …"));
}
