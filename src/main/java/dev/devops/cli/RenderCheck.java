package dev.devops.cli;

import dev.devops.lint.Check;
import dev.devops.lint.Finding;
import dev.devops.lint.LintContext;
import dev.devops.lint.RuleInfo;
import dev.devops.lint.Severity;
import dev.devops.scaffold.Scaffolder;
import dev.devops.scaffold.TemplateSource;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code devops render --check} as a check, for {@code devops check}: every file devops.yaml renders
 * must exist and match the render (hand-written or generated, as render --check sees it). Without a
 * devops.yaml there is nothing to render and nothing to report. A descriptor or template error is the
 * user's input error (exit 2), as in render --check.
 */
final class RenderCheck implements Check {
    static final String CATEGORY = "render";
    static final RuleInfo DIFFERS = new RuleInfo("RENDER0001", "File differs from what devops.yaml renders", Severity.ERROR, CATEGORY,
            "A file devops renders from devops.yaml (Dockerfile, .dockerignore, .env.example, docker-compose.yml, "
                    + "the .gitignore lines for .env) differs from what devops.yaml renders now, as 'devops render --check' "
                    + "reports it: the file was edited by hand, or devops.yaml changed and nobody re-rendered. The finding "
                    + "carries the diff. Fix: run 'devops render --force', or move the hand edit into devops.yaml (or a "
                    + "--templates override).");
    static final RuleInfo MISSING = new RuleInfo("RENDER0002", "File devops.yaml renders is missing", Severity.ERROR, CATEGORY,
            "devops.yaml renders a file that does not exist in the repository, as 'devops render --check' reports it. "
                    + "Fix: run 'devops render' and commit the files it writes.");
    private static final int DIFF_LINES = 12;

    @Override
    public String category() {
        return CATEGORY;
    }

    @Override
    public List<RuleInfo> rules() {
        return List.of(DIFFERS, MISSING);
    }

    @Override
    public void run(LintContext context, Consumer<Finding> out) {
        if (context.descriptor() == null) {
            return;
        }
        for (Scaffolder.Drift d : Scaffolder.drift(context.descriptor(), context.root(), TemplateSource.builtIn())) {
            String path = d.relativePath();
            if (d.missing()) {
                out.accept(new Finding(MISSING, MISSING.severity(), path, 0, 0, path + " is rendered from devops.yaml but does not exist",
                        "run devops render", null, Finding.fingerprint(MISSING.id(), path), Map.of()));
                continue;
            }
            String diff = d.diff() == null ? "" : d.diff();
            String[] lines = diff.split("\n");
            String head = String.join("\n", java.util.Arrays.copyOfRange(lines, 0, Math.min(DIFF_LINES, lines.length)));
            out.accept(new Finding(DIFFERS, DIFFERS.severity(), path, 0, 0,
                    path + " differs from what devops.yaml renders:\n" + head
                            + (lines.length > DIFF_LINES ? "\n… (" + (lines.length - DIFF_LINES) + " more diff lines)" : ""),
                    "run devops render --force (or edit devops.yaml)", null, Finding.fingerprint(DIFFERS.id(), path), Map.of("diff", diff)));
        }
    }
}
