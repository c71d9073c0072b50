package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.ERROR;

import java.util.Locale;

/** DF0031: FROM names a stage defined later. */
final class DF0031FromLaterStage {
    private DF0031FromLaterStage() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0031", ERROR, "FROM names a stage defined later",
            "A stage can only build on stages above it; FROM with the name of a later (or the same) stage is "
                    + "pulled as an image from the registry instead. Move the stage up, or fix the name.",
            DF0031FromLaterStage::fromLaterStage);

    private static void fromLaterStage(DockerfileScope s, DockerfileRule.Reporter o) {
        for (Stage st : s.stages()) {
            String img = st.image().toLowerCase(Locale.ROOT);
            Stage target = s.dockerfile().stage(img);
            // FROM scratch is the empty image whatever the stages are named; FROM node AS node names the stage after
            // the image it pulls (the image is resolved before the stage exists): neither refers to a stage
            if (target != null && target.index() > st.index() && st.parentStage() < 0 && !img.equals("scratch")) {
                o.report(st.from().line(), "FROM " + st.image() + " names a stage that is not above this one",
                        "move stage '" + img + "' before this FROM");
            }
        }
    }
}
