package dev.devops.lint.secrets;

import static dev.devops.lint.Severity.ERROR;

import dev.devops.lint.secrets.Assignments.Kind;
import dev.devops.lint.secrets.Assignments.Route;
import dev.devops.lint.secrets.GenericRule.Examples;

/**
 * SEC0030: a password-named variable assigned a literal, outside example env files. Its check is the candidates of
 * every assignment form ({@link Assignments}) whose name is a password's, judged by {@link Assignments#judge}.
 */
final class SEC0030Password {
    private SEC0030Password() {
    }

    private static final Route ROUTE = new Route(Kind.PASSWORD, false);

    static final GenericRule RULE = GenericRule.rule("SEC0030", ERROR, "Hard-coded password",
            "A password is assigned a literal value in code or configuration (code, .properties, YAML, JSON, "
            + "XML elements and attributes, .env, Dockerfile ENV/ARG, compose environment, Terraform/HCL, shell "
            + "export, Makefile, CI env:), including the variables clients read (PGPASSWORD, MYSQL_PWD, REDISCLI_AUTH), "
            + "a literal fallback for an unset variable (os.getenv('DB_PASSWORD', '...'), Laravel's env('DB_PASSWORD', '...'), process.env.X || '...'), "
            + ".netrc and .pgpass entries. References to the "
            + "environment, templates, placeholders, labels and empty values are not reported; in source code "
            + "only quoted literals count. Random-looking values are errors; default or development values (secret, "
            + "changeit, admin123, dev-password) in runnable config and code are warnings; tests, documentation and "
            + "vendored code are not scanned by name (docs/SECRET-RULES.md).\n"
            + "Fix: rotate it and read it from the environment or a secret manager.")
            .nameBased().overlap(GenericRule.Overlap.YIELDS)
            .examples(Examples.in("config/database.yml")
                    .match("""
                    db:
                      password: xCGClbaNFDpCWNX0
                    """)
                    .match("src/Db.java", "String password = \"dWG5yP8Yib2eNUS0\";")
                    .match("Dockerfile", """
                    FROM alpine:3.20
                    ENV DB_PASSWORD=jqG96EnLqNGpuxcm
                    """)
                    .ignore("password: ${DB_PASSWORD}")
                    .ignore("password: \"\"")
                    .ignore("passwordLabel: \"Enter your password\"")
                    // held-out 11c: a strength meter's colour is how the field looks, not a password
                    .ignore("src/components/password-strength.vue", "        this.passwordStrengthColor = 'orange'")
                    .ignore("src/App.java", "String password = getPassword();")
                    .ignore("docs/setup.md", "export DB_PASSWORD=gqIO2zVZxqyxKjxv")
                    // held-out 4: a bang-wrapped default the stack runs with (Symfony's !ChangeMe!), a long option on a
                    // line of its own (not a -- comment); a rate limit, a lock file's checksums, a request collection's
                    // demo form body
                    .match("helm/app/values.yaml", """
                    postgresql:
                      auth:
                        password: "!ChangeMe!"
                    """)
                    .match("provisioning/playbook.yml", """
                    - name: Install Drupal.
                      command: >
                        drush si -y
                        --account-pass=admin
                    """)
                    .ignore("recipes/settings.py", "ACCOUNT_RATE_LIMITS = {\"reset_password\": \"1/m/ip,1/m/key\"}")
                    .ignore("apps/web/i18n.lock", """
                    checksums:
                      55dc377b5e931bfc64e4add83e35d9ea:
                        auth/forgot-password/reset/new_password: c3e35b0671004c7bbd9fa9b9654744d7
                    """)
                    .ignore("httpbin/request.http", """
                    POST http://localhost:8080/post
                    Content-Type: application/x-www-form-urlencoded

                    username=JetBrains&password=foobar&confirmation=foobar
                    """))
            .keyword(rule -> Assignments.detector(rule, Assignments.LINES, ROUTE))
            .keyword(rule -> Assignments.detector(rule, EnvFallbacks.FORM, ROUTE))
            .keyword(rule -> Assignments.detector(rule, EnvFallbacks.DEFAULTS, ROUTE))
            .keyword(rule -> Assignments.detector(rule, NetrcEntries.FORM, ROUTE))
            .file(rule -> Assignments.fileCheck(rule, Assignments.PGPASS, ROUTE))
            .file(rule -> Assignments.fileCheck(rule, Assignments.CONTAINER_ENV, ROUTE))
            .build();
}
