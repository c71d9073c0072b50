package dev.devops.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.descriptor.App;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 classes 4 (apps, processes, ports, commands) and 5 (runtime version): what the repository's own
 * Procfile, Dockerfiles, compose files, .tool-versions and CI workflows say about running an app, and which
 * directories with a manifest are not apps. Each fixture is a small synthetic repository.
 */
class RunEvidenceTest {
    @TempDir
    Path dir;
    RepoFixture repo;

    @BeforeEach
    void setUp() {
        repo = new RepoFixture(dir);
    }

    private static List<String> names(Detection d) {
        return d.descriptor().apps().stream().map(App::path).toList();
    }

    // ---- class 4: processes ----

    @Test
    void procfileWorkersBecomeProcessesAndWebGunicornIsTheStartBoundToAllInterfaces() {
        repo.file("requirements.txt", "-r requirements/base.txt")
                .file("requirements/base.txt", "Django==5.0", "gunicorn", "celery")
                .file("manage.py", "import os")
                .file("Procfile", "release: python manage.py migrate",
                        "web: gunicorn config.wsgi:application --access-logfile \"/dev/null\"",
                        "worker: REMAP_SIGTERM=SIGQUIT celery -A proj.tasks worker -l info",
                        "beat: celery -A proj.tasks beat");
        App a = repo.app();
        assertEquals("django", a.runtime().framework()); // through the -r include
        assertEquals(List.of("gunicorn", "--bind", "0.0.0.0:8000", "config.wsgi:application", "--access-logfile", "/dev/null"),
                a.start());
        assertEquals(Map.of("worker", List.of("env", "REMAP_SIGTERM=SIGQUIT", "celery", "-A", "proj.tasks", "worker", "-l", "info"),
                "beat", List.of("celery", "-A", "proj.tasks", "beat")), a.processes());
        RepoFixture.assertRoundTrip(repo.detect().descriptor());
    }

    /** Class 4: the Procfile or image runs a shell script; the server it starts at its end is the start. */
    @Test
    void theServerAScriptOfTheProcfileStartsIsTheStartWithItsOwnDefaults() {
        repo.file("Pipfile", "[packages]", "django = \"*\"", "gunicorn = \"*\"")
                .file("manage.py", "import os")
                .file("shop/settings/__init__.py", "")
                .file("shop/settings/base.py", "import os", "DEBUG = False")
                .file("shop/wsgi.py", "from django.core.wsgi import get_wsgi_application", "application = get_wsgi_application()")
                .file("Procfile", "web: bash Procfile.sh")
                .file("Procfile.sh", "#!/bin/bash", "python manage.py migrate", "",
                        "WORKERS=${WORKERS:-3}", "gunicorn shop.wsgi:application --workers $WORKERS --timeout ${TIMEOUT:-30} \\",
                        "    --log-level $LOG_LEVEL --log-file -");
        assertEquals(List.of("gunicorn", "--bind", "0.0.0.0:8000", "shop.wsgi:application", "--workers", "3", "--timeout", "30",
                "--log-file", "-"), repo.app().start());
        // without the Procfile: the wsgi module beside a settings package is the project's
        repo.delete("Procfile");
        assertEquals(List.of("gunicorn", "--bind", "0.0.0.0:8000", "shop.wsgi"), repo.app().start());
    }

    /**
     * Class 4: the image's ENTRYPOINT is a script by its path in that image's layout; its server binds a unix socket for
     * the image's own nginx, and app.run(port=4000) under __main__ is the development server: the app serves on the
     * image's EXPOSEd port.
     */
    @Test
    void anEntrypointScriptByItsImagePathServesOnTheExposedPortNotOnASocket() {
        repo.file("requirements.txt", "Flask", "gunicorn")
                .file("web/__init__.py", "from flask import Flask", "def create_app():", "    return Flask(__name__)")
                .file("wsgi.py", "from web import create_app", "app = create_app()", "",
                        "if __name__ == \"__main__\":", "    app.run(debug=True, host=\"127.0.0.1\", port=4000)")
                .file("Dockerfile", "FROM python:3.11-slim", "WORKDIR /opt/web", "COPY . /opt/web", "EXPOSE 8000",
                        "ENTRYPOINT [\"/sbin/tini\", \"--\", \"/opt/web/docker-entrypoint.sh\"]")
                .file("docker-entrypoint.sh", "#!/bin/sh", "set -eu", "ACCESS_LOG=${ACCESS_LOG:--}", "flask db upgrade",
                        "umask 0 && exec gunicorn 'web:create_app()' --bind unix:/tmp/web.sock --access-logfile \"$ACCESS_LOG\"");
        App a = repo.app();
        assertEquals(8000, a.port());
        assertEquals(List.of("gunicorn", "--bind", "0.0.0.0:8000", "web:create_app()", "--access-logfile", "-"), a.start());
    }

