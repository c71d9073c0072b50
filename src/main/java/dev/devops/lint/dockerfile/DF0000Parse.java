package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.ERROR;

/** DF0000: Dockerfile cannot be parsed (reported by {@link DockerfileCheck} itself, before the rules run). */
final class DF0000Parse {
    private DF0000Parse() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0000", ERROR, "Dockerfile cannot be parsed",
            "Docker could not build this file: an unknown instruction, an instruction before FROM, an unclosed "
                    + "heredoc, a binary or unreadable file. Fix the line named in the message; the other Dockerfile "
                    + "rules are skipped for this file until it parses.",
            (s, o) -> { });
}
