package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.WARNING;

import java.util.List;

/** DF0033: useradd with a high UID and without -l. */
final class DF0033UseraddHighUid {
    private DF0033UseraddHighUid() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0033", WARNING, "useradd with a high UID and without -l",
            "useradd records every UID in the sparse /var/log/lastlog and faillog; with a UID in the "
                    + "hundreds of thousands and overlay storage this writes gigabytes into the layer. Add -l "
                    + "(--no-log-init). Hadolint DL3046.",
            DF0033UseraddHighUid::useraddHighUid);

    private static void useraddHighUid(DockerfileScope s, DockerfileRule.Reporter o) {
        DockerfileRule.eachCommand(s, o, c -> {
            if (!c.program().equals("useradd") || c.hasFlag("-l", "--no-log-init")) {
                return false;
            }
            List<String> w = c.command();
            for (int k = 0; k < w.size(); k++) {
                String uid = null;
                if ((w.get(k).equals("-u") || w.get(k).equals("--uid")) && k + 1 < w.size()) {
                    uid = w.get(k + 1);
                } else if (w.get(k).startsWith("--uid=")) {
                    uid = w.get(k).substring(6);
                }
                if (uid != null && uid.matches("\\d{6,}")) {
                    return true;
                }
            }
            return false;
        }, c -> "useradd with a high UID and without -l writes a huge sparse lastlog into the layer",
                "add -l (--no-log-init) to useradd");
    }
}
