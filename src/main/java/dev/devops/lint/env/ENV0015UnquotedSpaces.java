package dev.devops.lint.env;

import static dev.devops.lint.Severity.WARNING;

/** ENV0015: Dotenv: unquoted value with spaces (found by {@link DotenvFile}'s parser, reported here). */
final class ENV0015UnquotedSpaces {
    private ENV0015UnquotedSpaces() {
    }

    static final EnvRule RULE = EnvRule.of("ENV0015", WARNING, "Dotenv: unquoted value with spaces", """
            An unquoted value contains spaces. Compose keeps them, but `source .env` in a shell runs the \
            words after the first as a command, and some loaders cut the value. Quote it: KEY="two words".""",
            (s, o) -> s.reportSyntax("ENV0015", o));
}
