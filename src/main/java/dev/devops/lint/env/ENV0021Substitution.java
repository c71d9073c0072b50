package dev.devops.lint.env;

import static dev.devops.lint.Severity.WARNING;

/** ENV0021: Dotenv: broken ${…} substitution (found by {@link DotenvFile}'s parser, reported here). */
final class ENV0021Substitution {
    private ENV0021Substitution() {
    }

    static final EnvRule RULE = EnvRule.of("ENV0021", WARNING, "Dotenv: broken ${…} substitution", """
            A value contains '${' with no closing '}', or ${…} with an invalid name. Compose fails to load \
            the file or substitutes an empty string. Write ${NAME}, or $$ for a literal dollar sign. (Single- \
            quoted values are literal and not checked.)""",
            (s, o) -> s.reportSyntax("ENV0021", o));
}
