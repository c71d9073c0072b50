package dev.devops.lint.env;

import static dev.devops.lint.Severity.ERROR;

/** ENV0022: Dotenv file is binary or not UTF-8. */
final class ENV0022Binary {
    private ENV0022Binary() {
    }

    static final EnvRule RULE = EnvRule.of("ENV0022", ERROR, "Dotenv file is binary or not UTF-8", """
            The file is named like a dotenv file but is binary, or not valid UTF-8 (often a file saved as \
            UTF-16 by an editor on Windows). docker compose cannot read it. Save it as UTF-8 text, or \
            rename it if it is not an env file.""",
            ENV0022Binary::binary);

    private static void binary(EnvScope s, EnvRule.Reporter o) {
        for (DotenvFile d : s.dotenvs()) {
            if (d.binary()) {
                o.report(d.path(), 0, 0, d.path() + " is binary or not valid UTF-8 text, so no tool can read "
                        + "its variables", "save it as UTF-8 text (not UTF-16), or rename it if it is not an env file", d.path());
            }
        }
    }
}
