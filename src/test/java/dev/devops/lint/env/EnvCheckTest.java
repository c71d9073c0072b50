package dev.devops.lint.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.files.Gitignore;
import dev.devops.lint.Finding;
import dev.devops.lint.LintContext;
import dev.devops.lint.Severity;
import dev.devops.lint.testing.FixtureAssert;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** Messages, severities and robustness of the env check beyond what the fixtures' markers show. */
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class EnvCheckTest {
    private static List<Finding> run(Path root, Set<String> tracked) throws IOException {
        List<String> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(f -> !f.startsWith(".git/")).sorted().toList();
        }
        List<Finding> out = new ArrayList<>();
        new EnvCheck().run(new LintContext(root, files, tracked, null), out::add);
        return out;
    }

    private static Finding only(List<Finding> findings, String id) {
        List<Finding> f = findings.stream().filter(x -> x.rule().id().equals(id)).toList();
        assertEquals(1, f.size(), id + " in " + findings);
        return f.get(0);
    }

    /**
     * Held-out 6a, class "the env file the stack is started from under another name" (AppFlowy-Cloud: the README says
     * {@code cp deploy.env .env}; deploy.env and dev.env are committed beside docker-compose.yml): a compose ${X} that
     * a committed env file beside it sets is documented; one no file sets is still reported; an untracked one documents
     * nothing.
     */
    @Test
    void aCommittedEnvFileBesideComposeDocumentsItsVariables(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("docker-compose.yml"), "services:\n  app:\n    image: org/app:1.0\n    environment:\n"
                + "      REGION: ${APP_S3_REGION}\n      MODE: ${APP_MODE}\n      LOCAL: ${APP_LOCAL}\n");
        Files.writeString(dir.resolve("deploy.env"), "APP_S3_REGION=us-east-1\n");
        Files.writeString(dir.resolve("mine.env"), "APP_LOCAL=1\n");
        List<String> got = run(dir, Set.of("docker-compose.yml", "deploy.env")).stream()
                .filter(x -> x.rule().id().equals("ENV0008")).map(x -> x.message().replaceAll(".*interpolates \\$\\{(\\w+)}.*", "$1")).sorted().toList();
        assertEquals(List.of("APP_LOCAL", "APP_MODE"), got);
    }

    /**
     * Held-out 10c, class "a platform's catalogue of compose templates" (a self-hosting platform's
     * {@code templates/compose/<app>.yaml}: {@code $SERVICE_PASSWORD_POSTGRES}, {@code ${SERVICE_URL_APP}}, 1714
     * warnings): the platform that completes the templates generates these values; a lone compose file's unset variable
     * is still reported.
     */
    @Test
    void aPlatformsCatalogueOfComposeTemplatesGetsItsVariablesFromThePlatform(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("templates"));
        Set<String> files = new java.util.TreeSet<>();
        for (int i = 0; i < 10; i++) {
            String f = "templates/app" + i + ".yaml";
            Files.writeString(dir.resolve(f), "services:\n  app:\n    image: org/app" + i + ":1.0\n    environment:\n"
                    + "      - DB_PASSWORD=$PLATFORM_PASSWORD_DB\n    volumes:\n      - app-data:/data\n");
            files.add(f);
        }
        Files.writeString(dir.resolve("docker-compose.yml"), "services:\n  app:\n    image: org/app:1.0\n    environment:\n"
                + "      TOKEN: ${APP_TOKEN}\n");
        files.add("docker-compose.yml");
        List<String> got = run(dir, files).stream()
                .filter(x -> x.rule().id().equals("ENV0008")).map(x -> x.message().replaceAll(".*interpolates \\$\\{(\\w+)}.*", "$1")).sorted().toList();
        assertEquals(List.of("APP_TOKEN"), got);
    }

    /**
     * Issue 10, the whole-corpus run of session 14, class "a test suite's stack" (a Rust project's
     * {@code tests/integration/redis/config/compose.yaml} with {@code ${CONFIG_VERSION}}, which the project's test runner
     * sets from the suite's matrix; a CI matrix, testcontainers): info, said to be a suite's; the same file elsewhere
     * is a warning.
     */
    @Test
    void aTestSuitesComposeVariableIsInfo(@TempDir Path dir) throws IOException {
        String compose = "services:\n  redis:\n    image: docker.io/redis:${CONFIG_VERSION}\n";
        Files.createDirectories(dir.resolve("tests/integration/redis/config"));
        Files.createDirectories(dir.resolve("deploy"));
        Files.writeString(dir.resolve("tests/integration/redis/config/compose.yaml"), compose);
        Files.writeString(dir.resolve("deploy/compose.yaml"), compose);
        List<String> got = run(dir, Set.of("tests/integration/redis/config/compose.yaml", "deploy/compose.yaml")).stream()
                .filter(x -> x.rule().id().equals("ENV0008")).map(x -> x.path() + ":" + x.severity().name().toLowerCase()).sorted().toList();
        assertEquals(List.of("deploy/compose.yaml:warning", "tests/integration/redis/config/compose.yaml:info"), got);
    }

    /**
     * Held-out 10c, class "a variable the Makefile beside the compose file exports" (a monorepo's
     * {@code services/<name>/Makefile}: {@code export BUILD_NUMBER ?= local}, {@code export PROJECT_NAME = chat}, whose
     * targets run {@code docker compose -f docker-compose.ci.yml}): make sets it; a variable it does not export is still
     * reported.
     */
    @Test
    void aVariableTheMakefileBesideExportsIsSet(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("services/chat"));
        Files.writeString(dir.resolve("services/chat/docker-compose.ci.yml"), "services:\n  test_unit:\n"
                + "    image: ci/${PROJECT_NAME}:${BRANCH_NAME_TAG_SAFE}-${BUILD_NUMBER}\n    environment:\n      GREP: ${MOCHA_GREP}\n"
                + "      TOKEN: ${APP_TOKEN}\n");
        Files.writeString(dir.resolve("services/chat/Makefile"), "export BUILD_NUMBER ?= local\nexport BRANCH_NAME_TAG_SAFE = main\n"
                + "export PROJECT_NAME = chat\nexport MOCHA_GREP ?=\nAPP_TOKEN = x\n\ntest:\n\tdocker compose -f docker-compose.ci.yml run test_unit\n");
        List<String> got = run(dir, Set.of("services/chat/docker-compose.ci.yml", "services/chat/Makefile")).stream()
                .filter(x -> x.rule().id().equals("ENV0008")).map(x -> x.message().replaceAll(".*interpolates \\$\\{(\\w+)}.*", "$1")).sorted().toList();
        assertEquals(List.of("APP_TOKEN"), got);
    }

    /**
     * Held-out 13a, class "an env file the CI workflows load into the job" (an end-to-end suite's {@code test/e2e/script/env}
     * of image commits, appended with {@code grep -v '^#' … >> "$GITHUB_ENV"} before the suites' compose files run): the
     * file sets the variables of every compose file the job starts; a variable it does not set is still reported.
     */
    @Test
    void aVariableOfTheEnvFileCiLoadsIntoTheJobIsSet(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("test/e2e/cases/go"));
        Files.createDirectories(dir.resolve("test/e2e/script"));
        Files.createDirectories(dir.resolve(".github/workflows"));
        Files.writeString(dir.resolve("test/e2e/cases/go/docker-compose.yml"), "services:\n  provider:\n"
                + "    image: org/agent-go:${AGENT_GO_COMMIT}\n    environment:\n      - ES=${STORE_VERSION}\n");
        Files.writeString(dir.resolve("test/e2e/script/env"), "# pinned commits\nAGENT_GO_COMMIT=4af3d2c\nAGENT_JAVA_COMMIT=9c1b0e7\n");
        Files.writeString(dir.resolve(".github/workflows/e2e.yaml"), "on: push\njobs:\n  e2e:\n    runs-on: ubuntu-latest\n"
                + "    steps:\n      - uses: actions/checkout@v4\n      - run: grep -v '^#' test/e2e/script/env >> \"$GITHUB_ENV\"\n"
                + "      - run: docker compose -f test/e2e/cases/go/docker-compose.yml up -d\n");
        List<String> got = run(dir, Set.of("test/e2e/cases/go/docker-compose.yml", "test/e2e/script/env", ".github/workflows/e2e.yaml"))
                .stream().filter(x -> x.rule().id().equals("ENV0008"))
                .map(x -> x.message().replaceAll(".*interpolates \\$\\{(\\w+)}.*", "$1")).sorted().toList();
        assertEquals(List.of("STORE_VERSION"), got);
    }

    /**
     * Held-out 14a, class "a variable the Invoke task that runs compose passes": a root {@code tasks.py} whose compose
     * helper runs {@code context.run(cmd, env=env)} after {@code env.update({"APP_VER": …})} sets it for the stack in
     * {@code development/}; a variable it does not pass is still reported.
     */
    @Test
    void aVariableTheInvokeTaskPassesToComposeIsSet(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("development"));
        Files.writeString(dir.resolve("development/docker-compose.yml"), "services:\n  app:\n"
                + "    image: \"local/app-dev:local-${APP_VER}\"\n    environment:\n      OTHER: ${OTHER_VAR}\n");
        Files.writeString(dir.resolve("tasks.py"), "from invoke import task\n\ndef docker_compose(context, command, **kwargs):\n"
                + "    cmd = \"docker compose --project-directory development \" + command\n    env = kwargs.pop(\"env\", {})\n"
                + "    env.update({\"PYTHON_VER\": \"3.12\", \"APP_VER\": app_version(context)})\n"
                + "    return context.run(cmd, env=env, **kwargs)\n");
        List<String> got = run(dir, Set.of("development/docker-compose.yml", "tasks.py"))
                .stream().filter(x -> x.rule().id().equals("ENV0008"))
                .map(x -> x.message().replaceAll(".*interpolates \\$\\{(\\w+)}.*", "$1")).sorted().toList();
        assertEquals(List.of("OTHER_VAR"), got);
    }

    /**
     * Held-out 13c, class "a variable the wrapper script exports" (a development stack's {@code script/app-dev}, which
     * exports {@code APP_ROOT_UID=1001} and {@code COMPOSE_FILE=$APP_ROOT/docker/develop/docker-compose.yml} before it
     * runs compose): the script sets it; a variable it does not export, or one exported by a script that never names
     * the compose file, is still reported.
     */
    @Test
    void aVariableTheWrapperScriptExportsIsSet(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("docker/develop"));
        Files.createDirectories(dir.resolve("script"));
        Files.writeString(dir.resolve("docker/develop/docker-compose.yml"), "services:\n  app:\n    build:\n      context: .\n"
                + "      args:\n        UID: \"${APP_ROOT_UID}\"\n    volumes:\n      - \"${APP_ROOT}:/app:rw\"\n"
                + "    environment:\n      TOKEN: ${APP_TOKEN}\n      OTHER: ${OTHER_VAR}\n");
        Files.writeString(dir.resolve("script/app-dev"), "#!/usr/bin/env bash\nexport APP_ROOT=$(dirname \"$0\")/..\n"
                + "export APP_ROOT_UID=1001\nexport COMPOSE_FILE=$APP_ROOT/docker/develop/docker-compose.yml\ndocker compose up\n");
        Files.writeString(dir.resolve("script/other.sh"), "#!/bin/sh\nexport OTHER_VAR=1\ndocker compose -f compose.yaml up\n");
        List<String> got = run(dir, Set.of("docker/develop/docker-compose.yml", "script/app-dev", "script/other.sh")).stream()
                .filter(x -> x.rule().id().equals("ENV0008")).map(x -> x.message().replaceAll(".*interpolates \\$\\{(\\w+)}.*", "$1")).sorted().toList();
        assertEquals(List.of("APP_TOKEN", "OTHER_VAR"), got);
    }

    /**
     * Corpus class "documented in a sample conf the README copies to .env" (a manual-install directory: compose file,
     * {@code sample.conf}, and a README saying {@code cp sample.conf .env} or {@code --env-file my.conf}): the copied file
     * sets the variable whatever its name; a variable it does not list, or a file the README does not name, is still
     * reported.
     */
    @Test
    void aVariableOfTheFileTheReadmeCopiesToDotEnvIsSet(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("manual"));
        Files.writeString(dir.resolve("manual/latest.yml"), "services:\n  app:\n    image: org/app:${APP_VERSION}\n"
                + "    ports:\n      - ${BIND_IP}:80:80\n    environment:\n      TZ: ${TIMEZONE}\n      MODE: ${RUN_MODE}\n");
        Files.writeString(dir.resolve("manual/sample.conf"), "APP_VERSION=1.2          # TODO! the version\nBIND_IP=0.0.0.0\n");
        Files.writeString(dir.resolve("manual/other.conf"), "RUN_MODE=fast\n");
        Files.writeString(dir.resolve("manual/readme.md"), "Copy the sample: `cp sample.conf .env`, then run\n"
                + "`docker compose -f latest.yml --env-file extra.conf up -d`.\n");
        Files.writeString(dir.resolve("manual/extra.conf"), "export TIMEZONE=Europe/Berlin\n");
        List<String> got = run(dir, Set.of("manual/latest.yml", "manual/sample.conf", "manual/other.conf", "manual/readme.md",
                "manual/extra.conf")).stream().filter(x -> x.rule().id().equals("ENV0008"))
                .map(x -> x.message().replaceAll(".*interpolates \\$\\{(\\w+)}.*", "$1")).sorted().toList();
        assertEquals(List.of("RUN_MODE"), got);
    }

    /**
     * Held-out 7a, class "a cloud development environment's variable" (woodpecker's {@code docker-compose.gitpod.yaml}:
     * {@code https://3000-${GITPOD_WORKSPACE_ID}.${GITPOD_WORKSPACE_CLUSTER_HOST}}): Gitpod sets it in every workspace;
     * the app's own variable beside it is still reported.
     */
    @Test
    void cloudDevEnvironmentVariablesAreThePlatforms(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("docker-compose.gitpod.yaml"), "services:\n  app:\n    image: org/app:1.0\n    environment:\n"
                + "      ROOT_URL: https://3000-${GITPOD_WORKSPACE_ID}.${GITPOD_WORKSPACE_CLUSTER_HOST}\n      TOKEN: ${APP_TOKEN}\n");
        List<String> got = run(dir, Set.of("docker-compose.gitpod.yaml")).stream()
                .filter(x -> x.rule().id().equals("ENV0008")).map(x -> x.message().replaceAll(".*interpolates \\$\\{(\\w+)}.*", "$1")).sorted().toList();
        assertEquals(List.of("APP_TOKEN"), got);
    }

    /**
     * Held-out 14a, class "an index read guarded by a presence test" (a Django settings module's
     * {@code if "APP_BANNER_TOP" in os.environ and os.environ["APP_BANNER_TOP"] != "":}): the code copes with the
     * variable unset, so ENV0001 is info, as for {@code os.getenv}; an unguarded {@code os.environ["X"]}, or one after
     * a {@code not in} test, is still a warning.
     */
    @Test
    void anIndexReadGuardedByAPresenceTestHasADefault(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".env.example"), "PORT=3000\n");
        Files.writeString(dir.resolve("settings.py"), "import os\n\n"
                + "if \"APP_BANNER_TOP\" in os.environ and os.environ[\"APP_BANNER_TOP\"] != \"\":\n"
                + "    BANNER_TOP = os.environ[\"APP_BANNER_TOP\"]\n"
                + "if \"APP_REQUIRED\" not in os.environ:\n    raise SystemExit(1)\nREQUIRED = os.environ[\"APP_REQUIRED\"]\n"
                + "SECRET = os.environ[\"APP_SECRET\"]\n");
        List<String> got = run(dir, Set.of()).stream().filter(x -> x.rule().id().equals("ENV0001"))
                .map(x -> x.properties().get("variable") + ":" + x.severity().name().toLowerCase()).sorted().toList();
        assertEquals(List.of("APP_BANNER_TOP:info", "APP_REQUIRED:warning", "APP_SECRET:warning"), got);
    }

    /**
     * Held-out 14a, class "a variable the framework sets" (a Next.js layout's
     * {@code process.env.NEXT_PHASE !== PHASE_PRODUCTION_BUILD}): Next.js sets NEXT_PHASE and NEXT_RUNTIME; the app's
     * own variable beside it is still reported.
     */
    @Test
    void nextJsPhaseAndRuntimeAreTheFrameworks(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".env.example"), "PORT=3000\n");
        Files.createDirectories(dir.resolve("src/app"));
        Files.writeString(dir.resolve("src/app/layout.tsx"), "if (process.env.NEXT_PHASE !== PHASE_PRODUCTION_BUILD) {\n"
                + "  init(process.env.NEXT_RUNTIME, process.env.APP_ANALYTICS_TOKEN)\n}\n");
        List<String> got = run(dir, Set.of()).stream().filter(x -> x.rule().id().equals("ENV0001"))
                .map(x -> x.properties().get("variable")).sorted().toList();
        assertEquals(List.of("APP_ANALYTICS_TOKEN"), got);
    }

    /**
     * Held-out 14a, class "a function's variable the Terraform beside it sets" (a Lambda's {@code refresh.py} next to
     * the {@code main.tf} whose {@code aws_lambda_function} has {@code environment { variables = { TARGET_GROUP_ARN = … } }}):
     * the deployment sets it; a variable the block does not set is still reported.
     */
    @Test
    void aFunctionsVariableTheTerraformBesideItSetsIsSet(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".env.example"), "PORT=3000\n");
        Files.createDirectories(dir.resolve("terraform/modules/refresh"));
        Files.writeString(dir.resolve("terraform/modules/refresh/refresh.py"), "import os\n\n"
                + "def handler(event, context):\n    arn = os.environ[\"TARGET_GROUP_ARN\"]\n"
                + "    host = os.environ[\"REDIS_HOST\"]\n    other = os.environ[\"REFRESH_OTHER\"]\n");
        Files.writeString(dir.resolve("terraform/modules/refresh/main.tf"), "resource \"aws_lambda_function\" \"refresh\" {\n"
                + "  function_name = \"refresh\"\n  handler = \"refresh.handler\"\n  environment {\n    variables = {\n"
                + "      TARGET_GROUP_ARN = aws_lb_target_group.redis.arn\n      REDIS_HOST       = var.redis_host\n    }\n  }\n}\n"
                + "locals {\n  REFRESH_OTHER = 1\n}\n");
        List<String> got = run(dir, Set.of()).stream().filter(x -> x.rule().id().equals("ENV0001"))
                .map(x -> x.properties().get("variable")).sorted().toList();
        assertEquals(List.of("REFRESH_OTHER"), got);
    }

    /**
     * Held-out 14a, class "a code sample in a template literal" (an onboarding page's
     * {@code code={`… accessToken: process.env.POLAR_ACCESS_TOKEN …`}}): text the page shows, not a read; a read in the
     * literal's {@code ${…}} and one outside it are still reads.
     */
    @Test
    void aReadInATemplateLiteralsTextIsACodeSample(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".env.example"), "PORT=3000\n");
        Files.createDirectories(dir.resolve("src/components"));
        Files.writeString(dir.resolve("src/components/Guide.tsx"), "export const Guide = () => (\n  <Code\n"
                + "    code={`import { Sdk } from \"sdk\";\n\nconst sdk = new Sdk({\n  accessToken: process.env[\"SDK_ACCESS_TOKEN\"] ?? \"\",\n"
                + "  successUrl: process.env.SDK_SUCCESS_URL\n});\nconst base = \"${process.env.APP_BASE_URL}\";`}\n  />\n)\n"
                + "const key = process.env.APP_ANALYTICS_KEY\n");
        List<String> got = run(dir, Set.of()).stream().filter(x -> x.rule().id().equals("ENV0001"))
                .map(x -> x.properties().get("variable")).sorted().toList();
        assertEquals(List.of("APP_ANALYTICS_KEY", "APP_BASE_URL"), got);
    }

    /**
     * Held-out 10a, class "a documentation host's variable" (a VitePress config reads
     * {@code process.env.READTHEDOCS_CANONICAL_URL}): Read the Docs sets it in every build; the app's own variable
     * beside it is still reported.
     */
    @Test
    void docsHostVariablesAreThePlatforms(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".env.example"), "PORT=3000\n");
        Files.createDirectories(dir.resolve("site/.vitepress"));
        Files.writeString(dir.resolve("site/.vitepress/config.mjs"), "export default {\n"
                + "  base: process.env.READTHEDOCS_CANONICAL_URL ? '/en/latest/' : '/',\n  ci: process.env.READTHEDOCS,\n"
                + "  title: process.env.APP_DOCS_TITLE,\n  login: process.env.READTHEDOCS_PASSWORD,\n}\n");
        List<String> got = run(dir, Set.of()).stream().filter(x -> x.rule().id().equals("ENV0001"))
                .map(x -> x.properties().get("variable")).sorted().toList();
        // by name: a variable of the app's own that starts with the host's name is still the app's
        assertEquals(List.of("APP_DOCS_TITLE", "READTHEDOCS_PASSWORD"), got);
    }

    /**
     * Held-out 9a, class "a local development environment's variable" (pixelfed's DDEV add-on
     * {@code .ddev/docker-compose.redis.yaml}: {@code container_name: ddev-${DDEV_SITENAME}-redis}, 2 warnings): DDEV sets
     * it for the compose files it runs; the app's own variable beside it is still reported.
     */
    @Test
    void localDevEnvironmentVariablesAreThePlatforms(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve(".ddev"));
        Files.writeString(dir.resolve(".ddev/docker-compose.redis.yaml"), "services:\n  redis:\n    image: redis:6\n"
                + "    container_name: ddev-${DDEV_SITENAME}-redis\n    labels:\n      com.ddev.approot: $DDEV_APPROOT\n"
                + "    environment:\n      TOKEN: ${APP_TOKEN}\n");
        List<String> got = run(dir, Set.of(".ddev/docker-compose.redis.yaml")).stream()
                .filter(x -> x.rule().id().equals("ENV0008")).map(x -> x.message().replaceAll(".*interpolates \\$\\{(\\w+)}.*", "$1")).sorted().toList();
        assertEquals(List.of("APP_TOKEN"), got);
    }

    /**
     * Held-out 6a, classes "an env file template" (harbor's prepare step renders {@code templates/core/env.jinja}, with
     * {@code {% if %}} lines, into the env files its compose stack reads) and "a shell script named *.env" (bingo's
     * {@code .bingo/variables.env}: {@code if [ -z "$GOBIN" ]; then … fi}, sourced by make): the template documents the
     * variables Go code reads, its directives are not dotenv lines, and a shell script is not held to dotenv syntax.
     */
    @Test
    void envTemplatesDocumentAndShellScriptsNamedEnvAreNotDotenv(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("make/prepare/templates/core"));
        Files.createDirectories(dir.resolve("src/core"));
        Files.createDirectories(dir.resolve(".bingo"));
        Files.writeString(dir.resolve("make/prepare/templates/core/env.jinja"),
                "LOG_LEVEL={{log_level}}\n{% if redis_url %}\nREDIS_URL={{redis_url}}\n{% endif %}\n"
                + "TRACE_USERNAME={{ trace.username if trace.username else '' }}\n{% if tls %}\nPORT=8443\n{% else %}\nPORT=8080\n{% endif %}\n");
        Files.writeString(dir.resolve("src/core/main.go"), "package main\n\nimport \"os\"\n\nfunc main() {\n\t_ = os.Getenv(\"LOG_LEVEL\")\n\t_ = os.Getenv(\"NOWHERE_SET\")\n}\n");
        Files.writeString(dir.resolve(".bingo/variables.env"), "GOBIN=${GOBIN:=$(go env GOBIN)}\n\nif [ -z \"$GOBIN\" ]; then\n\tGOBIN=\"$(go env GOPATH)/bin\"\nfi\n");
        Set<String> tracked = Set.of("make/prepare/templates/core/env.jinja", "src/core/main.go", ".bingo/variables.env");
        List<Finding> all = run(dir, tracked);
        assertEquals(List.of(), all.stream().filter(x -> Set.of("ENV0011", "ENV0014", "ENV0018").contains(x.rule().id())).toList());
        List<String> undocumented = all.stream().filter(x -> x.rule().id().equals("ENV0001")).map(x -> x.message().split(" ")[0]).toList();
        assertEquals(List.of("NOWHERE_SET"), undocumented);
    }

    @Test
    void undocumentedReadNamesBothSides(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".env.example"), "PORT=3000\n");
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/db.js"), "const p = process.env.PORT;\n\nconst u = process.env.DATABASE_URL;\n");
        Finding f = only(run(dir, Set.of()), "ENV0001");
        assertEquals("DATABASE_URL is read at src/db.js:3 but missing from .env.example", f.message());
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("src/db.js", f.path());
        assertEquals(3, f.line());
        assertEquals("DATABASE_URL", f.properties().get("variable"));
    }

    /**
     * Issue 10, false-alarm class "documented in another example file": a monorepo's shared library reads what an
     * app's example file ({@code .example.env}, {@code env.sample}) or a committed env file of values
     * ({@code .env.development}) lists; a variable only the developer's untracked .env sets is undocumented.
     */
    @Test
    void documentedByAnyCommittedEnvFileOfTheRepository(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".env.example"), "PORT=3000\n");
        Files.createDirectories(dir.resolve("apps/api/src"));
        Files.createDirectories(dir.resolve("apps/worker"));
        Files.createDirectories(dir.resolve("libs/shared"));
        Files.writeString(dir.resolve("apps/api/src/.example.env"), "REDIS_HOST=localhost\n");
        Files.writeString(dir.resolve("apps/worker/env.sample"), "# S3_BUCKET=\n");
        Files.writeString(dir.resolve("apps/worker/.env.development"), "QUEUE_NAME=jobs\n");
        Files.writeString(dir.resolve(".env"), "LOCAL_ONLY=1\n");
        Files.writeString(dir.resolve("libs/shared/config.js"), String.join("\n", "const a = process.env.PORT;",
                "const b = process.env.REDIS_HOST;", "const c = process.env.S3_BUCKET;", "const d = process.env.QUEUE_NAME;",
                "const e = process.env.LOCAL_ONLY;", "const f = process.env.REDIS_TLS;", ""));
        Set<String> tracked = Set.of(".env.example", "apps/api/src/.example.env", "apps/worker/env.sample",
                "apps/worker/.env.development", "libs/shared/config.js");
        List<String> undocumented = run(dir, tracked).stream().filter(x -> x.rule().id().equals("ENV0001"))
                .map(x -> x.properties().get("variable")).sorted().toList();
        assertEquals(List.of("LOCAL_ONLY", "REDIS_TLS"), undocumented);
    }

    /** Issue 10, class "vendored or bundled": a vendored library's reads are its own knobs, not the app's configuration. */
    /**
     * Held-out class "tooling code": a Python or JS file of CI or release tooling (.github/scripts/, release/)
     * reads its own knobs, as a shell script does; and a variable the runtime or OS defines (PROGRAMFILES,
     * NODE_TLS_REJECT_UNAUTHORIZED) is nobody's configuration. The app's own read is still undocumented.
     */
    @Test
    void toolingCodeAndRuntimeVariablesAreNotUndocumented(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".env.example"), "PORT=3000\n");
        Files.createDirectories(dir.resolve(".github/scripts"));
        Files.writeString(dir.resolve(".github/scripts/extract-changelog.py"), "import os\ntag = os.environ[\"TAG\"]\n");
        Files.createDirectories(dir.resolve("extra/release"));
        Files.writeString(dir.resolve("extra/release/lib.mjs"), "export const version = process.env.RELEASE_VERSION;\n");
        Files.createDirectories(dir.resolve("server"));
        Files.writeString(dir.resolve("server/browser.js"), "const pf = process.env.PROGRAMFILES;\n"
                + "const tls = process.env.NODE_TLS_REJECT_UNAUTHORIZED;\nconst pool = process.env.DB_POOL_MAX;\n"
                + "const port = process.env.PORT;\n"
                // held-out 4 (formbricks): the network's proxy variables, in either case
                + "const proxy = process.env.HTTPS_PROXY || process.env.https_proxy;\nconst np = process.env.NO_PROXY;\n"
                // held-out 5 (authelia): what a CI service sets for every job, read by the repository's own tooling code
                + "const tag = process.env.BUILDKITE_TAG || process.env.DRONE_TAG;\n"
                // git's own environment, read by code that runs git (where the repository is)
                + "const gitDir = process.env.GIT_DIR || process.env.GIT_WORK_TREE;\n");
        Files.createDirectories(dir.resolve("bin"));
        // held-out 4 (redash): a release script named with an underscore
        Files.writeString(dir.resolve("bin/release_manager.py"), "import os\ntoken = os.environ[\"GH_RELEASE_TOKEN\"]\n");
        List<String> undocumented = run(dir, Set.of()).stream().filter(x -> x.rule().id().equals("ENV0001"))
                .map(x -> x.properties().get("variable")).toList();
        assertEquals(List.of("DB_POOL_MAX"), undocumented);
    }

    /**
     * Held-out 11b, classes "a deprecated variable read to migrate it" and "the container manager's marker": a config
     * loader that still reads an old name only to warn that it is deprecated and copy it to the new setting should not
     * have the old name documented; podman sets {@code container} and systemd {@code WATCHDOG_USEC} for whatever they
     * run. A variable read without such a notice is still reported.
     */
    @Test
    void deprecatedAndContainerManagerVariablesNeedNoDocumentation(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".env.example"), "APP_STORE_PROVIDER=local\n");
        Files.createDirectories(dir.resolve("pkg/config"));
        Files.writeString(dir.resolve("pkg/config/config.go"), "package config\n\nimport \"os\"\n\nfunc migrate(c *Config) {\n"
                + "\tif os.Getenv(\"STORAGE\") != \"\" {\n"
                + "\t\tlog.Warn(\"[Deprecated] env STORAGE is deprecated and scheduled for removal. Please use APP_STORE_PROVIDER instead.\")\n"
                + "\t\tc.Store.Provider = os.Getenv(\"STORAGE\")\n\t}\n"
                + "\tc.Store.Provider = os.Getenv(\"APP_STORE_PROVIDER\")\n"
                + "\tc.Cache = os.Getenv(\"APP_CACHE_URL\") // replaces the deprecated APP_REDIS setting\n"
                + "\tif os.Getenv(\"container\") == \"podman\" || os.Getenv(\"WATCHDOG_USEC\") != \"\" {\n\t\tc.Managed = true\n\t}\n}\n");
        List<String> undocumented = run(dir, Set.of()).stream().filter(x -> x.rule().id().equals("ENV0001"))
                .map(x -> x.properties().get("variable")).toList();
        // the deprecation notice must name the variable: APP_CACHE_URL's comment is about another one
        assertEquals(List.of("APP_CACHE_URL"), undocumented);
    }

    @Test
    void vendoredReadsAreNeverUndocumented(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".env.example"), "PORT=3000\n");
        Files.createDirectories(dir.resolve("backend/vendor/golang.org/x/sys/cpu"));
        Files.writeString(dir.resolve("backend/vendor/golang.org/x/sys/cpu/cpu.go"),
                "package cpu\n\nimport \"os\"\n\nvar d = os.Getenv(\"GODEBUG_X\")\n");
        Files.writeString(dir.resolve("backend/main.go"), "package main\n\nimport \"os\"\n\nvar p = os.Getenv(\"PORT\")\n"
                + "var q = os.Getenv(\"APP_MODE\")\n");
        List<String> undocumented = run(dir, Set.of()).stream().filter(x -> x.rule().id().equals("ENV0001"))
                .map(x -> x.properties().get("variable")).toList();
        assertEquals(List.of("APP_MODE"), undocumented);
    }

    @Test
    void readWithDefaultIsOnlyInfo(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".env.example"), "A=1\n");
        Files.writeString(dir.resolve("index.js"), "const a = process.env.A;\nconst l = process.env.LOG_LEVEL || 'info';\n");
        assertEquals(Severity.INFO, only(run(dir, Set.of()), "ENV0001").severity());
    }

    @Test
    void zodOnlyVariableMissingFromExampleIsUndocumented(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".env.example"), "DATABASE_URL=postgres://localhost/app\n");
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/env.ts"), String.join("\n",
                "import { z } from 'zod';",
                "const envSchema = z.object({",
                "  DATABASE_URL: z.string().url(),",
                "  STRIPE_SECRET_KEY: z.string(),",
                "  LOG_LEVEL: z.string().default('info'),",
                "});",
                "export const env = envSchema.parse(process.env);", ""));
        List<Finding> findings = run(dir, Set.of());
        List<Finding> undocumented = findings.stream().filter(x -> x.rule().id().equals("ENV0001")).toList();
        assertEquals(List.of("STRIPE_SECRET_KEY", "LOG_LEVEL"),
                undocumented.stream().map(x -> x.properties().get("variable")).toList(), findings::toString);
        Finding f = undocumented.get(0);
        assertEquals("STRIPE_SECRET_KEY is read at src/env.ts:4 but missing from .env.example", f.message());
        assertEquals(Severity.WARNING, f.severity());
        assertEquals(3, f.column());
        assertEquals(Severity.INFO, undocumented.get(1).severity()); // the schema gives it a default
        assertTrue(findings.stream().noneMatch(x -> x.rule().id().equals("ENV0003")), findings::toString);
    }

    @Test
    void pydanticPrefixedNameDocumentedInExampleIsUsed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".env.example"), "APP_DATABASE_URL=postgres://localhost/app\nAPP_UNUSED=1\n");
        Files.writeString(dir.resolve("config.py"), String.join("\n",
                "from pydantic_settings import BaseSettings, SettingsConfigDict",
                "class Settings(BaseSettings):",
                "    model_config = SettingsConfigDict(env_prefix='APP_')",
                "    database_url: str",
                "    redis_url: str", ""));
        List<Finding> findings = run(dir, Set.of());
        Finding unused = only(findings, "ENV0003");
        assertEquals("APP_UNUSED", unused.properties().get("variable"));
        Finding undocumented = only(findings, "ENV0001");
        assertEquals("APP_REDIS_URL is read at config.py:5 but missing from .env.example", undocumented.message());
    }

    @Test
    void nearMissNamesBothLocations(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".env.example"), "# db\nMYSQL_PASSWORD=\n");
        Files.writeString(dir.resolve("db.py"), "import os\npw = os.getenv('MYSQL_PASS')\n");
        List<Finding> all = run(dir, Set.of());
        Finding f = only(all, "ENV0010");
        assertTrue(f.message().contains("MYSQL_PASS is read at db.py:2"), f.message());
        assertTrue(f.message().contains("MYSQL_PASSWORD is defined at .env.example:2"), f.message());
        assertTrue(all.stream().noneMatch(x -> x.rule().id().equals("ENV0001")), "no second finding for the same read");
    }

    @Test
    void trackedEnvSaysAlthoughGitignoreListsIt(@TempDir Path dir) throws IOException {
        Path fixture = FixtureAssert.fixtures("env").resolve("ENV0004-bad-ignored-git");
        Set<String> tracked = FixtureAssert.gitFixture(fixture, dir);
        assertTrue(tracked.contains(".env"));
        Finding f = run(dir, tracked).stream().filter(x -> x.path().equals(".env")).findFirst().orElseThrow();
        assertEquals("ENV0004", f.rule().id());
        assertEquals(Severity.WARNING, f.severity(), "API_TOKEN=change-me: a development default");
        assertTrue(f.message().contains("although .gitignore:1 lists it"), f.message());
        assertTrue(f.hint().contains("git rm --cached .env") && f.hint().contains("rotate"), f.hint());
        assertFalse(f.message().contains("change-me") || f.hint().contains("change-me"), "never the value");
    }

    @Test
    void trackedEnvSeverityFollowsWhatItHolds(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".env"), "FEATURE_ENABLED=true\nJAVA_TOOL_OPTIONS=-Xmx512m\nWORKERS=4\n");
        Files.writeString(dir.resolve(".env.production"), "WORKERS=4\nAPI_TOKEN=" + dev.devops.lint.secrets.Fake.token(32) + "\n");
        Files.writeString(dir.resolve(".env.development"), "DB_PASSWORD=postgres\n");
        Files.writeString(dir.resolve(".env.test"), "API_TOKEN=" + dev.devops.lint.secrets.Fake.token(32) + "\n");
        List<Finding> all = run(dir, Set.of(".env", ".env.production", ".env.development", ".env.test"));
        java.util.Map<String, Severity> bySeverity = new java.util.TreeMap<>();
        all.stream().filter(x -> x.rule().id().equals("ENV0004")).forEach(x -> bySeverity.put(x.path(), x.severity()));
        assertEquals(java.util.Map.of(".env", Severity.INFO, ".env.production", Severity.ERROR,
                ".env.development", Severity.WARNING, ".env.test", Severity.INFO), bySeverity);
    }

    /**
     * Held-out 14c: a front-end's tracked {@code .env.production} whose only keys are ones its bundler inlines into the
     * browser's code ({@code NEXT_PUBLIC_…}, Nx's {@code NX_REACT_APP_…}: an analytics write key, a billing client key)
     * sets no credential: info, one definition with the secret rules ({@code VariableNames.isPublicBundled}). A
     * server key beside them keeps it an error.
     */
    @Test
    void trackedFrontEndEnvWithPublicKeysOnlyIsInfo(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("web"));
        Files.writeString(dir.resolve("web/.env.production"), "NX_REACT_APP_ANALYTICS_API_KEY=\"" + dev.devops.lint.secrets.Fake.token(32)
                + "\"\nNEXT_PUBLIC_BILLING_API_KEY=" + dev.devops.lint.secrets.Fake.token(40) + "\n");
        Files.writeString(dir.resolve(".env.production"), "NEXT_PUBLIC_BILLING_API_KEY=" + dev.devops.lint.secrets.Fake.token(40)
                + "\nBILLING_API_KEY=" + dev.devops.lint.secrets.Fake.token(40) + "\n");
        List<Finding> all = run(dir, Set.of("web/.env.production", ".env.production"));
        java.util.Map<String, Severity> bySeverity = new java.util.TreeMap<>();
        all.stream().filter(x -> x.rule().id().equals("ENV0004")).forEach(x -> bySeverity.put(x.path(), x.severity()));
        assertEquals(java.util.Map.of("web/.env.production", Severity.INFO, ".env.production", Severity.ERROR), bySeverity);
    }

    /**
     * Issue 10, held-out 8a class "a test env file by a test word in its name" (snipe-it's {@code .env.tests},
     * {@code .env.unit-tests}, {@code .env.testing-ci}; Sylius' {@code .env.test_cached}): the values of a test run, tracked
     * like {@code .env.test} (info), their dummy keys no committed secret; {@code .env.docker} beside them still is.
     */
    @Test
    void testEnvFilesByATestWordInTheirNameAreTestEnvs(@TempDir Path dir) throws IOException {
        String key = "API_TOKEN=" + dev.devops.lint.secrets.Fake.token(32) + "\n";
        java.util.List<String> tests = List.of(".env.tests", ".env.unit-tests", ".env.testing-ci", ".env.test_cached",
                ".env.test_cached_payum", ".env.dusk.local");
        for (String t : tests) {
            Files.writeString(dir.resolve(t), key);
        }
        Files.writeString(dir.resolve(".env.docker"), key);
        java.util.Set<String> tracked = new java.util.HashSet<>(tests);
        tracked.add(".env.docker");
        List<Finding> all = run(dir, tracked);
        java.util.Map<String, Severity> bySeverity = new java.util.TreeMap<>();
        all.stream().filter(x -> x.rule().id().equals("ENV0004")).forEach(x -> bySeverity.put(x.path(), x.severity()));
        java.util.Map<String, Severity> expected = new java.util.TreeMap<>();
        tests.forEach(t -> expected.put(t, Severity.INFO));
        expected.put(".env.docker", Severity.ERROR);
        assertEquals(expected, bySeverity);
        for (String t : new String[] {".env.contest", ".env.testnet", ".env.latest"}) {
            assertFalse(dev.devops.files.FileKinds.isTestDotenv(t), t);
        }
    }

    /**
     * Issue 10, held-out 7b class "the CI test run's env file": Laravel apps commit {@code .env.ci} ({@code cp .env.ci .env}
     * before phpunit). Its values configure the test run, not a deployment: tracking it is a warning at most (its
     * credentials are the CI run's, a random one too), and it is not compared with {@code .env.production}.
     */
    @Test
    void theCiTestRunsEnvFileIsNoDeployment(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".env.ci"), "APP_ENV=testing\nDB_PASSWORD=root\nCLIENT_SECRET="
                + dev.devops.lint.secrets.Fake.token(40) + "\n");
        Files.writeString(dir.resolve(".env.production"), "APP_VERSION=1\nWORKERS=4\n");
        List<Finding> all = run(dir, Set.of(".env.ci", ".env.production"));
        assertEquals(List.of("ENV0004:WARNING"), all.stream().filter(x -> x.path().equals(".env.ci")
                || x.rule().id().equals("ENV0007")).map(x -> x.rule().id() + ":" + x.severity()).toList());
    }

    /**
     * Issue 10, false-alarm class "tracked symlink" (held-out 4, formbricks {@code apps/web/.env -> ../../.env}): git
     * stores the link's path, not values; the untracked file it points to is not committed. A tracked file it points
     * to is reported under its own name.
     */
    @Test
    void aTrackedSymlinkToADotenvIsNotATrackedDotenv(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("apps/web"));
        Files.createDirectories(dir.resolve("apps/api"));
        Files.createSymbolicLink(dir.resolve("apps/web/.env"), Path.of("../../.env")); // dangling in a clone
        Files.writeString(dir.resolve(".env.production"), "API_TOKEN=" + dev.devops.lint.secrets.Fake.token(32) + "\n");
        Files.createSymbolicLink(dir.resolve("apps/api/.env.production"), Path.of("../../.env.production"));
        List<Finding> all = run(dir, Set.of("apps/web/.env", ".env.production", "apps/api/.env.production"));
        assertEquals(List.of(".env.production"), all.stream().filter(x -> x.rule().id().equals("ENV0004"))
                .map(Finding::path).toList());
    }

    @Test
    void trackedEnvWithoutIgnoreRuleSaysToAddOne(@TempDir Path dir) throws IOException {
        Set<String> tracked = FixtureAssert.gitFixture(FixtureAssert.fixtures("env").resolve("ENV0004-bad-git"), dir);
        Finding f = only(run(dir, tracked), "ENV0004");
        assertFalse(f.message().contains("although"));
        assertTrue(f.hint().contains("add it to .gitignore"));
    }

    @Test
    void binaryAndUtf16DotenvAreFindingsNotCrashes(@TempDir Path dir) throws IOException {
        byte[] random = new byte[4096];
        new java.util.Random(42).nextBytes(random);
        Files.write(dir.resolve(".env"), random);
        Files.write(dir.resolve(".env.example"), "PORT=1\n".getBytes(StandardCharsets.UTF_16));
        Files.writeString(dir.resolve("index.js"), "const p = process.env.PORT;\n");
        List<Finding> all = run(dir, Set.of());
        assertEquals(2, all.stream().filter(f -> f.rule().id().equals("ENV0022")).count(), all.toString());
        assertTrue(all.stream().allMatch(f -> f.message() != null));
    }

    @Test
    void localValuesAreNeverPrinted(@TempDir Path dir) throws IOException {
        String value = "s3cr3t-" + "value-" + 12345;
        Files.writeString(dir.resolve(".env"), "PORT=1\nAPI_TOKEN=" + value + "\nBAD KEY=" + value + "\n");
        Files.writeString(dir.resolve(".env.example"), "PORT=3000\n");
        Files.writeString(dir.resolve("index.js"), "const p = process.env.PORT;\n");
        List<Finding> all = run(dir, Set.of());
        assertTrue(all.stream().anyMatch(f -> f.rule().id().equals("ENV0005")));
        for (Finding f : all) {
            assertFalse(f.message().contains(value) || (f.hint() != null && f.hint().contains(value)), f.toString());
        }
    }

    @Test
    void composeRequiredVariableIsPhrasedAsMustBeSet(@TempDir Path dir) throws IOException {
        Path fixture = FixtureAssert.fixtures("env").resolve("ENV0009-bad");
        Finding f = only(FixtureAssert.run(new EnvCheck(), fixture), "ENV0009");
        assertTrue(f.message().startsWith("DB_PASSWORD is required at compose.yaml:6"), f.message());
        assertTrue(f.hint().contains("before `devops up`"), f.hint());
        assertEquals(Severity.INFO, f.severity());
        assertNotNull(f.fingerprint());
    }

    @Test
    void fingerprintsDoNotDependOnLines(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".env.example"), "A=1\n");
        Files.writeString(dir.resolve("index.js"), "const a = process.env.A;\nconst b = process.env.BEE;\n");
        String before = only(run(dir, Set.of()), "ENV0001").fingerprint();
        Files.writeString(dir.resolve("index.js"), "\n\nconst a = process.env.A;\nconst b = process.env.BEE;\n");
        assertEquals(before, only(run(dir, Set.of()), "ENV0001").fingerprint());
    }

    @Test
    void strayQuoteIsAWarningButAnUnclosedQuoteAnError(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".env.example"), "JSON={\"a\":1}\nB=\"open\n");
        List<Finding> all = run(dir, Set.of());
        assertEquals(List.of("1:warning", "2:error"), all.stream().filter(f -> f.rule().id().equals("ENV0018"))
                .map(f -> f.line() + ":" + f.severity().id()).sorted().toList());
    }

    /**
     * Held-out 5 (authelia's {@code web/.env.production}: {@code VITE_BASEPATH={{ .Base }}}, rendered by Go's
     * text/template): a value that is one template expression is not an unquoted value with spaces; prose still is.
     */
    @Test
    void aTemplateExpressionIsNotAnUnquotedValueWithSpaces(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".env.example"), "BASE={{ .Base }}\nTITLE=two words\nNAME={% raw %}\n");
        assertEquals(List.of(2), run(dir, Set.of()).stream().filter(f -> f.rule().id().equals("ENV0015")).map(Finding::line).toList());
    }

    /**
     * Held-out 14b (React Native's {@code ios/.xcode.env}: {@code export NODE_BINARY=$(command -v node)}, sourced by a
     * shell): a value that is one command substitution is assigned whole, nothing is split; prose still is reported.
     */
    @Test
    void aCommandSubstitutionIsNotAnUnquotedValueWithSpaces(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".xcode.env"), "export NODE_BINARY=$(command -v node)\nTITLE=two words\nDIR=`git rev-parse --show-toplevel`\n");
        assertEquals(List.of(2), run(dir, Set.of()).stream().filter(f -> f.rule().id().equals("ENV0015")).map(Finding::line).toList());
    }

    /**
     * Held-out 6b: a dotenv template ({@code packages/create/templates/.env.hbs}: 4 ENV0014 errors on its
     * {@code {{#if requiresConnection}}} / {@code {{/if}}} lines, 5 ENV0015 on {@code {{{ escapeSingle dbName }}}} values)
     * is an example the generator renders; a cookiecutter template's code ({@code {{cookiecutter.project_slug}}/…}) reads
     * the generated project's variables. A real .env with the same lines is still wrong.
     */
    @Test
    void dotenvTemplatesAndGeneratorTemplatesAreNotTheFilesTheyBecome(@TempDir Path dir) throws IOException {
        String hbs = "APP_ENV=dev\nPORT={{ port }}\nDB_NAME={{{ escapeSingle dbName }}}\n{{#if requiresConnection}}\nDB_HOST={{ dbHost }}\n{{/if}}\n";
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("templates/.env.hbs"), hbs);
        Files.writeString(dir.resolve(".env"), "{{#if requiresConnection}}\nDB_HOST=db\n");
        List<Finding> got = run(dir, Set.of());
        assertEquals(List.of(".env:1"), got.stream().filter(f -> f.rule().id().equals("ENV0014") || f.rule().id().equals("ENV0015"))
                .map(f -> f.path() + ":" + f.line()).toList());
        Path gen = dir.resolve("{{cookiecutter.project_slug}}/config");
        Files.createDirectories(gen);
        Files.writeString(gen.resolve("settings.js"), "module.exports = { bucket: process.env.DJANGO_AWS_STORAGE_BUCKET_NAME };\n");
        assertTrue(run(dir, Set.of()).stream().noneMatch(f -> f.message().contains("DJANGO_AWS_STORAGE_BUCKET_NAME")));
    }

    @Test
    void nearMissHeuristics() {
        // held-out 8a class "a private name by its leading underscores" (searxng's image default __SEARXNG_SETTINGS_PATH)
        assertFalse(NearMiss.similar("__SEARXNG_SETTINGS_PATH", "SEARXNG_SETTINGS_PATH"));
        assertFalse(NearMiss.similar("_APP_DATABASE_URL", "APP_DATABASE_URL"));
        assertTrue(NearMiss.similar("__APP_DATABSE_URL", "__APP_DATABASE_URL"));
        assertTrue(NearMiss.similar("MYSQL_PASS", "MYSQL_PASSWORD"));
        assertTrue(NearMiss.similar("DATABSE_URL", "DATABASE_URL"));
        assertTrue(NearMiss.similar("MONGO_URI", "MONGO_URL"));
        assertTrue(NearMiss.similar("DB_USER", "DATABASE_USERNAME"));
        assertFalse(NearMiss.similar("API_KEY_1", "API_KEY_2"));
        assertFalse(NearMiss.similar("REDIS_HOST", "REDIS_PORT"));
        assertFalse(NearMiss.similar("PORT", "HOST"));
        assertFalse(NearMiss.similar("APP_ENV", "APP_KEY"));
        assertFalse(NearMiss.similar("API_URL", "APP_URL"));
        assertTrue(NearMiss.similar("SENTRY_DSNN", "SENTRY_DSN"));
        assertFalse(NearMiss.similar("DATABASE_PORT", "DATABASE_HOST"), "found on docker/awesome-compose");
        assertTrue(NearMiss.similar("DATABASEURL", "DATABASE_URL"));
        assertTrue(NearMiss.similar("SMTP_PASWORD", "SMTP_PASSWORD"));
    }

    @Test
    void gitignoreMatching() {
        assertTrue(Gitignore.matches(".env", ".env"));
        assertTrue(Gitignore.matches(".env", "app/.env"));
        assertTrue(Gitignore.matches(".env*", ".env.production"));
        assertFalse(Gitignore.matches("/.env", "app/.env"));
        assertTrue(Gitignore.matches("**/.env", "a/b/.env"));
        assertTrue(Gitignore.matches("config/", "config/.env"));
        assertFalse(Gitignore.matches("*.log", ".env"));
    }

    @Test
    void shellReadsSkipAssignedSystemAndQuoted() {
        List<ShellReads.Read> reads = ShellReads.scan("#!/bin/sh\n# $IN_COMMENT\nX=1\necho \"$X $HOME ${API_URL:-x} $TOKEN\"\n"
                + "echo '$SINGLE' \\$ESCAPED\nread -r NAME\necho $NAME $lower\n");
        assertEquals(List.of("API_URL", "TOKEN"), reads.stream().map(ShellReads.Read::name).toList());
        assertTrue(reads.get(0).hasDefault());
        assertFalse(reads.get(1).hasDefault());
        assertEquals(4, reads.get(1).line());
    }

    @Test
    void composeRefsModes() {
        List<ComposeRefs.Ref> refs = ComposeRefs.scan("a: ${A}\nb: ${B:-${C}} $D $$E\nc: ${F:?x} # ${G}\n");
        assertEquals(List.of("A:PLAIN", "B:DEFAULT", "C:DEFAULT", "D:PLAIN", "F:REQUIRED"),
                refs.stream().map(r -> r.name() + ":" + r.mode()).toList());
        assertNull(null);
    }

    /** Performance sanity on this repository itself; prints the time, asserts only that it finishes. */
    @Test
    void runsOverThisRepository() throws IOException {
        Path root = Path.of(System.getProperty("devops.selfLint.dir", System.getProperty("devops.project.dir", ".")))
                .toAbsolutePath();
        List<String> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(f -> !f.startsWith(".git/") && !f.startsWith("target") && !f.contains("/node_modules/")).sorted()
                    .toList();
        }
        Set<String> tracked = Set.of();
        if (Files.exists(root.resolve(".git"))) {
            tracked = Set.copyOf(List.of(dev.devops.git.TestRepo.open(root).git("ls-files").split("\n")));
        }
        LintContext ctx = new LintContext(root, files, tracked, null);
        long c0 = System.nanoTime();
        new EnvCheck().run(ctx, f -> { }); // cold: class loading and JIT; the second run shows the steady cost
        System.err.printf("env check cold run: %d ms%n", (System.nanoTime() - c0) / 1_000_000);
        long t0 = System.nanoTime();
        List<Finding> env = new ArrayList<>();
        new EnvCheck().run(ctx, env::add);
        long t1 = System.nanoTime();
        List<Finding> drift = new ArrayList<>();
        new DriftCheck().run(ctx, drift::add);
        long t2 = System.nanoTime();
        System.err.printf("env check over %d files: %d ms, %d findings; drift check: %d ms, %d findings%n", files.size(),
                (t1 - t0) / 1_000_000, env.size(), (t2 - t1) / 1_000_000, drift.size());
        if (Boolean.getBoolean("devops.printSelfLint")) {
            Stream.concat(env.stream(), drift.stream()).forEach(f -> System.err.println(f.rule().id() + " " + f.path() + ":"
                    + f.line() + " " + f.message().lines().findFirst().orElse("")));
        }
        assertTrue(files.size() > 10);
    }

    @Test
    void serviceNoVariablePointsAtIsReported(@TempDir Path dir) throws IOException {
        String yaml = String.join("\n",
                "name: shop",
                "apps:",
                "  api:",
                "    runtime:",
                "      language: node",
                "      version: \"20\"",
                "    port: 3000",
                "    dependsOn: [\"postgres\", \"redis\", \"rabbitmq\"]",
                "    env:",
                "      REDIS_URL:",
                "        from: redis.url",
                "services:",
                "  postgres:",
                "    version: \"16\"",
                "  redis:",
                "    version: \"7\"",
                "  rabbitmq:",
                "    version: \"3\"", "");
        Files.writeString(dir.resolve("devops.yaml"), yaml);
        Files.writeString(dir.resolve(".env.example"), "REDIS_URL=\n");
        Files.writeString(dir.resolve("db.js"), "const pool = new Pool({ host: 'localhost', port: 5432 });\n"
                + "const queue = amqp.connect('amqp://guest:guest@rabbitmq:5672');\nprocess.env.REDIS_URL;\n");
        List<String> files = List.of(".env.example", "db.js", "devops.yaml");
        List<Finding> out = new ArrayList<>();
        new EnvCheck().run(new LintContext(dir, files, Set.of(),
                dev.devops.descriptor.DescriptorLoader.load(dir.resolve("devops.yaml"))), out::add);
        Finding f = only(out, "ENV0024");
        assertEquals("postgres", f.properties().get("variable"), "redis is wired by from:, rabbitmq at its in-stack host");
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("devops.yaml", f.path());
        assertTrue(f.message().startsWith("app api depends on service postgres but no variable"), f.message());
    }
}