    /**
     * Class 4: the repository's image runs uvicorn with --reload (a development flag, not a development server) on
     * its own layout of the sources (COPY ./src/app /code/app): the app module is src/app/main.py.
     */
    @Test
    void aServerWithReloadStillNamesTheAppAndItsModuleIsFoundInTheTree() {
        repo.file("pyproject.toml", "[tool.poetry]", "name = \"api\"", "[tool.poetry.dependencies]", "python = \"^3.11\"",
                        "fastapi = \"*\"", "uvicorn = \"*\"")
                .file("src/app/__init__.py", "")
                .file("src/app/main.py", "from .core.setup import create_application", "app = create_application()")
                .file("Dockerfile", "FROM python:3.11", "WORKDIR /code", "COPY ./src/app /code/app",
                        "CMD [\"uvicorn\", \"app.main:app\", \"--host\", \"0.0.0.0\", \"--port\", \"8000\", \"--reload\"]");
        assertEquals(List.of("uvicorn", "--app-dir", "src", "app.main:app", "--host", "0.0.0.0", "--port", "8000"),
                repo.app().start());
        // its worker imports from the same directory (arq has no --app-dir)
        repo.file("src/app/core/worker/settings.py", "class WorkerSettings: pass")
                .file("docker-compose.yml", "services:", "  worker:", "    build: .",
                        "    command: arq app.core.worker.settings.WorkerSettings");
        assertEquals(Map.of("worker", List.of("env", "PYTHONPATH=src", "arq", "app.core.worker.settings.WorkerSettings")),
                repo.app().processes());
    }

    @Test
    void composeServicesRunningTheAppsImageWithAnotherCommandAreProcesses() {
        repo.file("project/requirements.txt", "fastapi", "uvicorn", "celery", "redis")
                .file("project/main.py", "from fastapi import FastAPI", "app = FastAPI()")
                .file("project/worker.py", "from celery import Celery")
                .file("docker-compose.yml", "services:", "  web:", "    build: ./project", "    ports: ['8004:8000']",
                        "    command: uvicorn main:app --host 0.0.0.0 --reload",
                        "  worker:", "    build: ./project", "    command: celery -A worker.celery worker --loglevel=info",
                        "  redis:", "    image: redis:7");
        App a = repo.app();
        assertEquals(List.of("uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8000"), a.start()); // --reload is not production
        assertEquals(Map.of("worker", List.of("celery", "-A", "worker.celery", "worker", "--loglevel=info")), a.processes());
    }

    @Test
    void aServiceThatRunsTheBuiltImageByNameIsAProcessToo() {
        repo.file("requirements.txt", "flask", "rq", "redis")
                .file("manage.py", "from flask.cli import FlaskGroup")
                .file("docker-compose.yml", "services:", "  web:", "    build: .", "    image: web", "    ports: ['5004:5000']",
                        "  worker:", "    image: web", "    command: python manage.py run_worker");
        App a = repo.app();
        assertEquals(5000, a.port()); // the container port compose publishes, instead of the framework default
        assertEquals(Map.of("worker", List.of("python", "manage.py", "run_worker")), a.processes());
    }

