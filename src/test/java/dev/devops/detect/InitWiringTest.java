package dev.devops.detect;

import static dev.devops.detect.RepoFixture.v;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.descriptor.App;
import dev.devops.descriptor.EnvVar;
import dev.devops.scaffold.RenderModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, classes 1, 2, 3 and 10: which variables are required, how services are wired to the variables an app
 * really reads, reads through helpers, and services nothing reads. One small synthetic repository per case.
 */
class InitWiringTest {
    @TempDir
    Path dir;
    RepoFixture repo;

    @BeforeEach
    void setUp() {
        repo = new RepoFixture(dir.resolve("app"));
    }

    // ---- class 1: optional variables are not required ------------------------------------------------------

    @Test
    void flagsPresenceTestsAndOptionalSecretsAreOptional() {
        repo.packageJson(".", "{'main':'index.js'}")
                .file("index.js",
                        "const verbose = !!process.env.VERBOSE;",
                        "if (process.env.CACHE_DIR != null) { cache(); }",
                        "const sentry = process.env.SENTRY_DSN;",
                        "if (sentry) { init(sentry); }",
                        "const jwt = process.env.JWT_SECRET;",
                        "if (!jwt) { throw new Error('JWT_SECRET is required'); }",
                        "sign(process.env.SIGNING_KEY);");
        App a = repo.app();
        assertFalse(v(a, "VERBOSE").required(), "a flag tested with !! stays unset");
        assertFalse(v(a, "CACHE_DIR").required(), "tested with != null");
        assertFalse(v(a, "SENTRY_DSN").required(), "assigned, then tested: optional although its name looks secret");
        assertTrue(v(a, "SENTRY_DSN").secret());
        assertTrue(v(a, "JWT_SECRET").required(), "tested, then the program aborts: required");
        assertTrue(v(a, "SIGNING_KEY").required(), "used unconditionally");
    }

    @Test
    void pythonMembershipGoEmptyChecksAndJavaNullChecks() {
        repo.file("requirements.txt", "flask").file("app.py",
                "import os",
                "if 'STATSD_HOST' in os.environ:",
                "    host = os.environ['STATSD_HOST']",
                "TOKEN = os.environ['API_TOKEN']");
        App py = repo.app();
        assertFalse(v(py, "STATSD_HOST").required(), "guarded by 'in os.environ'");
        assertTrue(v(py, "API_TOKEN").required(), "os.environ[...] unguarded raises KeyError");

        RepoFixture go = new RepoFixture(dir.resolve("go"));
        go.file("go.mod", "module x", "go 1.22").file("main.go", "package main",
                "func main() {",
                "  port := os.Getenv(\"LISTEN_PORT\")",
                "  if port == \"\" {",
                "    port = \"9090\"",
                "  }",
                "  if os.Getenv(\"TRACE\") != \"\" { trace() }",
                "}");
        App g = go.app();
        assertEquals("9090", v(g, "LISTEN_PORT").defaultValue(), "the literal assigned when empty is the default");
        assertFalse(v(g, "LISTEN_PORT").required());
        assertFalse(v(g, "TRACE").required());

        RepoFixture java = new RepoFixture(dir.resolve("java"));
        java.pom(".", "").file("src/main/java/App.java",
                "class App { void m() {",
                "  String region = Optional.ofNullable(System.getenv(\"CLOUD_REGION\")).orElse(\"eu-west-1\");",
                "  if (System.getenv(\"PROFILING\") != null) { profile(); }",
                "} }");
        App j = java.app();
        assertEquals("eu-west-1", v(j, "CLOUD_REGION").defaultValue());
        assertFalse(v(j, "PROFILING").required());
    }

    @Test
    @SuppressWarnings("unchecked")
    void optionalWithoutDefaultPassesThroughAndIsCommentedOutInTheExample() {
        repo.packageJson(".", "{'main':'index.js'}")
                .file("index.js", "if (process.env.FEATURE_BETA) { beta(); }", "const s = process.env.SESSION_SECRET;",
                        "session({ secret: s });", "const level = process.env.LOG_LEVEL || 'info';");
        Detection d = repo.detect();
        Map<String, Object> model = RenderModel.project(d.descriptor());
        Map<String, Object> app = (Map<String, Object>) ((List<Object>) model.get("apps")).get(0);
        Map<String, Map<String, Object>> env = new java.util.LinkedHashMap<>();
        for (Object o : (List<Object>) app.get("env")) {
            Map<String, Object> m = (Map<String, Object>) o;
            env.put((String) m.get("name"), m);
        }
        assertEquals(Boolean.TRUE, env.get("FEATURE_BETA").get("passThrough"), "no ${X:-}: an empty value would switch it on");
        assertEquals("${SESSION_SECRET:?SESSION_SECRET is required: set it in .env}", env.get("SESSION_SECRET").get("compose"));
        assertEquals("${LOG_LEVEL:-info}", env.get("LOG_LEVEL").get("compose"));
    }

