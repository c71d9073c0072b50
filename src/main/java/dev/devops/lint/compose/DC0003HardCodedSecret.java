package dev.devops.lint.compose;

import static dev.devops.lint.Severity.ERROR;
import static dev.devops.lint.Severity.WARNING;

import dev.devops.compose.ComposeService.EnvEntry;
import dev.devops.core.VariableNames;
import dev.devops.files.FileKinds;
import dev.devops.lint.Severity;
import dev.devops.lint.secrets.Filters;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

/** DC0003: Hard-coded secret in environment. */
final class DC0003HardCodedSecret {
    private DC0003HardCodedSecret() {
    }

    static final ComposeRule RULE = ComposeRule.of("DC0003", ERROR, "Hard-coded secret in environment",
            "A password, token or key written as a literal in the compose file is committed with the code "
                    + "and readable by everyone with the repository. Reference a variable instead "
                    + "(POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it in .env}), keep the value in an "
                    + "untracked .env file, and document the name in .env.example; or use compose secrets. "
                    + "Credentials inside URLs (postgres://user:pass@db/app) count too. A development default "
                    + "(postgres, changeme, admin123: short or dictionary-like) is a warning, a random-looking "
                    + "value an error. A value that holds no credential (an unfilled placeholder such as <your-API-Key>, a file path, a "
                    + "reference) is not reported; a placeholder word (example, changeme) is the password the stack runs with. Not reported in compose files of the test path class "
                    + "(tests/…, compose-e2e-test.yml, docker-compose.test.yml): a test stack's dummy values.",
            DC0003HardCodedSecret::hardCodedSecret);

    /** A URI's scheme, compound ones too: {@code jdbc:mysql}, {@code r2dbc:pool:postgresql}. */
    private static final String SCHEME = "[a-zA-Z][a-zA-Z0-9+.-]*(?::[a-zA-Z][a-zA-Z0-9+.-]*)*";
    private static final Pattern URL_CREDENTIAL = Pattern.compile(SCHEME + "://[^:/@\\s]+:([^@\\s]+)@");
    private static final Set<String> EMPTY_OK = Set.of("MYSQL_ALLOW_EMPTY_PASSWORD", "MARIADB_ALLOW_EMPTY_ROOT_PASSWORD",
            "ALLOW_EMPTY_PASSWORD", "MYSQL_RANDOM_ROOT_PASSWORD", "MARIADB_RANDOM_ROOT_PASSWORD");

    private static final Pattern URI = Pattern.compile(SCHEME + "://\\S*");
    private static final Pattern QUERY_CREDENTIAL = Pattern.compile(
            "(?i)[?&;](?:password|passwd|pwd|pass|secret|token|api_?key|access_?key|auth)=[^&;$\\s]");

    /**
     * A URI that carries no credential: no password in its user-info ({@link #URL_CREDENTIAL} did not match) and no
     * {@code password=} / {@code token=} query parameter. A secret-named variable (DSN, DATABASE_URL) holding one
     * names a location, not a secret.
     */
    static boolean isUriWithoutCredential(String value) {
        String v = value.strip();
        // a folded YAML scalar (DATABASE_URL: >-) holds the URI and its query on lines joined by blanks
        return URI.matcher(v).lookingAt() && !QUERY_CREDENTIAL.matcher(v).find();
    }

    /**
     * A value that is the name of a service of the same project, alone or with a port ({@code postgres},
     * {@code db:5432}): an in-stack address (an app reading its database host from a *_URL variable), not a secret.
     */
    static boolean isServiceAddress(ComposeScope s, String value) {
        String host = value.strip().replaceFirst(":\\d{1,5}$", "");
        return s.project().services().containsKey(host);
    }

    /** An unfilled placeholder: {@code <your-API-Key>}, {@code your-token-here}. */
    private static final Pattern UNFILLED = Pattern.compile("<[^<>]+>|(?i).*\\byour[-_ ]?[a-z].*|(?i)x{3,}");

