package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.WARNING;

import java.util.List;

/** DF0017: cd in RUN. */
final class DF0017CdInRun {
    private DF0017CdInRun() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0017", WARNING, "cd in RUN",
            "cd changes directory for that RUN only, so later instructions still run elsewhere; the intent "
                    + "is clearer and lasting with WORKDIR /path. Hadolint DL3003. Not a cd inside a shell loop "
                    + "(for arch in …; do cd /tmp/debs-$arch …; done): one directory per pass, which WORKDIR cannot say.",
            DF0017CdInRun::cdInRun);

    private static void cdInRun(DockerfileScope s, DockerfileRule.Reporter o) {
        for (Stage st : s.stages()) {
            for (Instruction i : st.body()) {
                if (!i.is("RUN")) {
                    continue;
                }
                int loops = 0;
                for (ShellCommand c : s.commands(i)) {
                    List<String> w = c.command();
                    String first = w.isEmpty() ? "" : w.get(0);
                    if (first.equals("for") || first.equals("while") || first.equals("until")) {
                        loops++;
                    } else if (first.equals("done") && loops > 0) {
                        loops--;
                    }
                    if (loops == 0 && isCd(c)) {
                        o.report(i.line(), "'" + c + "' only lasts for this RUN", "use WORKDIR /path instead of cd");
                        break;
                    }
                }
            }
        }
    }

    /** A cd command: {@code cd /app}, also as the body's first command after a loop's {@code do}. */
    private static boolean isCd(ShellCommand c) {
        List<String> w = c.command();
        return c.program().equals("cd") || w.size() > 1 && w.get(0).equals("do") && w.get(1).equals("cd");
    }
}
