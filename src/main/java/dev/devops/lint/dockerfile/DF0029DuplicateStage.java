package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.ERROR;

import java.util.HashMap;
import java.util.Map;

/** DF0029: Duplicate stage name. */
final class DF0029DuplicateStage {
    private DF0029DuplicateStage() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0029", ERROR, "Duplicate stage name",
            "Two stages with the same AS name make COPY --from and --target ambiguous; Docker rejects it. "
                    + "Rename one of them. Hadolint DL3024.",
            DF0029DuplicateStage::duplicateStage);

    private static void duplicateStage(DockerfileScope s, DockerfileRule.Reporter o) {
        Map<String, Integer> seen = new HashMap<>();
        for (Stage st : s.stages()) {
            if (st.name() != null) {
                Integer prev = seen.putIfAbsent(st.name(), st.from().line());
                if (prev != null) {
                    o.report(st.from().line(), "stage name '" + st.name() + "' is already used at line " + prev,
                            "give each stage its own name");
                }
            }
        }
    }
}
