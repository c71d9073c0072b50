package dev.devops.lint.env;

import static dev.devops.lint.Severity.INFO;

/** ENV0017: Dotenv: no newline at the end of the file (found by {@link DotenvFile}'s parser, reported here). */
final class ENV0017FinalNewline {
    private ENV0017FinalNewline() {
    }

    static final EnvRule RULE = EnvRule.of("ENV0017", INFO, "Dotenv: no newline at the end of the file", """
            The last line does not end with a newline. Appending with `echo KEY=v >> .env` then glues two \
            assignments together, and some tools drop the last line. End the file with a newline.""",
            (s, o) -> s.reportSyntax("ENV0017", o));
}
