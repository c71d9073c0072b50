package dev.devops.lint.env;

import static dev.devops.lint.Severity.ERROR;

/** ENV0014: Dotenv: line is not a valid KEY=VALUE assignment (found by {@link DotenvFile}'s parser, reported here). */
final class ENV0014InvalidKey {
    private ENV0014InvalidKey() {
    }

    static final EnvRule RULE = EnvRule.of("ENV0014", ERROR, "Dotenv: line is not a valid KEY=VALUE assignment", """
            A line is not an assignment (no '='), has no key, or the key has characters a shell cannot \
            export ('-', spaces, a leading digit). Compose skips or rejects such lines, so the variable \
            silently never reaches the app. A dotted property name (spring.application.name=app) is not one: \
            compose and docker pass it to the container as it is. Use A-Z, 0-9 and '_' and write KEY=VALUE, or comment the line \
            out with #.""",
            (s, o) -> s.reportSyntax("ENV0014", o));
}
