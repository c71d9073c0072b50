package dev.devops.detect;

import static dev.devops.detect.RepoFixture.assertEvidence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.devops.descriptor.App;
import dev.devops.descriptor.Language;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeDetectionTest {
    @TempDir
    Path dir;
    RepoFixture repo;

    @BeforeEach
    void setUp() {
        repo = new RepoFixture(dir.resolve("My Shop"));
    }

    @Test
    void nextJsReadsInRoutesRunPerRequestSoTheyDoNotBlockTheStart() {
        repo.packageJson(".", "{'scripts':{'start':'next start','build':'next build'},'dependencies':{'next':'14'}}")
                .file("package-lock.json", "{}")
                .file("next.config.js", "module.exports = { basePath: process.env.BASE_PATH_REQUIRED_AT_START };")
                .file("pages/api/pay.ts", "export default function pay(req, res) {", "  const k = process.env.STRIPE_KEY;", "}")
                .file("lib/auth.ts", "export const opts = { issuer: process.env.OIDC_ISSUER };")
                .file("instrumentation.ts", "export function register() { init(process.env.TRACE_ENDPOINT); }");
        Detection d = repo.detect();
        App app = d.descriptor().apps().get(0);
        assertEquals(false, app.env().get("STRIPE_KEY").required());
        assertEquals(false, app.env().get("OIDC_ISSUER").required());
        assertEquals(true, app.env().get("TRACE_ENDPOINT").required(), "instrumentation runs when the server starts");
    }

    @Test
    void variablesNextConfigInlinesAtBuildTimeAreNotRunTimeConfiguration() {
        repo.packageJson(".", "{'scripts':{'start':'next start','build':'next build'},'dependencies':{'next':'14'}}")
                .file("package-lock.json", "{}")
                .file("next.config.js", "const { version } = require('./package.json');",
                        "module.exports = {", "  env: {", "    version,", "    BUILD_CHANNEL: process.env.CHANNEL || 'stable',",
                        "    nested: { skip: 1 },", "  },", "};")
                .file("components/Footer.tsx", "const v = process.env.version;", "const c = process.env.BUILD_CHANNEL;",
                        "const s = process.env.SESSION_KEY;");
        Detection d = repo.detect();
        App app = d.descriptor().apps().get(0);
        assertEquals(List.of("SESSION_KEY"), List.copyOf(app.env().keySet()).stream()
                .filter(n -> !n.equals("PORT") && !n.equals("HOSTNAME")).toList());
        assertEvidence(d, "version is set by next.config env (inlined when the app is built), not read at run time");
    }

    @Test
    void expressAppWithEverythingDetected() {
        repo.packageJson(".", "{'name':'shop','scripts':{'start':'node src/server.js','build':'tsc'},"
                        + "'dependencies':{'express':'^4','pg':'^8','ioredis':'^5'}}")
                .file(".nvmrc", "v20.11.0")
                .file("src/clients.js", "const { Pool } = require('pg');", "const Redis = require('ioredis');")
                .file("package-lock.json", "{}")
                .file("src/server.js",
                        "const express = require('express');",
                        "const app = express();",
                        "app.get('/healthz', (req, res) => res.send('ok'));",
                        "app.listen(process.env.PORT || 4000);");
        Detection d = repo.detect();
        App a = d.descriptor().apps().get(0);
        assertEquals("my-shop", d.descriptor().name());
        assertEquals("my-shop", a.name());
        assertEquals(".", a.path());
        assertEquals(Language.NODE, a.runtime().language());
        assertEquals("20", a.runtime().version());
        assertEquals("npm", a.runtime().buildTool());
        assertEquals("express", a.runtime().framework());
        assertEquals(List.of("npm", "run", "build"), a.build());
        assertEquals(List.of("node", "src/server.js"), a.start());
        assertEquals(4000, a.port());
        assertEquals("/healthz", a.healthcheck());
        assertEquals(List.of("postgres", "redis"), a.dependsOn());
        assertEquals(List.of("postgres", "redis"), List.copyOf(d.descriptor().services().keySet()));
        assertEquals("17", d.descriptor().services().get("postgres").version());
        assertEquals(List.of("development", "staging", "production"),
                List.copyOf(d.descriptor().environments().keySet()));
        assertEvidence(d, "node 20 from .nvmrc");
        assertEvidence(d, "postgres from package.json dependency 'pg'");
        assertEvidence(d, "port 4000 from src/server.js:4");
        assertEvidence(d, "healthcheck /healthz from route at src/server.js:3");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        ".node-version | 18.19.1 | 18",
        ".nvmrc        | lts/*   | 24",
        ".nvmrc        | lts/iron | 20",
        ".nvmrc        | node    | 24",
        ".tool-versions | nodejs 22.3.0 | 22",
    })
    void versionFiles(String file, String content, String expected) {
        repo.packageJson(".", "{'main':'index.js'}").file(file, content);
        assertEquals(expected, repo.app().runtime().version());
    }

    @Test
    void voltaBeatsEngines() {
        repo.packageJson(".", "{'volta':{'node':'20.10.0'},'engines':{'node':'>=18'}}");
        Detection d = repo.detect();
        assertEquals("20", d.descriptor().apps().get(0).runtime().version());
        assertEvidence(d, "node 20 from package.json volta.node");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        ">=18 ; 18", "^20.10 ; 20", "~18.4.0 ; 18", "18 || 20 ; 20", ">=18 <21 ; 18", "18.x ; 18",
        ">18 ; 19", ">18.2.0 ; 18", ">= 16 ; 16", "^16 || ^18.0.0 || >=20 ; 20",
        // strapi/foodadvisor: an end-of-life floor with an upper bound takes the newest major the range allows
        ">=14.x.x <=18.x.x ; 18", ">=12 <19.0.0 ; 18", ">=10 <16 ; 10",
    })
    void enginesRanges(String range, String expected) {
        repo.packageJson(".", "{'engines':{'node':'" + range + "'}}");
        assertEquals(expected, repo.app().runtime().version());
    }

    @Test
    void unboundedEnginesFallBackToDefault() {
        repo.packageJson(".", "{'engines':{'node':'*'}}");
        assertEquals(NodeStack.DEFAULT_VERSION, repo.app().runtime().version());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "pnpm-lock.yaml | | pnpm", "yarn.lock | | yarn", "package-lock.json | | npm",
        "yarn.lock | pnpm@9.1.0 | pnpm",
    })
    void buildTools(String lockfile, String packageManager, String expected) {
        repo.packageJson(".", "{'scripts':{'build':'vite build'}" + (packageManager == null ? ""
                : ",'packageManager':'" + packageManager + "'") + "}").file(lockfile, "");
        App a = repo.app();
        assertEquals(expected, a.runtime().buildTool());
        assertEquals(List.of(expected, "run", "build"), a.build());
    }

    @Test
    void noLockfileMeansNpm() {
        repo.packageJson(".", "{}");
        App a = repo.app();
        assertEquals("npm", a.runtime().buildTool());
        assertEquals(List.of(), a.build());
        assertEquals(3000, a.port());
        assertNull(a.healthcheck());
    }

    @Test
    void nestStartsFromDist() {
        repo.packageJson(".", "{'scripts':{'start':'nest start'},'dependencies':{'@nestjs/core':'10','express':'4'}}")
                .file("src/main.ts", "await app.listen(process.env.PORT ?? 3001);");
        App a = repo.app();
        assertEquals("nest", a.runtime().framework());
        assertEquals(List.of("node", "dist/main.js"), a.start());
        assertEquals(3001, a.port());
    }

    @Test
    void nextStartsWithNpx() {
        repo.packageJson(".", "{'scripts':{'start':'next start'},'dependencies':{'next':'14','react':'18'}}");
        App a = repo.app();
        assertEquals("next", a.runtime().framework());
        assertEquals(List.of("npx", "next", "start"), a.start());
    }

    @ParameterizedTest
    @CsvSource({"fastify,fastify", "koa,koa", "@hapi/hapi,hapi"})
    void otherFrameworks(String dependency, String framework) {
        repo.packageJson(".", "{'dependencies':{'" + dependency + "':'1'}}");
        assertEquals(framework, repo.app().runtime().framework());
    }

    @Test
    void startFromMainThenFromWellKnownFiles() {
        repo.packageJson(".", "{'main':'lib/app.js'}").file("lib/app.js", "");
        assertEquals(List.of("node", "lib/app.js"), repo.app().start());
        repo.packageJson(".", "{'scripts':{'start':'ts-node src/index.ts'}}").file("app.js", "");
        assertEquals(List.of("node", "app.js"), repo.app().start());
    }

    @Test
    void fastifyListenObjectPort() {
        repo.packageJson(".", "{'dependencies':{'fastify':'4'}}")
                .file("index.js", "fastify.listen({ port: 8081, host: '0.0.0.0' })");
        assertEquals(8081, repo.app().port());
    }

    @ParameterizedTest
    @CsvSource({"mysql2,mysql", "mariadb,mariadb", "mongoose,mongodb", "redis,redis", "amqplib,rabbitmq",
        "kafkajs,kafka", "postgres,postgres"})
    void serviceFromDependency(String dependency, String service) {
        repo.packageJson(".", "{'dependencies':{'" + dependency + "':'1'}}")
                .file("index.js", "const client = require('" + dependency + "');");
        Detection d = repo.detect();
        assertEquals(List.of(service), List.copyOf(d.descriptor().services().keySet()));
        assertEvidence(d, service + " from package.json dependency '" + dependency + "'");
    }

    /** node-express-realworld-example-app@30b68e1: package.json names the schema; its url reads DATABASE_URL. */
    @Test
    void prismaSchemaNamedInPackageJsonAndItsEnvUrl() {
        repo.packageJson(".", "{'dependencies':{'@prisma/client':'5'},'prisma':{'schema':'src/prisma/schema.prisma'}}")
                .file("src/prisma/schema.prisma", "datasource db {", "  provider = \"postgresql\"",
                        "  url      = env(\"DATABASE_URL\")", "  // shadowDatabaseUrl = env(\"SHADOW_URL\")", "}");
        Detection d = repo.detect();
        App a = d.descriptor().apps().get(0);
        assertEquals(List.of("postgres"), a.dependsOn());
        assertEquals(List.of("DATABASE_URL"), List.copyOf(a.env().keySet()));
        assertEquals("postgres.url", a.env().get("DATABASE_URL").from());
        assertEvidence(d, "postgres from src/prisma/schema.prisma provider \"postgresql\" (line 2)");
    }

    /** node-express-boilerplate@179ae84: engines ">=12.0.0" must not become node:12-bookworm-slim (no such image). */
    @Test
    void endOfLifeFloorWithoutBookwormImageTakesTheDefault() {
        repo.packageJson(".", "{'engines':{'node':'>=12.0.0'}}");
        assertEquals(NodeStack.DEFAULT_VERSION, repo.app().runtime().version());
    }

    /** koa-rest-api-boilerplate: the app's own listen-port variable with a default; a client's port is not the app's. */
    @Test
    void anAppPortVariableWithADefaultIsThePort() {
        repo.packageJson(".", "{'dependencies':{'koa':'2'}}")
                .file("app/config/index.js", "module.exports = { db: { port: process.env.DB_PORT || 5432 },",
                        "  server: { port: process.env.APP_PORT || 7071 } };")
                .file("app/index.js", "const config = require('./config');", "app.listen(config.server.port);");
        assertEquals(7071, repo.app().port());
    }

    /** hackathon-starter@dbcac7a: the port literal comes after a second variable. */
    @Test
    void portAfterAnotherVariable() {
        repo.packageJson(".", "{'dependencies':{'express':'4'}}")
                .file("app.js", "app.set('port', process.env.PORT || process.env.OPENSHIFT_NODEJS_PORT || 8080);");
        assertEquals(8080, repo.app().port());
    }

    /** node-express-realworld-example-app@30b68e1: an Nx app has no start script; "node ." would fail. */
    @Test
    void nxBuildOutputIsTheStartCommand() {
        repo.packageJson(".", "{'scripts':{'start':'nx serve','build':'nx build'},'dependencies':{'express':'4'}}")
                .file("project.json", "{ // Nx", "\"targets\": {\"build\": {\"options\": {\"outputPath\": \"dist/api\",",
                        "\"main\": \"src/main.ts\"}}}}")
                .file("src/main.ts", "console.log(1);");
        assertEquals(List.of("node", "dist/api/main.js"), repo.app().start());
    }

    @Test
    void tsconfigOutDirUnderRootDirIsTheStartCommand() {
        repo.packageJson(".", "{'scripts':{'build':'tsc'},'dependencies':{'koa':'2'}}")
                .file("tsconfig.json", "{ \"compilerOptions\": { \"outDir\": \"./build/\", \"rootDir\": \"src\", } }")
                .file("src/server.ts", "console.log(1);");
        assertEquals(List.of("node", "build/server.js"), repo.app().start());
    }

    @Test
    void prismaProvider() {
        repo.packageJson(".", "{'dependencies':{'@prisma/client':'5'}}")
                .file("prisma/schema.prisma", "generator client {", "  provider = \"prisma-client-js\"", "}",
                        "datasource db {", "  provider = \"postgresql\"", "  url = env(\"DATABASE_URL\")", "}");
        Detection d = repo.detect();
        assertEquals(List.of("postgres"), List.copyOf(d.descriptor().services().keySet()));
        assertEvidence(d, "postgres from prisma/schema.prisma provider \"postgresql\" (line 5)");
    }

    @Test
    void testFilesDoNotDecidePortOrEnv() {
        repo.packageJson(".", "{'main':'index.js'}")
                .file("index.js", "app.listen(5000)")
                .file("test/app.test.js", "app.listen(9999); process.env.TEST_ONLY");
        App a = repo.app();
        assertEquals(5000, a.port());
        assertEquals(List.of(), List.copyOf(a.env().keySet()));
    }
    @Test
    void mainThatNamesNoFileIsNotTheStartCommand() {
        // npm init writes "main": "index.js" whatever the entry file is; the app is app.js
        repo.packageJson(".", "{'main':'index.js','scripts':{'dev':'nodemon app.js'}}").file("app.js", "app.listen(3000)");
        Detection d = repo.detect();
        assertEquals(List.of("node", "app.js"), d.descriptor().apps().get(0).start());
        assertEvidence(d, "not 'node index.js' from package.json main: index.js does not exist and nothing builds it");
        // a main the build step writes is kept
        repo.packageJson(".", "{'main':'dist/index.js','scripts':{'build':'tsc'}}").file("src/index.ts", "");
        assertEquals(List.of("node", "dist/index.js"), repo.app().start());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nodemon app.js                      | app.js",
        "nodemon --watch src server.js       | server.js",
        "npx nodemon --inspect=0.0.0.0:9229 src/index.js | src/index.js",
    })
    void startScriptUnderAFileWatcherRunsTheFileWithNode(String script, String file) {
        repo.packageJson(".", "{'main':'index.js','scripts':{'start':'" + script + "'}}").file(file, "app.listen(3000)");
        assertEquals(List.of("node", file), repo.app().start());
    }
    @Test
    void healthRouteOnARouterCountsTheRoutersMountPaths() {
        // ESM: the route module exports a router; app.js mounts it on an api router mounted at /api
        repo.packageJson(".", "{'type':'module','scripts':{'start':'node app.js'},'dependencies':{'express':'4'}}")
                .file("src/routes/health.route.js",
                        "import express from 'express';",
                        "const router = express.Router();",
                        "router.get('/', (req, res) => res.json({ ok: true }));",
                        "router.get('/ready', ready);",
                        "export default router;")
                .file("app.js",
                        "import express from 'express';",
                        "import healthRoutes from './src/routes/health.route.js';",
                        "const app = express();",
                        "const apiRouter = express.Router();",
                        "app.use('/api', apiRouter);",
                        "apiRouter.use('/healthcheck', healthRoutes);",
                        "app.listen(3000);");
        Detection d = repo.detect();
        assertEquals("/api/healthcheck/ready", d.descriptor().apps().get(0).healthcheck());
        assertEvidence(d, "healthcheck /api/healthcheck/ready from route at src/routes/health.route.js:4"
                + " (/ready on a router mounted at /api/healthcheck)");
    }

    @Test
    void healthRouteOnCommonJsRouterWithMiddlewareAndKoaPrefix() {
        repo.packageJson(".", "{'main':'server.js','dependencies':{'express':'4'}}")
                .file("routes/status.js",
                        "const { Router } = require('express');",
                        "const r = Router();",
                        "r.get('/health', (req, res) => res.send('ok'));",
                        "module.exports = r;")
                .file("server.js",
                        "const express = require('express');",
                        "const status = require('./routes/status');",
                        "const app = express();",
                        "app.use('/v1', auth, status);",
                        "app.listen(8080);");
        assertEquals("/v1/health", repo.app().healthcheck());
        repo.packageJson(".", "{'main':'server.js','dependencies':{'koa':'2'}}")
                .file("routes/status.js",
                        "const Router = require('@koa/router');",
                        "const router = new Router({ prefix: '/status' });",
                        "router.get('/health', ctx => { ctx.body = 'ok'; });",
                        "module.exports = router;")
                .file("server.js",
                        "const Koa = require('koa');",
                        "const router = require('./routes/status');",
                        "const app = new Koa();",
                        "app.use(router.routes());",
                        "app.listen(8080);");
        assertEquals("/status/health", repo.app().healthcheck());
    }

    @Test
    void healthRouteOnARouterThatNothingMountsIsNotTheHealthcheck() {
        repo.packageJson(".", "{'main':'server.js','dependencies':{'express':'4'}}")
                .file("lib/health.js",
                        "const router = require('express').Router();",
                        "router.get('/health', (req, res) => res.send('ok'));",
                        "module.exports = router;")
                .file("server.js", "const app = require('express')();", "app.listen(8080);");
        Detection d = repo.detect();
        assertNull(d.descriptor().apps().get(0).healthcheck());
        assertEvidence(d, "not healthcheck /health from route at lib/health.js:2: it is on a router whose mount path was not found");
    }
}
