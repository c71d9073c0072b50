package dev.devops.detect;

import static dev.devops.detect.RepoFixture.assertEvidence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.core.VariableNames;
import dev.devops.descriptor.App;
import dev.devops.descriptor.EnvVar;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnvVarsTest {
    @TempDir
    Path dir;
    RepoFixture repo;

    @BeforeEach
    void setUp() {
        repo = new RepoFixture(dir.resolve("app"));
    }

    @Test
    void nodeAppVariablesDeduplicatedAndClassified() {
        repo.packageJson(".", "{'main':'src/index.js','dependencies':{'pg':'8'}}")
                .file("src/index.js",
                        "const env = process.env.NODE_ENV;",
                        "const port = process.env.PORT || 4000;",
                        "app.listen(port);")
                .file("src/db.js",
                        "const { Pool } = require('pg');",
                        "",
                        "const url = process.env.DATABASE_URL;",
                        "const level = process.env.LOG_LEVEL || 'info';",
                        "const key = process.env.STRIPE_API_KEY || 'sk_fake';",
                        "const again = process.env.LOG_LEVEL;",
                        "const feature = process.env.FEATURE_FLAG;");
        Detection d = repo.detect();
        App a = d.descriptor().apps().get(0);
        // files in path order (src/db.js before src/index.js), reads in line order within a file
        assertEquals(List.of("DATABASE_URL", "LOG_LEVEL", "STRIPE_API_KEY", "FEATURE_FLAG", "PORT"),
                List.copyOf(a.env().keySet()));
        EnvVar port = a.env().get("PORT");
        assertEquals(new EnvVar("PORT", "Port the app listens on", false, false, "4000", null), port);
        EnvVar db = a.env().get("DATABASE_URL");
        // required is the code's fact (read unconditionally); compose still sets it from the service
        assertEquals(new EnvVar("DATABASE_URL", "PostgreSQL connection URL", true, true, null, "postgres.url"), db);
        EnvVar level = a.env().get("LOG_LEVEL");
        assertEquals(new EnvVar("LOG_LEVEL", "Log level", false, false, "info", null), level);
        EnvVar key = a.env().get("STRIPE_API_KEY");
        assertTrue(key.secret());
        assertNull(key.defaultValue(), "secrets never get the code's default");
        assertFalse(key.required(), "it has a default in the code");
        EnvVar flag = a.env().get("FEATURE_FLAG");
        assertEquals(new EnvVar("FEATURE_FLAG", "read at src/db.js:7", true, false, null, null), flag);
        assertEvidence(d, "LOG_LEVEL read at src/db.js:4 (+1 more)");
        assertEvidence(d, "DATABASE_URL read at src/db.js:3, secret, from postgres.url, required");
    }

    @Test
    void databaseUrlAloneInfersNothingAndStaysRequired() {
        repo.packageJson(".", "{}").file("index.js", "process.env.DATABASE_URL");
        Detection d = repo.detect();
        assertTrue(d.descriptor().services().isEmpty());
        EnvVar v = d.descriptor().apps().get(0).env().get("DATABASE_URL");
        assertTrue(v.required());
        assertTrue(v.secret());
        assertNull(v.from());
        assertEquals("Database connection URL", v.description());
    }

    @ParameterizedTest
    @CsvSource({
        "REDIS_URL,redis,redis.url", "REDIS_ADDR,redis,redis.address", "REDIS_HOST,redis,redis.host",
        "PGHOST,postgres,postgres.host", "PGPASSWORD,postgres,postgres.password", "POSTGRES_DB,postgres,postgres.database",
        "MONGODB_URI,mongodb,mongodb.url", "MONGO_URL,mongodb,mongodb.url", "AMQP_URL,rabbitmq,rabbitmq.url",
        "RABBITMQ_HOST,rabbitmq,rabbitmq.host", "KAFKA_BROKERS,kafka,kafka.brokers",
        "KAFKA_BOOTSTRAP_SERVERS,kafka,kafka.brokers",
    })
    void serviceInferredFromVariableNameAndLinked(String name, String service, String from) {
        repo.file("go.mod", "module x", "go 1.22")
                .file("main.go", "package main", "", "var v = os.Getenv(\"" + name + "\")");
        Detection d = repo.detect();
        assertEquals(List.of(service), List.copyOf(d.descriptor().services().keySet()));
        EnvVar v = d.descriptor().apps().get(0).env().get(name);
        assertEquals(from, v.from());
        assertTrue(v.required(), "read unconditionally: required, although compose sets it from the service");
        assertEvidence(d, service + " from env var " + name + " read at main.go:3");
    }

    @Test
    void springDatasourceLinksToTheDetectedDatabase() {
        repo.pom(".", RepoFixture.deps("com.mysql:mysql-connector-j"))
                .file("src/main/resources/application.yml", "spring:", "  datasource:",
                        "    url: ${SPRING_DATASOURCE_URL}", "    username: ${SPRING_DATASOURCE_USERNAME:root}",
                        "    password: ${SPRING_DATASOURCE_PASSWORD}", "  rabbitmq:", "    host: ${SPRING_RABBITMQ_HOST:localhost}");
        App a = repo.app();
        assertEquals("mysql.jdbc", a.env().get("SPRING_DATASOURCE_URL").from());
        assertEquals("mysql.user", a.env().get("SPRING_DATASOURCE_USERNAME").from());
        EnvVar pw = a.env().get("SPRING_DATASOURCE_PASSWORD");
        assertEquals("mysql.password", pw.from());
        assertTrue(pw.secret());
        assertNull(a.env().get("SPRING_RABBITMQ_HOST").from(), "no rabbitmq service, no link");
        assertEquals("localhost", a.env().get("SPRING_RABBITMQ_HOST").defaultValue());
    }

    @Test
    void goLookupEnvIsNotRequired() {
        repo.file("go.mod", "module x", "go 1.22").file("main.go", "package main",
                "func main() { if v, ok := os.LookupEnv(\"DEBUG\"); ok { _ = v } }");
        assertFalse(repo.app().env().get("DEBUG").required());
    }

    @ParameterizedTest
    @ValueSource(strings = {"DB_PASSWORD", "MYSQL_PASSWD", "JWT_SECRET", "GITHUB_TOKEN", "PRIVATE_KEY_PEM",
        "GOOGLE_CREDENTIALS", "OPENAI_API_KEY", "MAPS_APIKEY", "STRIPE_KEY", "SENTRY_DSN", "DATABASE_URL",
        "READ_DATABASE_URL", "MONGO_URI", "MONGODB_URL", "AMQP_URL", "RABBITMQ_URL", "AWS_SECRET_ACCESS_KEY", "MYSQL_PASS",
        "DB_PWD", "SSH_PASSPHRASE", "RECAPTCHA_SECRET_KEY", "HCAPTCHA_SECRET_KEY", "SITE_KEY"})
    void secretNames(String name) {
        assertTrue(VariableNames.isSecret(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AWS_ACCESS_KEY_ID", "VAPID_PUBLIC_KEY", "REDIS_URL", "PORT", "LOG_LEVEL", "KEYCLOAK_REALM",
        "SPRING_DATASOURCE_URL", "API_URL", "PASSENGER_COUNT", "PASSPORT_OFFICE", "OLDPWD_HINT",
        // held-out 13c: a CAPTCHA widget's site key is in every page that shows the widget
        "RECAPTCHA_SITE_KEY", "HCAPTCHA_SITEKEY", "TURNSTILE_SITE_KEY"})
    void notSecretNames(String name) {
        assertFalse(VariableNames.isSecret(name), name);
    }

    /** Held-out 11d (a copied archiver library reading NODE_DEBUG): Node's own runtime knobs are the platform's. */
    @ParameterizedTest
    @ValueSource(strings = {"NODE_DEBUG", "NODE_PATH", "NODE_OPTIONS", "NODE_NO_WARNINGS"})
    void nodeRuntimeKnobsAreThePlatforms(String name) {
        assertTrue(VariableNames.isPlatform(name), name);
        assertFalse(VariableNames.isPlatform("NODE_APP_SECRET"));
    }

    /** node-express-boilerplate@179ae84 and full-stack-fastapi-template@68adb40: settings about tokens are no secrets. */
    @ParameterizedTest
    @ValueSource(strings = {"JWT_RESET_PASSWORD_EXPIRATION_MINUTES", "ACCESS_TOKEN_EXPIRE_MINUTES",
        "EMAIL_RESET_TOKEN_EXPIRE_HOURS", "PASSWORD_MIN_LENGTH", "TOKEN_TTL", "JWT_SECRET_ALGORITHM", "BCRYPT_PASSWORD_ROUNDS"})
    void settingsAboutSecretsAreNoSecrets(String name) {
        assertFalse(VariableNames.isSecret(name), name);
    }

    /**
     * Held-out 8b, class "what names or schedules a secret" (ory hydra's {@code HSM_TOKEN_LABEL}, logto's
     * {@code ARG private_key_rotation_grace_period=0}, unkey's {@code ARG UNKEY_SECRETS_ID}): not a secret (DF0020, DC0003).
     */
    @ParameterizedTest
    @ValueSource(strings = {"HSM_TOKEN_LABEL", "private_key_rotation_grace_period", "UNKEY_SECRETS_ID", "TOKEN_REFRESH_INTERVAL",
        "DB_PASSWORD_SECRET_NAME"})
    void namesAndSchedulesOfSecretsAreNoSecrets(String name) {
        assertFalse(VariableNames.isSecret(name), name);
        assertTrue(VariableNames.isSecret(name.toUpperCase().replaceAll("_(LABEL|GRACE_PERIOD|ID|INTERVAL|NAME)$", "")), name);
    }

    @Test
    void linksNeedTheService() {
        assertEquals("mysql.url", EnvNames.serviceAttribute("DATABASE_URL", Set.of("mysql", "redis")));
        assertEquals("postgres.url", EnvNames.serviceAttribute("DATABASE_URL", Set.of("mysql", "postgres")));
        assertNull(EnvNames.serviceAttribute("DATABASE_URL", Set.of("redis")));
        assertNull(EnvNames.serviceAttribute("SOMETHING", Set.of("postgres")));
        assertNull(EnvNames.impliedService("DATABASE_URL"));
        assertEquals("postgres", EnvNames.impliedService("POSTGRES_HOST"));
    }
}
