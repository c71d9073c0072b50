package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.WARNING;

/** DF0036: EXPOSE 22 (SSH). */
final class DF0036ExposeSsh {
    private DF0036ExposeSsh() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0036", WARNING, "EXPOSE 22 (SSH)",
            "Running an SSH server in a container is rarely needed and widens the attack surface; use "
                    + "docker exec to get a shell. Remove EXPOSE 22 and the SSH daemon.",
            DF0036ExposeSsh::exposeSsh);

    private static void exposeSsh(DockerfileScope s, DockerfileRule.Reporter o) {
        s.eachInstruction("EXPOSE", i -> {
            for (String w : ShellCommand.words(i.rest())) {
                if (w.equals("22") || w.equals("22/tcp")) {
                    o.report(i.line(), "EXPOSE 22: an SSH server in a container", "use docker exec for a shell; remove sshd");
                }
            }
        });
    }
}
