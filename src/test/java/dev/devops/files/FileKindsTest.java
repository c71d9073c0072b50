package dev.devops.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.files.FileKinds.Dotenv;
import org.junit.jupiter.api.Test;

class FileKindsTest {
    @Test
    void dockerfiles() {
        for (String p : new String[] {"Dockerfile", "api/Dockerfile", "Dockerfile.prod", "web.Dockerfile", "Containerfile",
                "build/Containerfile.dev", "dockerfile", "docker/Dockerfile-counter"}) {
            assertTrue(FileKinds.isDockerfile(p), p);
        }
        for (String p : new String[] {"Dockerfile.ftl", "src/Dockerfile.java", "Dockerfile.md", "Dockerfile.dockerignore",
                "Dockerfiles/readme", "docker-compose.yml"}) {
            assertFalse(FileKinds.isDockerfile(p), p);
        }
    }

    @Test
    void dotenvKinds() {
        // a diff of an env file (patch-package style .env.patch) is not an env file
        assertEquals(FileKinds.Dotenv.NONE, FileKinds.dotenv("patches/kafka/.env.patch"));
        assertEquals(FileKinds.Dotenv.NONE, FileKinds.dotenv(".env.diff"));
        assertEquals(Dotenv.LOCAL, FileKinds.dotenv(".env"));
        assertEquals(Dotenv.LOCAL, FileKinds.dotenv("web/.env.local"));
        assertEquals(Dotenv.LOCAL, FileKinds.dotenv(".env.development.local"));
        assertEquals(Dotenv.ENVIRONMENT, FileKinds.dotenv(".env.production"));
        assertEquals(Dotenv.NAMED, FileKinds.dotenv("docker/app.env"));
        for (String p : new String[] {".env.example", ".env.sample", ".env.tpl", ".env.template", ".env.dist",
                ".env.local.example", ".env.example.production", "example.env", ".env-sample", "apps/api/src/.example.env",
                ".sample.env", "env.sample", "env.example", "docker/env.template", "config/.env.dev.txt", ".env.txt"}) {
            assertEquals(p.equals(".env-sample") ? Dotenv.NONE : Dotenv.EXAMPLE, FileKinds.dotenv(p), p);
        }
        // held-out 13c: an env file kept as text is an example env file, not documentation
        assertFalse(FileKinds.isDocs("config/.env.dev.txt"));
        assertTrue(FileKinds.isDocs("config/notes.txt") && FileKinds.isDocs("docs/.env.example"));
        assertEquals(Dotenv.NAMED, FileKinds.dotenv("deploy/.prod.env"));
        for (String p : new String[] {".env.d.ts", "src/.env.js", ".envrc", "env.py", ".environment", "env.ts", "env.sample.ts",
                "env.local", "docker/.env.license", ".env.test.license"}) {
            assertEquals(Dotenv.NONE, FileKinds.dotenv(p), p);
        }
        assertTrue(Dotenv.LOCAL.holdsValues() && Dotenv.ENVIRONMENT.holdsValues());
        assertFalse(Dotenv.EXAMPLE.holdsValues() || Dotenv.NAMED.holdsValues());
    }

