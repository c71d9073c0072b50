package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.INFO;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** DF0040: Pipe in RUN without pipefail. */
final class DF0040Pipefail {
    private DF0040Pipefail() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0040", INFO, "Pipe in RUN without pipefail",
            "/bin/sh -c 'a | b' succeeds when b succeeds, even if a failed (a download that 404s piped into "
                    + "tar). Set SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] before the RUN, or start the "
                    + "RUN with set -o pipefail &&. Hadolint DL4006.",
            DF0040Pipefail::pipefail);

    private static void pipefail(DockerfileScope s, DockerfileRule.Reporter o) {
        for (Stage st : s.stages()) {
            boolean shellPipefail = false;
            boolean nonPosix = false;
            for (Instruction i : st.body()) {
                if (i.is("SHELL")) {
                    String sh = i.isExecForm() ? String.join(" ", i.json()) : i.rest();
                    shellPipefail = sh.contains("pipefail");
                    nonPosix = sh.toLowerCase(Locale.ROOT).contains("pwsh") || sh.toLowerCase(Locale.ROOT).contains("cmd");
                } else if (i.is("RUN") && !i.isExecForm() && !shellPipefail && !nonPosix) {
                    List<ShellCommand> cmds = s.commands(i);
                    boolean pipe = cmds.stream().anyMatch(c -> c.separator().equals("|"));
                    boolean set = cmds.stream().anyMatch(c -> c.program().equals("set") && c.toString().contains("pipefail"));
                    if (pipe && !set) {
                        o.report(i.line(), "a pipe in RUN hides failures of the commands before the last one",
                                "add SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] before it, or start with set -o pipefail &&");
                    }
                }
            }
        }
    }
}
