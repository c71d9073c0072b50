package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.WARNING;

/** DF0022: MAINTAINER is deprecated. */
final class DF0022Maintainer {
    private DF0022Maintainer() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0022", WARNING, "MAINTAINER is deprecated",
            "MAINTAINER is deprecated. Use LABEL org.opencontainers.image.authors=\"name <mail>\". Hadolint DL4000.",
            (s, o) -> s.eachInstruction("MAINTAINER", i -> o.report(i.line(), "MAINTAINER is deprecated",
                    "use LABEL org.opencontainers.image.authors=\"…\"")));
}
