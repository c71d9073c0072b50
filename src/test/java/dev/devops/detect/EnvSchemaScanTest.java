package dev.devops.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.detect.EnvReference.Kind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** Variables read through schema libraries (envalid, zod, Joi, @t3-oss/env, pydantic-settings), scanned from temp dirs. */
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class EnvSchemaScanTest {
    @TempDir
    Path dir;

    private List<EnvReference> scan(String path, String... lines) {
        new RepoFixture(dir).file(path, String.join("\n", lines) + "\n");
        return EnvScanner.scan(dir, path);
    }

    private static List<EnvReference> ofKind(List<EnvReference> refs, Kind kind) {
        return refs.stream().filter(r -> r.kind() == kind).toList();
    }

    private static void assertRef(EnvReference r, String name, int line, int column, String def, boolean optional, Kind kind) {
        assertEquals(name, r.name(), "name");
        assertEquals(line, r.line(), name + " line");
        assertEquals(column, r.column(), name + " column");
        assertEquals(def, r.defaultValue(), name + " default");
        assertEquals(optional, r.optional(), name + " optional");
        assertEquals(kind, r.kind(), name + " kind");
    }

    @Test
    void envalidCleanEnvKeysAndDefaults() {
        List<EnvReference> refs = scan("src/env.ts",
                "import { cleanEnv, port, str, url } from 'envalid';",
                "export const env = cleanEnv(process.env, {",
                "  PORT: port({ default: 3000 }),",
                "  DATABASE_URL: url(),",
                "  // OLD_VAR: str(),",
                "  'LOG_LEVEL': str({ choices: ['debug', 'info'], default: 'info' }),",
                "  API_KEY: str({ devDefault: 'dev-only' }),",
                "  NESTED: str({ desc: 'x', example: \"{ NOT_A_KEY: 1 }\" }),",
                "});");
        assertEquals(List.of("PORT", "DATABASE_URL", "LOG_LEVEL", "API_KEY", "NESTED"),
                refs.stream().map(EnvReference::name).toList());
        assertRef(refs.get(0), "PORT", 3, 3, "3000", true, Kind.ENVALID);
        assertRef(refs.get(1), "DATABASE_URL", 4, 3, null, false, Kind.ENVALID);
        assertRef(refs.get(2), "LOG_LEVEL", 6, 4, "info", true, Kind.ENVALID);
        assertRef(refs.get(3), "API_KEY", 7, 3, null, false, Kind.ENVALID);
        assertTrue(refs.get(1).kind().requiredWithoutDefault());
    }

    @Test
    void envalidWithSchemaVariableAndNonEnvSource() {
        List<EnvReference> refs = scan("config.js",
                "const { cleanEnv, str } = require('envalid');",
                "const spec = {",
                "  SMTP_HOST: str(),",
                "};",
                "module.exports = cleanEnv(process.env, spec);",
                "const other = cleanEnv(fixtures, { FROM_FIXTURE: str() });");
        assertEquals(1, refs.size(), refs::toString);
        assertRef(refs.get(0), "SMTP_HOST", 3, 3, null, false, Kind.ENVALID);
    }

    @Test
    void zodObjectParsedInlineAndThroughAVariable() {
        List<EnvReference> refs = scan("src/env.ts",
                "import { z } from 'zod';",
                "const envSchema = z.object({",
                "  DATABASE_URL: z.string().url(),",
                "  PORT: z.coerce.number().default(3000),",
                "  SENTRY_DSN: z.string().optional(),",
                "  \"QUOTED_KEY\": z.string(),",
                "  nested: z.object({ INNER: z.string() }),",
                "});",
                "export const env = envSchema.parse(process.env);",
                "const flags = z.object({",
                "  FEATURE_X: z.enum(['on', 'off']).default('off'),",
                "}).safeParse(process.env);");
        List<EnvReference> zod = ofKind(refs, Kind.ZOD);
        assertEquals(List.of("DATABASE_URL", "PORT", "SENTRY_DSN", "QUOTED_KEY", "nested", "FEATURE_X"),
                zod.stream().map(EnvReference::name).toList());
        assertRef(zod.get(0), "DATABASE_URL", 3, 3, null, false, Kind.ZOD);
        assertRef(zod.get(1), "PORT", 4, 3, "3000", true, Kind.ZOD);
        assertRef(zod.get(2), "SENTRY_DSN", 5, 3, null, true, Kind.ZOD);
        assertRef(zod.get(3), "QUOTED_KEY", 6, 4, null, false, Kind.ZOD);
        assertRef(zod.get(5), "FEATURE_X", 11, 3, "off", true, Kind.ZOD);
    }

    @Test
    void zodObjectNotParsedFromTheEnvironmentIsNotEnv() {
        List<EnvReference> refs = scan("src/user.ts",
                "import { z } from 'zod';",
                "const User = z.object({ EMAIL: z.string().email(), NAME: z.string() });",
                "export const user = User.parse(req.body);",
                "const Form = z.object({ TITLE: z.string() });",
                "// Form.parse(process.env)",
                "const s = 'Form.parse(process.env)';",
                "const p = process.env.PORT;");
        assertEquals(List.of("PORT"), refs.stream().map(EnvReference::name).toList());
    }

    @Test
    void joiSchemaValidatingProcessEnv() {
        List<EnvReference> refs = scan("src/config/config.js",
                "const Joi = require('joi');",
                "",
                "const envVarsSchema = Joi.object()",
                "  .keys({",
                "    NODE_ENV: Joi.string().valid('production', 'development', 'test').required(),",
                "    PORT: Joi.number().default(3000),",
                "    MONGODB_URL: Joi.string().required().description('Mongo DB url'),",
                "    JWT_SECRET: Joi.string(),",
                "  })",
                "  .unknown();",
                "",
                "const { value: envVars, error } = envVarsSchema.prefs({ errors: { label: 'key' } }).validate(process.env);",
                "const body = Joi.object({ USERNAME: Joi.string() });",
                "body.validate(req.body);");
        assertEquals(List.of("NODE_ENV", "PORT", "MONGODB_URL", "JWT_SECRET"), refs.stream().map(EnvReference::name).toList());
        assertRef(refs.get(0), "NODE_ENV", 5, 5, null, false, Kind.JOI);
        assertRef(refs.get(1), "PORT", 6, 5, "3000", true, Kind.JOI);
        assertRef(refs.get(2), "MONGODB_URL", 7, 5, null, false, Kind.JOI);
        assertRef(refs.get(3), "JWT_SECRET", 8, 5, null, true, Kind.JOI); // Joi keys are optional unless required()
    }

    @Test
    void joiAttemptAndInlineValidate() {
        List<EnvReference> refs = scan("env.mjs",
                "import Joi from 'joi';",
                "const schema = Joi.object({ REDIS_URL: Joi.string().uri() }).options({ presence: 'required' });",
                "export const env = Joi.attempt(process.env, schema);",
                "const { value } = Joi.object({ 'QUEUE_NAME': Joi.string() }).unknown().validate(process.env);");
        assertEquals(2, refs.size(), refs::toString);
        assertRef(refs.get(0), "REDIS_URL", 2, 29, null, false, Kind.JOI);
        assertRef(refs.get(1), "QUEUE_NAME", 4, 33, null, false, Kind.JOI);
    }

    @Test
    void jsonSchemaOfFastifyEnvRequiredListAndDefaults() {
        // @fastify/env / env-schema: the variables are the properties of a JSON Schema; none was read before, so the
        // MySQL service init added from the driver was wired to nothing
        List<EnvReference> refs = ofKind(scan("src/plugins/env.ts",
                "import env from '@fastify/env'",
                "const schema = {",
                "  type: 'object',",
                "  required: ['MYSQL_HOST', 'MYSQL_PASSWORD', 'COOKIE_SECRET'],",
                "  properties: {",
                "    MYSQL_HOST: { type: 'string', default: 'localhost' },",
                "    MYSQL_PASSWORD: { type: 'string' },",
                "    COOKIE_SECRET: {",
                "      type: 'string'",
                "    },",
                "    RATE_LIMIT_MAX: { type: 'number', default: 100 },",
                "    LOG_LEVEL: { type: 'string', enum: ['info', 'debug'] }",
                "  }",
                "}",
                "export default fp(async (f) => f.register(env, { schema, dotenv: true }))"), Kind.JSON_SCHEMA_ENV);
        assertEquals(List.of("MYSQL_HOST", "MYSQL_PASSWORD", "COOKIE_SECRET", "RATE_LIMIT_MAX", "LOG_LEVEL"),
                refs.stream().map(EnvReference::name).toList());
        assertRef(refs.get(0), "MYSQL_HOST", 6, 5, "localhost", true, Kind.JSON_SCHEMA_ENV);
        assertRef(refs.get(1), "MYSQL_PASSWORD", 7, 5, null, false, Kind.JSON_SCHEMA_ENV);
        assertRef(refs.get(2), "COOKIE_SECRET", 8, 5, null, false, Kind.JSON_SCHEMA_ENV);
        assertRef(refs.get(3), "RATE_LIMIT_MAX", 11, 5, "100", true, Kind.JSON_SCHEMA_ENV);
        assertRef(refs.get(4), "LOG_LEVEL", 12, 5, null, true, Kind.JSON_SCHEMA_ENV);
        assertTrue(scan("src/other.ts", "const s = { required: ['A'], properties: { A: { type: 'string' } } }").stream()
                .noneMatch(r -> r.kind() == Kind.JSON_SCHEMA_ENV), "a JSON Schema not handed to an env validator");
    }

    @Test
    void t3CreateEnvServerClientAndShared() {
        List<EnvReference> refs = scan("src/env.mjs",
                "import { createEnv } from '@t3-oss/env-nextjs';",
                "import { z } from 'zod';",
                "export const env = createEnv({",
                "  server: {",
                "    DATABASE_URL: z.string().url(),",
                "    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),",
                "  },",
                "  client: {",
                "    NEXT_PUBLIC_SITE_URL: z.string().url().optional(),",
                "  },",
                "  shared: { VERCEL_URL: z.string().optional() },",
                "  runtimeEnv: {",
                "    DATABASE_URL: process.env.DATABASE_URL,",
                "  },",
                "  emptyStringAsUndefined: true,",
                "});");
        List<EnvReference> t3 = ofKind(refs, Kind.T3_ENV);
        assertEquals(List.of("DATABASE_URL", "NODE_ENV", "NEXT_PUBLIC_SITE_URL", "VERCEL_URL"),
                t3.stream().map(EnvReference::name).toList());
        assertRef(t3.get(0), "DATABASE_URL", 5, 5, null, false, Kind.T3_ENV);
        assertRef(t3.get(1), "NODE_ENV", 6, 5, "development", true, Kind.T3_ENV);
        assertRef(t3.get(2), "NEXT_PUBLIC_SITE_URL", 9, 5, null, true, Kind.T3_ENV);
        assertRef(t3.get(3), "VERCEL_URL", 11, 13, null, true, Kind.T3_ENV);
        // runtimeEnv's process.env read is still found by the plain scanner
        assertEquals(1, ofKind(refs, Kind.PROCESS_ENV).size());
        assertEquals(13, ofKind(refs, Kind.PROCESS_ENV).get(0).line());
    }

    @Test
    void pydanticSettingsV2WithPrefixAndAliases() {
        List<EnvReference> refs = scan("app/config.py",
                "from pydantic import Field, AliasChoices",
                "from pydantic_settings import BaseSettings, SettingsConfigDict",
                "",
                "class Settings(BaseSettings):",
                "    \"\"\"App settings.",
                "",
                "not_a_field: str",
                "    \"\"\"",
                "    model_config = SettingsConfigDict(env_prefix=\"APP_\", env_file=\".env\")",
                "",
                "    database_url: str",
                "    redis_url: str = \"redis://localhost:6379/0\"  # comment: int",
                "    debug: bool = False",
                "    api_key: str = Field(validation_alias=AliasChoices('SERVICE_API_KEY', 'api_key'))",
                "    token: str = Field(",
                "        ...,",
                "        alias='AUTH_TOKEN',",
                "    )",
                "    workers: int = Field(4, description='how many')",
                "    _private: str = 'x'",
                "    timeout: Optional[int] = None",
                "",
                "    def url(self) -> str:",
                "        local: str = 'x'",
                "        return self.database_url",
                "",
                "outside: str = 'x'");
        assertEquals(List.of("APP_DATABASE_URL", "APP_REDIS_URL", "APP_DEBUG", "SERVICE_API_KEY", "AUTH_TOKEN",
                "APP_WORKERS", "APP_TIMEOUT"), refs.stream().map(EnvReference::name).toList());
        assertRef(refs.get(0), "APP_DATABASE_URL", 11, 5, null, false, Kind.PYDANTIC_SETTINGS);
        assertRef(refs.get(1), "APP_REDIS_URL", 12, 5, "redis://localhost:6379/0", true, Kind.PYDANTIC_SETTINGS);
        assertRef(refs.get(2), "APP_DEBUG", 13, 5, "False", true, Kind.PYDANTIC_SETTINGS);
        assertRef(refs.get(3), "SERVICE_API_KEY", 14, 5, null, false, Kind.PYDANTIC_SETTINGS);
        assertRef(refs.get(4), "AUTH_TOKEN", 15, 5, null, false, Kind.PYDANTIC_SETTINGS);
        assertRef(refs.get(5), "APP_WORKERS", 19, 5, "4", true, Kind.PYDANTIC_SETTINGS);
        assertRef(refs.get(6), "APP_TIMEOUT", 21, 5, null, true, Kind.PYDANTIC_SETTINGS);
    }

    @Test
    void pydanticV1ConfigClassAndFieldEnv() {
        List<EnvReference> refs = scan("settings.py",
                "import pydantic",
                "class Settings(pydantic.BaseSettings):",
                "    secret_key: str = pydantic.Field(..., env='DJANGO_SECRET')",
                "    allowed_hosts: str = 'localhost'",
                "",
                "    class Config:",
                "        env_prefix = 'MY_'",
                "        case_sensitive = False",
                "",
                "settings = Settings()");
        assertEquals(2, refs.size(), refs::toString);
        assertRef(refs.get(0), "DJANGO_SECRET", 3, 5, null, false, Kind.PYDANTIC_SETTINGS);
        assertRef(refs.get(1), "MY_ALLOWED_HOSTS", 4, 5, "localhost", true, Kind.PYDANTIC_SETTINGS);
    }

    @Test
    void pydanticAnnotatedFieldAlias() {
        List<EnvReference> refs = scan("conf.py",
                "from typing import Annotated",
                "class Conf(BaseSettings):",
                "    broker: Annotated[str, Field(alias='CELERY_BROKER_URL')] = 'redis://localhost'",
                "    backend: Annotated[str, Field(description='d')]",
                "    try:",
                "        pass",
                "    except ImportError:",
                "        pass");
        assertEquals(2, refs.size(), refs::toString);
        assertRef(refs.get(0), "CELERY_BROKER_URL", 3, 5, "redis://localhost", true, Kind.PYDANTIC_SETTINGS);
        assertRef(refs.get(1), "BACKEND", 4, 5, null, false, Kind.PYDANTIC_SETTINGS);
    }

    @Test
    void pydanticCaseSensitiveKeepsNames() {
        List<EnvReference> refs = scan("s.py",
                "class S(BaseSettings):",
                "    model_config = {'case_sensitive': True, 'env_prefix': 'svc_'}",
                "    Region: str");
        assertEquals(1, refs.size(), refs::toString);
        assertRef(refs.get(0), "svc_Region", 3, 5, null, false, Kind.PYDANTIC_SETTINGS);
    }

    @Test
    void pydanticBaseModelIsNotSettings() {
        List<EnvReference> refs = scan("models.py",
                "from pydantic import BaseModel",
                "from pydantic_settings import BaseSettings",
                "class User(BaseModel):",
                "    email: str",
                "class Mixed(SomethingElse):",
                "    name: str",
                "class Derived(MyBaseSettings):",
                "    other: str");
        assertTrue(refs.isEmpty(), refs::toString);
    }

    @Test
    void truncatedAndUnbalancedFilesNeverThrow() {
        String[] broken = {
            "const env = cleanEnv(process.env, { PORT: port({ default: ",
            "const s = z.object({ A: z.string(), B: z.string().default('x'",
            "const s = z.object({ A: z.string() }).parse(process.env",
            "Joi.object({ A: Joi.string() }))).validate(process.env)}}]",
            "createEnv({ server: { A: z.string(), ",
            "createEnv({ server: { 'UNTERMINATED: z.string() } });",
            "const r = /[{(]/; const t = `${'{'}`; z.object({ OK_KEY: z.string() }).parse(process.env);",
            "cleanEnv(process.env, spec); cleanEnv(process.env); cleanEnv(",
            "z.object(shape).parse(process.env); z.object().parse(process.env)",
            "/* z.object({ IN_COMMENT: z.string() }).parse(process.env)",
        };
        for (String js : broken) {
            List<EnvReference> refs = EnvScanner.scan("src/broken.ts", js);
            refs.forEach(r -> assertFalse(r.name().isEmpty()));
            if (js.contains("OK_KEY")) {
                assertEquals(List.of("OK_KEY"), refs.stream().map(EnvReference::name).toList());
            }
            if (js.contains("IN_COMMENT")) {
                assertTrue(refs.isEmpty(), refs::toString);
            }
        }
        String[] brokenPy = {
            "class Settings(BaseSettings",
            "class Settings(BaseSettings):",
            "class Settings(BaseSettings):\n    a: str = Field(",
            "class Settings(BaseSettings):\n    \"\"\"unterminated\n    a: str",
            "class Settings(BaseSettings):\n    a: str = Field(alias=)\n    b:",
            "class Settings(BaseSettings):\n\tmodel_config = SettingsConfigDict(env_prefix='\n\tx: int = 1",
        };
        for (String py : brokenPy) {
            List<EnvReference> refs = EnvScanner.scan("app/broken.py", py);
            refs.forEach(r -> assertFalse(r.name().isEmpty()));
        }
        assertEquals(List.of("A"), EnvScanner.scan("app/ok.py", "class S(BaseSettings):\n    a: str = Field(alias=)\n")
                .stream().map(EnvReference::name).toList());
    }

    @Test
    void schemaReadsReachTheDetectedDescriptor() {
        new RepoFixture(dir)
                .file("package.json", "{\"name\":\"api\",\"dependencies\":{\"express\":\"4.18.2\",\"zod\":\"3.22.4\"}}")
                .file("src/env.js", String.join("\n",
                        "const { z } = require('zod');",
                        "const schema = z.object({",
                        "  REDIS_URL: z.string(),",
                        "  LOG_LEVEL: z.string().default('info'),",
                        "  SENTRY_DSN: z.string().optional(),",
                        "  STRIPE_SECRET: z.string(),",
                        "});",
                        "module.exports = schema.parse(process.env);", ""));
        var app = Detector.detect(dir, Overrides.NONE).descriptor().apps().get(0);
        assertTrue(app.env().containsKey("REDIS_URL"), app.env()::toString);
        assertEquals("info", app.env().get("LOG_LEVEL").defaultValue());
        assertFalse(app.env().get("LOG_LEVEL").required());
        assertFalse(app.env().get("SENTRY_DSN").required());
        assertTrue(app.env().get("STRIPE_SECRET").required());
        assertTrue(app.env().get("STRIPE_SECRET").secret());
    }

    @Test
    @ResourceLock(Resources.GLOBAL) // a time bound: measured with no other test class running
    void manySchemasInOneLargeFileStayFast() {
        StringBuilder js = new StringBuilder("import { z } from 'zod';\n");
        for (int i = 0; i < 4000; i++) {
            js.append("const Schema").append(i).append(" = z.object({ FIELD_").append(i).append(": z.string(), nested: z.object({ x: z.number() }) });\n");
        }
        js.append("export const env = Schema3999.parse(process.env);\n");
        StringBuilder py = new StringBuilder();
        for (int i = 0; i < 4000; i++) {
            py.append("class Model").append(i).append(i % 2 == 0 ? "(BaseModel):\n" : "(BaseSettings):\n")
                    .append("    field_").append(i).append(": str = Field(None, alias='x')\n    other: int = 1\n\n");
        }
        long t0 = System.nanoTime();
        List<EnvReference> jsRefs = EnvScanner.scan("schemas.ts", js.toString());
        List<EnvReference> pyRefs = EnvScanner.scan("models.py", py.toString());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(List.of("FIELD_3999", "nested"), jsRefs.stream().map(EnvReference::name).toList());
        assertEquals(4000, pyRefs.size());
        assertTrue(ms < 10_000, "scanning took " + ms + " ms");
        System.out.println("schema scan of " + (js.length() + py.length()) / 1024 + " KB: " + ms + " ms");
    }
}