    @Test
    void testsDocsAndCi() {
        for (String p : new String[] {"src/test/java/a/UserServiceTest.java", "app/users_test.go", "tests/test_api.py",
                "web/src/App.spec.ts", "lib/__tests__/x.js", "api/conftest.py", "nix/flake-modules/checks.nix", "spec/models/user_spec.rb",
                "src/main/java/a/UserIT.java", "pkg/testdata/config.yml", "cypress/e2e/login.cy.js", "compose-e2e-test.yml",
                "docker/compose/docker-compose.ci-test.yml", "scripts/smoketest_configuration.py",
                ".ci/compose.ci.yaml", ".ci/compose.cypress.yaml", "settings.ci.py",
                "frontend/cypress.config.js", "playwright.config.ts", "vitest.config.mts", "pytest.ini", "phpunit.xml.dist", "app/phpunit.xml",
                // test-data factories: Laravel's, factory_boy's, ExMachina's (even in lib/)
                "database/factories/UserFactory.php", "app/users/factories.py", "lib/shop/factory.ex",
                // a build's e2e and integration-test modules by name (a project-prefixed Maven module, an Nx project)
                // and Go/Python test helpers named *_tests
                "app-e2e/app-e2e-case/k8s/db.yml", "app-integrated-test/app-integrated-test-http/docker-compose.yml",
                "apps/web-e2e/src/app.cy.ts", "app-integration-tests/compose.yml", "tools/sql/clitest/conn_tests.go",
                // suites named by the kind of run
                "web/e2e-tests/utils/constants.ts", "smoke_tests/login.py", "tests-e2e/app.spec.ts", "test_integration/db.go"}) {
            assertTrue(FileKinds.isTest(p), p);
        }
        for (String p : new String[] {"src/main/java/a/UserService.java", "app/users.go", "contest/app.py",
                "src/latest.js", "attestation/x.go", "Testimonial.java", "quickstart-latest.yml", "toxic.ini", "circle.yml",
                "docker-compose.civic.yml", ".gitlab-ci.yml", ".github/workflows/ci.yml",
                "next.config.js", "app.config.ts", "app/factory.py", "src/main/java/a/ConnectionFactory.java",
                "util/Seeder/Factories/UserSeeder.cs", "src/Infrastructure/Factories/DbContextFactory.cs",
                // a test word glued to another (latest, contest) or alone as a file's word is no test module
                "latest-release/app.yml", "contest-service/app.yml", "app-testimonials/x.go", "protest_app/main.py",
                // a bare -test/-tests part is no test module: a sample, a demo module, a CI stack's directory
                "jwt-auth-tests/src/main/resources/application.conf", "app-cloud-test/app-cloud-test-seata/application.yml",
                ".github/workflows/cluster-test/mysql/env.sh",
                "docs/load-testing.md", "src/uitests.go"}) {
            assertFalse(FileKinds.isTest(p), p);
        }
        assertTrue(FileKinds.isDocs("README.md"));
        assertTrue(FileKinds.isDocs("docs/guide/setup.adoc"));
        assertTrue(FileKinds.isDocs("docs/config/example.yml"));
        assertFalse(FileKinds.isDocs("docs/docker-compose.yml"), "a compose file stays a compose file");
        assertFalse(FileKinds.isDocs("src/app.py"));
        // held-out 11a: a man page's Markdown source (ronn, scdoc) is documentation
        assertTrue(FileKinds.isDocs("debian/register_user.ronn"));
        // held-out 11a: Django's startproject template, filled in by {{ project_name }}
        assertTrue(FileKinds.isTemplate("cms/project_template/Dockerfile"));
        assertTrue(FileKinds.isGeneratorTemplate("cms/project_template/.env.example"));
        assertFalse(FileKinds.isTemplate("cms/email_template/Dockerfile"));
        assertFalse(FileKinds.isDockerfile("cms/project_template/Dockerfile"));
        assertTrue(FileKinds.isDockerfile("cms/email_template/Dockerfile"));
        assertTrue(FileKinds.isDocs("doc/tool.1.scd"));
        assertTrue(FileKinds.isCi(".github/workflows/ci.yml"));
        assertTrue(FileKinds.isCi(".gitlab-ci.yml"));
        assertTrue(FileKinds.isCi("Jenkinsfile"));
        assertFalse(FileKinds.isCi("src/workflows/ci.yml"));
        // Woodpecker's directory of pipelines (services: entries with image: as compose has): CI, never compose
        assertTrue(FileKinds.isCi(".woodpecker/test.yaml"));
        assertFalse(FileKinds.isCompose(".woodpecker/test.yaml", () -> "steps:\n  t:\n    image: golang\nservices:\n  db:\n    image: postgres\n"));
        assertTrue(FileKinds.isComposeName("deploy/docker-compose.prod.yml"));
        assertFalse(FileKinds.isComposeName("composer.json"));
    }

