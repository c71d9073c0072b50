package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.INFO;

/** DF0010: apk add without --no-cache. */
final class DF0010ApkNoCache {
    private DF0010ApkNoCache() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0010", INFO, "apk add without --no-cache",
            "apk add keeps its index in /var/cache/apk unless told not to, which bloats the layer. Use "
                    + "apk add --no-cache … (no separate apk update needed). Hadolint DL3019.",
            (s, o) -> DockerfileRule.eachCommand(s, o, c -> c.isSub("apk", "add") && !c.hasFlag("--no-cache")
                    && !cleansIn(s, c, "/var/cache/apk") && !cacheMount(s, c),
                    c -> "apk add keeps the package index in the image",
                    "use apk add --no-cache …"));

    private static boolean cleansIn(DockerfileScope s, ShellCommand c, String dir) {
        Instruction run = s.runOf(c);
        if (run == null) {
            return false;
        }
        for (ShellCommand other : s.commands(run)) {
            if (other.program().equals("rm")) {
                for (String w : other.command()) {
                    if (w.startsWith(dir)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean cacheMount(DockerfileScope s, ShellCommand c) {
        Instruction run = s.runOf(c);
        return run != null && run.hasCacheMount();
    }
}
