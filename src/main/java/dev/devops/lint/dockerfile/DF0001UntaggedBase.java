package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.WARNING;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** DF0001: Base image has no tag or uses 'latest'. */
final class DF0001UntaggedBase {
    private DF0001UntaggedBase() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0001", WARNING, "Base image has no tag or uses 'latest'",
            "FROM without a tag (or with :latest) builds from whatever the registry serves today, so two "
                    + "builds of the same commit can differ and break without a change. Pin a version tag "
                    + "(node:20.11-alpine) or a digest (@sha256:…). scratch, earlier stages and ARG-provided "
                    + "tags are fine. Like hadolint DL3006/DL3007: " + DockerfileRule.HADOLINT + "DL3007",
            DF0001UntaggedBase::untaggedBase);

    private static void untaggedBase(DockerfileScope s, DockerfileRule.Reporter o) {
        Set<String> stageNames = new HashSet<>();
        s.stages().forEach(st -> {
            if (st.name() != null) {
                stageNames.add(st.name());
            }
        });
        for (Stage st : s.stages()) {
            if (st.isScratch() || st.parentStage() >= 0 || !st.resolved()
                    || stageNames.contains(st.image().toLowerCase(Locale.ROOT))
                    || s.fragment() != null && s.fragment().stageElsewhere(st.image())) {
                // a stage of another part of the joined file (FROM base AS build, base defined in base.dockerfile)
                continue;
            }
            ImageRef ref = ImageRef.parse(st.image());
            if (ref.floating()) {
                boolean latest = "latest".equals(ref.tag());
                o.report(st.from().line(), "base image '" + st.image() + "' " + (latest ? "uses the floating 'latest' tag"
                        : "has no tag, so it means 'latest'") + ": builds change without a commit",
                        "pin a version, e.g. FROM " + ref.repository() + ":<version>");
            }
        }
    }
}