    // ---- class 2: services wired through the variables the app reads ---------------------------------------

    @Test
    void hostFamiliesLocalhostDefaultsAndPrefixedRedisUrlsAreWired() {
        repo.packageJson(".", "{'main':'index.js','dependencies':{'pg':'8','ioredis':'5'}}")
                .file("index.js",
                        "const { Pool } = require('pg');",
                        "const Redis = require('ioredis');",
                        "const pool = new Pool({ host: process.env.DB_HOST || 'localhost', port: process.env.DB_PORT || 5432,",
                        "  user: process.env.DB_USER || 'postgres', password: process.env.DB_PASSWORD,",
                        "  database: process.env.DB_NAME || 'shop' });",
                        "const cache = new Redis(process.env.SHOP_REDIS_URL || 'redis://localhost:6379');",
                        "const queue = process.env.QUEUE_CONNECTION || 'redis://127.0.0.1:6379/2';");
        App a = repo.app();
        assertEquals("postgres.host", v(a, "DB_HOST").from());
        assertEquals("postgres.port", v(a, "DB_PORT").from());
        assertEquals("postgres.user", v(a, "DB_USER").from(), "credentials come from the service: one place");
        assertEquals("postgres.password", v(a, "DB_PASSWORD").from());
        assertEquals("postgres.database", v(a, "DB_NAME").from());
        assertEquals("redis.url", v(a, "SHOP_REDIS_URL").from(), "<APP>_REDIS_URL");
        assertEquals("redis.url", v(a, "QUEUE_CONNECTION").from(), "a code default pointing at a local redis");
    }

    @Test
    void aFamilysBarePrefixBesideItsMembersIsTheDatabaseName() {
        // config.ts of an Express + pg app: { user: DB_USER, database: DB, password: DB_PASS, host: DB_HOST }
        repo.packageJson(".", "{'main':'index.js','dependencies':{'pg':'8'}}")
                .file("index.js",
                        "const { Pool } = require('pg');",
                        "const pool = new Pool({ user: process.env.DB_USER || '', database: process.env.DB || '',",
                        "  password: process.env.DB_PASS || '', host: process.env.DB_HOST || '' });");
        App a = repo.app();
        assertEquals("postgres.database", v(a, "DB").from());
        assertEquals("postgres.host", v(a, "DB_HOST").from());
        // alone, DB names nothing the stack knows, unless the client option it is passed to says what it is
        repo.file("index.js", "const pg = require('pg');", "const name = process.env.DB;", "console.log(name);");
        assertEquals(null, v(repo.app(), "DB").from());
        repo.file("index.js", "const pg = require('pg');", "const name = process.env.DB;", "const pool = new pg.Pool({ database: name });");
        assertEquals("postgres.database", v(repo.app(), "DB").from(), "through a local variable");
        repo.file("index.js", "const pool = new (require('pg').Pool)({ database: process.env.DB });");
        assertEquals("postgres.database", v(repo.app(), "DB").from(), "the pool's database option");
    }

    /** Class 2 (c): go-redis' Addr wants host:port, so REDIS_HOST passed to it is the service's address. */
    @Test
    void aVariablePassedToAClientOptionTakesTheOptionsRole() {
        repo.file("go.mod", "module example.com/api", "", "go 1.22", "", "require github.com/redis/go-redis/v9 v9.0.0")
                .file("db/db.go", "package db", "", "func InitRedis() {", "\tvar redisHost = os.Getenv(\"REDIS_HOST\")",
                        "\tRedisClient = redis.NewClient(&redis.Options{", "\t\tAddr: redisHost,", "\t})",
                        "\tcache := redis.NewClient(&redis.Options{Addr: os.Getenv(\"SESSIONS\")})", "}")
                .file("main.go", "package main", "", "func main() { http.ListenAndServe(\":8080\", nil) }");
        App a = repo.app();
        assertEquals("redis.address", v(a, "SESSIONS").from(), "the name tells nothing; the option does");
        assertEquals("redis.address", v(a, "REDIS_HOST").from(), "read into a local variable first, then passed as Addr");
    }

