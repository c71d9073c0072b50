package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.WARNING;

/** DF0016: Relative WORKDIR. */
final class DF0016RelativeWorkdir {
    private DF0016RelativeWorkdir() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0016", WARNING, "Relative WORKDIR",
            "A relative WORKDIR depends on the WORKDIR before it (or the base image's), which is easy to "
                    + "misread and breaks when the base image changes. Use an absolute path: WORKDIR /app. "
                    + "Hadolint DL3000.",
            DF0016RelativeWorkdir::relativeWorkdir);

    private static void relativeWorkdir(DockerfileScope s, DockerfileRule.Reporter o) {
        s.eachInstruction("WORKDIR", i -> {
            String p = DockerfileRule.unquote(i.rest().strip());
            if (!p.isEmpty() && !DockerfileRule.isAbsolutePath(p)) {
                o.report(i.line(), "WORKDIR " + p + " is relative to the previous working directory",
                        "use an absolute path, e.g. WORKDIR /" + p.replaceFirst("^\\./", ""));
            }
        });
    }
}