    /**
     * A value that holds no credential: an unfilled placeholder ({@code <your-API-Key>}, mailcow's exporter snippet,
     * a run of x's: a user guide's {@code OVH_APPLICATION_SECRET=xxx}),
     * a file path or reference (the secrets family's judgement: {@code MP_SMTP_TLS_KEY: /pki/private.pem}), a boolean
     * (a switch named after a secret: {@code NEXUS_SECURITY_RANDOMPASSWORD=false}). Not a
     * word such as {@code example} or {@code changeme}: in a compose file that is the password the stack runs with.
     */
    static boolean holdsNoCredential(String value) {
        String v = value.strip();
        if (UNFILLED.matcher(v).matches()) {
            return true;
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return true; // a switch whose name holds a secret word: NEXUS_SECURITY_RANDOMPASSWORD=false, …_CREATE_PRIVATE=false
        }
        String r = Filters.reasonForAssignment(v);
        return "file reference".equals(r) || "reference".equals(r);
    }

    /**
     * A DSN-named variable whose value has neither a user-info {@code @} nor a password keyword
     * ({@code .test.db}, {@code file:app.db?cache=shared}, {@code host=db dbname=app}): a data source with no credential.
     */
    static boolean isDsnWithoutCredential(String name, String value) {
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        return name.toUpperCase(java.util.Locale.ROOT).contains("DSN") && value.indexOf('@') < 0 && !lower.contains("pass")
                && !lower.contains("pwd") && !lower.contains("secret") && !lower.contains("token");
    }

    private static void hardCodedSecret(ComposeScope s, ComposeRule.Reporter o) {
        Path root = s.root().toAbsolutePath().normalize();
        s.each(svc -> {
            for (EnvEntry e : svc.environment().values()) {
                if (e.value() == null || e.value().isEmpty() || e.interpolated() || EMPTY_OK.contains(e.name())) {
                    continue;
                }
                Path file = e.at() == null || e.at().file() == null ? null : e.at().file().toAbsolutePath().normalize();
                if (file != null && file.startsWith(root) && FileKinds.isTest(root.relativize(file).toString().replace('\\', '/'))) {
                    continue; // a test stack's dummy values (compose-e2e-test.yml): the secrets family's test class, silent
                }
                // the severity model of docs/SECRET-RULES.md: a development default (postgres, changeme, admin123)
                // is a warning, a random-looking value an error
                var m = URL_CREDENTIAL.matcher(e.source() == null ? e.value() : e.source());
                boolean credential = m.find();
                if (VariableNames.isSecret(e.name())) {
                    if (!credential && (isUriWithoutCredential(e.value())
                            || VariableNames.isAddress(e.name()) && isServiceAddress(s, e.value()))) {
                        // a connection URL without a password (postgresql://app@db/app, DSN=sqlite:///data/db.sqlite) holds no secret
                        continue;
                    }
                    if (!credential && holdsNoCredential(e.value())) {
                        continue;
                    }
                    if (!credential && isDsnWithoutCredential(e.name(), e.value())) {
                        continue; // PHOTOPRISM_TEST_DSN: ".test.db": a SQLite file, no user, no password
                    }
                    String secret = credential && !m.group(1).contains("$") ? m.group(1) : e.value();
                    // a variable's name as the value (AWS_SECRET_ACCESS_KEY: APP_S3_SECRET_ACCESS_KEY, the key a local
                    // S3 stand-in is started with): a typed development default, like MINIO_ROOT_PASSWORD: MINIO_ROOT_PASSWORD
                    boolean weak = Filters.isWeakCredential(secret) || Filters.isVariableName(secret, secret.toLowerCase(java.util.Locale.ROOT));
                    o.report(e.at(), weak ? Severity.WARNING : Severity.ERROR, "service '" + svc.name() + "' sets " + e.name()
                            + " to a literal " + (weak ? "development default" : "value") + " in the compose file",
                            "write " + e.name() + ": ${" + e.name() + ":?} and put the value in an untracked .env file");
                } else if (credential && !m.group(1).contains("$")) {
                    boolean weak = Filters.isWeakCredential(m.group(1));
                    o.report(e.at(), weak ? Severity.WARNING : Severity.ERROR, "service '" + svc.name() + "' has a "
                            + (weak ? "development default " : "") + "password inside the URL in " + e.name(),
                            "build the URL from variables: ${DB_USER}:${DB_PASSWORD}@…, set in an untracked .env");
                }
            }
        });
    }
}
