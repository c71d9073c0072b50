package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.WARNING;

import java.util.HashMap;
import java.util.Map;

/** DF0015: Several CMD, ENTRYPOINT or HEALTHCHECK in one stage. */
final class DF0015SeveralCmd {
    private DF0015SeveralCmd() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0015", WARNING, "Several CMD, ENTRYPOINT or HEALTHCHECK in one stage",
            "Only the last CMD (ENTRYPOINT, HEALTHCHECK) of a stage takes effect; the earlier ones are dead "
                    + "code that misleads readers. Keep one. Hadolint DL4003/DL4004/DL3012.",
            DF0015SeveralCmd::severalCmd);

    private static void severalCmd(DockerfileScope s, DockerfileRule.Reporter o) {
        for (Stage st : s.stages()) {
            Map<String, Integer> first = new HashMap<>();
            for (Instruction i : st.body()) {
                if (i.is("CMD") || i.is("ENTRYPOINT") || i.is("HEALTHCHECK")) {
                    Integer prev = first.putIfAbsent(i.keyword(), i.line());
                    if (prev != null) {
                        o.report(i.line(), "a second " + i.keyword() + " in this stage overrides the one at line " + prev,
                                "keep one " + i.keyword() + " per stage");
                    }
                }
            }
        }
    }
}