    /**
     * A production service behind a reverse proxy exposes its port to the stack only ({@code expose:}): it serves the
     * app, so its command is the start (not a worker), and the start binds that port, not the framework default.
     */
    @Test
    void aServiceThatOnlyExposesItsPortBehindAProxyIsTheAppNotAWorker() {
        repo.file("services/web/requirements.txt", "flask", "gunicorn", "psycopg2-binary")
                .file("services/web/project/__init__.py", "from flask import Flask", "app = Flask(__name__)")
                .file("services/web/manage.py", "from project import app")
                .file("docker-compose.prod.yml", "services:", "  web:", "    build:", "      context: ./services/web",
                        "    command: gunicorn --bind 0.0.0.0:5000 manage:app", "    expose:", "      - 5000",
                        "  nginx:", "    build: ./services/nginx", "    ports:", "      - 1337:80");
        App a = repo.app();
        assertEquals(5000, a.port());
        assertEquals(List.of("gunicorn", "--bind", "0.0.0.0:5000", "manage:app"), a.start());
        assertEquals(Map.of(), a.processes());
    }

    /** A listen port read without a default takes the value the repository's example env file documents. */
    @Test
    void aListenPortReadWithoutADefaultTakesTheExampleEnvFilesValue() {
        repo.file("go.mod", "module example.com/api", "", "go 1.22")
                .file("main.go", "package main", "", "func main() {",
                        "\taddr := fmt.Sprintf(\"%s:%s\", os.Getenv(\"SERVER_HOST\"), os.Getenv(\"SERVER_PORT\"))",
                        "\tapp.Listen(addr)", "}")
                .file(".env.example", "SERVER_HOST=\"0.0.0.0\"", "SERVER_PORT=5000", "DB_PORT=5432");
        assertEquals(5000, repo.app().port());
        repo.file(".env.example", "DB_PORT=5432");
        assertEquals(8080, repo.app().port(), "a client's port is not the app's");
    }

    /** A port found after the stack chose its start command (EXPOSE, compose) moves the start's bind with it. */
    @Test
    void theDefaultStartBindsThePortFoundLater() {
        repo.file("requirements.txt", "flask", "gunicorn")
                .file("app.py", "from flask import Flask", "app = Flask(__name__)")
                .file("docker-compose.yml", "services:", "  web:", "    build: .", "    ports: ['8080:5000']");
        App a = repo.app();
        assertEquals(5000, a.port());
        assertTrue(String.join(" ", a.start()).contains("0.0.0.0:5000") || a.start().isEmpty(), a.start().toString());
    }

    // ---- class 4: start command and port from the repo's own Dockerfile ----

    @Test
    void theDockerfilesScriptIsTheStartNotATestClientBesideIt() {
        repo.file("svc/requirements.txt", "grpcio")
                .file("svc/email_client.py", "if __name__ == '__main__':", "    pass")
                .file("svc/email_server.py", "if __name__ == '__main__':", "    pass");
        assertEquals(List.of("python", "email_server.py"), repo.app().start()); // no Dockerfile: the client loses
        repo.file("svc/Dockerfile", "FROM python:3.11-alpine", "EXPOSE 8080", "ENTRYPOINT [ \"python\", \"email_server.py\" ]");
        App a = repo.app();
        assertEquals(List.of("python", "email_server.py"), a.start());
        assertEquals(8080, a.port());
        assertEquals("3.11", a.runtime().version());
    }

    @Test
    void goArgumentsFromTheDockerfileAndItsExposedPort() {
        repo.file("go.mod", "module example.com/srv", "", "go 1.22")
                .file("main.go", "package main", "func main() {}")
                .file("docker/Dockerfile", "ARG GO=1.22", "FROM golang:${GO} AS build", "FROM debian:12",
                        "EXPOSE 9090", "ENTRYPOINT [\"./srv\"]", "CMD [\"serve\"]")
                .file("docker/dev.Dockerfile", "FROM golang:1.22", "EXPOSE 1234", "CMD [\"go\", \"run\", \".\"]");
        App a = repo.app();
        assertEquals(List.of("/app", "serve"), a.start());
        assertEquals(9090, a.port());
    }

    @Test
    void aKeptNodeDockerfilesEnvPortIsThePortComposePublishes() {
        // remix-serve listens on 3000 unless PORT says otherwise; the repo's image sets PORT=8080 and exposes nothing
        repo.packageJson(".", "{'scripts':{'start':'remix-serve ./build/index.js'},'dependencies':{'@remix-run/serve':'2'}}");
        assertEquals(3000, repo.app().port());
        repo.file("Dockerfile", "FROM node:18-bullseye-slim as base", "ENV PORT=1234", "FROM base", "ENV DATABASE_URL=file:/data/db",
                "ENV PORT=\"8080\"", "ENTRYPOINT [ \"./start.sh\" ]");
        assertEquals(8080, repo.app().port());
    }

