package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.INFO;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** DF0038: chown -R after COPY duplicates the files. */
final class DF0038ChownAfterCopy {
    private DF0038ChownAfterCopy() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0038", INFO, "chown -R after COPY duplicates the files",
            "chown -R on files copied by an earlier COPY rewrites them into a new layer, doubling their size "
                    + "in the image. Set the owner while copying: COPY --chown=app:app . .",
            DF0038ChownAfterCopy::chownAfterCopy);

    private static String resolveDir(String workdir, String p) {
        String base = workdir == null ? "/" : workdir;
        String full = p.startsWith("/") ? p : (base.endsWith("/") ? base : base + "/") + p;
        String n = Path.of(full).normalize().toString();
        return n.length() > 1 && n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
    }

    private static void chownAfterCopy(DockerfileScope s, DockerfileRule.Reporter o) {
        for (Stage st : s.stages()) {
            String workdir = null;
            Set<String> copied = new HashSet<>();
            for (Instruction i : st.body()) {
                if (i.is("WORKDIR")) {
                    workdir = resolveDir(workdir, DockerfileRule.unquote(i.rest().strip()));
                } else if ((i.is("COPY") || i.is("ADD")) && !i.hasFlag("chown")) {
                    String d = i.copyDestination();
                    if (d != null && !d.contains("$")) {
                        copied.add(resolveDir(workdir, d));
                    }
                } else if (i.is("RUN") && !copied.isEmpty()) {
                    for (ShellCommand c : s.commands(i)) {
                        if (c.program().equals("chown") && c.hasFlag("-R", "--recursive")) {
                            List<String> ops = c.operands();
                            if (!ops.isEmpty() && copied.contains(resolveDir(workdir, ops.get(ops.size() - 1)))) {
                                o.report(i.line(), "chown -R " + ops.get(ops.size() - 1)
                                        + " rewrites files an earlier COPY added, doubling them in the image",
                                        "set the owner while copying: COPY --chown=" + c.subcommand() + " …");
                                break;
                            }
                        }
                    }
                }
            }
        }
    }
}
