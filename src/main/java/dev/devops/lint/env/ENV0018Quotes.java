package dev.devops.lint.env;

import static dev.devops.lint.Severity.ERROR;

/** ENV0018: Dotenv: unterminated or mismatched quotes (found by {@link DotenvFile}'s parser, reported here). */
final class ENV0018Quotes {
    private ENV0018Quotes() {
    }

    static final EnvRule RULE = EnvRule.of("ENV0018", ERROR, "Dotenv: unterminated or mismatched quotes", """
            A quoted value is never closed, text follows the closing quote, or a quote sits inside an \
            unquoted value. Loaders then swallow the following lines into the value or keep the stray \
            quote. Close the quote, or quote the whole value. (A quote inside an unquoted value, as in \
            JSON={"a":1}, is only a warning: loaders keep it literally.)""",
            (s, o) -> s.reportSyntax("ENV0018", o));
}