    @Test
    void aNodeScriptTheReposImageStartsIsTheStartNotTheWatcherOfScriptsStart() {
        repo.packageJson(".", "{'scripts':{'start':'cross-env NODE_ENV=development nodemon server.js',"
                        + "'prod':'pm2-runtime start ecosystem.config.js --env production'},'dependencies':{'express':'4','pm2':'5'}}")
                .file("server.js", "require('express')().listen(3000)");
        assertEquals(List.of("node", "server.js"), repo.app().start()); // no other evidence: the watcher's file
        repo.file("Dockerfile", "FROM node:24-slim", "EXPOSE 3000", "CMD [ \"npm\", \"run\", \"prod\" ]");
        assertEquals(List.of("npm", "run", "prod"), repo.app().start());
        // a script that only runs node FILE runs the file itself; a development script is never the start
        repo.packageJson(".", "{'scripts':{'start':'nodemon server.js','serve':'node server.js','dev':'nodemon server.js'},"
                + "'dependencies':{'express':'4'}}").file("Dockerfile", "FROM node:24-slim", "CMD npm run serve");
        assertEquals(List.of("node", "server.js"), repo.app().start());
        repo.file("Dockerfile", "FROM node:24-slim", "CMD npm run dev");
        assertEquals(List.of("node", "server.js"), repo.app().start());
    }

    /** Issue 9 class 4 (brief 3a): a workspace app's production Dockerfile in docker/ builds it from the root. */
    @Test
    void aWorkspaceAppsOwnDockerfileOutsideItsDirectoryIsAdopted() {
        repo.packageJson(".", "{'private':true,'workspaces':['apps/*','packages/*']}").file("package-lock.json", "{}")
                .packageJson("apps/web", "{'name':'@acme/web','scripts':{'start':'node build/server.js','build':'vite build'}}")
                .packageJson("apps/docs", "{'name':'@acme/docs','scripts':{'start':'next start'},'dependencies':{'next':'14'}}")
                .file("docker/development/Dockerfile", "FROM node:22", "COPY . .", "RUN npx turbo prune --scope=@acme/web")
                .file("docker/Dockerfile", "FROM node:22-alpine AS builder", "COPY . .", "RUN npx turbo prune --scope=@acme/web --docker",
                        "FROM node:22-alpine", "WORKDIR /app/apps/web", "CMD [\"sh\", \"start.sh\"]");
        Detection d = repo.detect();
        App web = RepoFixture.app(d, "web");
        assertEquals("docker/Dockerfile", web.dockerfile());
        assertEquals(null, RepoFixture.app(d, "docs").dockerfile(), "it builds another package");
        RepoFixture.assertRoundTrip(d.descriptor());
        // a Dockerfile in the app's directory built from the app's directory is the app's usual one, not this
        repo.file("docker/Dockerfile", "FROM node:22-alpine", "COPY package.json ./", "RUN npm install", "COPY . .");
        assertEquals(null, RepoFixture.app(repo.detect(), "web").dockerfile());
    }

    @Test
    void anotherImagesDockerfileInTheAppDirectoryIsNotEvidence() {
        repo.packageJson(".", "{'scripts':{'start':'node dist/main'},'dependencies':{'express':'4'}}")
                .file("maildev.Dockerfile", "FROM node:22-alpine", "EXPOSE 1080", "CMD maildev")
                .file("docker-compose.yaml", "services:", "  maildev:", "    build:", "      context: .",
                        "      dockerfile: maildev.Dockerfile", "    ports: ['1080:1080']");
        App a = repo.app();
        assertEquals(3000, a.port());
        assertTrue(a.processes().isEmpty(), a.processes().toString());
    }

    // ---- class 4: not apps ----

