package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.INFO;

/** DF0007: apt lists are not removed after apt-get install. */
final class DF0007AptListsKept {
    private DF0007AptListsKept() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0007", INFO, "apt lists are not removed after apt-get install",
            "apt-get update downloads package lists to /var/lib/apt/lists; left there they add tens of "
                    + "megabytes to the layer. End the same RUN with && rm -rf /var/lib/apt/lists/* (or use a "
                    + "cache mount for /var/lib/apt). Only checked for stages in the final image. Hadolint DL3009.",
            DF0007AptListsKept::aptListsKept);

    private static void aptListsKept(DockerfileScope s, DockerfileRule.Reporter o) {
        for (Stage st : s.stages()) {
            if (!s.inFinalImage(st)) {
                continue;
            }
            for (Instruction i : st.body()) {
                if (!i.is("RUN")) {
                    continue;
                }
                boolean install = false;
                for (ShellCommand c : s.commands(i)) {
                    install |= c.isSub("apt-get", "install") || c.isSub("apt", "install");
                }
                if (install && (!i.hasFlag("mount") || !i.flag("mount").contains("/var/lib/apt"))) {
                    boolean cleaned = false;
                    for (ShellCommand c : s.commands(i)) {
                        if (c.program().equals("rm")) {
                            for (String w : c.command()) {
                                cleaned |= w.startsWith("/var/lib/apt/lists");
                            }
                        }
                    }
                    if (!cleaned) {
                        o.report(i.line(), "apt lists stay in the image after apt-get install",
                                "end the RUN with && rm -rf /var/lib/apt/lists/*");
                    }
                }
            }
        }
    }
}
