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
}
