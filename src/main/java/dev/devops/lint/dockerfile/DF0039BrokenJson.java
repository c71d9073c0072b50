package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.WARNING;

/** DF0039: CMD/ENTRYPOINT/RUN looks like JSON but is not. */
final class DF0039BrokenJson {
    private DF0039BrokenJson() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0039", WARNING, "CMD/ENTRYPOINT/RUN looks like JSON but is not",
            "An exec-form array must be valid JSON with double quotes. ['npm', 'start'] is not, so Docker "
                    + "runs the whole text as a shell command, which fails at run time. Write "
                    + "[\"npm\", \"start\"].",
            DF0039BrokenJson::brokenJson);

    private static void brokenJson(DockerfileScope s, DockerfileRule.Reporter o) {
        for (Instruction i : s.dockerfile().instructions()) {
            if ((i.is("CMD") || i.is("ENTRYPOINT") || i.is("RUN") || i.is("SHELL")) && !i.isExecForm()) {
                String r = i.rest().strip();
                if (r.startsWith("[") && r.endsWith("]")) {
                    o.report(i.line(), i.keyword() + " " + r + " is not valid JSON, so Docker runs it as a shell command",
                            "use double quotes: " + i.keyword() + " " + r.replace('\'', '"'));
                }
            }
        }
    }
}
