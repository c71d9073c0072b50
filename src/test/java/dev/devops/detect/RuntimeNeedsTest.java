package dev.devops.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.devops.descriptor.Language;
import dev.devops.descriptor.Migrate;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an app needs at run time besides its variables: files its image must carry, and a migrate step. */
class RuntimeNeedsTest {
    @TempDir
    Path dir;
    RepoFixture repo;

    @BeforeEach
    void setUp() {
        repo = new RepoFixture(dir.resolve("app"));
    }

    private AppDraft draft(Language language) {
        RepoFiles files = RepoFiles.walk(repo.root);
        AppDraft d = language == Language.GO ? GoStack.detect(files, ".", files.files())
                : language == Language.NODE ? NodeStack.detect(files, ".", null, files.files())
                : PythonStack.detect(files, ".", files.files());
        RunEvidence.apply(files, d);
        return d;
    }

    /** Class 12: a Go binary in an empty image finds none of the files it opens by a relative path. */
    @Test
    void theFilesAGoProgramOpensAtRunTimeAreListedForItsImage() {
        repo.file("go.mod", "module example.com/shop", "", "go 1.22")
                .file("cmd/server/main.go", "package main", "",
                        "var configFile = flag.String(\"config\", \"./config/local.yml\", \"path to the config file\")",
                        "//go:embed static", "var static embed.FS",
                        "func main() {",
                        "\t// \"./docs/notes.txt\" is only a comment",
                        "\tviper.SetConfigName(\"app\")",
                        "\tviper.AddConfigPath(path)",
                        "\tr := gin.Default()",
                        "\tr.LoadHTMLGlob(\"./templates/*\")",
                        "\tr.GET(\"/api/v1/items\", list)",
                        "\tm, _ := migrate.New(\"file://db/migrations\", os.Getenv(\"DATABASE_URL\"))",
                        "\thttp.ListenAndServe(\":8080\", r)", "}")
                .file("cmd/server/static/app.css", "body{}")
                .file("app.env", "DB_DRIVER=postgres")
                .file("config/local.yml", "dsn: x").file("config/prod.yml", "dsn: y")
                .file("templates/index.html", "<p>").file("docs/notes.txt", "n")
                .file("db/migrations/000001_init.up.sql", "create table t();")
                .file("db/migrations/000001_init.down.sql", "drop table t;")
                .file("internal/store/store.go", "package store", "const q = \"internal/store\"");
        AppDraft d = draft(Language.GO);
        assertEquals(List.of("app.env", "config", "db", "templates"), d.files);
        // the app runs its migrations itself ("file://db/migrations"): no migrate step of the stack's own
        assertNull(RuntimeNeeds.migrate(d, List.of("postgres")));
    }

    /** A path without its extension names the files it prefixes; a directory with Go code is no run-time file. */
    @Test
    void aConfigPathWithoutItsExtensionNamesTheFilesItPrefixes() {
        repo.file("go.mod", "module example.com/api", "", "go 1.22")
                .file("main.go", "package main", "", "func main() {", "\tpath := \"./config/config-local\"",
                        "\tif os.Getenv(\"config\") == \"docker\" { path = \"./config/config-docker\" }",
                        "\tcfg := config.Load(path)", "\thttp.ListenAndServe(\":5000\", nil)", "}")
                .file("config/config.go", "package config")
                .file("config/config-local.yml", "a: 1").file("config/config-docker.yml", "a: 2");
        assertEquals(List.of("config/config-docker.yml", "config/config-local.yml"), draft(Language.GO).files);
    }

    /** Class 13: golang-migrate SQL files the app does not run itself run once, before it, in the tool's image. */
    @Test
    void goSqlMigrationsRunWithGolangMigrateBeforeTheApp() {
        repo.file("go.mod", "module example.com/api", "", "go 1.22")
                .file("main.go", "package main", "", "func main() {", "\tdb := sql.Open(\"pgx\", os.Getenv(\"DATABASE_URL\"))",
                        "\thttp.ListenAndServe(\":8080\", nil)", "}")
                .file("platform/migrations/000001_create.up.sql", "create table t();")
                .file("platform/migrations/000001_create.down.sql", "drop table t;");
        AppDraft d = draft(Language.GO);
        Migrate m = RuntimeNeeds.migrate(d, List.of("postgres"));
        assertEquals(new Migrate(List.of("-path", "/migrations", "-database", "{postgres.url}?sslmode=disable", "up"),
                RuntimeNeeds.GOLANG_MIGRATE_IMAGE, "platform/migrations"), m);
        assertNull(RuntimeNeeds.migrate(d, List.of("redis")), "no database service: nothing to migrate");
    }

    /** Class 13: alembic's migrations run in the app's image before it; Django's only when a database service backs it. */
    @Test
    void pythonMigrationsRunInTheAppsImage() {
        repo.file("requirements.txt", "fastapi", "uvicorn", "alembic", "psycopg2-binary")
                .file("main.py", "from fastapi import FastAPI", "app = FastAPI()")
                .file("alembic.ini", "[alembic]", "script_location = ./app/db/migrations")
                .file("app/db/migrations/env.py", "from alembic import context")
                .file("app/db/migrations/versions/fdf8821871d7_main_tables.py", "revision = 'fdf8821871d7'");
        assertEquals(Migrate.inAppImage(List.of("alembic", "upgrade", "head")),
                RuntimeNeeds.migrate(draft(Language.PYTHON), List.of("postgres")));
    }

