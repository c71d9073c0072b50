package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.WARNING;

/** DF0025: FROM --platform with a constant. */
final class DF0025ConstantPlatform {
    private DF0025ConstantPlatform() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0025", WARNING, "FROM --platform with a constant",
            "A hard-coded --platform makes the build emulate that platform everywhere (slow) or produce an "
                    + "image for the wrong architecture. Use --platform=$BUILDPLATFORM for build stages or "
                    + "$TARGETPLATFORM, or leave it out. Hadolint DL3029.",
            DF0025ConstantPlatform::constantPlatform);

    private static void constantPlatform(DockerfileScope s, DockerfileRule.Reporter o) {
        for (Stage st : s.stages()) {
            String p = st.from().flag("platform");
            if (p != null && !p.contains("$")) {
                o.report(st.from().line(), "FROM --platform=" + p + " is hard-coded",
                        "use --platform=$BUILDPLATFORM (build stages) or $TARGETPLATFORM, or drop the flag");
            }
        }
    }
}
