package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.WARNING;

import java.util.List;
import java.util.Set;

/** DF0019: Downloaded script piped into a shell. */
final class DF0019CurlPipeShell {
    private DF0019CurlPipeShell() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0019", WARNING, "Downloaded script piped into a shell",
            "curl … | sh runs whatever the server returns, unverified, at build time. Download the file, "
                    + "check its sha256 (echo \"SHA  file\" | sha256sum -c -), then run it; or install from a "
                    + "package manager.",
            DF0019CurlPipeShell::curlPipeShell);

    private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ash", "ksh");

    private static void curlPipeShell(DockerfileScope s, DockerfileRule.Reporter o) {
        s.eachInstruction("RUN", i -> {
            List<ShellCommand> cmds = s.commands(i);
            for (int k = 0; k < cmds.size(); k++) {
                ShellCommand c = cmds.get(k);
                boolean fetch = c.program().equals("curl") || c.program().equals("wget");
                if (fetch && k + 1 < cmds.size() && cmds.get(k + 1).separator().equals("|")) {
                    // the next stage of the pipe (skipping sudo)
                    ShellCommand next = cmds.get(k + 1);
                    String p = next.program().equals("sudo") && next.command().size() > 1 ? next.command().get(1) : next.program();
                    if (SHELLS.contains(p.substring(p.lastIndexOf('/') + 1))) {
                        o.report(i.line(), c.program() + " output piped straight into " + p + ": runs unverified code",
                                "download to a file, verify its sha256, then run it");
                        return;
                    }
                }
                if (SHELLS.contains(c.program()) && c.toString().matches("(?s).*\\$\\((curl|wget) .*")) {
                    o.report(i.line(), c.program() + " runs a script fetched with $(curl …) unverified",
                            "download to a file, verify its sha256, then run it");
                    return;
                }
            }
        });
    }
}
