package dev.devops.lint.env;

import static dev.devops.lint.Severity.INFO;

/** ENV0012: Dotenv: key with lower-case letters (found by {@link DotenvFile}'s parser, reported here). */
final class ENV0012LowercaseKey {
    private ENV0012LowercaseKey() {
    }

    static final EnvRule RULE = EnvRule.of("ENV0012", INFO, "Dotenv: key with lower-case letters", """
            Environment variable names are case-sensitive and conventionally UPPER_SNAKE_CASE; a \
            lower-case key in .env does not match the upper-case name the code reads (on Linux). Rename \
            the key.""",
            (s, o) -> s.reportSyntax("ENV0012", o));
}