    @Test
    void nestConfigServiceGetsAreReadsAndWired() {
        // a NestJS app reads its TypeORM settings through @nestjs/config's ConfigService, not process.env
        repo.packageJson(".", "{'scripts':{'build':'nest build'},'dependencies':{'@nestjs/core':'10','@nestjs/config':'3','pg':'8'}}")
                .file("src/orm.config.ts",
                        "import { ConfigService } from '@nestjs/config';",
                        "const configService = new ConfigService();",
                        "export const orm = { type: 'postgres', username: configService.get(\"POSTGRES_USER\"),",
                        "  password: configService.get<string>('POSTGRES_PASSWORD'), host: configService.get('POSTGRES_HOST'),",
                        "  database: configService.getOrThrow('POSTGRES_DATABASE') };")
                .file("src/main.ts",
                        "import { ConfigService } from '@nestjs/config';",
                        "const port = app.get(ConfigService).get<number>('HTTP_TIMEOUT', 5000);",
                        "await app.listen(3000);");
        App a = repo.app();
        assertEquals("postgres.user", v(a, "POSTGRES_USER").from());
        assertEquals("postgres.password", v(a, "POSTGRES_PASSWORD").from());
        assertEquals("postgres.host", v(a, "POSTGRES_HOST").from());
        assertEquals("postgres.database", v(a, "POSTGRES_DATABASE").from());
        assertEquals("5000", v(a, "HTTP_TIMEOUT").defaultValue());
    }

    @Test
    void celeryBrokerAndSpringJdbcDefaultAreWired() {
        repo.file("requirements.txt", "celery", "redis").file("tasks.py",
                "import os",
                "from celery import Celery",
                "app = Celery('tasks', broker=os.environ.get('CELERY_BROKER_URL', 'redis://localhost:6379/0'),",
                "             backend=os.environ.get('CELERY_RESULT_BACKEND'))");
        App a = repo.app();
        assertEquals(List.of("redis"), a.dependsOn());
        assertEquals("redis.url", v(a, "CELERY_BROKER_URL").from());
        assertEquals("redis.url", v(a, "CELERY_RESULT_BACKEND").from());

        RepoFixture java = new RepoFixture(dir.resolve("java"));
        java.pom(".", RepoFixture.deps("org.postgresql:postgresql"))
                .file("src/main/resources/application.properties",
                        "spring.datasource.url=${JDBC_DATABASE:jdbc:postgresql://localhost:5432/orders}");
        assertEquals("postgres.jdbc", v(java.app(), "JDBC_DATABASE").from(), "a JDBC default at localhost");
    }

    @Test
    void backendSelectorIsSetAndOnlyTheChosenDatabaseIsAdded() {
        repo.file("requirements.txt", "django", "psycopg2-binary", "mysqlclient")
                .file("manage.py", "import os")
                .file("site/settings.py",
                        "import os",
                        "DATABASES = {'default': {",
                        "  'ENGINE': os.environ.get('DB_ENGINE', 'django.db.backends.sqlite3'),",
                        "  'HOST': os.environ.get('DB_HOST', 'localhost'),",
                        "  'NAME': os.environ.get('DB_NAME', 'app'),",
                        "}}",
                        "# postgresql is what we run in production");
        Detection d = repo.detect();
        App a = d.descriptor().apps().get(0);
        assertEquals(List.of("postgres"), List.copyOf(d.descriptor().services().keySet()), () -> String.join("\n", d.evidence()));
        assertEquals("django.db.backends.postgresql", v(a, "DB_ENGINE").defaultValue(), "no fallback to SQLite");
        assertEquals("postgres.host", v(a, "DB_HOST").from());
        RepoFixture.assertEvidence(d, "not adding mysql: the app supports several databases; using postgres "
                + "(its code names postgres most (1 times))");
    }

    @Test
    void aClientLibraryInTheManifestAloneAddsNoService() {
        repo.packageJson(".", "{'main':'index.js','dependencies':{'redis':'4','express':'4'}}")
                .file("index.js", "const express = require('express');", "express().listen(3000);");
        Detection d = repo.detect();
        assertTrue(d.descriptor().services().isEmpty());
        RepoFixture.assertEvidence(d, "not adding redis: package.json dependency 'redis', but no code or configuration "
                + "of the app uses it");
    }

    // ---- class 3: helpers, libraries, and what is not runtime configuration ---------------------------------

    @Test
    void pythonHelpersDecoupleAndDjangoEnvironAreReads() {
        repo.file("requirements.txt", "django").file("manage.py", "import os")
                .file("site/env.py",
                        "import os",
                        "def env_bool(name, default=False):",
                        "    return os.environ.get(name, str(default)).lower() in ('1', 'true')",
                        "def env_secret(name):",
                        "    value = os.environ.get(name)",
                        "    if not value:",
                        "        raise RuntimeError(name)",
                        "    return value")
                .file("site/settings.py",
                        "from .env import env_bool, env_secret",
                        "from decouple import config",
                        "import environ",
                        "env = environ.Env(CACHE_TTL=(int, 60))",
                        "DEBUG = env_bool('APP_DEBUG', False)",
                        "SECRET_KEY = env_secret('APP_SECRET_KEY')",
                        "EMAIL_HOST = config('EMAIL_HOST', default='smtp.example.org')",
                        "ALLOWED = config('ALLOWED_HOSTS')",
                        "TTL = env('CACHE_TTL')",
                        "TIMEOUT = env.int('HTTP_TIMEOUT', 30)",
                        "SITE = env.str('SITE_NAME')");
        App a = repo.app();
        assertEquals("false", v(a, "APP_DEBUG").defaultValue());
        assertTrue(v(a, "APP_SECRET_KEY").required(), "the helper raises when unset");
        assertEquals("smtp.example.org", v(a, "EMAIL_HOST").defaultValue());
        assertTrue(v(a, "ALLOWED_HOSTS").required(), "decouple raises without a default");
        assertEquals("60", v(a, "CACHE_TTL").defaultValue(), "environ.Env(NAME=(cast, default))");
        assertEquals("30", v(a, "HTTP_TIMEOUT").defaultValue());
        assertTrue(v(a, "SITE_NAME").required(), "django-environ raises without a default");
    }

