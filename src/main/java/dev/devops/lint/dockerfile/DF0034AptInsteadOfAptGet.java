package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.WARNING;

/** DF0034: apt used instead of apt-get. */
final class DF0034AptInsteadOfAptGet {
    private DF0034AptInsteadOfAptGet() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0034", WARNING, "apt used instead of apt-get",
            "apt is meant for people at a terminal and warns that its interface is unstable in scripts. "
                    + "Use apt-get (or apt-cache) in Dockerfiles. Hadolint DL3027.",
            (s, o) -> DockerfileRule.eachCommand(s, o, c -> c.program().equals("apt") && c.subcommand() != null,
                    c -> "apt " + c.subcommand() + ": apt has no stable interface for scripts",
                    "use apt-get instead of apt"));
}
