package dev.devops.lint.env;

import static dev.devops.lint.Severity.WARNING;

/** ENV0013: Dotenv: spaces around '=' (found by {@link DotenvFile}'s parser, reported here). */
final class ENV0013SpacesAroundEquals {
    private ENV0013SpacesAroundEquals() {
    }

    static final EnvRule RULE = EnvRule.of("ENV0013", WARNING, "Dotenv: spaces around '='", """
            KEY = value. docker compose trims the spaces, but a shell `source .env` fails, and some loaders \
            keep the spaces in the key or value. Write KEY=value.""",
            (s, o) -> s.reportSyntax("ENV0013", o));
}
