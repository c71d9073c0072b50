package dev.devops.cli;

import dev.devops.lint.Check;
import dev.devops.lint.secrets.SecretsCheck;
import java.util.List;

/** Every lint check, in report order: the one place a new check is registered (one line each). */
final class LintChecks {
    private LintChecks() {
    }

    /** Commands that run the lint checks (the build gate too). */
    private static final java.util.Set<String> LINTING = java.util.Set.of("lint", "check", "build");

    /** For a command that lints: starts building the secret scanner while the command line is parsed. */
    static void startEarly(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                if (LINTING.contains(a) && !java.util.Arrays.asList(args).contains("--help")) {
                    SecretsCheck.preload();
                }
                return; // the first word is the command
            }
        }
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