    @Test
    void pnpmWorkspaceLibrariesToolingAndMobileAppsAreNotApps() {
        repo.packageJson(".", "{'name':'root','private':true}")
                .file("pnpm-workspace.yaml", "packages:", "  - apps/*", "  - packages/*", "  - tooling/*")
                .packageJson("apps/web", "{'scripts':{'start':'next start','build':'next build'},'dependencies':{'next':'15'}}")
                .packageJson("apps/mobile", "{'scripts':{'start':'expo start'},'dependencies':{'expo':'52'}}")
                .packageJson("packages/ui", "{'name':'@acme/ui'}")
                .packageJson("tooling/typescript", "{'name':'@acme/tsconfig'}");
        Detection d = repo.detect();
        assertEquals(List.of("apps/web"), names(d));
        assertTrue(d.evidence().stream().anyMatch(l -> l.startsWith("apps/mobile is a mobile app")), d.evidence().toString());
    }

    @Test
    void aFrontEndBundledByAGoOrJavaBuildIsNotAnApp() {
        repo.file("go.mod", "module example.com/srv", "", "go 1.22")
                .file("main.go", "package main", "func main() {}")
                .packageJson("ui", "{'scripts':{'start':'vite','build':'vite build'},'devDependencies':{'vite':'5'}}");
        assertEquals(List.of("."), names(repo.detect()));
    }

    /** A front end whose build writes into the Python app's tree (its static files) is served by that app: not an app. */
    @Test
    void aFrontEndBuiltIntoAPythonAppsStaticFilesIsNotAnApp() {
        repo.file("requirements.txt", "Django", "gunicorn").file("manage.py", "import os")
                .file("site/settings.py", "import os").file("site/wsgi.py", "application = None")
                .packageJson("vue3", "{'scripts':{'dev':'vite','build':'vite build'},'devDependencies':{'vite':'5'}}")
                .file("vue3/vite.config.ts", "export default defineConfig({ build: { outDir: '../cookbook/static/vue3/' } })")
                .packageJson("themes/core", "{'scripts':{'build':'vite build'},'devDependencies':{'vite':'5'}}")
                .file("themes/core/vite.config.js", "export default { build: { outDir: \"static\" } }")
                // a single-page app with an output directory of its own stays an app of its own
                .packageJson("frontend", "{'scripts':{'dev':'vite','build':'vite build'},'devDependencies':{'vite':'5'}}");
        assertEquals(List.of(".", "frontend"), names(repo.detect()).stream().sorted().toList());
    }

    @Test
    void aGradleSubprojectThatPackagesAFrontEndIsNotAnApp() {
        repo.file("settings.gradle", "include 'site', 'client'")
                .file("site/build.gradle", "plugins { id 'org.springframework.boot' version '3.3.0' }")
                .file("site/src/main/java/a/App.java", "class App { public static void main(String[] a) {} }")
                .file("client/build.gradle", "plugins { id 'java' }")
                .packageJson("client", "{'scripts':{'build':'webpack'}}");
        assertEquals(List.of("site"), names(repo.detect()));
    }

    @Test
    void aLoadGeneratorIsNotAnApp() {
        repo.file("src/api/requirements.txt", "flask").file("src/api/app.py", "from flask import Flask", "app = Flask(__name__)")
                .file("src/loadgenerator/requirements.txt", "locust==2.20").file("src/loadgenerator/locustfile.py", "import locust");
        Detection d = repo.detect();
        assertEquals(List.of("src/api"), names(d));
        assertTrue(d.evidence().stream().anyMatch(l -> l.startsWith("src/loadgenerator is a load generator")), d.evidence().toString());
    }

    // ---- class 4: Node scripts meant for containers, Spring Boot ----

    @Test
    void packageJsonScriptsMeantForContainersAreTheBuildAndStart() {
        repo.packageJson(".", "{'scripts':{'build':'next build','start':'next start','build-docker':'npm-run-all build-db build-app',"
                + "'start-docker':'npm-run-all check-db start-server'},'dependencies':{'next':'15'}}")
                .file("package-lock.json", "{}");
        App a = repo.app();
        assertEquals(List.of("npm", "run", "start-docker"), a.start());
        assertEquals(List.of("npm", "run", "build-docker"), a.build());
    }

