package dev.devops.lint.env;

import static dev.devops.lint.Severity.INFO;

/** ENV0020: Dotenv: extra blank lines (found by {@link DotenvFile}'s parser, reported here). */
final class ENV0020BlankLines {
    private ENV0020BlankLines() {
    }

    static final EnvRule RULE = EnvRule.of("ENV0020", INFO, "Dotenv: extra blank lines", """
            Two blank lines in a row, or a blank line at the end of the file. Harmless, but dotenv-linter \
            and most style guides keep one blank line between groups and none at the end.""",
            (s, o) -> s.reportSyntax("ENV0020", o));
}
