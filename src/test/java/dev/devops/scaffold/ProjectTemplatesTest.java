package dev.devops.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.descriptor.App;
import dev.devops.descriptor.Descriptor;
import dev.devops.testsupport.Descriptors;
import dev.devops.yaml.YMap;
import dev.devops.yaml.YNode;
import dev.devops.yaml.YamlDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docker-compose.yml and .env.example rendered from {@link Descriptors#NODE} and the example descriptors. */
class ProjectTemplatesTest {
    private final Descriptor d = Descriptors.parse(Descriptors.NODE);
    private final TemplateSource t = TemplateSource.builtIn();

    private String compose(Descriptor desc) {
        return t.render("docker-compose.yml.ftl", RenderModel.project(desc));
    }

    /** Issue 9 class 4: a worker process is a compose service of its own on the app's image, with no port. */
    @Test
    void eachProcessOfAnAppIsAServiceRunningTheAppsImageWithItsCommand() {
        Descriptor withWorker = Descriptors.parse(Descriptors.NODE.replace("    healthcheck: /health\n",
                "    healthcheck: /health\n    processes:\n      worker: [node, worker.js]\n"));
        YMap services = YamlDocument.parse(Path.of("docker-compose.yml"), compose(withWorker)).asMap().get("services").asMap();
        assertEquals(Set.of("web", "web-worker", "postgres", "redis"), services.keys());
        YMap worker = services.get("web-worker").asMap();
        YMap web = services.get("web").asMap();
        assertEquals(web.get("build").asMap().get("context").asText(), worker.get("build").asMap().get("context").asText());
        assertEquals(List.of("node", "worker.js"), worker.get("command").asStringList());
        assertFalse(worker.has("ports"), "a worker publishes no port");
        assertTrue(worker.get("healthcheck").asMap().get("disable").asBool(), "the image's HTTP healthcheck does not apply");
        assertEquals(web.get("environment").asMap().keys(), worker.get("environment").asMap().keys());
        assertEquals(web.get("depends_on").asMap().keys(), worker.get("depends_on").asMap().keys());
        // an optional variable without a default is passed through only when set, in the worker too: an empty
        // value ("") would override the code's default or switch a flag on
        String text = compose(withWorker);
        assertEquals(2, text.split("\n      FEATURE_FLAGS:\n", -1).length - 1, text);
        assertFalse(text.contains("FEATURE_FLAGS: \"\""), text);
    }

    /**
     * Class 13: the migrate step is a one-shot service on the app's image (its environment, its dependencies) that the
     * app and its processes wait for with service_completed_successfully.
     */
    @Test
    void theMigrateStepRunsOnceBeforeTheAppAndItsProcesses() {
        Descriptor withMigrate = Descriptors.parse(Descriptors.NODE.replace("    healthcheck: /health\n",
                "    healthcheck: /health\n    processes:\n      worker: [node, worker.js]\n    migrate: [npx, knex, migrate:latest]\n"));
        YMap services = YamlDocument.parse(Path.of("docker-compose.yml"), compose(withMigrate)).asMap().get("services").asMap();
        YMap mg = services.get("web-migrate").asMap();
        YMap web = services.get("web").asMap();
        assertEquals(List.of("npx", "knex", "migrate:latest"), mg.get("command").asStringList());
        assertEquals("no", mg.get("restart").asText());
        assertEquals(web.get("build").asMap().get("dockerfile").asText(), mg.get("build").asMap().get("dockerfile").asText());
        assertEquals(web.get("environment").asMap().keys(), mg.get("environment").asMap().keys());
        Set<String> appDeps = new java.util.HashSet<>(web.get("depends_on").asMap().keys());
        appDeps.remove("web-migrate");
        assertEquals(appDeps, mg.get("depends_on").asMap().keys(), "the app's own dependencies");
        assertFalse(mg.has("ports"));
        for (String s : List.of("web", "web-worker")) {
            assertEquals("service_completed_successfully", services.get(s).asMap().get("depends_on").asMap().get("web-migrate")
                    .asMap().get("condition").asText(), s);
        }
    }

    /**
     * Class 13: a Node app with a build step runs its migrate step in the build stage, which keeps the development
     * dependencies (the migration CLI) that the runtime stage prunes.
     */
    @Test
    void aNodeMigrateStepRunsInTheBuildStageWhichKeepsTheMigrationCli() {
        Descriptor withMigrate = Descriptors.parse(Descriptors.NODE.replace("    healthcheck: /health\n",
                "    healthcheck: /health\n    build: [npm, run, build]\n    migrate: [npx, prisma, migrate, deploy]\n"));
        YMap mg = YamlDocument.parse(Path.of("docker-compose.yml"), compose(withMigrate)).asMap().get("services").asMap()
                .get("web-migrate").asMap();
        assertEquals("build", mg.get("build").asMap().get("target").asText());
        App app = withMigrate.apps().get(0);
        String df = TemplateSource.builtIn().render(Scaffolder.dockerfileTemplate(app), RenderModel.forApp(withMigrate, app));
        assertTrue(df.contains("FROM node:20-bookworm-slim AS build\n"), df);
        assertTrue(df.contains("FROM build AS prune\nRUN npm prune --omit=dev\n"), df);
        assertTrue(df.contains("COPY --from=prune /app ./\n"), df);
        // without a build step the runtime image is the only one: no target
        Descriptor noBuild = Descriptors.parse(Descriptors.NODE.replace("    healthcheck: /health\n",
                "    healthcheck: /health\n    migrate: [npx, prisma, migrate, deploy]\n"));
        assertFalse(YamlDocument.parse(Path.of("docker-compose.yml"), compose(noBuild)).asMap().get("services").asMap()
                .get("web-migrate").asMap().get("build").asMap().has("target"));
    }

    /** Class 13: a migration tool's own image, the app's migrations mounted, a service attribute in its command. */
    @Test
    void aMigrateStepInAToolsImageGetsTheServicesAddressAndTheMountedMigrations() {
        Descriptor withMigrate = Descriptors.parse(Descriptors.NODE.replace("    healthcheck: /health\n",
                "    healthcheck: /health\n    migrate:\n      command: [-path, /migrations, -database, \"{postgres.url}?sslmode=disable\", up]\n"
                + "      image: migrate/migrate:v4.18.1\n      mount: db/migrations\n"));
        YMap mg = YamlDocument.parse(Path.of("docker-compose.yml"), compose(withMigrate)).asMap().get("services").asMap()
                .get("web-migrate").asMap();
        assertEquals("migrate/migrate:v4.18.1", mg.get("image").asText());
        assertFalse(mg.has("build") || mg.has("environment"), "the tool's image has none of the app's settings");
        assertEquals(List.of("./db/migrations:/migrations:ro"), mg.get("volumes").asStringList());
        assertEquals("postgresql://${POSTGRES_USER:-app}:${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required: set it in .env}"
                + "@postgres:5432/${POSTGRES_DB:-app}?sslmode=disable", mg.get("command").asStringList().get(3));
    }

    @Test
    void composeIsValidYamlWithTheExpectedShape() {
        String text = compose(d);
        YMap top = YamlDocument.parse(Path.of("docker-compose.yml"), text).asMap();
        assertFalse(top.has("version"), "no version key");
        assertFalse(top.has("name"), "no top-level name: docker-compose 1.29 rejects it");
        assertEquals(Set.of("web", "postgres", "redis"), top.get("services").asMap().keys());
        assertEquals(Set.of("postgres-data", "redis-data"), top.get("volumes").asMap().keys());

        YMap web = top.get("services").asMap().get("web").asMap();
        assertEquals(".", web.get("build").asMap().get("context").asText());
        assertEquals("Dockerfile", web.get("build").asMap().get("dockerfile").asText());
        assertEquals(List.of("127.0.0.1:3000:3000"), web.get("ports").asStringList());
        assertTrue(web.get("init").asBool());
        assertEquals("unless-stopped", web.get("restart").asText());
        YMap env = web.get("environment").asMap();
        assertEquals("postgresql://${POSTGRES_USER:-app}:${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required: set it in .env}"
                + "@postgres:5432/${POSTGRES_DB:-app}", env.get("DATABASE_URL").asText());
        assertEquals("${SESSION_SECRET:?SESSION_SECRET is required: set it in .env}", env.get("SESSION_SECRET").asText());
        assertEquals("${LOG_LEVEL:-info}", env.get("LOG_LEVEL").asText());
        // optional without a default: passed through only when set (an empty value would override the code's default)
        assertTrue(env.has("FEATURE_FLAGS") && env.get("FEATURE_FLAGS").isNull());
        // postgres is needed by a from-linked variable: the app waits for it to be healthy
        assertEquals("service_healthy", web.get("depends_on").asMap().get("postgres").asMap().get("condition").asText());
        assertFalse(web.get("depends_on").asMap().has("redis"), "redis is neither in dependsOn nor linked");
        List<String> test = web.get("healthcheck").asMap().get("test").asStringList();
        assertEquals("CMD", test.get(0));
        assertTrue(test.get(3).contains("http://127.0.0.1:3000/health"), test.toString());

        YMap pg = top.get("services").asMap().get("postgres").asMap();
        assertEquals("postgres:15", pg.get("image").asText());
        assertFalse(pg.has("ports"), "not published");
        assertEquals(List.of("postgres-data:/var/lib/postgresql/data"), pg.get("volumes").asStringList());
        assertEquals("${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required: set it in .env}",
                pg.get("environment").asMap().get("POSTGRES_PASSWORD").asText());
        YMap hc = pg.get("healthcheck").asMap();
        assertEquals("5s", hc.get("interval").asText());
        assertEquals("10", hc.get("retries").asText());
        assertEquals("10s", hc.get("start_period").asText());

        YMap redis = top.get("services").asMap().get("redis").asMap();
        assertEquals(List.of("127.0.0.1:6379:6379"), redis.get("ports").asStringList());
        assertEquals(List.of("redis-server", "--appendonly", "yes"), redis.get("command").asStringList());
    }

    @Test
    void everyDollarInComposeIsAnInterpolationOrEscaped() {
        String text = compose(d);
        // strip ${...} interpolations and $$ escapes: no bare $ may remain (compose would read it as a variable)
        String rest = text.replaceAll("\\$\\$", "").replaceAll("\\$\\{[A-Za-z_][A-Za-z0-9_]*(:?[-?][^}]*)?}", "");
        assertFalse(rest.contains("$"), rest);
        assertTrue(text.contains("pg_isready -U \\\"$${POSTGRES_USER}\\\""), text);
    }

    @Test
    void appHealthcheckDollarsAreEscapedForCompose() {
        Descriptor java = Descriptors.parse(Descriptors.app("java", "17", "maven", null, true, false)
                .replace("/health", "/h$x"));
        String text = compose(java);
        assertTrue(text.contains("GET /h$$x HTTP/1.0"), text);
    }

    @Test
    void envExampleDocumentsEveryVariableAndGivesNoSecretAValue() {
        String env = t.render("env.example.ftl", RenderModel.project(d));
        assertTrue(env.startsWith("# Generated by devops from devops.yaml"), env);
        Matcher m = Pattern.compile("(?m)^([A-Z_][A-Z0-9_]*)=(.*)$").matcher(env);
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        while (m.find()) {
            values.put(m.group(1), m.group(2));
        }
        assertEquals(List.of("COMPOSE_PROJECT_NAME", "DATABASE_URL", "SESSION_SECRET", "LOG_LEVEL", "POSTGRES_USER",
                "POSTGRES_PASSWORD", "POSTGRES_DB"), List.copyOf(values.keySet()));
        assertEquals("shop", values.get("COMPOSE_PROJECT_NAME"));
        assertEquals("", values.get("SESSION_SECRET"));
        assertEquals("", values.get("POSTGRES_PASSWORD"));
        assertEquals("", values.get("DATABASE_URL"));
        assertEquals("info", values.get("LOG_LEVEL"));
        assertEquals("app", values.get("POSTGRES_USER"));
        assertTrue(env.contains("# required, secret — never commit a value\nSESSION_SECRET=\n"), env);
        assertTrue(env.contains("inside the stack from service 'postgres' (postgres.url)\n"
                + "# from the host (after 'publish: true' on the service): postgresql://app:<password>@localhost:5432/app\n"
                + "DATABASE_URL=\n"), env);
        // commented out: 'cp .env.example .env' must not set it to an empty value
        assertTrue(env.contains("# optional; passed to the app only when set (uncomment to set it)\n# FEATURE_FLAGS=\n"), env);
    }

    @Test
    void envExampleListsAVariableOnceAndQuotesValuesWithSpaces() {
        Descriptor dup = Descriptors.parse("""
                name: dup
                apps:
                  a:
                    runtime: {language: node}
                    env:
                      POSTGRES_PASSWORD: {secret: true}
                      GREETING: {default: "hello world"}
                  b:
                    path: b
                    runtime: {language: node}
                    env:
                      GREETING: {default: "hello world"}
                services:
                  postgres: {}
                """);
        String env = t.render("env.example.ftl", RenderModel.project(dup));
        assertEquals(1, env.split("(?m)^POSTGRES_PASSWORD=", -1).length - 1, env);
        assertEquals(1, env.split("(?m)^GREETING=", -1).length - 1, env);
        assertTrue(env.contains("GREETING='hello world'\n"), env);
    }

    @Test
    void composeOfTheJavaExampleBuildsJdbcUrlsFromTheCatalog() {
        YNode top = YamlDocument.parse(Path.of("c.yml"), compose(Descriptors.parse("""
                name: j
                apps:
                  api:
                    runtime: {language: java, version: "17"}
                    env:
                      JDBC: {from: db.jdbc}
                      REDIS_ADDR: {from: cache.address}
                services:
                  db: {type: postgres, version: "16"}
                  cache: {type: redis}
                """)));
        YMap env = top.asMap().get("services").asMap().get("api").asMap().get("environment").asMap();
        assertEquals("jdbc:postgresql://db:5432/${POSTGRES_DB:-app}", env.get("JDBC").asText());
        assertEquals("cache:6379", env.get("REDIS_ADDR").asText());
        assertEquals("postgres:16", top.asMap().get("services").asMap().get("db").asMap().get("image").asText());
    }
}
