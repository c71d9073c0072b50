package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.WARNING;

import java.util.List;

/** DF0008: apt-get upgrade or dist-upgrade in a build. */
final class DF0008AptUpgrade {
    private DF0008AptUpgrade() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0008", WARNING, "apt-get upgrade or dist-upgrade in a build",
            "Upgrading every package makes the image depend on the day of the build and can pull in "
                    + "changes the base image maintainers did not test. Use a newer base image tag instead, "
                    + "or upgrade only the package you need with apt-get install --only-upgrade pkg.",
            (s, o) -> DockerfileRule.eachCommand(s, o, c -> (c.program().equals("apt-get") || c.program().equals("apt"))
                    && List.of("upgrade", "dist-upgrade", "full-upgrade").contains(String.valueOf(c.subcommand())),
                    c -> c.program() + " " + c.subcommand() + " makes the image depend on the day it was built",
                    "use a newer base image tag, or upgrade one package with apt-get install --only-upgrade"));
}
