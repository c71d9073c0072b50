package dev.devops.detect;

import static dev.devops.detect.RepoFixture.app;
import static dev.devops.detect.RepoFixture.assertEvidence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.descriptor.App;
import dev.devops.descriptor.Descriptor;
import dev.devops.descriptor.Language;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultiAppTest {
    @TempDir
    Path dir;
    RepoFixture repo;

    @BeforeEach
    void setUp() {
        repo = new RepoFixture(dir.resolve("acme"));
    }

    @Test
    void aReactFrontEndIsAStaticSiteServedByNginx() {
        // docker/awesome-compose react-express-mongodb: frontend/ is create-react-app
        repo.packageJson("frontend", "{'scripts':{'start':'react-scripts start','build':'react-scripts build'},"
                        + "'dependencies':{'react':'^18.0.0','react-scripts':'5.0.1'}}")
                .file("frontend/src/index.js", "const base = process.env.PUBLIC_URL;");
        Detection d = repo.detect();
        App web = d.descriptor().apps().get(0);
        assertEquals("create-react-app", web.runtime().framework());
        assertEquals(8080, web.port());
        assertEquals(List.of(), web.start());
        assertEquals(List.of("npm", "run", "build"), web.build());
        assertEquals("/", web.healthcheck());
        org.junit.jupiter.api.Assertions.assertFalse(web.env().get("PUBLIC_URL").required(), "build-time variable");
    }

    /** full-stack-fastapi-template@68adb40: the root pyproject.toml only lists uv workspace members. */
    @Test
    void aUvWorkspaceRootIsNoApp() {
        repo.file("pyproject.toml", "[tool.uv.workspace]", "members = [\"backend\"]")
                .file("uv.lock", "version = 1")
                .file("backend/pyproject.toml", "[project]", "name = \"app\"", "dependencies = [\"fastapi>=0.100\"]")
                .file("backend/app/main.py", "from fastapi import FastAPI", "app = FastAPI()");
        Detection d = repo.detect();
        assertEquals(List.of("backend"), d.descriptor().apps().stream().map(App::path).toList());
        assertEquals("fastapi", d.descriptor().apps().get(0).runtime().framework());
        RepoFixture.assertEvidence(d, "pyproject.toml is a uv workspace root without a [project], not an app");
    }

    /** full-stack-fastapi-template@68adb40: the Vite frontend of a workspace has a build and no start script. */
    @Test
    void aStaticSiteWorkspacePackageIsAnApp() {
        repo.packageJson(".", "{'private':true,'workspaces':['frontend','packages/*']}")
                .packageJson("frontend", "{'scripts':{'dev':'vite','build':'vite build'},'devDependencies':{'vite':'7'}}")
                .packageJson("packages/emails", "{'scripts':{'build':'email build'},'dependencies':{'react-email':'6'}}");
        Detection d = repo.detect();
        assertEquals(List.of("frontend"), d.descriptor().apps().stream().map(App::path).toList());
        assertEquals("vite", d.descriptor().apps().get(0).runtime().framework());
    }

    @Test
    void testHarnessesAndLocalGoLibrariesAreNoApps() {
        // an e2e harness (a Go main and a Node runner under test/ and _integration-test/) and the Go modules the root
        // module replaces with local copies (one with a tool main inside) each became an app with its own Dockerfile
        repo.file("go.mod", "module example.com/svc", "go 1.22", "require example.com/x v0.0.0",
                        "replace (", "\texample.com/x => ./xlib", "\texample.com/client => ./pkg/client", ")")
                .file("main.go", "package main", "func main() {}")
                .file("xlib/go.mod", "module example.com/x", "go 1.22").file("xlib/x.go", "package x")
                .file("xlib/tools/strength/go.mod", "module example.com/x/strength", "go 1.22")
                .file("xlib/tools/strength/main.go", "package main", "func main() {}")
                .file("pkg/client/go.mod", "module example.com/client", "go 1.22").file("pkg/client/api.go", "package client")
                .file("lib/go.mod", "module example.com/lib", "go 1.22").file("lib/lib.go", "package lib")
                .file("test/e2e/consent/go.mod", "module example.com/consent", "go 1.22")
                .file("test/e2e/consent/main.go", "package main", "func main() {}")
                .packageJson("_integration-test/nodejs", "{'scripts':{'start':'node index.js'},'dependencies':{'express':'4'}}");
        Detection d = repo.detect();
        assertEquals(List.of("."), d.descriptor().apps().stream().map(App::path).toList(), () -> String.join("\n", d.evidence()));
        RepoFixture.assertEvidence(d, "xlib is a Go module go.mod uses as a library (replace … => ./xlib), not an app");
        RepoFixture.assertEvidence(d, "xlib/tools/strength is inside xlib, a Go module go.mod uses as a library (replace … => ./xlib), not an app");
        RepoFixture.assertEvidence(d, "lib is a Go library module (no package main in it), not an app");
        RepoFixture.assertEvidence(d, "test/e2e/consent is test code (under a test directory), not an app");
        RepoFixture.assertEvidence(d, "_integration-test/nodejs is test code (under a test directory), not an app");
    }

    @Test
    void anUnsupportedStackIsNamedNotSilentlyDropped() {
        // dockersamples/example-voting-app: vote (Python), result (Node), worker (.NET)
        repo.packageJson("result", "{'scripts':{'start':'node server.js'}}")
                .file("result/server.js", "require('http').createServer().listen(4000);")
                .file("worker/Worker.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"></Project>")
                .file("worker/Program.cs", "class P {}");
        Detection d = repo.detect();
        assertEquals(List.of("result"), d.descriptor().apps().stream().map(App::name).toList());
        RepoFixture.assertEvidence(d, "skipped worker: .NET (worker/Worker.csproj) is not a supported stack (node, java, "
                + "python, go); write its Dockerfile by hand and add it to docker-compose.yml");
    }

    @Test
    void aRepositoryWithOnlyAnUnsupportedStackSaysWhichOneItFound() {
        repo.file("Gemfile", "source 'https://rubygems.org'").file("app.rb", "puts 1");
        dev.devops.core.UserError e = org.junit.jupiter.api.Assertions.assertThrows(dev.devops.core.UserError.class,
                repo::detect);
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().endsWith("(skipped .: Ruby (Gemfile))"), e.getMessage());
    }

    @Test
    void appsInSubdirectoriesEachWithTheirOwnServicesAndEnv() {
        repo.file("services/api/go.mod", "module api", "go 1.22", "require github.com/lib/pq v1.10.9")
                .file("services/api/main.go", "package main", "var dsn = os.Getenv(\"DATABASE_URL\")")
                .file("services/Worker_1/requirements.txt", "redis")
                .file("services/Worker_1/worker.py", "import os", "url = os.environ['REDIS_URL']")
                .packageJson("web", "{'scripts':{'start':'node server.js'}}")
                .file("web/server.js", "const api = process.env.API_URL;")
                .file("README.md", "# acme");
        Detection d = repo.detect();
        Descriptor desc = d.descriptor();
        assertEquals(List.of("api", "worker_1", "web"), desc.apps().stream().map(App::name).toList());
        App api = app(d, "api");
        assertEquals("services/api", api.path());
        assertEquals(Language.GO, api.runtime().language());
        assertEquals(List.of("postgres"), api.dependsOn());
        assertEquals("postgres.url", api.env().get("DATABASE_URL").from());
        App worker = app(d, "worker_1");
        assertEquals(List.of("redis"), worker.dependsOn());
        assertEquals(List.of("REDIS_URL"), List.copyOf(worker.env().keySet()));
        App web = app(d, "web");
        assertEquals(List.of(), web.dependsOn());
        assertEquals(List.of("API_URL"), List.copyOf(web.env().keySet()));
        assertEquals(List.of("postgres", "redis"), List.copyOf(desc.services().keySet()));
        assertEvidence(d, "api: go app in services/api");
        assertEvidence(d, "api: DATABASE_URL read at services/api/main.go:2, secret, from postgres.url, required");
    }

    @Test
    void nestedFrontendInsideNodeAppIsSeparate() {
        repo.packageJson(".", "{'scripts':{'start':'node server.js'},'dependencies':{'express':'4'}}")
                .file("server.js", "app.listen(process.env.PORT || 8080)", "process.env.SESSION_SECRET")
                .packageJson("frontend", "{'scripts':{'build':'vite build'},'dependencies':{'react':'18'}}")
                .file("frontend/src/main.ts", "fetch(import.meta.env.VITE_API_URL)");
        Detection d = repo.detect();
        assertEquals(List.of("acme", "frontend"), d.descriptor().apps().stream().map(App::name).toList());
        App root = app(d, "acme");
        assertEquals(".", root.path());
        assertEquals(List.of("PORT", "SESSION_SECRET"), List.copyOf(root.env().keySet()));
        App front = app(d, "frontend");
        assertEquals("frontend", front.path());
        assertEquals(List.of("VITE_API_URL"), List.copyOf(front.env().keySet()));
    }

    @Test
    void aLibraryPackageBesideAnAppIsNotAnApp() {
        // a Python app whose repository also holds the JS library its front end imports (a pnpm workspace of the
        // root package.json, which is no Node app here): the library's main is for importers, not a server
        repo.file("requirements.txt", "flask==3.0.0")
                .file("app.py", "from flask import Flask", "app = Flask(__name__)")
                .packageJson(".", "{'scripts':{'build':'webpack'},'dependencies':{'@acme/viz':'workspace:*'}}")
                .file("pnpm-workspace.yaml", "packages:", "  - viz")
                .packageJson("viz", "{'name':'@acme/viz','main':'dist/viz.js','files':['dist'],'peerDependencies':{'react':'18'},"
                        + "'scripts':{'build':'webpack'},'devDependencies':{'webpack':'5'}}");
        Detection d = repo.detect();
        assertFalse(d.descriptor().apps().stream().anyMatch(a -> a.path().equals("viz")),
                d.descriptor().apps().stream().map(App::path).toList().toString());
        assertEvidence(d, "viz is a library package (viz/package.json publishes it for importers and has no start script), not an app");
    }

    @Test
    void workspacesRootYieldsPackagesWithStartScripts() {
        repo.packageJson(".", "{'private':true,'workspaces':['apps/*','packages/*']}")
                .file("pnpm-lock.yaml", "")
                .packageJson("apps/api", "{'scripts':{'start':'node index.js'},'dependencies':{'mongoose':'8'}}")
                .file("apps/api/index.js", "const mongoose = require('mongoose');")
                .packageJson("apps/admin", "{'scripts':{'start':'next start'},'dependencies':{'next':'14'}}")
                .packageJson("packages/ui", "{'main':'index.js'}");
        Detection d = repo.detect();
        assertEquals(List.of("admin", "api"), d.descriptor().apps().stream().map(App::name).toList());
        assertEquals("pnpm", app(d, "api").runtime().buildTool());
        assertEquals(List.of("mongodb"), app(d, "api").dependsOn());
        assertEvidence(d, "packages/ui is a workspace package without a start script or static-site build, not an app");
        assertEvidence(d, "api: pnpm from pnpm-lock.yaml");
    }

    /**
     * Issue 9 classes 2 and 5 on a monorepo: the app's database client, Prisma schema and env reads live in workspace
     * library packages it imports (packages/db, packages/lib), and the runtime version in the workspaces root.
     */
    @Test
    void theWorkspaceLibrariesAnAppImportsAreItsCodeAndTheRootPinsItsNodeVersion() {
        repo.packageJson(".", "{'private':true,'workspaces':['apps/*','packages/*'],'engines':{'node':'>=22.0.0'}}")
                .file("package-lock.json", "{}")
                .packageJson("apps/web", "{'name':'@acme/web','scripts':{'start':'node server.js'},"
                        + "'dependencies':{'express':'4','@acme/lib':'*'}}")
                .file("apps/web/server.js", "require('express')().listen(3000)")
                .packageJson("packages/lib", "{'name':'@acme/lib','main':'index.js','dependencies':{'@acme/db':'*'}}")
                .file("packages/lib/index.js", "const key = process.env.SIGNING_KEY; if (!key) throw new Error('SIGNING_KEY');")
                .packageJson("packages/db", "{'name':'@acme/db','main':'index.js','dependencies':{'@prisma/client':'5'}}")
                .file("packages/db/schema.prisma", "datasource db {", "  provider = \"postgresql\"", "  url = env(\"APP_DATABASE_URL\")", "}")
                .file("packages/db/index.js", "const { PrismaClient } = require('@prisma/client'); module.exports = new PrismaClient();")
                .packageJson("packages/cache", "{'name':'@acme/cache','main':'index.js','dependencies':{'ioredis':'5'}}")
                .file("packages/cache/index.js", "const Redis = require('ioredis'); new Redis(process.env.CACHE_URL);");
        Detection d = repo.detect();
        App web = app(d, "web");
        assertEquals("22", web.runtime().version());
        assertEquals(List.of("postgres"), web.dependsOn(), "the cache package is not imported by the app");
        assertEquals("postgres.url", RepoFixture.v(web, "APP_DATABASE_URL").from());
        assertTrue(web.env().containsKey("SIGNING_KEY"), web.env().keySet().toString());
        assertFalse(web.env().containsKey("CACHE_URL"), web.env().keySet().toString());
        assertEvidence(d, "workspace packages the app imports (their code runs in it): packages/lib, packages/db");
    }

    @Test
    void appNamedLikeAServiceIsRenamed() {
        repo.packageJson("redis", "{'dependencies':{'ioredis':'5'}}")
                .packageJson("api", "{'dependencies':{'ioredis':'5'}}")
                .file("api/index.js", "const Redis = require('ioredis');");
        Detection d = repo.detect();
        assertEquals(List.of("api", "redis-app"), d.descriptor().apps().stream().map(App::name).toList());
        assertTrue(d.descriptor().services().containsKey("redis"));
    }

    @Test
    void sameDirectoryNameTwiceUsesThePath() {
        repo.packageJson("v1/api", "{}").packageJson("v2/api", "{}");
        Detection d = repo.detect();
        assertEquals(List.of("api", "v2-api"), d.descriptor().apps().stream().map(App::name).toList());
    }

    @Test
    void manifestsDeeperThanThreeLevelsAndInSkippedDirsAreIgnored() {
        repo.packageJson("a/b/c/d", "{}").packageJson("node_modules/x", "{}").packageJson("vendor/y", "{}")
                .file("go.mod", "module root", "go 1.22").file("main.go", "package main");
        Detection d = repo.detect();
        assertEquals(1, d.descriptor().apps().size());
        assertEquals("acme", d.descriptor().apps().get(0).name());
    }

    @Test
    void severalStacksInOneDirectoryPreferTheServerStack() {
        repo.pom(".", "").packageJson(".", "{'scripts':{'build':'webpack'}}");
        Detection d = repo.detect();
        assertEquals(Language.JAVA, d.descriptor().apps().get(0).runtime().language());
        assertEvidence(d, ".: manifests of [java, node]; using java (pass --stack to choose)");
        assertFalse(d.evidence().isEmpty());
    }
}
