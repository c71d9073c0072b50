package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.WARNING;

import java.util.List;

/** DF0014: CMD or ENTRYPOINT in shell form. */
final class DF0014ShellForm {
    private DF0014ShellForm() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0014", WARNING, "CMD or ENTRYPOINT in shell form",
            "The shell form runs the command under /bin/sh -c, so the app is not PID 1 and does not receive "
                    + "SIGTERM: docker stop waits the full timeout, then kills it. Use the exec form: "
                    + "CMD [\"node\", \"server.js\"]. Hadolint DL3025.",
            DF0014ShellForm::shellForm);

    private static void shellForm(DockerfileScope s, DockerfileRule.Reporter o) {
        for (Instruction i : s.dockerfile().instructions()) {
            if ((i.is("CMD") || i.is("ENTRYPOINT")) && !i.isExecForm() && !i.rest().strip().startsWith("[")) {
                List<String> words = ShellCommand.words(i.rest());
                StringBuilder exec = new StringBuilder("[");
                for (int k = 0; k < words.size(); k++) {
                    exec.append(k > 0 ? ", " : "").append('"').append(words.get(k).replace("\"", "\\\"")).append('"');
                }
                exec.append(']');
                o.report(i.line(), i.keyword() + " in shell form: the app runs under /bin/sh and misses SIGTERM",
                        "use the exec form: " + i.keyword() + " " + exec);
            }
        }
    }
}