    /** Issue 10, held-out 10b: kinds of file recognised by name. */
    @Test
    void metadataVersionedCopiesTaskRunnersAndCodeTemplates() {
        // a software catalogue's description and citation metadata: documentation
        for (String p : new String[] {"publiccode.yml", "sub/publiccode.yaml", "CITATION.cff", "codemeta.json", ".zenodo.json"}) {
            assertTrue(FileKinds.isDocs(p), p);
        }
        assertFalse(FileKinds.isDocs("config.yml"));
        // a library's release copied under its versioned name: vendored; but not a project's per-version image build
        assertTrue(FileKinds.isVendored("public/plugins/codemirror-5.17.0/mode/rust/rust.js"));
        assertTrue(FileKinds.isVendored("static/js/jquery-ui-1.12.1/jquery-ui.js"));
        assertFalse(FileKinds.isVendored("docker/postgres-15.2.0/Dockerfile"));
        assertFalse(FileKinds.isVendored("src/app-v2/main.js"));
        assertFalse(FileKinds.isVendored("migrations/v1.2.3/up.sql"));
        assertFalse(FileKinds.isVendored("releases/1.2.3/notes.js"));
        // a task runner's task file: tooling, like a release script
        assertTrue(FileKinds.isCiOrReleaseTooling("magefile.go"));
        assertTrue(FileKinds.isCiOrReleaseTooling("build/magefile.go"));
        assertTrue(FileKinds.isCiOrReleaseTooling("magefiles/release.go"));
        assertFalse(FileKinds.isCiOrReleaseTooling("pkg/magic/file.go"));
        // Bruno's request collections, as .http files
        assertTrue(FileKinds.isRequestCollection("rest/login.bru"));
        // code a template engine renders
        assertTrue(FileKinds.isSourceCodeTemplate("codegen/templates/python/summary.py.jinja"));
        assertTrue(FileKinds.isSourceCodeTemplate("gen/client.go.tmpl"));
        assertFalse(FileKinds.isSourceCodeTemplate("deploy/values.yaml.j2"));
        assertFalse(FileKinds.isSourceCodeTemplate("src/app.py"));
        // EJS (Yeoman generators), Nunjucks and Liquid templates of code; a test template is a test
        assertTrue(FileKinds.isSourceCodeTemplate("generators/vue/templates/src/app/login-form.component.ts.ejs"));
        assertTrue(FileKinds.isSourceCodeTemplate("templates/src/main/java/pkg/LoginVM.java.ejs"));
        assertTrue(FileKinds.isTest("generators/angular/templates/src/app/login/login.spec.ts.ejs"));
        assertTrue(FileKinds.isTest("gen/user_test.go.tmpl"));
        assertFalse(FileKinds.isTest("generators/angular/templates/src/app/login/login.service.ts.ejs"));
    }

    @Test
    void stubsSnapshotsHelpersVendoredAndStories() {
        // held-out 5: a test's resources directory (authelia) and a framework's test-environment config (Phoenix, Rails)
        assertTrue(FileKinds.isTest("internal/configuration/test_resources/config.yml"));
        assertTrue(FileKinds.isTest("src/test-resources/app.yml"));
        // held-out 11a: a gem's shipped test support (Rails engines' lib/<gem>/testing_support/factories/)
        assertTrue(FileKinds.isTest("core/lib/shop/testing_support/factories/gateway_factory.rb"));
        assertFalse(FileKinds.isTest("core/lib/shop/support/gateway.rb"));
        assertTrue(FileKinds.isTest("internal/suites/OIDC/configuration.yml"));
        // the official images' generator templates (docker-library/postgres Dockerfile-alpine.template: {{ … }} lines)
        assertFalse(FileKinds.isDockerfile("Dockerfile-alpine.template"));
        assertTrue(FileKinds.isDockerfile("docker/Dockerfile-worker"));
        assertFalse(FileKinds.isTest("internal/suite.go"));
        assertTrue(FileKinds.isTest("config/test.exs"));
        assertTrue(FileKinds.isTest("config/environments/test.rb"));
        assertFalse(FileKinds.isTest("config/dev.exs"));
        assertFalse(FileKinds.isTest("config/environments/production.rb"));
        assertFalse(FileKinds.isTest("lib/latest.exs"));
        for (String p : new String[] {"app/__stubs__/jwt.ts", "identity/.snapshots/TestHandler.json", "ui/__snapshots__/a.snap",
                "driver/config/stub/.kratos.yaml", "internal/testutil/minio/server.go", "x/testhelpers/http.go",
                "scripts/release_smoke_test.sh", "netbox/configuration_testing.py", "sqlcon/dockertest/test_helper.go",
                "mocks/index.js", "app/mock/handlers.ts",
                // held-out 4: a test runner's setup file (formbricks apps/web/vitestSetup.ts)
                "apps/web/vitestSetup.ts", "jest.setup.js", "src/setupTests.ts", "web/test-setup.ts", "vitest.setup.mts"}) {
            assertTrue(FileKinds.isTest(p), p);
        }
        assertFalse(FileKinds.isTest("src/stubborn.go"));
        assertFalse(FileKinds.isTest("src/mockingbird/app.js"));
        assertFalse(FileKinds.isTest("src/setup.ts"));
        assertFalse(FileKinds.isTest("app/setup_wizard.py"));
        assertFalse(FileKinds.isTest("testsetup/Dockerfile"));
        assertTrue(FileKinds.isTestDotenv(".env.test"));
        assertTrue(FileKinds.isTestDotenv("apps/api/.env.testing"));
        assertFalse(FileKinds.isTestDotenv(".env.production"));
        for (String p : new String[] {"backend/vendor/github.com/x/y.go", "web/node_modules/a/index.js", "third_party/z.c",
                "static/jquery.min.js", "project-static/dist/netbox.js",
                // held-out 4: source maps (mkdocs-material's workers/search.2c215733.min.js.map)
                "material/templates/assets/javascripts/workers/search.2c215733.min.js.map", "static/app.css.map"}) {
            assertTrue(FileKinds.isVendored(p), p);
        }
        assertFalse(FileKinds.isVendored("src/vendors.ts"));
        assertFalse(FileKinds.isVendored("dist/Dockerfile"));
        assertTrue(FileKinds.isDocs("libs/ui/src/CodeBlock.stories.tsx"));
        // held-out 4: HTTP request collections (ktor-samples httpbin/request.http, RequestExamples/Authentication.http)
        assertTrue(FileKinds.isRequestCollection("src/API/RequestExamples/Authentication.http"));
        assertTrue(FileKinds.isRequestCollection("api.rest"));
        assertFalse(FileKinds.isRequestCollection("src/http/client.go"));
    }

