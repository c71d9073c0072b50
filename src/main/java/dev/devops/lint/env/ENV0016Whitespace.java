package dev.devops.lint.env;

import static dev.devops.lint.Severity.INFO;

/** ENV0016: Dotenv: stray whitespace (found by {@link DotenvFile}'s parser, reported here). */
final class ENV0016Whitespace {
    private ENV0016Whitespace() {
    }

    static final EnvRule RULE = EnvRule.of("ENV0016", INFO, "Dotenv: stray whitespace", """
            Trailing whitespace, an indented key, or a line of only spaces. Trailing spaces after an \
            unquoted value become part of the value in some loaders and are invisible in review. Delete \
            them.""",
            (s, o) -> s.reportSyntax("ENV0016", o));
}