    @Test
    void aStartScriptAfterTheBuildRunsOnlyTheServerAndAServerCliIsNotAStaticSite() {
        repo.packageJson(".", "{'scripts':{'start':'npm run build && node dist/server.js','build':'tsc'},"
                + "'dependencies':{'fastify':'5'}}");
        assertEquals(List.of("node", "dist/server.js"), repo.app().start());
        RepoFixture other = new RepoFixture(dir.resolve("medusa"));
        other.packageJson(".", "{'scripts':{'build':'medusa build','start':'medusa start'},'dependencies':{'@medusajs/medusa':'2','vite':'5'}}");
        App m = other.app();
        assertEquals(List.of("npm", "run", "start"), m.start()); // its own CLI, not nginx serving a vite build
        assertFalse(dev.devops.descriptor.Runtime.STATIC_SITES.containsKey(m.runtime().framework()));
    }

    @Test
    void springManagementBasePathMovesTheHealthcheckAndTheProdProfileBuildsTheJar() {
        repo.pom(".", "<parent><artifactId>spring-boot-starter-parent</artifactId><version>3.3.0</version></parent>"
                + RepoFixture.deps("org.springframework.boot:spring-boot-starter-actuator")
                + "<profiles><profile><id>prod</id></profile></profiles>")
                .file("src/main/java/a/App.java", "class App { public static void main(String[] a) {} }")
                .file("src/main/resources/config/application.yml", "management:", "  endpoints:", "    web:",
                        "      base-path: /management");
        App a = repo.app();
        assertEquals("/management/health", a.healthcheck());
        assertEquals(List.of("mvn", "-B", "-DskipTests", "-Pprod", "package"), a.build());
    }

    @Test
    void aListenAddressDefaultingToLoopbackIsSetToAllInterfacesButAClientAddressIsNot() {
        repo.packageJson(".", "{'dependencies':{'express':'4'}}")
                .file("server.js", "const host = process.env.HOST || '127.0.0.1';",
                        "const api = process.env.PAYMENTS_HOST || 'localhost';", "app.listen(3000, host);");
        App a = repo.app();
        assertEquals("0.0.0.0", a.env().get("HOST").defaultValue());
        assertEquals("localhost", a.env().get("PAYMENTS_HOST").defaultValue()); // another service's address, not ours
    }

    @Test
    void aGoClientsAddressIsNotThePortButAListenAddressVariableIs() {
        repo.file("go.mod", "module example.com/srv", "", "go 1.22")
                .file("main.go", "package main", "var rdb = redis.NewClient(&redis.Options{Addr: \"localhost:6379\"})",
                        "const defaultAddress = \":9090\"", "func main() { e.Start(address) }");
        assertEquals(9090, repo.app().port());
        repo.file("main.go", "package main", "var rdb = redis.NewClient(&redis.Options{Addr: \"localhost:6379\"})",
                "func main() { srv := &http.Server{Addr: \":8081\"} }");
        assertEquals(8081, repo.app().port());
    }

    // ---- class 5: runtime version precedence ----

    @Test
    void versionFromToolVersionsThenDockerfileThenWorkflowThenDefault() {
        repo.file("requirements.txt", "flask").file("app.py", "from flask import Flask", "app = Flask(__name__)")
                .file(".github/workflows/ci.yml", "jobs:", "  t:", "    strategy:", "      matrix:",
                        "        python-version: ['3.10', '3.11']", "    steps:", "      - uses: actions/setup-python@v5",
                        "        with:", "          python-version: ${{ matrix.python-version }}");
        assertEquals("3.10", repo.app().runtime().version());
        repo.file("Dockerfile", "FROM python:3.9-slim", "CMD [\"gunicorn\", \"app:app\"]");
        assertEquals("3.9", repo.app().runtime().version());
        repo.file(".tool-versions", "python 3.8.18");
        assertEquals("3.8", repo.app().runtime().version());
        repo.file(".python-version", "3.13");
        assertEquals("3.13", repo.app().runtime().version()); // the stack's own version file wins
    }

    @Test
    void aDockerfileDevopsGeneratedIsNoEvidence() {
        repo.packageJson(".", "{'dependencies':{'express':'4'}}")
                .file("Dockerfile", "# Generated by devops from devops.yaml", "FROM node:18-bookworm-slim", "EXPOSE 4000");
        App a = repo.app();
        assertEquals(NodeStack.DEFAULT_VERSION, a.runtime().version());
        assertEquals(3000, a.port());
    }
}