    /**
     * Class 2: a backend chosen by comparing a variable with a database's name (os.getenv("DB") == "postgres", the
     * SQLite settings otherwise) is set to the stack's database, or the app silently keeps SQLite.
     */
    @Test
    void aVariableComparedWithADatabasesNameSelectsTheStacksDatabase() {
        repo.file("requirements.txt", "Django==5.0", "psycopg==3.1").file("manage.py", "import os")
                .file("hc/wsgi.py", "application = None")
                .file("hc/settings.py", "import os",
                        "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'hc.sqlite'}}",
                        "if os.getenv(\"DB\") == \"postgres\":",
                        "    DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql',",
                        "        'HOST': os.getenv(\"DB_HOST\", \"\"), 'USER': os.getenv(\"DB_USER\", \"postgres\")}}",
                        "if os.getenv(\"DB_USER\") == \"postgres\":",
                        "    print('the superuser')",
                        "if os.getenv(\"DB\") in [\"mysql\", \"mariadb\"]:",
                        "    DATABASES = {'default': {'ENGINE': 'django.db.backends.mysql'}}");
        App a = repo.app();
        assertEquals(List.of("postgres"), a.dependsOn());
        assertEquals("postgres", v(a, "DB").defaultValue());
        assertEquals("postgres.host", v(a, "DB_HOST").from());
        assertEquals("postgres.user", v(a, "DB_USER").from(), "a user name compared with 'postgres' is still the user");
    }

    /**
     * Class 3: config modules exported as a function of the framework's env reader (Strapi's config/*.js) are reads
     * with their defaults; a client selected by default as SQLite brings no database server.
     */
    @Test
    void configModulesOfAnEnvReaderAreReadsWithTheirDefaults() {
        repo.packageJson(".", "{'scripts':{'start':'strapi start'},'dependencies':{'@strapi/strapi':'4','better-sqlite3':'7'}}")
                .file("config/server.js", "module.exports = ({ env }) => ({",
                        "  host: env('HOST', '0.0.0.0'),", "  port: env.int('PORT', 1337),",
                        "  app: { keys: env.array('APP_KEYS', ['a', 'b']) },", "});")
                .file("config/admin.js", "module.exports = ({ env }) => ({ auth: { secret: env('ADMIN_JWT_SECRET', 'x1') } });")
                .file("config/database.js", "module.exports = ({ env }) => {",
                        "  const client = env('DATABASE_CLIENT', 'sqlite');",
                        "  return { connection: { client, connection: { connectionString: env('DATABASE_URL'),",
                        "    ssl: env.bool('DATABASE_SSL', false) } } };", "};");
        App a = repo.app();
        assertFalse(v(a, "ADMIN_JWT_SECRET").required(), "a secret with a code default (never written to committed files)");
        assertEquals("0.0.0.0", v(a, "HOST").defaultValue());
        assertFalse(v(a, "DATABASE_URL").required(), "Strapi's env() gives undefined when unset");
        assertEquals("sqlite", v(a, "DATABASE_CLIENT").defaultValue());
        assertEquals(List.of(), a.dependsOn(), "the default client is SQLite: no database server");
        assertEquals(1337, a.port());
    }

