package dev.devops.lint.env;

import static dev.devops.lint.Severity.INFO;

/** ENV0019: Dotenv: 'export' prefix (found by {@link DotenvFile}'s parser, reported here). */
final class ENV0019Export {
    private ENV0019Export() {
    }

    static final EnvRule RULE = EnvRule.of("ENV0019", INFO, "Dotenv: 'export' prefix", """
            `export KEY=value` works with docker compose and python-dotenv, but not with every loader \
            (dotenv for Node keeps 'export KEY' as the name in older versions, env_file in some tools \
            rejects it). A dotenv file is not a shell script: drop the prefix.""",
            (s, o) -> s.reportSyntax("ENV0019", o));
}
