package dev.devops.lint.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.lint.Finding;
import dev.devops.lint.LintContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeCheckTest {
    @TempDir
    Path dir;

    private List<Finding> run(String... files) {
        List<Finding> out = new ArrayList<>();
        ComposeCheck check = new ComposeCheck();
        check.run(new LintContext(dir, List.of(files), Set.of(), null), out::add);
        return dev.devops.lint.testing.FixtureAssert.reportedOn(check, out);
    }

    /**
     * Issue 10, session 13 class "a template of a compose file" (a deployment generator's templates/local/docker-compose.yml
     * with {% if %} blocks around services: DC0000 "invalid YAML"): a compose file that does not load and has template
     * tag lines gives no finding; one that does not load without them is still DC0000.
     */
    @Test
    void aTemplateOfAComposeFileIsNotLintedAsOne() throws IOException {
        Files.createDirectories(dir.resolve("templates/local"));
        Files.writeString(dir.resolve("templates/local/docker-compose.yml"), "services:\n  app:\n    image: org/app:{{ APP_VERSION }}\n"
                + "{% if RUN_REDIS %}\n  redis:\n    image: redis:7.2\n{% endif %}\n");
        Files.createDirectories(dir.resolve("broken"));
        Files.writeString(dir.resolve("broken/docker-compose.yml"), "services:\n  app:\n    image: org/app:1.0\n   ports: [\"80\"]\n");
        List<String> got = run("templates/local/docker-compose.yml", "broken/docker-compose.yml").stream()
                .filter(x -> x.rule().id().equals("DC0000")).map(Finding::path).toList();
        assertEquals(List.of("broken/docker-compose.yml"), got);
    }

    /**
     * Held-out 13a, class "a fragment a local development environment merges with the base file it generates" (DDEV's
     * {@code .ddev/docker-compose.<addon>.yaml}: {@code depends_on: [db]} and the {@code ddev-global-cache} volume come
     * from the base file DDEV writes, not from the repository): DC0017 and DC0018 are info there; the same file elsewhere
     * is still an error.
     */
    @Test
    void aDevEnvironmentsComposeFragmentIsCompletedByItsGeneratedBase() throws IOException {
        String addon = "services:\n  admin:\n    image: org/admin:5.2\n    volumes:\n      - \"tool-cache:/mnt/cache\"\n"
                + "    depends_on:\n      - db\n";
        Files.createDirectories(dir.resolve(".ddev"));
        Files.writeString(dir.resolve(".ddev/docker-compose.admin.yaml"), addon);
        Files.createDirectories(dir.resolve("deploy"));
        Files.writeString(dir.resolve("deploy/docker-compose.yaml"), addon);
        List<String> got = run(".ddev/docker-compose.admin.yaml", "deploy/docker-compose.yaml").stream()
                .filter(x -> x.rule().id().matches("DC0017|DC0018"))
                .map(x -> x.rule().id() + ":" + x.severity().name().toLowerCase() + ":" + x.path()).sorted().toList();
        assertEquals(List.of("DC0017:error:deploy/docker-compose.yaml", "DC0017:info:.ddev/docker-compose.admin.yaml",
                "DC0018:error:deploy/docker-compose.yaml", "DC0018:info:.ddev/docker-compose.admin.yaml"), got);
    }

    /**
     * Held-out 13a, class "a library of service definitions that suites extend" (an end-to-end suite's
     * {@code script/docker-compose/base-compose.yml}: a data node and a liaison both on 17912/17913; a hundred suites
     * each extend the one they need with {@code extends: file:}): DC0015 is not reported in the library; a file no
     * suite extends, or a default compose.yaml that others extend, is still checked.
     */
    @Test
    void aLibraryOfServicesOtherFilesExtendIsNeverStartedWhole() throws IOException {
        String lib = "services:\n  data:\n    image: org/db:1.0\n    ports:\n      - 17912:17912\n"
                + "  liaison:\n    image: org/db:1.0\n    ports:\n      - 17912:17912\n";
        Files.createDirectories(dir.resolve("e2e/script"));
        Files.createDirectories(dir.resolve("e2e/cases/one"));
        Files.createDirectories(dir.resolve("other"));
        Files.createDirectories(dir.resolve("app"));
        Files.writeString(dir.resolve("e2e/script/base-compose.yml"), lib);
        Files.writeString(dir.resolve("other/base-compose.yml"), lib);
        Files.writeString(dir.resolve("app/compose.yaml"), lib);
        Files.writeString(dir.resolve("app/compose.prod.yaml"), "services:\n  web:\n    extends:\n      file: compose.yaml\n"
                + "      service: data\n");
        Files.writeString(dir.resolve("e2e/cases/one/docker-compose.yml"), "services:\n  liaison:\n    extends:\n"
                + "      file: ../../script/base-compose.yml\n      service: liaison\n");
        List<String> got = run("e2e/script/base-compose.yml", "other/base-compose.yml", "app/compose.yaml", "app/compose.prod.yaml",
                "e2e/cases/one/docker-compose.yml").stream().filter(x -> x.rule().id().equals("DC0015"))
                .map(Finding::path).distinct().sorted().toList();
        assertEquals(List.of("app/compose.yaml", "other/base-compose.yml"), got);
    }

    /** Writes {@code n} one-app compose templates into {@code dir}/templates (the first {@code declaring} declare their volume). */
    private List<String> catalogue(int n, int declaring) throws IOException {
        Files.createDirectories(dir.resolve("templates"));
        List<String> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String f = "templates/app" + i + ".yaml";
            Files.writeString(dir.resolve(f), "# slogan: app " + i + "\nservices:\n  app:\n    image: org/app" + i + ":1.0\n"
                    + "    volumes:\n      - app" + i + "-data:/data\n" + (i == 0 ? "    exclude_from_hc: true\n" : "")
                    + (i < declaring ? "volumes:\n  app" + i + "-data:\n" : ""));
            files.add(f);
        }
        return files;
    }

    /**
     * Held-out 10c, class "a platform's catalogue of compose templates" (a self-hosting platform's
     * {@code templates/compose/<app>.yaml}: 368 one-app files, 362 mounting named volumes none declares, some with the
     * platform's own service keys; 594 DC0017 and 43 DC0000 errors): ten or more compose files by content side by side,
     * most of them mounting undeclared volumes, are templates the platform completes: DC0017 on a volume and DC0000 on
     * an unknown key are info there. Nine such files, or a directory where most files declare their volumes, are
     * compose projects: still errors.
     */
    @Test
    void aPlatformsCatalogueOfComposeTemplatesIsCompletedByThePlatform() throws IOException {
        List<String> files = catalogue(12, 0);
        List<String> got = run(files.toArray(String[]::new)).stream().filter(x -> x.rule().id().matches("DC0017|DC0000"))
                .map(x -> x.rule().id() + ":" + x.severity().name().toLowerCase()).distinct().sorted().toList();
        assertEquals(List.of("DC0000:info", "DC0017:info"), got);
        for (String f : files) {
            Files.delete(dir.resolve(f));
        }
        files = catalogue(9, 0);
        got = run(files.toArray(String[]::new)).stream().filter(x -> x.rule().id().matches("DC0017|DC0000"))
                .map(x -> x.rule().id() + ":" + x.severity().name().toLowerCase()).distinct().sorted().toList();
        assertEquals(List.of("DC0000:error", "DC0017:error"), got);
        files = catalogue(12, 8);
        got = run(files.toArray(String[]::new)).stream().filter(x -> x.rule().id().matches("DC0017|DC0000"))
                .map(x -> x.rule().id() + ":" + x.severity().name().toLowerCase()).distinct().sorted().toList();
        assertEquals(List.of("DC0000:error", "DC0017:error"), got);
    }

    /**
     * Held-out 10c, class "an overlay that holds only comments" (a demo's {@code compose.extras.yaml}, "intentionally
     * empty", always passed last with -f as the seam a fork fills in): compose merges nothing from it; the base file
     * loads. An empty file on its own is still DC0000.
     */
    @Test
    void anOverlayHoldingOnlyCommentsAddsNothing() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  app:\n    image: org/app:1.0\n    restart: always\n");
        Files.writeString(dir.resolve("compose.extras.yaml"), "# Extras layer: override this file in your fork\n");
        assertEquals(List.of(), run("compose.yaml", "compose.extras.yaml").stream().map(x -> x.rule().id())
                .filter(id -> id.equals("DC0000")).toList());
    }

    /**
     * Held-out 10c, class "an env_file on the deployment host" (a platform's production stack:
     * {@code env_file: /data/app/source/.env}, written by its installer): an absolute path outside the repository is
     * info; a missing relative one nothing explains is still an error.
     */
    @Test
    void anEnvFileAtAnAbsoluteHostPathIsTheHostsFile() throws IOException {
        Files.writeString(dir.resolve("docker-compose.yml"), "services:\n  app:\n    image: org/app:1.0\n    env_file:\n"
                + "      - /data/org-app-host-only/source/.env\n  worker:\n    image: org/worker:1.0\n    env_file:\n      - ./worker.env\n");
        List<String> got = run("docker-compose.yml").stream().filter(x -> x.rule().id().equals("DC0016"))
                .map(x -> x.line() + ":" + x.severity().name().toLowerCase()).sorted().toList();
        assertEquals(List.of("5:info", "9:error"), got);
    }

    /**
     * Held-out 10c, class "a variable's name as a stand-in key" (a test service's
     * {@code AWS_SECRET_ACCESS_KEY: APP_FILESTORE_S3_SECRET_ACCESS_KEY}, the key its local S3 stand-in is started with): a
     * typed development default, a warning like {@code MINIO_ROOT_PASSWORD: MINIO_ROOT_PASSWORD}, not an error.
     */
    @Test
    void aVariablesNameAsTheValueIsADevelopmentDefault() throws IOException {
        Files.writeString(dir.resolve("docker-compose.yml"), "services:\n  app:\n    image: org/app:1.0\n    environment:\n"
                + "      AWS_SECRET_ACCESS_KEY: APP_FILESTORE_S3_SECRET_ACCESS_KEY\n");
        List<String> got = run("docker-compose.yml").stream().filter(x -> x.rule().id().equals("DC0003"))
                .map(x -> x.line() + ":" + x.severity().name().toLowerCase()).toList();
        assertEquals(List.of("5:warning"), got);
    }

    /**
     * Held-out 10c, class "a switch named after a secret" (compose templates' {@code NEXUS_SECURITY_RANDOMPASSWORD=false},
     * {@code FORGEJO__repository__DEFAULT_PUSH_CREATE_PRIVATE=false}): a boolean holds no credential.
     */
    @Test
    void aBooleanUnderASecretNameIsNoCredential() throws IOException {
        Files.writeString(dir.resolve("docker-compose.yml"), "services:\n  app:\n    image: org/app:1.0\n    environment:\n"
                + "      - APP_SECURITY_RANDOMPASSWORD=false\n      - APP_TOKEN_REQUIRED=True\n      - APP_PASSWORD=hunter2hunter\n");
        List<String> got = run("docker-compose.yml").stream().filter(x -> x.rule().id().equals("DC0003"))
                .map(x -> String.valueOf(x.line())).toList();
        assertEquals(List.of("7"), got);
    }

    /**
     * Held-out 8b, class "an empty compose file in test data" (rudder-server's
     * {@code warehouse/integrations/tunnelling/testdata/docker-compose.yml}, 0 bytes): a fixture, not a project; an empty
     * compose file outside tests is still a parse error.
     */
    @Test
    void anEmptyComposeFileInTestDataIsNoProject() throws IOException {
        Files.createDirectories(dir.resolve("pkg/testdata"));
        Files.writeString(dir.resolve("pkg/testdata/docker-compose.yml"), "");
        assertEquals(List.of(), run("pkg/testdata/docker-compose.yml"));
        Files.writeString(dir.resolve("docker-compose.yml"), "\n");
        assertEquals(List.of("DC0000"), run("docker-compose.yml").stream().map(x -> x.rule().id()).toList());
    }

    /** A file the base includes is loaded through the include (and alone), never as an overlay run over the base. */
    @Test
    void aFileTheBaseIncludesIsNoOverlay() throws IOException {
        Files.writeString(dir.resolve("compose.yml"), "include:\n  - compose.dbs.yml\n\nservices:\n  app:\n    image: org/app:1.0\n"
                + "    restart: always\n    depends_on:\n      - db\n");
        Files.writeString(dir.resolve("compose.dbs.yml"), "services:\n  db:\n    image: postgres:16\n    restart: always\n");
        List<Finding> all = run("compose.yml", "compose.dbs.yml");
        assertTrue(all.stream().noneMatch(x -> x.rule().id().equals("DC0000") || x.rule().id().equals("DC0018")), all.toString());
        assertEquals(Set.of("compose.dbs.yml"), ComposeCheck.includedBy(dir, List.of("compose.yml", "compose.dbs.yml")));
    }

    /**
     * Held-out 7a: a username beside a password ({@code QUARKUS_MONGODB_CREDENTIALS_USERNAME}) and a DSN naming a SQLite
     * file ({@code APP_TEST_DSN: ".test.db"}) hold no secret; the password beside them and a DSN with one still do.
     */
    @Test
    void usernamesAndDsnsWithoutCredentialsAreNotSecrets() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  app:\n    image: org/app:1.0\n    restart: always\n"
                + "    environment:\n      APP_MONGODB_CREDENTIALS_USERNAME: superfight\n      APP_MONGODB_CREDENTIALS_PASSWORD: superfight\n"
                + "      APP_TEST_DSN: \".test.db\"\n      APP_DSN: \"app:superfight@tcp(db:3306)/app\"\n");
        List<String> got = run("compose.yaml").stream().filter(x -> x.rule().id().equals("DC0003")).map(x -> x.line() + "").toList();
        assertEquals(List.of("7", "9"), got);
    }

    @Test
    void recognisesComposeFileNames() {
        assertTrue(ComposeCheck.isComposeFile("compose.yaml"));
        assertTrue(ComposeCheck.isComposeFile("deploy/docker-compose.prod.yml"));
        assertTrue(ComposeCheck.isComposeFile("docker-compose.override.yaml"));
        assertFalse(ComposeCheck.isComposeFile("compose.json"));
        assertFalse(ComposeCheck.isComposeFile("my-compose.yml"));
    }

    @Test
    void hardCodedDevelopmentDefaultsAreWarningsRandomValuesErrors() throws IOException {
        String random = dev.devops.lint.secrets.Fake.token(20);
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  db:\n    image: postgres:16\n    environment:\n"
                + "      POSTGRES_PASSWORD: postgres\n      API_TOKEN: " + random + "\n  app:\n    image: app:1\n"
                + "    environment:\n      DB_URL: postgres://app:changeme@db/app\n");
        List<String> dc3 = run("compose.yaml").stream().filter(x -> x.rule().id().equals("DC0003"))
                .map(x -> x.line() + ":" + x.severity().name().toLowerCase()).toList();
        assertEquals(List.of("5:warning", "6:error", "10:warning"), dc3);
    }

    /**
     * Issue 10, false-alarm class "env_file created by the user": a missing env_file that .gitignore lists, that an
     * example file documents or that the deployment platform writes (Portainer's stack.env) is absent from every
     * clone by design: info with the cp command (nothing in the repository is wrong); an error only when nothing
     * explains its absence.
     */
    @Test
    void missingEnvFileIsAnErrorOnlyWhenNothingExplainsIt() throws IOException {
        Files.createDirectories(dir.resolve("web"));
        Files.writeString(dir.resolve("web/.env.example"), "API_URL=\n");
        Files.writeString(dir.resolve(".gitignore"), "secrets/*.env\n");
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: w:1\n    env_file:\n      - web/.env\n"
                + "  worker:\n    image: k:1\n    env_file: secrets/worker.env\n"
                + "  portainer:\n    image: p:1\n    env_file: stack.env\n"
                + "  api:\n    image: a:1\n    env_file: api.env\n");
        List<Finding> dc16 = run("compose.yaml", "web/.env.example", ".gitignore").stream()
                .filter(x -> x.rule().id().equals("DC0016")).toList();
        assertEquals(List.of("5:INFO", "8:INFO", "11:INFO", "14:ERROR"),
                dc16.stream().map(x -> x.line() + ":" + x.severity()).toList());
        assertTrue(dc16.get(0).hint().startsWith("cp web/.env.example web/.env"), dc16.get(0).hint());
        assertTrue(dc16.get(1).message().contains(".gitignore:1 ignores it"), dc16.get(1).message());
        assertTrue(dc16.get(3).message().contains("nothing in the repository says how to create it"), dc16.get(3).message());
    }

    /**
     * Issue 10, false-alarm class "healthcheck in the Dockerfile": the base file runs the published image, an
     * override builds it from a Dockerfile with a HEALTHCHECK; service_healthy on it works.
     */
    @Test
    void healthcheckOfTheImageBuiltByAnotherComposeFileCounts() throws IOException {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/Dockerfile"), "FROM eclipse-temurin:21-jre\nHEALTHCHECK CMD curl -f http://localhost:8888/ || exit 1\n"
                + "CMD [\"java\", \"-jar\", \"/app.jar\"]\n");
        Files.writeString(dir.resolve("docker-compose.yml"), "services:\n  config:\n    image: org/app-config\n"
                + "  registry:\n    image: org/app-registry\n    depends_on:\n      config:\n        condition: service_healthy\n"
                + "  gateway:\n    image: org/app-gateway\n    depends_on:\n      registry:\n        condition: service_healthy\n");
        Files.writeString(dir.resolve("docker-compose.dev.yml"), "services:\n  config:\n    build: config\n");
        List<Finding> dc7 = run("docker-compose.yml", "docker-compose.dev.yml", "config/Dockerfile").stream()
                .filter(x -> x.rule().id().equals("DC0007")).toList();
        assertEquals(List.of("docker-compose.yml:12"), dc7.stream().map(x -> x.path() + ":" + x.line()).toList(),
                "only the wait on 'registry' (no healthcheck anywhere) is reported");
    }

    /**
     * Issue 10, false-alarm class "image built by another file" (held-out 4, api-platform/demo): the base file names the
     * local image ({@code image: app-php}, no registry serves it) that {@code compose.override.yaml} builds; merged with a variant that does not
     * build it ({@code compose.e2e.yaml}), it is still the project's own image, not a pull of 'latest'. An image that
     * no file builds is still reported.
     */
    @Test
    void anImageThatAnotherComposeFileBuildsIsNotAFloatingPull() throws IOException {
        Files.createDirectories(dir.resolve("api"));
        Files.writeString(dir.resolve("api/Dockerfile"), "FROM php:8.3\n");
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  php:\n    image: ${IMAGES_PREFIX:-}app-php\n"
                + "  mail:\n    image: maildev/maildev\n");
        Files.writeString(dir.resolve("compose.override.yaml"), "services:\n  php:\n    build:\n      context: ./api\n");
        Files.writeString(dir.resolve("compose.e2e.yaml"), "services:\n  php:\n    environment:\n      E2E: \"1\"\n");
        List<String> dc2 = run("compose.yaml", "compose.override.yaml", "compose.e2e.yaml", "api/Dockerfile").stream()
                .filter(x -> x.rule().id().equals("DC0002")).map(x -> x.path() + ":" + x.line()).distinct().toList();
        assertEquals(List.of("compose.yaml:5"), dc2, "only maildev, which no file builds");
        // a published name that a dev file also builds (piggymetrics: sqshq/piggymetrics-config) is still pulled by the base
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  php:\n    image: org/app-php\n");
        Files.writeString(dir.resolve("compose.override.yaml"), "services:\n  php:\n    environment:\n      X: \"1\"\n");
        Files.writeString(dir.resolve("compose.dev.yaml"), "services:\n  php:\n    build:\n      context: ./api\n");
        assertEquals(List.of("compose.yaml:3"), run("compose.yaml", "compose.override.yaml", "compose.dev.yaml", "api/Dockerfile")
                .stream().filter(x -> x.rule().id().equals("DC0002")).map(x -> x.path() + ":" + x.line()).distinct().toList());
    }

    /**
     * Held-out 11b, false-alarm class "image built by a script beside the compose file": a test stack runs
     * {@code image: app_under_test:latest}, which its run script builds ({@code docker buildx build --load ../../
     * --tag=app_under_test}) before {@code docker compose up}: the project's own image, no pull of 'latest'. An
     * image no script builds is still reported.
     */
    @Test
    void anImageThatAScriptBesideTheComposeFileBuildsIsNotAFloatingPull() throws IOException {
        Files.createDirectories(dir.resolve("tests/cluster"));
        Files.writeString(dir.resolve("tests/cluster/docker-compose.yaml"), "services:\n  node:\n    image: app_under_test:latest\n"
                + "  proxy:\n    image: nginx:latest\n");
        Files.writeString(dir.resolve("tests/cluster/run_tests.sh"), "#!/bin/bash\nset -e\n"
                + "docker buildx build --build-arg=PROFILE=ci --load ../../ --tag=app_under_test\ndocker compose up -d\n");
        List<String> dc2 = run("tests/cluster/docker-compose.yaml", "tests/cluster/run_tests.sh").stream()
                .filter(x -> x.rule().id().equals("DC0002")).map(x -> x.path() + ":" + x.line()).distinct().toList();
        assertEquals(List.of("tests/cluster/docker-compose.yaml:5"), dc2, "only nginx, which no script builds");
    }

    /**
     * Issue 10, false-alarm class "overlay linted alone": a compose file recognised by content whose services only add
     * to services of another file ({@code -f quickstart.yml -f quickstart-postgres.yml}) is merged onto that base;
     * the base's networks and volumes are declared, a name declared nowhere is still reported.
     */
    @Test
    void overlaysRecognisedByContentAreMergedOntoTheirBase() throws IOException {
        Files.writeString(dir.resolve("quickstart.yml"), "services:\n  kratos:\n    image: oryd/kratos:v1.0.0\n"
                + "    restart: unless-stopped\n    volumes:\n      - kratos-sqlite:/var/lib/sqlite\n    networks:\n      - intranet\n"
                + "networks:\n  intranet:\nvolumes:\n  kratos-sqlite:\n");
        Files.writeString(dir.resolve("quickstart-postgres.yml"), "services:\n  kratos:\n    environment:\n      - LOG_LEVEL=debug\n"
                + "  postgresd:\n    image: postgres:16.3\n    restart: unless-stopped\n    networks:\n      - intranet\n      - outside\n");
        Files.writeString(dir.resolve("quickstart-latest.yml"), "services:\n  kratos:\n    image: oryd/kratos:latest\n");
        Files.createDirectories(dir.resolve("contrib/cloud"));
        Files.writeString(dir.resolve("contrib/cloud/quickstart.yml"), "services:\n  kratos:\n    volumes:\n"
                + "      - kratos-sqlite:/var/lib/sqlite\n  caddy:\n    image: caddy:2.8\n    restart: unless-stopped\n"
                + "    networks:\n      - intranet\n");
        List<String> dc17 = run("quickstart-latest.yml", "quickstart-postgres.yml", "quickstart.yml", "contrib/cloud/quickstart.yml").stream()
                .filter(x -> x.rule().id().equals("DC0017")).map(x -> x.path() + ":" + x.line() + " " + x.message()).toList();
        assertEquals(List.of("quickstart-postgres.yml:10 service 'postgresd' uses network 'outside', which is not declared"), dc17);
    }

    /**
     * Held-out 5, class "fragment combined with -f" (authelia's suites: each service's {@code compose.yml} joins the
     * network {@code internal/suites/compose.yml} declares and depends on services of sibling fragments; mailcow's
     * override snippets under {@code helper-scripts/}): a network or service only another compose file of the
     * repository declares is info, naming that file; a name declared nowhere is still an error.
     */
    @Test
    void namesAnotherComposeFileDeclaresMakeAFragmentNotAnError() throws IOException {
        Files.createDirectories(dir.resolve("suites/example/redis"));
        Files.createDirectories(dir.resolve("suites/example/app"));
        Files.writeString(dir.resolve("suites/compose.yml"), "networks:\n  suitenet:\n    name: suitenet\n");
        Files.writeString(dir.resolve("suites/example/app/compose.yml"), "services:\n  app:\n    image: org/app:1.0\n"
                + "    restart: unless-stopped\n    networks:\n      - suitenet\n");
        Files.writeString(dir.resolve("suites/example/redis/compose.yml"), "services:\n  client:\n    image: redis:7.2\n"
                + "    restart: unless-stopped\n    depends_on:\n      - app\n      - nowhere\n    networks:\n      - suitenet\n      - othernet\n");
        List<Finding> all = run("suites/compose.yml", "suites/example/app/compose.yml", "suites/example/redis/compose.yml");
        List<String> got = all.stream().filter(x -> x.rule().id().equals("DC0017") || x.rule().id().equals("DC0018"))
                .map(x -> x.rule().id() + ":" + x.severity().name().toLowerCase() + ":" + x.path() + ":" + x.line()).sorted().toList();
        assertEquals(List.of("DC0017:error:suites/example/redis/compose.yml:10", "DC0017:info:suites/example/app/compose.yml:6",
                "DC0017:info:suites/example/redis/compose.yml:9", "DC0018:error:suites/example/redis/compose.yml:7",
                "DC0018:info:suites/example/redis/compose.yml:6"), got);
        assertTrue(all.stream().anyMatch(x -> x.message().contains("which only suites/compose.yml declares")), all.toString());
    }

    /**
     * Issue 10, session 14 spot check (an ABP microservices sample's etc/docker: {@code docker-compose.yml} run with
     * {@code -f docker-compose.infrastructure.yml -f docker-compose.infrastructure.override.yml}), class "a variant's own
     * override": the override is merged onto its variant, not onto the base, so the base's services waiting for the
     * infrastructure to be healthy are a fragment's references (info, naming the file that defines them), not 64 errors
     * about services with no healthcheck.
     */
    @Test
    void aVariantsOwnOverrideIsMergedOntoItsVariant() throws IOException {
        Files.createDirectories(dir.resolve("etc/docker"));
        Files.writeString(dir.resolve("etc/docker/docker-compose.yml"), "services:\n  app:\n    image: example/app:1.0\n"
                + "    depends_on:\n      redis:\n        condition: service_healthy\n");
        Files.writeString(dir.resolve("etc/docker/docker-compose.infrastructure.yml"), "services:\n  redis:\n    image: redis:7.2\n"
                + "    healthcheck:\n      test: [\"CMD\", \"redis-cli\", \"ping\"]\n");
        Files.writeString(dir.resolve("etc/docker/docker-compose.infrastructure.override.yml"), "services:\n  redis:\n"
                + "    ports:\n      - \"127.0.0.1:6379:6379\"\n");
        List<Finding> all = run("etc/docker/docker-compose.yml", "etc/docker/docker-compose.infrastructure.yml",
                "etc/docker/docker-compose.infrastructure.override.yml");
        List<String> got = all.stream().filter(x -> x.rule().id().equals("DC0007") || x.rule().id().equals("DC0018"))
                .map(x -> x.rule().id() + ":" + x.severity().name().toLowerCase()).sorted().toList();
        assertEquals(List.of("DC0018:info"), got);
        assertTrue(all.stream().anyMatch(x -> x.message().contains("which only etc/docker/docker-compose.infrastructure.yml defines")),
                all.toString());
        assertEquals(List.of(List.of("docker-compose.yml"), List.of("docker-compose.yml", "docker-compose.x.yml"),
                List.of("docker-compose.x.yml", "docker-compose.x.override.yml")),
                ComposeCheck.groups(List.of("docker-compose.yml", "docker-compose.x.yml", "docker-compose.x.override.yml")));
    }

    /**
     * Held-out 12c, class "a network declared in a declarations-only fragment": the stack's files in one directory are
     * combined with -f, and one of them (not named like a compose file, no services) only declares the external
     * network the service files join. A reference to it is info naming that file; a name declared nowhere stays an error.
     */
    @Test
    void aNetworkADeclarationsOnlySiblingDeclaresIsAFragmentNotAnError() throws IOException {
        Files.createDirectories(dir.resolve("stack"));
        Files.writeString(dir.resolve("stack/networks.yml"), "version: '3.9'\n\nnetworks:\n  appnet:\n"
                + "    name: ${NET_NAME:-appnet}\n    external: true\n");
        Files.writeString(dir.resolve("stack/cache.yml"), "services:\n  cache:\n    image: redis:7.2\n"
                + "    restart: always\n    networks:\n      - appnet\n      - othernet\n");
        List<Finding> all = run("stack/cache.yml");
        List<String> got = all.stream().filter(x -> x.rule().id().equals("DC0017"))
                .map(x -> x.rule().id() + ":" + x.severity().name().toLowerCase() + ":" + x.path() + ":" + x.line()).sorted().toList();
        assertEquals(List.of("DC0017:error:stack/cache.yml:7", "DC0017:info:stack/cache.yml:6"), got);
        assertTrue(all.stream().anyMatch(x -> x.message().contains("which only stack/networks.yml declares")), all.toString());
    }

    /**
     * Held-out 6a, class "a name an overlay declares" (thingsboard's docker/: {@code docker-compose.edqs.yml} depends on
     * {@code kafka}, which {@code docker-compose.kafka.yml} declares; both are run over {@code docker-compose.yml}): the
     * overlay that declares the name is the file to combine with, so the dependency is info, naming it.
     */
    @Test
    void aNameAnotherOverlayDeclaresIsInfo() throws IOException {
        Files.writeString(dir.resolve("docker-compose.yml"), "services:\n  core:\n    image: org/core:1.0\n    restart: always\n");
        Files.writeString(dir.resolve("docker-compose.kafka.yml"), "services:\n  kafka:\n    image: org/kafka:4.0\n    restart: always\n");
        Files.writeString(dir.resolve("docker-compose.edqs.yml"), "services:\n  edqs:\n    image: org/edqs:1.0\n    restart: always\n"
                + "    depends_on:\n      - kafka\n      - nowhere\n");
        List<Finding> all = run("docker-compose.yml", "docker-compose.kafka.yml", "docker-compose.edqs.yml");
        List<String> got = all.stream().filter(x -> x.rule().id().equals("DC0018"))
                .map(x -> x.severity().name().toLowerCase() + ":" + x.path() + ":" + x.line()).sorted().toList();
        assertEquals(List.of("error:docker-compose.edqs.yml:7", "info:docker-compose.edqs.yml:6"), got);
        assertTrue(all.stream().anyMatch(x -> x.message().contains("which only docker-compose.kafka.yml defines")), all.toString());
    }

    /**
     * Held-out 13c, class "a dependency named by a variable" (a development stack's {@code depends_on: - "${APP_DB}"},
     * which the wrapper script that starts it exports as postgresql or mysql): the service is chosen at run time, so no
     * DC0018 (ENV0008 reports the variable if nothing sets it); a literal unknown name beside it is still an error.
     */
    @Test
    void aDependencyNamedByAVariableIsNoUnknownService() throws IOException {
        Files.writeString(dir.resolve("docker-compose.yml"), "services:\n  app:\n    image: org/app:1.0\n    restart: always\n"
                + "    depends_on:\n      - \"${APP_DB}\"\n      - $CACHE_SERVICE\n      - nowhere\n"
                + "  postgresql:\n    image: postgres:16\n    restart: always\n");
        List<String> got = run("docker-compose.yml").stream().filter(x -> x.rule().id().equals("DC0018"))
                .map(x -> x.severity().name().toLowerCase() + ":" + x.line()).sorted().toList();
        assertEquals(List.of("error:8"), got);
    }

    /**
     * Held-out 6a, class "a test stack's env_file" (thingsboard's black-box suite writes {@code cache-valkey.env} beside
     * {@code src/test/resources/docker-compose.valkey-ssl.yml} before it runs it; harbor's {@code tests/docker-compose.test.yml}
     * reads what its prepare step generates): info; the same file in a stack the project runs is still an error.
     */
    @Test
    void aTestStacksMissingEnvFileIsInfo() throws IOException {
        Files.createDirectories(dir.resolve("msa/black-box-tests/src/test/resources"));
        String compose = "services:\n  core:\n    image: org/core:1.0\n    restart: always\n    env_file:\n      - cache-valkey.env\n";
        Files.writeString(dir.resolve("msa/black-box-tests/src/test/resources/docker-compose.valkey-ssl.yml"), compose);
        Files.writeString(dir.resolve("docker-compose.yml"), compose);
        List<String> got = run("msa/black-box-tests/src/test/resources/docker-compose.valkey-ssl.yml", "docker-compose.yml").stream()
                .filter(x -> x.rule().id().equals("DC0016"))
                .map(x -> x.severity().name().toLowerCase() + ":" + x.path()).sorted().toList();
        assertEquals(List.of("error:docker-compose.yml", "info:msa/black-box-tests/src/test/resources/docker-compose.valkey-ssl.yml"), got);
    }

    /**
     * Held-out 6b (readthedocs.org's {@code docker-compose.override.yml}: {@code - ${PWD}:/usr/src/app/checkouts/…}):
     * a volume whose source is a shell variable lint does not know (PWD: the directory compose runs in) is not a file
     * that does not load; a volume with an empty part as written still is; a generator's template of a compose file
     * ({@code {{cookiecutter.project_slug}}/docker-compose.local.yml}: {@code {% if %}} lines) is not loaded at all.
     */
    @Test
    void aVolumeFromAnUnsetShellVariableIsNotAParseErrorAndTemplatesAreNotCompose() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: org/web:1.0\n    restart: always\n"
                + "    volumes:\n      - ${PWD}:/usr/src/app\n      - ./data:/data\n");
        assertTrue(run("compose.yaml").stream().noneMatch(x -> x.rule().id().equals("DC0000")), run("compose.yaml").toString());
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: org/web:1.0\n    volumes:\n      - :/usr/src/app\n");
        assertTrue(run("compose.yaml").stream().anyMatch(x -> x.rule().id().equals("DC0000")));
        Files.createDirectories(dir.resolve("{{cookiecutter.project_slug}}"));
        Files.writeString(dir.resolve("{{cookiecutter.project_slug}}/docker-compose.local.yml"), "services:\n{%- if cookiecutter.use_celery == 'y' %}\n"
                + "  redis:\n    image: redis:7\n{%- endif %}\n");
        var ctx = new LintContext(dir, List.of("{{cookiecutter.project_slug}}/docker-compose.local.yml"), Set.of(), null);
        assertEquals(Set.of(), ctx.composeFiles());
    }

    /**
     * Held-out 5, class "DC0003 on a value that holds no credential": an unfilled placeholder (mailcow's
     * {@code MAILCOW_EXPORTER_API_KEY: "<your-API-Key>"}) or a file path ({@code MP_SMTP_TLS_KEY: /pki/private.pem}) is
     * not a hard-coded secret, nor is a run of x's; a development default and a random value still are.
     */
    @Test
    void placeholdersAndPathsInComposeEnvironmentAreNotSecrets() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  exporter:\n    image: org/exporter:1.0\n    restart: always\n"
                + "    environment:\n      EXPORTER_API_KEY: \"<your-API-Key>\"\n      SMTP_TLS_KEY: '/pki/private.pem'\n"
                + "      DB_PASSWORD: postgres\n      APP_SECRET: \"" + dev.devops.lint.secrets.Fake.token(24) + "\"\n"
                // held-out 9b: a user guide's run of x's to fill in (OVH_APPLICATION_SECRET=xxx)
                + "      OVH_APPLICATION_SECRET: xxx\n      OVH_CONSUMER_KEY: XXXXXXXX\n");
        List<String> got = run("compose.yaml").stream().filter(x -> x.rule().id().equals("DC0003"))
                .map(x -> x.severity().name().toLowerCase() + ":" + x.line()).sorted().toList();
        assertEquals(List.of("error:9", "warning:8"), got);
    }

    /**
     * Held-out 9b, class "alternative data stores on one host port" (a CI stack's elasticsearch 7, elasticsearch 8,
     * opensearch 2 and 3, all on 9200:9200, started one at a time by name): a warning; another service on that host
     * port is still an error.
     */
    @Test
    void alternativeVersionsOfOneDataStoreOnAHostPortAreAWarning() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  elasticsearch:\n    image: elasticsearch:7.10.1\n"
                + "    ports:\n      - \"9200:9200\"\n  elasticsearch8:\n    image: elasticsearch:8.5.0\n    ports:\n"
                + "      - \"9200:9200\"\n  opensearch2:\n    image: opensearchproject/opensearch:2\n    ports:\n"
                + "      - \"9200:9200\"\n  proxy:\n    image: example/proxy:1.0\n    ports:\n      - \"9200:8080\"\n");
        List<String> got = run("compose.yaml").stream().filter(x -> x.rule().id().equals("DC0015"))
                .map(x -> x.severity().name().toLowerCase() + ":" + x.line()).sorted().toList();
        assertEquals(List.of("error:17", "warning:13", "warning:9"), got);
    }

    /**
     * Issue 10, session 13 class "a stack of its own under other names" (a test directory's docker-compose.yml with
     * weed-master, weed-volume … beside docker-compose.test.yml with seaweed-master, seaweed-volume … on the same host
     * ports: 5 DC0015 errors between the two): a complete variant that publishes a host port the default stack publishes
     * is run alone. A complete variant on other ports still merges as an overlay.
     */
    @Test
    void aVariantStackUnderOtherNamesOnTheSameHostPortsIsRunAlone() throws IOException {
        Files.writeString(dir.resolve("docker-compose.yml"), "services:\n  weed-master:\n    image: org/store:3.1\n"
                + "    ports:\n      - \"9333:9333\"\n  weed-s3:\n    image: org/store:3.1\n    depends_on: [weed-master]\n"
                + "    ports:\n      - 127.0.0.1:8333:8333/tcp\n");
        Files.writeString(dir.resolve("docker-compose.test.yml"), "services:\n  store-master:\n    image: org/store:3.1\n"
                + "    ports:\n      - \"9333:9333\"\n  store-s3:\n    image: org/store:3.1\n    depends_on: [store-master]\n"
                + "    ports:\n      - published: 8333\n        target: 8333\n");
        Files.writeString(dir.resolve("docker-compose.tools.yml"), "services:\n  adminer:\n    image: adminer:4.8\n"
                + "    ports:\n      - 8081:8080\n  mailpit:\n    image: axllent/mailpit:v1.20\n");
        assertEquals(Set.of("docker-compose.test.yml"), ComposeCheck.completeApart(dir,
                List.of("docker-compose.yml", "docker-compose.test.yml", "docker-compose.tools.yml")));
        List<String> got = run("docker-compose.yml", "docker-compose.test.yml", "docker-compose.tools.yml").stream()
                .filter(x -> x.rule().id().equals("DC0015")).map(x -> x.path() + ":" + x.line()).toList();
        assertEquals(List.of(), got);
    }

    /**
     * Corpus, class "a variant file that is a stack of its own" (an integration-test compose file beside the demo's
     * docker-compose.yml, with its own postgres, redis and the app built for the tests, on the demo's host ports): run
     * with -f alone, not over the default file, so no DC0015 between the two apps. An overlay that adds a service
     * depending on the default stack's is still merged, and its port clash still found.
     */
    @Test
    void aVariantFileThatIsAStackOfItsOwnIsNoOverlay() throws IOException {
        Files.writeString(dir.resolve("docker-compose.yml"), "services:\n  app:\n    image: org/app:1.0\n    depends_on: [postgres]\n"
                + "    ports:\n      - 3001:3001\n  postgres:\n    image: postgres:17\n");
        Files.writeString(dir.resolve("docker-compose.integration.yml"), "services:\n  postgres:\n    image: postgres:17\n"
                + "  app-under-test:\n    build: .\n    depends_on:\n      postgres:\n        condition: service_started\n"
                + "    ports:\n      - 3001:3001\n");
        Files.writeString(dir.resolve("docker-compose.tools.yml"), "services:\n  postgres:\n    image: postgres:17\n"
                + "  admin:\n    image: org/admin:1.0\n    depends_on: [app]\n    ports:\n      - 3001:80\n");
        assertEquals(Set.of("docker-compose.integration.yml"), ComposeCheck.completeApart(dir,
                List.of("docker-compose.yml", "docker-compose.integration.yml", "docker-compose.tools.yml")));
        List<String> got = run("docker-compose.yml", "docker-compose.integration.yml", "docker-compose.tools.yml").stream()
                .filter(x -> x.rule().id().equals("DC0015")).map(x -> x.path() + ":" + x.line()).toList();
        assertEquals(List.of("docker-compose.tools.yml:8"), got);
    }

    /**
     * Corpus, class "variants of one profile-gated template" (a test stack's {@code app-base} under a profile nobody
     * enables, extended by {@code app-local-code} and {@code app-code-from-image}, each under its own profile): the one
     * ports: line they inherit is no clash. A worker that inherits the web's port with no profile still fails to start.
     */
    @Test
    void profileGatedVariantsOfOneTemplateShareItsPorts() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  app-base:\n    image: org/app:1.0\n    ports:\n"
                + "      - \"8080:8080\"\n    profiles: [none]\n  app-local:\n    extends: app-base\n    profiles: [local]\n"
                + "  app-image:\n    extends: app-base\n    profiles: [image]\n");
        assertEquals(List.of(), run("compose.yaml").stream().filter(x -> x.rule().id().equals("DC0015")).toList());
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: org/app:1.0\n    ports:\n"
                + "      - \"8080:8080\"\n  worker:\n    extends: web\n    command: [worker]\n");
        assertEquals(1, run("compose.yaml").stream().filter(x -> x.rule().id().equals("DC0015")).count());
    }

    /**
     * Held-out 5, class "vendor image's own HEALTHCHECK" (mailcow: {@code condition: service_healthy} on
     * {@code ghcr.io/mailcow/unbound}, whose Dockerfile in the repository has a HEALTHCHECK): a published vendor image
     * is a warning (its HEALTHCHECK is not visible); a Docker Official Image, which never defines one, is an error.
     */
    @Test
    void serviceHealthyOnAVendorImageIsAWarningOnAnOfficialImageAnError() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  app:\n    image: org/app:1.0\n    restart: always\n"
                + "    depends_on:\n      dns:\n        condition: service_healthy\n      db:\n        condition: service_healthy\n"
                + "  dns:\n    image: ghcr.io/vendor/unbound:1.25\n    restart: always\n"
                + "  db:\n    image: docker.io/library/postgres:16\n    restart: always\n    volumes:\n      - db:/var/lib/postgresql/data\n"
                + "volumes:\n  db:\n");
        List<String> got = run("compose.yaml").stream().filter(x -> x.rule().id().equals("DC0007"))
                .map(x -> x.line() + ":" + x.severity().name().toLowerCase()).sorted().toList();
        assertEquals(List.of("6:warning", "8:error"), got);
    }

    /**
     * Held-out 7a, class "an image the repository builds and publishes" (zipkin: {@code ghcr.io/openzipkin/zipkin-eureka}
     * from {@code docker/test-images/zipkin-eureka/Dockerfile}, which has a HEALTHCHECK): that HEALTHCHECK is visible, so
     * no finding; a directory's Dockerfile without one leaves the warning.
     */
    @Test
    void serviceHealthyOnAnImageTheRepositoryBuildsReadsItsDockerfile() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  app:\n    image: org/app:1.0\n    restart: always\n"
                + "    depends_on:\n      dns:\n        condition: service_healthy\n      cache:\n        condition: service_healthy\n"
                + "  dns:\n    image: ghcr.io/vendor/unbound:1.25\n    restart: always\n"
                + "  cache:\n    image: ghcr.io/vendor/vendor-cache:latest\n    restart: always\n");
        Files.createDirectories(dir.resolve("docker/images/unbound"));
        Files.createDirectories(dir.resolve("docker/images/vendor-cache"));
        Files.writeString(dir.resolve("docker/images/unbound/Dockerfile"), "FROM alpine:3.20\nHEALTHCHECK CMD [\"true\"]\nCMD [\"unbound\"]\n");
        Files.writeString(dir.resolve("docker/images/vendor-cache/Dockerfile"), "FROM alpine:3.20\nCMD [\"cache\"]\n");
        List<String> got = run("compose.yaml", "docker/images/unbound/Dockerfile", "docker/images/vendor-cache/Dockerfile").stream()
                .filter(x -> x.rule().id().equals("DC0007")).map(x -> x.line() + ":" + x.severity().name().toLowerCase()).sorted().toList();
        assertEquals(List.of("8:warning"), got);
    }

    /**
     * Issue 10, held-out 8a class "extends from another file builds relative to that file" (firezone's
     * {@code portal-router: extends: {file: scripts/compose/router.yml, service: router}}, whose {@code build: context:
     * ../router} is {@code scripts/router/}, a Dockerfile with a HEALTHCHECK: 8 DC0007 errors): the extended service's
     * build context is resolved from its own file, as docker compose does.
     */
    @Test
    void anExtendedServiceBuildsRelativeToItsOwnFile() throws IOException {
        Files.createDirectories(dir.resolve("scripts/compose"));
        Files.createDirectories(dir.resolve("scripts/router"));
        Files.createDirectories(dir.resolve("scripts/plain"));
        Files.writeString(dir.resolve("scripts/compose/router.yml"), "services:\n  router:\n    build:\n      context: ../router\n"
                + "  plain:\n    build: ../plain\n");
        Files.writeString(dir.resolve("scripts/router/Dockerfile"), "FROM alpine:3.20\nHEALTHCHECK CMD [\"true\"]\nCMD [\"router\"]\n");
        Files.writeString(dir.resolve("scripts/plain/Dockerfile"), "FROM alpine:3.20\nCMD [\"plain\"]\n");
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  app:\n    image: org/app:1.0\n    restart: always\n"
                + "    depends_on:\n      app-router:\n        condition: service_healthy\n      app-plain:\n        condition: service_healthy\n"
                + "  app-router:\n    extends:\n      file: scripts/compose/router.yml\n      service: router\n    restart: always\n"
                + "  app-plain:\n    extends:\n      file: scripts/compose/router.yml\n      service: plain\n    restart: always\n");
        List<String> got = run("compose.yaml", "scripts/compose/router.yml", "scripts/router/Dockerfile", "scripts/plain/Dockerfile")
                .stream().filter(x -> x.rule().id().equals("DC0007") && x.path().equals("compose.yaml"))
                .map(x -> x.line() + ":" + x.severity().name().toLowerCase()).sorted().toList();
        assertEquals(List.of("8:error"), got);
    }

    /** DC0004: trust auth reachable only from loopback is a development setup (warning); published beyond it, an error. */
    @Test
    void openDatabaseIsAnErrorOnlyWhenReachableFromOtherHosts() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  dev:\n    image: postgres:16.3\n    environment:\n"
                + "      - POSTGRES_HOST_AUTH_METHOD=trust\n    ports:\n      - 127.0.0.1:5432:5432\n"
                + "  open:\n    image: postgres:16.3\n    environment:\n      - POSTGRES_HOST_AUTH_METHOD=trust\n"
                + "    ports:\n      - 5433:5432\n");
        assertEquals(List.of("5:WARNING", "11:ERROR"), run("compose.yaml").stream().filter(x -> x.rule().id().equals("DC0004"))
                .map(x -> x.line() + ":" + x.severity()).toList());
    }

    /** Issue 10, class "test dummies": a test stack's compose file (compose-e2e-test.yml) has no DC0003, as SEC0030 has none. */
    @Test
    void hardCodedSecretsOfATestStackAreNotReported() throws IOException {
        String env = "services:\n  app:\n    image: app:1\n    environment:\n      - SECRET=12345\n      - ADMIN_PASSWD=password\n";
        Files.writeString(dir.resolve("compose-e2e-test.yml"), env);
        Files.writeString(dir.resolve("compose-dev.yml"), env);
        assertEquals(List.of("compose-dev.yml:5", "compose-dev.yml:6"), run("compose-e2e-test.yml", "compose-dev.yml").stream()
                .filter(x -> x.rule().id().equals("DC0003")).map(x -> x.path() + ":" + x.line()).sorted().toList());
    }

    @Test
    void groupsOverridesAndVariantsWithTheirBase() {
        assertEquals(List.of(List.of("docker-compose.yml", "docker-compose.override.yml"),
                List.of("docker-compose.yml", "docker-compose.prod.yml")),
                ComposeCheck.groups(List.of("docker-compose.override.yml", "docker-compose.prod.yml", "docker-compose.yml")));
        assertEquals(List.of(List.of("compose.dev.yaml")), ComposeCheck.groups(List.of("compose.dev.yaml")));
    }

    @Test
    void binaryOrBrokenFilesAreFindingsNotCrashes() throws IOException {
        Files.write(dir.resolve("compose.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("b/compose.yaml"), "services:\n  a:\n    image: x:1\n    ports: ['99999:1']\n");
        List<Finding> f = run("compose.yaml", "b/compose.yaml", "gone/compose.yaml");
        assertEquals(3, f.size(), f.toString());
        assertTrue(f.stream().allMatch(x -> x.rule().id().equals("DC0000")), f.toString());
        Finding b = f.stream().filter(x -> x.path().equals("b/compose.yaml")).findFirst().orElseThrow();
        assertEquals(4, b.line());
        assertTrue(b.column() > 0);
        assertTrue(f.stream().anyMatch(x -> x.path().equals("compose.yaml") && x.message().contains("UTF-8")
                && !x.message().contains(dir.toString())), f.toString());
    }

    @Test
    void brokenSymlinkIsAFinding() throws IOException {
        Files.createSymbolicLink(dir.resolve("docker-compose.yml"), dir.resolve("nowhere.yml"));
        List<Finding> f = run("docker-compose.yml");
        assertEquals(1, f.size(), f.toString());
        assertEquals("DC0000", f.get(0).rule().id());
    }

    @Test
    void baseFileFindingsAreReportedOnceAcrossGroups() throws IOException {
        Files.writeString(dir.resolve("docker-compose.yml"), "services:\n  a:\n    image: nginx\n    restart: always\n");
        Files.writeString(dir.resolve("docker-compose.override.yml"), "services:\n  a:\n    environment: [X=1]\n");
        Files.writeString(dir.resolve("docker-compose.ci.yml"), "services:\n  a:\n    environment: [Y=1]\n");
        List<Finding> f = run("docker-compose.yml", "docker-compose.override.yml", "docker-compose.ci.yml");
        assertEquals(1, f.size(), f.toString());
        assertEquals("DC0002", f.get(0).rule().id());
        assertEquals(3, f.get(0).line());
    }

    @Test
    void lintIgnoresTheShellEnvironmentAndUsesDotEnv() throws IOException {
        Files.writeString(dir.resolve(".env"), "TAG=latest\n");
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  a:\n    image: nginx:${TAG}\n    restart: always\n"
                + "  b:\n    image: nginx:${REQUIRED:?must be set}\n    restart: always\n");
        List<Finding> f = run("compose.yaml");
        // a failed ${X:?} does not abort lint; the tag it would give is the variable's (held-out 9a), not 'latest'
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.stream().allMatch(x -> x.rule().id().equals("DC0002") && x.line() == 3), f.toString());
    }
    /**
     * Issue 10, held-out class "port of a variable the untracked .env sets": on a CI clone the variable is unset and
     * compose would substitute an empty string, failing only at {@code up}; that is not a file that does not load.
     * No DC0000 (ENV0008 names an undocumented variable); the other rules still run. A value that .env does set and
     * that is not a port is still DC0000.
     */
    @Test
    void aPortMadeOfUnsetVariablesIsNotAParseError() throws IOException {
        Files.writeString(dir.resolve(".env.example"), "CALLS_PORT=8080\nMETRICS_PORT=9090\nA_PORT=1\nB_PORT=2\n");
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  calls:\n    image: nginx\n    ports:\n"
                + "      - \"${CALLS_PORT}:8080\"\n      - \"${METRICS_PORT}\"\n      - \"${A_PORT}:${B_PORT}\"\n"
                + "      - target: 80\n        published: ${WEB_PORT}\n");
        List<String> ids = run("compose.yaml", ".env.example").stream().map(x -> x.rule().id()).toList();
        assertFalse(ids.contains("DC0000"), ids.toString());
        assertTrue(ids.contains("DC0002"), "the project still loads and is linted: " + ids);

        Files.writeString(dir.resolve(".env"), "METRICS_PORT=http\n");
        List<Finding> f = run("compose.yaml", ".env.example");
        assertEquals(List.of("DC0000"), f.stream().map(x -> x.rule().id()).filter(id -> id.equals("DC0000")).toList());
        assertTrue(f.stream().anyMatch(x -> x.rule().id().equals("DC0000") && x.line() == 6), f.toString());
    }
    /**
     * Held-out class "base file completed by an override example": compose.yaml uses secrets that only
     * compose.override.yaml.example declares (each checkout copies it to compose.override.yaml, which compose merges by
     * default): info with the cp command, not an error. A name that nothing declares stays an error.
     */
    @Test
    void referencesDeclaredByTheOverrideExampleAreInfo() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  db:\n    image: postgres:16\n    secrets:\n"
                + "      - db_password\n      - other\n");
        Files.writeString(dir.resolve("compose.override.yaml.example"), "secrets:\n  # set it in .env\n  db_password:\n"
                + "    environment: \"DB_PASSWORD\"\nservices:\n  db:\n    secrets: []\n");
        List<Finding> dc17 = run("compose.yaml").stream().filter(x -> x.rule().id().equals("DC0017")).toList();
        assertEquals(List.of("5:INFO", "6:ERROR"), dc17.stream().map(x -> x.line() + ":" + x.severity()).toList());
        assertTrue(dc17.get(0).hint().startsWith("cp compose.override.yaml.example compose.override.yaml"), dc17.get(0).hint());
    }

    /**
     * Issue 10, held-out 9a (pixelfed-like stack whose settings live in the untracked .env: DC0002 and DC0008, 2
     * warnings): {@code image: redis:${REDIS_VERSION}} has the variable's tag, and
     * {@code "${REDIS_DATA_PATH}:/data"} keeps the data in a mount; a literal untagged image and a redis without any
     * mount are still reported.
     */
    @Test
    void aTagOrAMountSourceFromAnUnsetVariableIsSet() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  redis:\n    image: redis:${REDIS_VERSION}\n"
                + "    restart: always\n    volumes:\n      - \"${REDIS_DATA_PATH}:/data\"\n"
                + "    healthcheck:\n      test: [\"CMD\", \"redis-cli\", \"ping\"]\n");
        List<String> rules = run("compose.yaml").stream().map(x -> x.rule().id()).toList();
        assertFalse(rules.contains("DC0002") || rules.contains("DC0008") || rules.contains("DC0000"), rules.toString());
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  redis:\n    image: redis\n    restart: always\n"
                + "    healthcheck:\n      test: [\"CMD\", \"redis-cli\", \"ping\"]\n");
        rules = run("compose.yaml").stream().map(x -> x.rule().id()).toList();
        assertTrue(rules.contains("DC0002") && rules.contains("DC0008"), rules.toString());
    }
}