    /** Class 13: a Node ORM's committed migrations are applied by its own CLI before the app starts. */
    @Test
    void nodeOrmMigrationsRunWithTheirOwnCli() {
        repo.file("package.json", "{\"dependencies\":{\"@prisma/client\":\"5\"},\"devDependencies\":{\"prisma\":\"5\"}}")
                .file("prisma/schema.prisma", "datasource db {", "  provider = \"postgresql\"", "  url = env(\"DATABASE_URL\")", "}")
                .file("prisma/migrations/20220118074231_init/migration.sql", "CREATE TABLE \"User\" (id TEXT);");
        assertEquals(Migrate.inAppImage(List.of("npx", "prisma", "migrate", "deploy")),
                RuntimeNeeds.migrate(draft(Language.NODE), List.of("postgres")));
        // a schema without migrations (prisma db push): nothing to apply
        repo.delete("prisma/migrations/20220118074231_init/migration.sql");
        assertNull(RuntimeNeeds.migrate(draft(Language.NODE), List.of("postgres")));
        repo.file("drizzle.config.ts", "export default { schema: './lib/db/schema.ts', out: './lib/db/migrations', dialect: 'postgresql' }")
                .file("lib/db/migrations/0000_init.sql", "CREATE TABLE users (id serial);")
                .file("lib/db/migrations/meta/_journal.json", "{\"entries\":[]}");
        assertEquals(Migrate.inAppImage(List.of("npx", "drizzle-kit", "migrate")),
                RuntimeNeeds.migrate(draft(Language.NODE), List.of("postgres")));
    }

    @Test
    void djangoMigrationsNeedADatabaseServiceAndAProcfileReleaseWins() {
        repo.file("requirements.txt", "django", "gunicorn")
                .file("manage.py", "import django")
                .file("shop/settings.py", "DATABASES = {}")
                .file("orders/migrations/0001_initial.py", "from django.db import migrations");
        AppDraft d = draft(Language.PYTHON);
        assertEquals(Migrate.inAppImage(List.of("python", "manage.py", "migrate", "--noinput")),
                RuntimeNeeds.migrate(d, List.of("postgres", "redis")));
        // SQLite: a one-shot container would migrate a database file the app never sees
        assertNull(RuntimeNeeds.migrate(d, List.of("redis")));
        repo.file("Procfile", "web: gunicorn shop.wsgi", "release: python manage.py migrate && python manage.py collectstatic --noinput");
        assertEquals(Migrate.inAppImage(List.of("sh", "-c", "python manage.py migrate && python manage.py collectstatic --noinput")),
                RuntimeNeeds.migrate(draft(Language.PYTHON), List.of("postgres")));
    }

    /** Flask-Migrate without a migrations directory in the repository: nothing to run. */
    @Test
    void noMigrationsInTheRepositoryNoMigrateStep() {
        repo.file("requirements.txt", "flask", "flask-migrate", "psycopg2").file("app.py", "from flask import Flask",
                "app = Flask(__name__)");
        assertNull(RuntimeNeeds.migrate(draft(Language.PYTHON), List.of("postgres")));
    }

    /** Through init: a Go app on postgres with golang-migrate SQL and a config file gets both in its descriptor. */
    @Test
    void initWritesTheFilesAndTheMigrateStepIntoTheDescriptor() {
        repo.file("go.mod", "module example.com/api", "", "go 1.22", "", "require github.com/jackc/pgx/v5 v5.5.0")
                .file("main.go", "package main", "", "func main() {",
                        "\tcfg := config.Load(\"./config/app.yml\")",
                        "\tdb, _ := pgxpool.New(ctx, os.Getenv(\"DATABASE_URL\"))",
                        "\trdb := redis.NewClient(&redis.Options{", "\t\tAddr: os.Getenv(\"CACHE\"),", "\t})",
                        "\thttp.ListenAndServe(\":8080\", nil)", "}")
                .file("config/app.yml", "name: api")
                .file("migrations/000001_init.up.sql", "create table t();")
                .file("migrations/000001_init.down.sql", "drop table t;");
        Detection det = repo.detect();
        dev.devops.descriptor.App a = det.descriptor().apps().get(0);
        assertEquals(List.of("config"), a.files());
        assertEquals("migrations", a.migrate().mount());
        assertEquals("postgres.url", a.env().get("DATABASE_URL").from());
        RepoFixture.assertRoundTrip(det.descriptor());
    }

    /** The migration directory named in a config file the app loads (viper's app.env): the app runs them, they go in. */
    @Test
    void migrationsTheAppRunsByItsConfigFileAreCopiedNotRunTwice() {
        repo.file("go.mod", "module example.com/bank", "", "go 1.22")
                .file("main.go", "package main", "", "func main() {", "\tviper.AddConfigPath(path)", "\tviper.SetConfigName(\"app\")",
                        "\tviper.SetConfigType(\"env\")", "\tm, _ := migrate.New(config.MigrationURL, config.DBSource)",
                        "\thttp.ListenAndServe(\":8080\", nil)", "}")
                .file("app.env", "DB_SOURCE=postgresql://root:" + "s3cr" + "et@localhost:5432/bank?sslmode=disable",
                        "MIGRATION_URL=file://db/migration")
                .file("db/migration/000001_init.up.sql", "create table t();")
                .file("db/migration/000001_init.down.sql", "drop table t;")
                .file("db/query/account.sql", "-- name: GetAccount :one")
                .file("db/sqlc/db.go", "package db");
        AppDraft d = draft(Language.GO);
        assertEquals(List.of("app.env", "db/migration"), d.files);
        assertNull(RuntimeNeeds.migrate(d, List.of("postgres")));
    }
}
