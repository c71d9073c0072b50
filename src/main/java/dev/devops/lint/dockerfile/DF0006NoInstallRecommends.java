package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.INFO;

/** DF0006: apt-get install without --no-install-recommends. */
final class DF0006NoInstallRecommends {
    private DF0006NoInstallRecommends() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0006", INFO, "apt-get install without --no-install-recommends",
            "By default apt installs 'recommended' packages too, often tens of megabytes the app never uses. "
                    + "Add --no-install-recommends and list what you need. Hadolint DL3015.",
            (s, o) -> DockerfileRule.eachCommand(s, o, c -> c.isSub("apt-get", "install")
                    && !c.hasFlag("--no-install-recommends") && !c.toString().contains("Install-Recommends"),
                    c -> "apt-get install pulls in recommended packages too",
                    "add --no-install-recommends"));
}
