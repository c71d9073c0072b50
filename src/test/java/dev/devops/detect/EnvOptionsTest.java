package dev.devops.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The role of a variable from the option it is passed to (issue 9 class 2: wiring by the client's own option). */
class EnvOptionsTest {
    @TempDir
    Path dir;

    /** Every read of {@code name} in {@code file} (its line and column, as EnvScanner reports them). */
    private static List<EnvReference> reads(RepoFixture repo, String file, String name) {
        String text = RepoFiles.walk(repo.root).source(file);
        List<EnvReference> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int c = lines[i].indexOf("\"" + name + "\"");
            c = c >= 0 ? c + 1 : lines[i].indexOf("." + name) >= 0 ? lines[i].indexOf("." + name) + 1 : -1;
            if (c >= 0) {
                out.add(new EnvReference(name, file, i + 1, c + 1, null, EnvReference.Kind.GO_GETENV));
            }
        }
        return out;
    }

    private String attribute(RepoFixture repo, String file, String name, List<String> services, String byName) {
        return EnvOptions.attribute(RepoFiles.walk(repo.root), reads(repo, file, name), services, byName);
    }

    @Test
    void aVariablePassedAsRedisAddrIsTheHostAndPort() {
        RepoFixture repo = new RepoFixture(dir.resolve("a")).file("db/db.go", "package db", "",
                "func InitRedis() {",
                "\tvar redisHost = os.Getenv(\"REDIS_HOST\")",
                "\tRedisClient = redis.NewClient(&redis.Options{",
                "\t\tAddr:     os.Getenv(\"CACHE\"),",
                "\t\tPassword: os.Getenv(\"CACHE_SECRET\"),",
                "\t\tDB:       os.Getenv(\"CACHE_DB\"),",
                "\t})", "}");
        List<String> services = List.of("postgres", "redis");
        assertEquals("redis.address", attribute(repo, "db/db.go", "CACHE", services, null), "the name tells nothing");
        assertNull(attribute(repo, "db/db.go", "CACHE_SECRET", services, null), "the stack's redis has no password");
        assertNull(attribute(repo, "db/db.go", "CACHE_DB", services, null), "redis' DB is an index, not a name");
        assertNull(attribute(repo, "db/db.go", "REDIS_HOST", services, "redis.host"), "not passed to an option here");
    }

    @Test
    void aUrlNamedVariablePassedAsAHostIsTheHost() {
        RepoFixture repo = new RepoFixture(dir.resolve("b")).file("db.js", "const { Pool } = require('pg');",
                "const pool = new Pool({",
                "  host: process.env.DATABASE_URL,",
                "  user: process.env.PGUSERNAME,",
                "  database: process.env.APP_DB,",
                "});");
        List<String> services = List.of("postgres");
        assertEquals("postgres.host", attribute(repo, "db.js", "DATABASE_URL", services, "postgres.url"));
        assertEquals("postgres.user", attribute(repo, "db.js", "PGUSERNAME", services, null));
        assertEquals("postgres.database", attribute(repo, "db.js", "APP_DB", services, null));
    }

    @Test
    void pythonKeywordArgumentsOfTheClientNameTheService() {
        RepoFixture repo = new RepoFixture(dir.resolve("c")).file("app.py", "import os, psycopg2, redis",
                "cache = redis.Redis(host=os.getenv(\"CACHE_SERVER\"), port=6379)",
                "conn = psycopg2.connect(",
                "    host=os.getenv(\"PRIMARY\"),",
                "    password=os.environ[\"PRIMARY_SECRET\"])",
                "timeout = os.getenv(\"TIMEOUT\")");
        List<String> services = List.of("postgres", "redis");
        assertEquals("redis.host", attribute(repo, "app.py", "CACHE_SERVER", services, null));
        assertEquals("postgres.host", attribute(repo, "app.py", "PRIMARY", services, null));
        assertEquals("postgres.password", attribute(repo, "app.py", "PRIMARY_SECRET", services, null));
        assertNull(attribute(repo, "app.py", "TIMEOUT", services, null), "no option, no role");
        RepoFixture server = new RepoFixture(dir.resolve("d")).file("main.go", "package main", "func main() {",
                "\ts := &http.Server{", "\t\tAddr: os.Getenv(\"LISTEN\"),", "\t}", "\tdb, _ := sql.Open(\"pgx\", dsn)",
                "\tcfg := Config{User: os.Getenv(\"OWNER\")}", "}");
        assertNull(attribute(server, "main.go", "LISTEN", List.of("postgres"), null), "the app's own server, not a client");
        assertEquals("postgres.user", attribute(server, "main.go", "OWNER", List.of("postgres", "redis"), null),
                "a user option with one database in the stack");
    }
}
