package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.WARNING;

/** DF0009: apt-get update alone in a RUN. */
final class DF0009AptUpdateAlone {
    private DF0009AptUpdateAlone() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0009", WARNING, "apt-get update alone in a RUN",
            "Docker caches each RUN: an 'apt-get update' in its own layer stays cached while a later "
                    + "'apt-get install' changes, so the install uses stale lists and can fail or install old "
                    + "versions. Run update and install in one RUN: apt-get update && apt-get install -y …. "
                    + "Hadolint DL3009's companion, Docker best practices.",
            DF0009AptUpdateAlone::aptUpdateAlone);

    private static void aptUpdateAlone(DockerfileScope s, DockerfileRule.Reporter o) {
        s.eachInstruction("RUN", i -> {
            boolean update = false;
            boolean install = false;
            for (ShellCommand c : s.commands(i)) {
                String p = c.program();
                if (p.equals("apt-get") || p.equals("apt")) {
                    String sub = c.subcommand();
                    update |= "update".equals(sub);
                    install |= sub != null && !sub.equals("update");
                }
            }
            if (update && !install) {
                o.report(i.line(), "apt-get update in its own RUN: its cached layer goes stale for later installs",
                        "combine them: RUN apt-get update && apt-get install -y …");
            }
        });
    }
}
