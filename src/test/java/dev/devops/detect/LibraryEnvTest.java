package dev.devops.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 class 2 (services wired through the variables the app really reads): a client library constructed without
 * its connection settings reads documented variables by itself — node-postgres and postgres.js libpq's PG*, TypeORM
 * its TYPEORM_* without an ormconfig file.
 */
class LibraryEnvTest {
    @TempDir
    Path dir;

    private Map<String, EnvReference> reads(String path, String... code) {
        RepoFixture repo = new RepoFixture(dir).file(path, code);
        String text = String.join("\n", code) + "\n";
        return LibraryEnv.reads(RepoFiles.walk(dir), ".", path, text).stream()
                .collect(Collectors.toMap(EnvReference::name, r -> r, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @Test
    void nodePostgresWithoutConnectionSettingsReadsLibpqVariables() {
        for (String construct : List.of("const pool = new Pool()", "const pool = new pg.Pool({ max: 20, idleTimeoutMillis: 1000 })",
                "const client = new Client();")) {
            Map<String, EnvReference> r = reads("db.js", "const { Pool, Client } = require('pg')", "const pg = require('pg')", construct);
            assertEquals(LibraryEnv.LIBPQ, List.copyOf(r.keySet()), construct);
            EnvReference host = r.get("PGHOST");
            assertEquals(3, host.line());
            assertEquals(EnvReference.Kind.LIBRARY_DEFAULT, host.kind());
            assertTrue(host.optional(), "libpq has its own defaults");
        }
        assertEquals(LibraryEnv.LIBPQ, List.copyOf(reads("sql.ts", "import postgres from 'postgres'", "export const sql = postgres()").keySet()));
    }

    @Test
    void explicitConnectionSettingsOrAnotherLibrarysPoolReadNothing() {
        for (String construct : List.of("new Pool({ connectionString: process.env.DATABASE_URL })",
                "new Pool({ host: cfg.host, user: cfg.user })", "new Client(process.env.DATABASE_URL)", "new Pool(config)",
                "new Client('postgres://app@db/app')")) {
            assertEquals(Map.of(), reads("db.js", "const { Pool, Client } = require('pg')", construct), construct);
        }
        assertEquals(Map.of(), reads("w.js", "const { Pool } = require('generic-pool')", "new Pool()"));
        assertEquals(Map.of(), reads("w.js", "const { Pool } = require('pg')", "// no pool is made here"));
    }

    @Test
    void typeormWithoutOptionsOrOrmconfigReadsItsVariablesWithTheCommittedExamplesValues() {
        new RepoFixture(dir).file("ormconfig.json.example", "{\"type\": \"mysql\", \"host\": \"localhost\", \"port\": 3306,",
                "\"username\": \"your-user\", \"password\": \"your-password\", \"database\": \"realworld\",",
                "\"entities\": [\"src/**/**.entity{.ts,.js}\"], \"synchronize\": true}");
        Map<String, EnvReference> r = reads("src/app.module.ts", "import { TypeOrmModule } from '@nestjs/typeorm';",
                "@Module({ imports: [TypeOrmModule.forRoot()] })", "export class AppModule {}");
        assertEquals(List.of("TYPEORM_CONNECTION", "TYPEORM_HOST", "TYPEORM_PORT", "TYPEORM_USERNAME", "TYPEORM_PASSWORD",
                "TYPEORM_DATABASE", "TYPEORM_SYNCHRONIZE", "TYPEORM_ENTITIES"), List.copyOf(r.keySet()));
        assertEquals("mysql", r.get("TYPEORM_CONNECTION").defaultValue());
        assertTrue(r.get("TYPEORM_CONNECTION").kind().declaresRequired(), "TypeORM finds no connection options without it");
        assertEquals("realworld", r.get("TYPEORM_DATABASE").defaultValue());
        assertEquals("src/**/**.entity{.ts,.js}", r.get("TYPEORM_ENTITIES").defaultValue());
        assertEquals(null, r.get("TYPEORM_PASSWORD").defaultValue(), "the example's placeholder password is no default");

        new RepoFixture(dir).file("ormconfig.json", "{\"type\": \"mysql\"}");
        assertEquals(Map.of(), reads("src/app.module.ts", "import { TypeOrmModule } from '@nestjs/typeorm';",
                "@Module({ imports: [TypeOrmModule.forRoot()] })"), "the ormconfig file configures it");
    }
}