    /** Held-out 4 (formbricks {@code apps/web/i18n.lock}: a translation tool's checksums): lock files by name and shape. */
    @Test
    void lockFilesByNameAndShape() {
        for (String p : new String[] {"yarn.lock", "web/package-lock.json", "go.sum", "apps/web/i18n.lock", "Cargo.lock",
            "gradle.lockfile", "conan.lock", "x/deps-lock.yaml"}) {
            assertTrue(FileKinds.isLockfile(p), p);
        }
        for (String p : new String[] {"src/lock.go", "locks/config.yml", "app/lockfile.py", "deadlock.json", ".lock/config"}) {
            assertFalse(FileKinds.isLockfile(p), p);
        }
    }

    @Test
    void composeFilesByContent() {
        String compose = "version: '3.8'\nservices:\n  app:\n    image: example/app:1.0\n  db:\n    build: ./db\n";
        assertTrue(FileKinds.looksLikeCompose(compose));
        assertTrue(FileKinds.looksLikeCompose("# stack\nservices: # the stack\n\n  web:\n    # built here\n    build:\n      context: .\n"));
        assertTrue(FileKinds.isCompose("src/main/docker/app.yml", () -> compose));
        assertTrue(FileKinds.isCompose("podman-compose.yml", () -> compose));
        assertTrue(FileKinds.isCompose("docker-compose.yml", () -> null), "by name, never read");
        assertFalse(FileKinds.isCompose("src/main/docker/app.json", () -> compose), "only YAML files are sniffed");
        assertFalse(FileKinds.isCompose(".gitlab-ci.yml", () -> compose), "a CI pipeline is not a compose file");
        assertFalse(FileKinds.isCompose("config/app.yml", () -> null), "unreadable");
        // Helm values: image is a mapping; nested services; a list of services; services not at the top level
        assertFalse(FileKinds.looksLikeCompose("services:\n  app:\n    image:\n      repository: x\n      tag: '1'\n"));
        assertFalse(FileKinds.looksLikeCompose("app:\n  services:\n    web:\n      image: nginx\n"));
        assertFalse(FileKinds.looksLikeCompose("services:\n  - name: postgres\n    image: postgres\n"));
        assertFalse(FileKinds.looksLikeCompose("services:\n  app:\n    ports: [80]\n    env:\n      image: x\n"));
        assertFalse(FileKinds.looksLikeCompose("kind: Service\nmetadata:\n  name: x\n"));
    }

    @Test
    void buildAndReleaseScriptsAreNotRuntimeCode() {
        for (String p : new String[] {"scripts/release.js", "tools/gen.go", ".github/actions/x/index.js", "mvnw",
            ".mvn/wrapper/MavenWrapperDownloader.java", "web/webpack.config.prod.js", "vite.config.ts", "setup.py",
            "babel.config.js", "release.py", "ci/build.sh", "bin/release_manager.py", "deploy_staging.sh"}) {
            assertTrue(FileKinds.isBuildScript(p), p);
        }
        for (String p : new String[] {"src/server.js", "app/tasks.py", "manage.py", "cmd/api/main.go", "next.config.js",
            "src/main/java/App.java", "bin/www"}) {
            assertFalse(FileKinds.isBuildScript(p), p);
        }
    }