    /** Class 3: starlette's Config instance is a helper: config("X") raises unset, config("X", default=…) has one. */
    @Test
    void starletteConfigCallsAreReadsAndWiredByTheirNames() {
        repo.file("requirements.txt", "fastapi", "uvicorn", "asyncpg", "redis")
                .file("main.py", "from fastapi import FastAPI", "from core.config import settings", "app = FastAPI()")
                .file("core/config.py",
                        "from pydantic_settings import BaseSettings",
                        "from starlette.config import Config",
                        "config = Config('.env')",
                        "class CryptSettings(BaseSettings):",
                        "    SECRET_KEY: str = config(\"SECRET_KEY\")",
                        "    ALGORITHM: str = config(\"ALGORITHM\", default=\"HS256\")",
                        "class PostgresSettings(BaseSettings):",
                        "    POSTGRES_USER: str = config(\"POSTGRES_USER\", default=\"postgres\")",
                        "    POSTGRES_PASSWORD: str = config(\"POSTGRES_PASSWORD\", default=\"postgres\")",
                        "    POSTGRES_SERVER: str = config(\"POSTGRES_SERVER\", default=\"localhost\")",
                        "    POSTGRES_PORT: int = config(\"POSTGRES_PORT\", cast=int, default=5432)",
                        "class RedisQueueSettings(BaseSettings):",
                        "    REDIS_QUEUE_HOST: str = config(\"REDIS_QUEUE_HOST\", default=\"localhost\")")
                .file("core/db.py", "from sqlalchemy.ext.asyncio import create_async_engine", "import asyncpg")
                .file("core/queue.py", "import redis");
        App a = repo.app();
        assertTrue(v(a, "SECRET_KEY").required(), "starlette's config raises without a default");
        assertEquals("HS256", v(a, "ALGORITHM").defaultValue());
        assertEquals("postgres.host", v(a, "POSTGRES_SERVER").from());
        assertEquals("postgres.password", v(a, "POSTGRES_PASSWORD").from());
        assertEquals("redis.host", v(a, "REDIS_QUEUE_HOST").from());
    }

    @Test
    void goJsAndJavaHelpersAreReads() {
        repo.file("go.mod", "module x", "go 1.22").file("config.go", "package main",
                "func getEnv(key, fallback string) string {",
                "  if v, ok := os.LookupEnv(key); ok { return v }",
                "  return fallback",
                "}",
                "func mustEnv(dst *string, key string) {",
                "  *dst = os.Getenv(key)",
                "  if *dst == \"\" { log.Fatalf(\"%s is required\", key) }",
                "}",
                "func load() {",
                "  addr := getEnv(\"HTTP_ADDR\", \":8080\")",
                "  mustEnv(&cfg.dsn, \"STORE_DSN\")",
                "}");
        App g = repo.app();
        assertEquals(":8080", v(g, "HTTP_ADDR").defaultValue());
        assertTrue(v(g, "STORE_DSN").required());

        RepoFixture js = new RepoFixture(dir.resolve("js"));
        js.packageJson(".", "{'main':'index.js'}").file("index.js",
                "const env = (k, d) => process.env[k] ?? d;",
                "function required(name) { const v = process.env[name]; if (!v) throw new Error(name); return v; }",
                "const port = env('HTTP_PORT', 8081);",
                "const key = required('STRIPE_KEY');");
        App j = js.app();
        assertEquals("8081", v(j, "HTTP_PORT").defaultValue());
        assertTrue(v(j, "STRIPE_KEY").required());

        // a generic TypeScript arrow that reads with optional chaining (code shared with the browser)
        RepoFixture ts = new RepoFixture(dir.resolve("ts"));
        ts.packageJson(".", "{'main':'index.js'}").file("utils/env.ts",
                "export const env = <K extends EnvKey>(variable: K): EnvValue<K> => {",
                "  return (typeof process !== 'undefined' ? process?.env?.[variable] : undefined) as EnvValue<K>;",
                "};").file("jobs.ts", "import { env } from './utils/env';", "const url = env('JOBS_REDIS_URL');");
        assertTrue(ts.app().env().containsKey("JOBS_REDIS_URL"), ts.app().env().keySet().toString());

        RepoFixture java = new RepoFixture(dir.resolve("java"));
        java.pom(".", "").file("src/main/java/Conf.java",
                "class Conf {",
                "  static String env(String name, String def) {",
                "    String v = System.getenv(name);",
                "    return v == null ? def : v;",
                "  }",
                "  String region = env(\"BUCKET_REGION\", \"eu-central-1\");",
                "}");
        assertEquals("eu-central-1", v(java.app(), "BUCKET_REGION").defaultValue());
    }

    @Test
    void buildScriptsWrappersAndNextConfigEnvAreNotRuntimeConfiguration() {
        repo.packageJson(".", "{'main':'server.js'}")
                .file("server.js", "const level = process.env.LOG_LEVEL || 'info';")
                .file("scripts/release.js", "const t = process.env.NPM_TOKEN;")
                .file("webpack.config.js", "module.exports = { mode: process.env.BUILD_MODE };")
                .file(".mvn/wrapper/MavenWrapperDownloader.java", "String u = System.getenv(\"MVNW_USERNAME\");")
                .file("next.config.js", "module.exports = {", "  env: { PUBLIC_API: process.env.PUBLIC_API },",
                        "  basePath: process.env.BASE_PATH || '',", "};");
        App a = repo.app();
        assertEquals(List.of("BASE_PATH", "LOG_LEVEL"), a.env().keySet().stream().sorted().toList());
    }

