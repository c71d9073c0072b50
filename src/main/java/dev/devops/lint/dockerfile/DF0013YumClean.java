package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.INFO;

import java.util.List;

/** DF0013: yum/dnf install without cleaning the cache. */
final class DF0013YumClean {
    private DF0013YumClean() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0013", INFO, "yum/dnf install without cleaning the cache",
            "yum and dnf keep their metadata and package cache in /var/cache; left there it bloats the "
                    + "layer. End the same RUN with && yum clean all (dnf clean all). Hadolint DL3032/DL3040.",
            DF0013YumClean::yumClean);

    private static void yumClean(DockerfileScope s, DockerfileRule.Reporter o) {
        s.eachInstruction("RUN", i -> {
            String tool = null;
            boolean clean = false;
            for (ShellCommand c : s.commands(i)) {
                String p = c.program();
                if (List.of("yum", "dnf", "microdnf").contains(p)) {
                    if ("install".equals(c.subcommand())) {
                        tool = p;
                    }
                    if ("clean".equals(c.subcommand())) {
                        clean = true;
                    }
                }
                if (p.equals("rm")) {
                    for (String w : c.command()) {
                        clean |= w.startsWith("/var/cache/yum") || w.startsWith("/var/cache/dnf");
                    }
                }
            }
            if (tool != null && !clean && !(i.hasCacheMount())) {
                o.report(i.line(), tool + " install leaves its cache in the image", "end the RUN with && " + tool + " clean all");
            }
        });
    }
}
