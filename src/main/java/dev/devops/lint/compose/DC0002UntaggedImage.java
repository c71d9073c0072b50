package dev.devops.lint.compose;

import static dev.devops.lint.Severity.WARNING;

import dev.devops.lint.dockerfile.ImageRef;

/** DC0002: Image has no tag or uses 'latest'. */
final class DC0002UntaggedImage {
    private DC0002UntaggedImage() {
    }

    static final ComposeRule RULE = ComposeRule.of("DC0002", WARNING, "Image has no tag or uses 'latest'",
            "image: postgres (or :latest) runs whatever the registry serves on the day of the pull: a new "
                    + "major version can arrive without a change in the repository and break the stack or its "
                    + "data. Pin a version tag (postgres:16.3) or a digest. Services that also have build: are "
                    + "skipped (the image is the name of the built image), and so are local image names (no "
                    + "registry or namespace: app-php) that another compose file of the project builds, and images the project's "
                    + "build tool makes (Jib's <image> in pom.xml or build.gradle, docker build -t in a "
                    + "Makefile or package.json).",
            DC0002UntaggedImage::floatingImage);

    /**
     * A local image name (no registry or namespace: {@code app-php}) that another compose file of the project builds
     * (compose.yaml names it, compose.override.yaml builds it): no registry serves it, so 'latest' is the build's own
     * tag. A published name ({@code org/app-config}) that a dev file also builds is still pulled by the base file.
     */
    private static boolean localBuild(ComposeScope s, dev.devops.compose.ComposeService svc, ImageRef ref) {
        return ref.repository().indexOf('/') < 0 && s.builds().of(s.project().directory(), svc.name(), svc.image()) != null;
    }

    private static void floatingImage(ComposeScope s, ComposeRule.Reporter o) {
        s.each(svc -> {
            if (svc.image() == null || svc.build() != null || svc.image().isEmpty()) {
                return;
            }
            ImageRef ref = ImageRef.parse(svc.image());
            if ((ref.tag() == null || ref.tag().isEmpty()) && svc.partlyUnset("image")) {
                return; // image: postgres:${POSTGRES_TAG} and no .env here: the tag is the environment's to give
            }
            if (ref.floating() && !s.builds().builtByTool(ref.repository()) && !localBuild(s, svc, ref)) {
                // the project's own image, built by its build tool (Jib, docker build -t in a Makefile): its tag is the project's
                o.report(svc.locate("image"), "service '" + svc.name() + "' uses image '" + svc.image() + "' "
                        + ("latest".equals(ref.tag()) ? "with the floating 'latest' tag" : "without a tag (means 'latest')"),
                        "pin a version: image: " + ref.repository() + ":<version>");
            }
        });
    }
}