    // ---- class 10: a service nothing reads; Spring relaxed binding ------------------------------------------

    @Test
    void springBootGetsDatasourceVariablesAndAnUnwiredServiceIsAWarning() {
        repo.pom(".", "<parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId>"
                + "<version>3.3.0</version></parent>\n"
                + RepoFixture.deps("org.springframework.boot:spring-boot-starter-data-jpa", "org.postgresql:postgresql"))
                .file("src/main/resources/application.properties",
                        "spring.datasource.url=jdbc:postgresql://localhost:5432/shop",
                        "spring.datasource.username=shop",
                        "spring.datasource.password=shop");
        Detection d = repo.detect();
        App a = d.descriptor().apps().get(0);
        assertEquals("postgres.jdbc", v(a, "SPRING_DATASOURCE_URL").from());
        assertEquals("postgres.user", v(a, "SPRING_DATASOURCE_USERNAME").from());
        assertEquals("postgres.password", v(a, "SPRING_DATASOURCE_PASSWORD").from());

        RepoFixture node = new RepoFixture(dir.resolve("node"));
        node.packageJson(".", "{'main':'index.js','dependencies':{'pg':'8'}}")
                .file("index.js", "const { Client } = require('pg');", "new Client({ host: 'localhost' }).connect();");
        Detection nd = node.detect();
        assertEquals(List.of("postgres"), List.copyOf(nd.descriptor().services().keySet()));
        assertTrue(nd.evidence().stream().anyMatch(l -> l.startsWith("warning: service postgres is added but no variable")),
                () -> String.join("\n", nd.evidence()));
        assertNull(nd.descriptor().apps().get(0).env().get("DATABASE_URL"));
    }

    /** Brief 3c: node-postgres without connection settings reads libpq's PG* variables, which are wired. */
    @Test
    void aPgPoolWithoutSettingsIsWiredThroughLibpqsVariables() {
        repo.packageJson(".", "{'main':'index.js','dependencies':{'pg':'8','express':'4'}}")
                .file("index.js", "const { Pool } = require('pg');", "const pool = new Pool();",
                        "require('express')().listen(3000);");
        Detection d = repo.detect();
        App a = d.descriptor().apps().get(0);
        assertEquals(List.of("postgres"), List.copyOf(d.descriptor().services().keySet()));
        assertEquals("postgres.host", v(a, "PGHOST").from());
        assertEquals("postgres.user", v(a, "PGUSER").from());
        assertEquals("postgres.password", v(a, "PGPASSWORD").from());
        assertEquals("postgres.database", v(a, "PGDATABASE").from());
        assertTrue(d.evidence().stream().noneMatch(l -> l.startsWith("warning: service postgres")), () -> String.join("\n", d.evidence()));
    }

    /** TypeORM without options or an ormconfig file reads TYPEORM_*: its connection type selects the database. */
    @Test
    void typeormWithoutOrmconfigIsWiredThroughItsVariables() {
        repo.packageJson(".", "{'scripts':{'start':'node dist/main.js'},'dependencies':{'@nestjs/core':'7','@nestjs/typeorm':'7',"
                        + "'typeorm':'0.2','mysql':'2'}}")
                .file("ormconfig.json.example", "{\"type\": \"mysql\", \"host\": \"localhost\", \"database\": \"shop\","
                        + " \"entities\": [\"src/**/**.entity{.ts,.js}\"], \"synchronize\": true}")
                .file("src/app.module.ts", "import { TypeOrmModule } from '@nestjs/typeorm';",
                        "@Module({ imports: [TypeOrmModule.forRoot()] })", "export class AppModule {}");
        Detection d = repo.detect();
        App a = d.descriptor().apps().get(0);
        assertEquals(List.of("mysql"), List.copyOf(d.descriptor().services().keySet()));
        assertEquals("mysql.host", v(a, "TYPEORM_HOST").from());
        assertEquals("mysql.password", v(a, "TYPEORM_PASSWORD").from());
        assertEquals("mysql", v(a, "TYPEORM_CONNECTION").defaultValue());
        assertTrue(a.env().containsKey("TYPEORM_ENTITIES"), a.env().keySet().toString());
    }

    @Test
    void aServiceWhosePasswordIsWiredButNotItsAddressIsStillUnreachable() {
        // Sequelize with host: 'localhost' in the code and only the password and port from the environment
        repo.packageJson(".", "{'main':'index.js','dependencies':{'pg':'8','sequelize':'6'}}")
                .file("index.js", "const db = new Sequelize('Users', 'postgres', process.env.DB_PASSWORD, {",
                        "  host: 'localhost', port: process.env.DB_PORT, dialect: 'postgres' });");
        Detection d = repo.detect();
        assertEquals("postgres.password", v(d.descriptor().apps().get(0), "DB_PASSWORD").from());
        assertTrue(d.evidence().stream().anyMatch(l -> l.startsWith("warning: service postgres is added and the app reads "
                + "DB_PASSWORD, DB_PORT from it, but no variable the app reads gives its address")),
                () -> String.join("\n", d.evidence()));
    }

