package dev.devops.cli;

import dev.devops.lint.Check;
import dev.devops.lint.secrets.SecretsCheck;
import java.util.List;

/** Every lint check, in report order: the one place a new check is registered (one line each). */
final class LintChecks {
    private LintChecks() {
    }

    static List<Check> all() {
        return List.of(
                SecretsCheck.builtin(),
                new dev.devops.lint.dockerfile.DockerfileCheck(),
                new dev.devops.lint.compose.ComposeCheck(),
                new dev.devops.lint.env.EnvCheck(),
                new dev.devops.lint.env.DriftCheck());
    }

    /** Every rule devops can report, for devops rules and completion: every check's, then the runner's LINT0000. */
    static List<dev.devops.lint.RuleInfo> rules() {
        List<dev.devops.lint.RuleInfo> out = new java.util.ArrayList<>();
        withRender().forEach(c -> out.addAll(c.rules()));
        out.add(dev.devops.lint.CheckFailure.RULE);
        return out;
    }

    /** What devops check runs: every lint check, then render --check. */
    static List<Check> withRender() {
        List<Check> all = new java.util.ArrayList<>(all());
        all.add(new RenderCheck());
        return all;
    }
}
