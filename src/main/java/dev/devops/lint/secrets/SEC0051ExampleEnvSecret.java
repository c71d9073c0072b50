package dev.devops.lint.secrets;

import static dev.devops.lint.Severity.ERROR;

import dev.devops.lint.secrets.Assignments.Route;
import dev.devops.lint.secrets.GenericRule.Examples;

/**
 * SEC0051: a secret-named variable given a real-looking value in an example env file (.env.example …). Its check is
 * every candidate the assignment forms ({@link Assignments}) read in such a file, judged by {@link Assignments#judge}
 * (the getenv-fallback and .netrc forms read code and config files only).
 */
final class SEC0051ExampleEnvSecret {
    private SEC0051ExampleEnvSecret() {
    }

    static final GenericRule RULE = GenericRule.rule("SEC0051", ERROR, "Secret value in an example env file",
            "An example env file (.env.example, .env.sample, .env.template …) gives a secret-looking variable a "
            + "real-looking value. Example files document names; their values get copied into deployments.\n"
            + "Fix: leave the value empty or use an obvious placeholder (changeme), and rotate the value if it "
            + "was real.")
            .overlap(GenericRule.Overlap.YIELDS)
            .examples(Examples.in(".env.example")
                    .match("""
                    DB_PASSWORD=GtetOd4UYETIay
                    PORT=3000
                    """)
                    .ignore("""
                    DB_PASSWORD=
                    API_TOKEN=changeme
                    SECRET=<your-secret>
                    PORT=3000
                    """))
            .keyword(rule -> Assignments.detector(rule, Assignments.LINES, Route.EXAMPLE_ENV))
            .file(rule -> Assignments.fileCheck(rule, Assignments.CONTAINER_ENV, Route.EXAMPLE_ENV))
            .build();
}
