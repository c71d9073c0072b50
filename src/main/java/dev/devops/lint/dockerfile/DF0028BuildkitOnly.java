package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.INFO;

/** DF0028: BuildKit-only syntax (RUN --mount, heredoc). */
final class DF0028BuildkitOnly {
    private DF0028BuildkitOnly() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0028", INFO, "BuildKit-only syntax (RUN --mount, heredoc)",
            "RUN --mount and heredocs need BuildKit. devops up builds through the Docker Engine API's "
                    + "classic builder, which rejects them; docker build with BuildKit (the default in Docker "
                    + "23+) accepts them. Build with BuildKit (DOCKER_BUILDKIT=1), or rewrite the step "
                    + "without the mount or heredoc if devops up must build it.",
            DF0028BuildkitOnly::buildkitOnly);

    private static void buildkitOnly(DockerfileScope s, DockerfileRule.Reporter o) {
        for (Instruction i : s.dockerfile().instructions()) {
            if (i.is("RUN") && i.hasFlag("mount")) {
                o.report(i.line(), "RUN --mount needs BuildKit; devops up's classic builder cannot build it",
                        "build with BuildKit, or drop the mount if devops up must build this image");
            } else if (!i.heredocs().isEmpty()) {
                o.report(i.line(), i.keyword() + " with a heredoc needs BuildKit; devops up's classic builder cannot build it",
                        "build with BuildKit, or write the heredoc as a file and COPY it");
            }
        }
    }
}
