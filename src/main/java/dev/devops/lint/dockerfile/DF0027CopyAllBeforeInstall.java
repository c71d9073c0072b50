package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.WARNING;

import java.util.List;

/** DF0027: COPY of the whole context before installing dependencies. */
final class DF0027CopyAllBeforeInstall {
    private DF0027CopyAllBeforeInstall() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0027", WARNING, "COPY of the whole context before installing dependencies",
            "Docker reuses a cached layer only while its inputs are unchanged: COPY . . before npm ci / "
                    + "pip install -r (or before mvn package / go build with no earlier dependency step and no "
                    + "cache mount) means every source edit reinstalls all dependencies. Copy the manifests first "
                    + "(COPY package.json package-lock.json ./, or pom.xml then mvn dependency:go-offline), "
                    + "install, then COPY . .",
            DF0027CopyAllBeforeInstall::copyAllBeforeInstall);

    private static boolean dependencyInstall(ShellCommand c) {
        String p = c.program();
        String sub = c.subcommand();
        if (p.equals("npm")) {
            return "ci".equals(sub) || (List.of("install", "i").contains(String.valueOf(sub)) && c.operands().isEmpty());
        }
        if (p.equals("yarn")) {
            return sub == null || sub.equals("install");
        }
        if (p.equals("pnpm")) {
            return "install".equals(sub) || "i".equals(sub);
        }
        if (c.isPipInstall()) {
            return c.hasFlag("-r", "--requirement");
        }
        if (p.equals("poetry") || p.equals("pipenv") || p.equals("bundle") || p.equals("composer")) {
            return "install".equals(sub);
        }
        if (p.equals("uv")) {
            return "sync".equals(sub);
        }
        if (p.equals("go")) {
            return c.command().size() > 2 && c.command().get(1).equals("mod") && c.command().get(2).equals("download");
        }
        if (p.equals("mvn") || p.equals("mvnw")) {
            return c.command().stream().anyMatch(w -> w.startsWith("dependency:"));
        }
        return false;
    }

    /** A build that resolves dependencies itself (mvn package, gradle build, go build) when no earlier step did. */
    private static boolean buildFetchingDependencies(ShellCommand c) {
        String p = c.program();
        if (p.equals("mvn") || p.equals("mvnw") || p.equals("gradle") || p.equals("gradlew")) {
            return c.command().stream().skip(1).anyMatch(w -> !w.startsWith("-") && !w.startsWith("dependency:"));
        }
        return p.equals("go") && "build".equals(c.subcommand());
    }

    private static void copyAllBeforeInstall(DockerfileScope s, DockerfileRule.Reporter o) {
        for (Stage st : s.stages()) {
            Instruction copyAll = null;
            boolean depsDone = false;
            for (Instruction i : st.body()) {
                if (copyAll == null && i.copiesWholeContext()) {
                    copyAll = i;
                } else if (i.is("RUN")) {
                    boolean cached = i.hasCacheMount();
                    for (ShellCommand c : s.commands(i)) {
                        boolean install = dependencyInstall(c);
                        if (copyAll == null) {
                            depsDone |= install;
                            continue;
                        }
                        // an install after the manifests were installed before COPY . . (yarn v1 pruning dev
                        // dependencies, say) runs from that cached layer's result: the rule's advice is followed
                        if ((install && !depsDone) || (!depsDone && !cached && buildFetchingDependencies(c))) {
                            o.report(copyAll.line(), "COPY of the whole context before '" + String.join(" ", c.command())
                                    + "' (line " + i.line() + "): every source change " + (install
                                            ? "reinstalls all dependencies" : "downloads all dependencies again"),
                                    "copy only the dependency manifests first (package.json, requirements.txt, pom.xml, "
                                            + "go.mod…), install or fetch, then COPY the rest");
                            copyAll = null;
                            break;
                        }
                    }
                }
            }
        }
    }
}
