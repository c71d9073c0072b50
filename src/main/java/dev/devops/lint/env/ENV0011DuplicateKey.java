package dev.devops.lint.env;

import static dev.devops.lint.Severity.WARNING;

/** ENV0011: Dotenv: duplicate key (found by {@link DotenvFile}'s parser, reported here). */
final class ENV0011DuplicateKey {
    private ENV0011DuplicateKey() {
    }

    static final EnvRule RULE = EnvRule.of("ENV0011", WARNING, "Dotenv: duplicate key", """
            A dotenv file sets the same key twice. docker compose and most loaders keep the last value, \
            python-dotenv and others the first: the two halves of a team can run with different values. \
            Keep one assignment.""",
            (s, o) -> s.reportSyntax("ENV0011", o));
}