    // ---- found on real repositories (docs/init-review/wiring.md) --------------------------------------------

    @Test
    void djangoEnvironInstanceImportedFromAnotherModuleAndConditionalSettings() {
        repo.file("requirements.txt", "django").file("manage.py", "import os")
                .file("config/env.py", "import environ", "env = environ.Env()")
                .file("config/settings.py",
                        "from config.env import env",
                        "DATABASES = {'default': env.db('DATABASE_URL', default='postgres:///shop')}",
                        "EMAIL_STRATEGY = env('EMAIL_STRATEGY', default='console')",
                        "if EMAIL_STRATEGY == 'smtp':",
                        "    EMAIL_HOST = env('SMTP_HOST')");
        Detection d = repo.detect();
        App a = d.descriptor().apps().get(0);
        assertEquals("postgres.url", v(a, "DATABASE_URL").from(), "a postgres:/// default (socket) implies and wires postgres");
        assertFalse(v(a, "SMTP_HOST").required(), "read only when another setting selects it");
    }

    @Test
    void viperAutomaticEnvKeysAreReads() {
        repo.file("go.mod", "module x", "go 1.22")
                .file("cmd/root.go", "package cmd", "func init() { viper.AutomaticEnv() }")
                .file("db/db.go", "package db",
                        "func Open() {",
                        "  viper.SetDefault(\"db_dsn\", \"postgres://u:p@localhost:5432/app?sslmode=disable\")",
                        "  dsn := viper.GetString(\"db_dsn\")",
                        "  if viper.GetBool(\"db_debug\") { debug() }",
                        "}")
                .file("main.go", "package main", "func main() {}");
        App a = repo.app();
        assertEquals("postgres.url", v(a, "DB_DSN").from());
        assertFalse(v(a, "DB_DEBUG").required());
    }

    @Test
    void springProfileSelectsTheStackDatabaseAndJdbcDefaultsKeepJdbc() {
        repo.pom(".", "<parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId>"
                        + "<version>3.3.0</version></parent>\n"
                        + RepoFixture.deps("com.h2database:h2", "com.mysql:mysql-connector-j"))
                .file("src/main/resources/application.properties", "spring.profiles.active=h2,jpa")
                .file("src/main/resources/application-mysql.properties",
                        "spring.datasource.url=${MYSQL_URL:jdbc:mysql://localhost/shop}",
                        "spring.datasource.username=${MYSQL_USER:shop}");
        App a = repo.app();
        assertEquals("mysql.jdbc", v(a, "MYSQL_URL").from(), "a name family's url, but the default is a JDBC URL");
        assertEquals("mysql,jpa", v(a, "SPRING_PROFILES_ACTIVE").defaultValue(), "not the embedded h2 profile");
    }

    @Test
    void aLiteralInStackHostIsWiredNotWarned() {
        repo.file("requirements.txt", "flask", "redis", "rq")
                .file("app.py", "import redis", "conn = redis.from_url('redis://redis:6379/0')");
        Detection d = repo.detect();
        assertEquals(List.of("redis"), List.copyOf(d.descriptor().services().keySet()));
        assertFalse(d.evidence().stream().anyMatch(l -> l.startsWith("warning: service redis")), () -> String.join("\n", d.evidence()));
    }
    @Test
    void aConnectionStringOpenedByAGoDatabaseClientIsTheServicesUrl() {
        // koddr/tutorial-go-fiber-rest-api: sqlx.Connect("pgx", os.Getenv("DB_SERVER_URL")), a name that tells nothing
        repo.file("go.mod", "module example.com/api", "", "go 1.22", "", "require github.com/jackc/pgx/v5 v5.5.0",
                        "require github.com/rabbitmq/amqp091-go v1.9.0")
                .file("platform/database/postgres.go", "package database", "",
                        "func Open() {", "\tdb, err := sqlx.Connect(\"pgx\", os.Getenv(\"DB_SERVER_URL\"))", "}",
                        "func Other() {", "\tconn := os.Getenv(\"STORE\")", "\tlog.Print(conn)",
                        "\tpool, err := pgxpool.New(ctx, conn)", "}",
                        "func Legacy() { sql.Open(\"mysql\", os.Getenv(\"LEGACY_DSN\")) }")
                .file("queue.go", "package main", "func q() { amqp.Dial(os.Getenv(\"QUEUE\")) }")
                .file("main.go", "package main", "", "func main() { http.ListenAndServe(\":8080\", nil) }");
        App a = repo.app();
        assertEquals("postgres.url", v(a, "DB_SERVER_URL").from(), "pgx falls back to plain TCP by itself");
        assertEquals("postgres.url", v(a, "STORE").from(), "read into a local variable, then opened");
        assertNull(v(a, "LEGACY_DSN").from(), "a MySQL DSN is no URL, and the stack has no mysql");
        assertEquals("rabbitmq.url", v(a, "QUEUE").from());
    }

