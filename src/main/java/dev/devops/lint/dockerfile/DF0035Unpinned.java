package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.INFO;

import java.util.ArrayList;
import java.util.List;

/** DF0035: Package installed without a version. */
final class DF0035Unpinned {
    private DF0035Unpinned() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0035", INFO, "Package installed without a version",
            "apt-get install pkg, apk add pkg, pip install pkg, npm install -g pkg and gem install pkg take "
                    + "whatever version is current at build time. Pin versions (pkg=1.2.*, pkg==1.2.3, "
                    + "pkg@1.2.3) or a requirements/lock file for repeatable builds. Hadolint DL3008, DL3013, "
                    + "DL3016, DL3018, DL3028.",
            DF0035Unpinned::unpinned);

    private static void unpinned(DockerfileScope s, DockerfileRule.Reporter o) {
        s.eachInstruction("RUN", i -> {
            for (ShellCommand c : s.commands(i)) {
                List<String> pkgs = new ArrayList<>();
                String how = null;
                if (c.isSub("apt-get", "install")) {
                    c.operands().stream().filter(p -> !p.contains("=") && !p.endsWith(".deb") && !p.contains("$")).forEach(pkgs::add);
                    how = "pkg=version";
                } else if (c.isSub("apk", "add")) {
                    // options anywhere (apk --no-cache add, apk add -t .deps x): ShellCommand knows which take a value
                    c.operands().stream().filter(a -> !a.contains("=") && !a.contains("$") && !a.startsWith(".")
                            && !a.contains("~")).forEach(pkgs::add);
                    how = "pkg=version";
                } else if (c.isPipInstall() && !c.hasFlag("-r", "--requirement", "-e", "--editable", "-c", "--constraint")) {
                    for (String a : c.operands()) {
                        if (!a.equals("install") && !a.matches(".*(==|>=|<=|~=|!=|>|<|@).*") && !a.startsWith(".")
                                && !a.startsWith("/") && !a.contains("$") && !a.endsWith(".whl") && !a.endsWith(".tar.gz")
                                && !a.contains("://")) {
                            pkgs.add(a);
                        }
                    }
                    how = "pkg==version";
                } else if (c.program().equals("npm") && c.hasFlag("-g", "--global")
                        && List.of("install", "i").contains(String.valueOf(c.subcommand()))) {
                    c.operands().stream().filter(p -> p.lastIndexOf('@') <= 0 && !p.contains("$")).forEach(pkgs::add);
                    how = "pkg@version";
                } else if (c.isSub("gem", "install") && !c.hasFlag("-v", "--version")) {
                    c.operands().stream().filter(p -> !p.contains(":") && !p.contains("$")).forEach(pkgs::add);
                    how = "pkg:version or -v version";
                }
                if (!pkgs.isEmpty()) {
                    o.report(i.line(), "'" + c.program() + "' installs " + String.join(", ", pkgs) + " without a version",
                            "pin versions (" + how + ") for repeatable builds");
                    return;
                }
            }
        });
    }
}
