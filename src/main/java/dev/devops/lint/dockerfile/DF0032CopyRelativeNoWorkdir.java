package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.WARNING;

import java.util.Set;

/** DF0032: COPY to a relative path without WORKDIR. */
final class DF0032CopyRelativeNoWorkdir {
    private DF0032CopyRelativeNoWorkdir() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0032", WARNING, "COPY to a relative path without WORKDIR",
            "A relative COPY destination is resolved against the working directory, which is the base "
                    + "image's (often /) when this stage sets no WORKDIR. Set WORKDIR /app first, or use an "
                    + "absolute destination. Hadolint DL3045.",
            DF0032CopyRelativeNoWorkdir::copyRelativeNoWorkdir);

    private static void copyRelativeNoWorkdir(DockerfileScope s, DockerfileRule.Reporter o) {
        for (Stage st : s.stages()) {
            boolean workdir = false;
            for (Stage anc : s.lineage(st)) {
                if (anc != st) {
                    workdir |= anc.body().stream().anyMatch(i -> i.is("WORKDIR"));
                }
                // FROM base, base a stage of another part of the joined file that sets one
                workdir |= s.fragment() != null && anc.parentStage() < 0 && s.fragment().setsWorkdir(anc.image());
            }
            for (Instruction i : st.body()) {
                if (i.is("WORKDIR")) {
                    workdir = true;
                } else if ((i.is("COPY") || i.is("ADD")) && !workdir) {
                    String dest = i.copyDestination();
                    if (dest != null && !DockerfileRule.isAbsolutePath(DockerfileRule.unquote(dest))) {
                        o.report(i.line(), i.keyword() + " to relative '" + dest + "' with no WORKDIR set in this stage",
                                "add WORKDIR /app before it, or copy to an absolute path");
                    }
                }
            }
        }
    }
}