    @Test
    void aGoServerListeningOnAnAddressReadWithoutADefaultGetsTheStacksAddress() {
        // koddr/tutorial-go-fiber-rest-api: app.Listen(os.Getenv("SERVER_URL")), .env.example SERVER_URL="0.0.0.0:5000"
        repo.file("go.mod", "module example.com/api", "", "go 1.22")
                .file("Dockerfile", "FROM golang:1.22 AS b", "COPY . .", "RUN go build -o /s .", "FROM scratch", "EXPOSE 5000",
                        "COPY --from=b /s /s", "ENTRYPOINT [\"/s\"]")
                .file("main.go", "package main", "", "func main() {", "\tif err := app.Listen(os.Getenv(\"SERVER_URL\")); err != nil {",
                        "\t\tlog.Fatal(err)", "\t}", "\taddr := os.Getenv(\"ADMIN_ADDR\")", "\tgo admin.Listen(addr)",
                        "\tclient.Get(os.Getenv(\"UPSTREAM_URL\"))", "}");
        App a = repo.app();
        assertEquals(5000, a.port());
        assertEquals("0.0.0.0:5000", v(a, "SERVER_URL").defaultValue());
        assertFalse(v(a, "SERVER_URL").required());
        assertEquals("0.0.0.0:5000", v(a, "ADMIN_ADDR").defaultValue(), "read into a local variable, then listened on");
        assertNull(v(a, "UPSTREAM_URL").defaultValue(), "a client's address is not the server's");
    }

    @Test
    void aGoLookupWhoseFailedCheckEndsTheProgramIsRequiredAndAConfigFileFieldIsNot() {
        // go-coffeeshop cmd/web: v, ok := os.LookupEnv("REVERSE_PROXY_URL"); if !ok || v == "" { glog.Fatalf(…) }
        repo.file("go.mod", "module example.com/api", "", "go 1.22")
                .file("main.go", "package main", "", "func main() {",
                        "\tproxy, ok := os.LookupEnv(\"REVERSE_PROXY_URL\")", "\tif !ok || proxy == \"\" {",
                        "\t\tglog.Fatalf(\"not declared\")", "\t}",
                        "\tflag, ok := os.LookupEnv(\"FEATURE_X\")", "\tif !ok {", "\t\tflag = \"off\"", "\t}",
                        "\twebPort, ok := os.LookupEnv(\"WEB_PORT\")", "\tif !ok || webPort == \"\" {",
                        "\t\tglog.Fatalf(\"not declared\")", "\t}",
                        "\thttp.ListenAndServe(\":8080\", nil)", "}")
                .file("config/config.go", "package config", "", "type Config struct {",
                        "\tName string `env-required:\"true\" yaml:\"name\" env:\"APP_NAME\"`",
                        "\tToken string `env-required:\"true\" env:\"APP_TOKEN\"`", "}",
                        "func New() { cleanenv.ReadConfig(dir+\"/config.yml\", cfg); cleanenv.ReadEnv(cfg) }");
        App a = repo.app();
        assertTrue(v(a, "REVERSE_PROXY_URL").required());
        assertEquals("8080", v(a, "WEB_PORT").defaultValue(), "the app's own listen port, read without a default");
        assertFalse(v(a, "FEATURE_X").required());
        assertFalse(v(a, "APP_NAME").required(), "config.yml's name key fills it before env-required is checked");
        assertTrue(v(a, "APP_TOKEN").required(), "no file key: only the variable can set it");
    }
    @Test
    void aGoAppOnLibpqGetsTheUrlThatTurnsTlsOff() {
        // go-coffeeshop: sql.Open("postgres", url) with lib/pq, whose default sslmode=require fails on the stack's postgres
        repo.file("go.mod", "module example.com/api", "", "go 1.22", "", "require github.com/lib/pq v1.10.9")
                .file("store.go", "package main", "import (", "\t\"database/sql\"", "\t_ \"github.com/lib/pq\"", ")",
                        "func open() { sql.Open(\"postgres\", os.Getenv(\"PG_DSN_URL\")) }")
                .file("main.go", "package main", "", "func main() { http.ListenAndServe(\":8080\", nil) }");
        Detection d = repo.detect();
        assertEquals("postgres.url-notls", v(d.descriptor().apps().get(0), "PG_DSN_URL").from());
        String model = RenderModel.project(d.descriptor()).toString();
        assertTrue(model.contains("@postgres:5432/${POSTGRES_DB:-app}?sslmode=disable"), model);
    }
}
