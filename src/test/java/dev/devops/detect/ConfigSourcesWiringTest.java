package dev.devops.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.descriptor.App;
import dev.devops.descriptor.Descriptor;
import dev.devops.descriptor.EnvVar;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, classes 1 and 2, second pass: what an app's ORM schema, framework profiles and configuration files say
 * about its variables and services (required ORM connections, the production Spring profile's datasource, config
 * files that give defaults, INI database sections). One small synthetic repository per mechanism.
 */
class ConfigSourcesWiringTest {
    @TempDir
    Path dir;
    RepoFixture repo;

    @BeforeEach
    void setUp() {
        repo = new RepoFixture(dir.resolve("app"));
    }

    private static EnvVar v(App a, String name) {
        EnvVar v = a.env().get(name);
        assertTrue(v != null, () -> name + " not among " + a.env().keySet());
        return v;
    }

    // ---- class 1: an ORM that cannot start without its connection variable makes it required ----------------

    @Test
    void prismaSchemaDatasourceUrlIsRequiredEvenWhenCodeAlsoTestsIt() {
        repo.packageJson(".", "{'scripts':{'start':'node index.js'},'dependencies':{'@prisma/client':'5'}}")
                .file("prisma/schema.prisma",
                        "datasource db {",
                        "  provider = \"postgresql\"",
                        "  url      = env(\"DATABASE_URL\")",
                        "  shadowDatabaseUrl = env(\"SHADOW_DATABASE_URL\")",
                        "}")
                .file("index.js",
                        "const url = process.env.DATABASE_URL;",
                        "if (url) { console.log('db at', new URL(url).host); }");
        App a = repo.app();
        assertTrue(v(a, "DATABASE_URL").required(), "Prisma cannot start without its datasource url");
        assertEquals("postgres.url", v(a, "DATABASE_URL").from(), "and the stack still sets it");
        assertFalse(v(a, "SHADOW_DATABASE_URL").required(), "prisma migrate dev only");
    }

    @Test
    void prismaConfigEnvHelperIsRequired() {
        repo.packageJson(".", "{'scripts':{'start':'node index.js'},'dependencies':{'@prisma/client':'7','prisma':'7'}}")
                .file("prisma/schema.prisma", "datasource db {", "  provider = \"postgresql\"", "}")
                .file("prisma.config.ts",
                        "import 'dotenv/config';",
                        "import { defineConfig, env } from 'prisma/config';",
                        "export default defineConfig({ datasource: { url: env('DATABASE_URL') } });")
                .file("index.js", "export const type = (url = process.env.DATABASE_URL) => url && url.split(':')[0];");
        App a = repo.app();
        assertTrue(v(a, "DATABASE_URL").required(), "prisma/config's env() throws when unset");
    }

    @Test
    void sequelizeUseEnvVariableIsRequired() {
        repo.packageJson(".", "{'scripts':{'start':'node index.js'},'dependencies':{'sequelize':'6','pg':'8'}}")
                .file("config/config.json",
                        "{ \"production\": { \"use_env_variable\": \"DATABASE_URL\", \"dialect\": \"postgres\" } }")
                .file("index.js", "const { Sequelize } = require('sequelize');", "if (process.env.DEBUG_SQL) { log(); }");
        App a = repo.app();
        assertTrue(v(a, "DATABASE_URL").required(), "Sequelize opens its connection from use_env_variable");
    }
}
