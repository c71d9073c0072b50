package dev.devops.lint.compose;

import static dev.devops.lint.Severity.INFO;

/** DC0014: Both build and image without a pull policy. */
final class DC0014BuildAndImage {
    private DC0014BuildAndImage() {
    }

    static final ComposeRule RULE = ComposeRule.of("DC0014", INFO, "Both build and image without a pull policy",
            "With build: and image: compose first tries to pull the image and builds only when the pull "
                    + "fails, which can silently run an old pushed image instead of your code. If the image: "
                    + "is just the tag for the built image, say so with pull_policy: build (or never).",
            (s, o) -> s.each(svc -> {
                if (svc.build() != null && svc.image() != null && svc.pullPolicy() == null) {
                    o.report(svc.locate("image"), "service '" + svc.name() + "' has both build and image; compose may pull '"
                            + svc.image() + "' instead of building", "add pull_policy: build to always build, or remove one of them");
                }
            }));
}