    /**
     * Held-out 6b: a project generator's template (cookiecutter-django's {@code {{cookiecutter.project_slug}}/}: 18
     * DF0000 and 3 DC0000 errors on {@code {% if %}} lines) and a dotenv template ({@code .env.hbs}: ENV0014 on
     * {@code {{#if}}} lines) are not the files they become; celery's {@code t/} tree, {@code tox.ini} and test-data
     * modules by name ({@code mock-events.ts}, {@code fake_data.rake}) are tests.
     */
    @Test
    void generatorTemplatesAreNotLintedAsWhatTheyBecomeAndTestDataModulesAreTests() {
        assertFalse(FileKinds.isDockerfile("{{cookiecutter.project_slug}}/compose/production/django/Dockerfile"));
        assertFalse(FileKinds.isCompose("{{cookiecutter.project_slug}}/docker-compose.local.yml", () -> "services:\n  a:\n    image: x\n"));
        assertTrue(FileKinds.isGeneratorTemplate("{{ project_name }}/src/settings.py"));
        assertTrue(FileKinds.isTemplate("packages/create/templates/.env.hbs"));
        assertEquals(FileKinds.Dotenv.EXAMPLE, FileKinds.dotenv("packages/create/templates/.env.hbs"));
        assertEquals(FileKinds.Dotenv.EXAMPLE, FileKinds.dotenv("roles/app/templates/.env.j2"));
        assertTrue(FileKinds.isDockerfile("compose/production/django/Dockerfile"));
        assertTrue(FileKinds.isCompose("docker-compose.local.yml", () -> null));
        assertFalse(FileKinds.isGeneratorTemplate("app/{id}/route.ts"));
        assertFalse(FileKinds.isTemplate("app/views/users/show.html"));
        for (String p : new String[] {"t/unit/security/__init__.py", "t/integration/worker_config.py", "tox.ini",
                "packages/email-plugin/src/handler/mock-events.ts", "lib/tasks/fake_data.rake", "src/mocks.py",
                "internal/user_fakes.go", "src/mockData.ts", "seed/fake-users.json", "api/user.mock.ts",
                "apps/web/scripts/dev/simulate-shopify-webhook.ts"}) {
            assertTrue(FileKinds.isTest(p), p);
        }
        for (String p : new String[] {"src/at/x.py", "lib/tasks/data.rake", "src/mockingbird.ts", "src/fakery.py",
                "app/factory.py", "src/handler/events.ts", "app/breakfast.rb", "physics/simulate.py",
                // a CI pipeline named after the tests it runs is a pipeline (its service containers' passwords count)
                ".github/workflows/integration-tests.yml"}) {
            assertFalse(FileKinds.isTest(p), p);
        }
    }

    /**
     * Held-out 10c: an icon of a Dockerfile ({@code public/svgs/resources/dockerfile.svg}) is no Dockerfile; compose text
     * that mounts a named volume with no top-level {@code volumes:} is incomplete as written.
     */
    @Test
    void picturesAreNoDockerfilesAndUndeclaredVolumesAreSeen() {
        assertFalse(FileKinds.isDockerfile("public/svgs/resources/dockerfile.svg"));
        assertFalse(FileKinds.isDockerfile("docs/img/Dockerfile.png"));
        assertTrue(FileKinds.isDockerfile("docker/Dockerfile.prod"));
        assertTrue(FileKinds.mountsUndeclaredVolume("services:\n  db:\n    image: postgres:16\n    volumes:\n      - pg-data:/var/lib/postgresql/data\n"));
        assertFalse(FileKinds.mountsUndeclaredVolume("services:\n  db:\n    image: postgres:16\n    volumes:\n      - pg-data:/var/lib/postgresql/data\nvolumes:\n  pg-data:\n"));
        assertFalse(FileKinds.mountsUndeclaredVolume("services:\n  db:\n    image: postgres:16\n    volumes:\n      - ./data:/var/lib/postgresql/data\n"));
    }

    /**
     * Held-out 10c: a YAML file named as a test's input ({@code templates/test-database-detection.yaml}) is a test file;
     * a CI pipeline so named ({@code .github/workflows/test-database.yml}) is a pipeline.
     */
    @Test
    void yamlNamedAsATestsInputIsTestData() {
        assertTrue(FileKinds.isTest("templates/test-database-detection.yaml"));
        assertTrue(FileKinds.isTest("deploy/test_stack.yml"));
        assertFalse(FileKinds.isTest(".github/workflows/test-database.yml"));
        assertFalse(FileKinds.isTest("deploy/latest-stack.yml"));
    }
}
