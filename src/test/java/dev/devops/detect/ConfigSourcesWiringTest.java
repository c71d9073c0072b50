package dev.devops.detect;

import static dev.devops.detect.RepoFixture.v;
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

    // ---- class 2: the production Spring profile's datasource decides the database --------------------------

    private static final String BOOT_PARENT = "<parent><groupId>org.springframework.boot</groupId>"
            + "<artifactId>spring-boot-starter-parent</artifactId><version>3.3.0</version></parent>\n";

    @Test
    void mavenProdProfileDriverAndFilteredActiveProfileWireThePostgresDatasource() {
        repo.pom(".", BOOT_PARENT + "<properties><profile.tls/></properties>\n"
                        + RepoFixture.deps("org.springframework.boot:spring-boot-starter-data-jpa")
                        + "<profiles>"
                        + "<profile><id>dev</id><activation><activeByDefault>true</activeByDefault></activation>"
                        + "<properties><spring.profiles.active>dev${profile.tls}</spring.profiles.active></properties>"
                        + RepoFixture.deps("com.h2database:h2") + "</profile>"
                        + "<profile><id>prod</id>"
                        + "<properties><spring.profiles.active>prod${profile.tls}</spring.profiles.active></properties>"
                        + RepoFixture.deps("org.postgresql:postgresql") + "</profile>"
                        + "</profiles>")
                .file("src/main/resources/config/application.yml", "spring:", "  profiles:",
                        "    active: '@spring.profiles.active@'")
                .file("src/main/resources/config/application-dev.yml", "spring:", "  datasource:",
                        "    url: jdbc:h2:mem:shop")
                .file("src/main/resources/config/application-prod.yml", "spring:", "  datasource:",
                        "    url: jdbc:postgresql://localhost:5432/shop", "    username: shop");
        Descriptor d = repo.detect().descriptor();
        assertEquals(java.util.List.of("postgres"), java.util.List.copyOf(d.services().keySet()));
        App a = d.apps().get(0);
        assertEquals("postgres.jdbc", v(a, "SPRING_DATASOURCE_URL").from());
        assertEquals("postgres.user", v(a, "SPRING_DATASOURCE_USERNAME").from());
        assertEquals("postgres.password", v(a, "SPRING_DATASOURCE_PASSWORD").from());
        assertFalse(a.env().containsKey("SPRING_PROFILES_ACTIVE"), "the -Pprod build already makes prod active");
    }

    @Test
    void productionProfileFileDecidesWhenTheDefaultProfileIsEmbedded() {
        repo.pom(".", BOOT_PARENT + RepoFixture.deps("org.springframework.boot:spring-boot-starter-data-jpa",
                        "com.h2database:h2", "org.postgresql:postgresql", "com.mysql:mysql-connector-j"))
                .file("src/main/resources/application.properties", "spring.datasource.url=jdbc:h2:mem:shop")
                .file("src/main/resources/application-production.properties",
                        "spring.datasource.url=jdbc:mysql://localhost:3306/shop");
        Detection det = repo.detect();
        Descriptor d = det.descriptor();
        assertEquals(java.util.List.of("mysql"), java.util.List.copyOf(d.services().keySet()),
                () -> String.join("\n", det.evidence()));
        App a = d.apps().get(0);
        assertEquals("mysql.jdbc", v(a, "SPRING_DATASOURCE_URL").from());
        assertEquals("production", v(a, "SPRING_PROFILES_ACTIVE").defaultValue(), "the default profile would use H2");
    }

    @Test
    void springProfilesActiveDefaultNamesTheProductionProfile() {
        repo.file("build.gradle", "plugins { id 'org.springframework.boot' version '3.3.0' }",
                        "dependencies { runtimeOnly 'com.h2database:h2'; runtimeOnly 'org.postgresql:postgresql';"
                        + " runtimeOnly 'com.mysql:mysql-connector-j' }")
                .file("src/main/resources/application.yml", "spring:", "  profiles:",
                        "    active: ${SPRING_PROFILES_ACTIVE:live}")
                .file("src/main/resources/application-live.yml", "spring:", "  datasource:",
                        "    url: jdbc:postgresql://localhost/shop")
                .file("src/main/resources/application-mysql.yml", "# mysql: the MySQL variant (mysql 8)", "spring:",
                        "  datasource:", "    url: jdbc:mysql://localhost/shop # mysql");
        Descriptor d = repo.detect().descriptor();
        assertEquals(java.util.List.of("postgres"), java.util.List.copyOf(d.services().keySet()),
                "the profile active by default names postgres, although the code names mysql more often");
        assertEquals("postgres.jdbc", v(d.apps().get(0), "SPRING_DATASOURCE_URL").from());
    }

    // ---- class 2/3: config files the app loads its environment from give defaults, and wire services --------

    @Test
    void viperConfigFileKeysAreReadsWithTheFileValuesAsDefaults() {
        String url = "postgresql://root:" + "pw" + "@localhost:5432/bank?sslmode=disable";
        repo.file("go.mod", "module bank", "go 1.22", "require github.com/spf13/viper v1.18.0")
                .file("main.go", "package main", "func main() { cfg, _ := util.LoadConfig(\".\"); run(cfg) }")
                .file("util/config.go", "package util",
                        "type Config struct {",
                        "  DBSource string `mapstructure:\"DB_SOURCE\"`",
                        "  Addr string `mapstructure:\"HTTP_SERVER_ADDRESS\"`",
                        "}",
                        "func LoadConfig(path string) (config Config, err error) {",
                        "  viper.AddConfigPath(path)",
                        "  viper.SetConfigName(\"app\")",
                        "  viper.SetConfigType(\"env\")",
                        "  viper.AutomaticEnv()",
                        "  err = viper.ReadInConfig()",
                        "  err = viper.Unmarshal(&config)",
                        "  return",
                        "}")
                .file("app.env", "DB_SOURCE=" + url, "HTTP_SERVER_ADDRESS=0.0.0.0:8080");
        Detection det = repo.detect();
        App a = det.descriptor().apps().get(0);
        assertEquals(java.util.List.of("postgres"), java.util.List.copyOf(det.descriptor().services().keySet()));
        assertEquals("postgres.url", v(a, "DB_SOURCE").from(), "the file's localhost default points at the stack's postgres");
        assertFalse(v(a, "DB_SOURCE").required(), "the loaded file gives it a value");
        assertEquals("0.0.0.0:8080", v(a, "HTTP_SERVER_ADDRESS").defaultValue());
        assertTrue(det.evidence().stream().noneMatch(l -> l.contains(":pw@")), "no password in the evidence");
    }

    @Test
    void pythonDotenvFileGivesDefaultsToTheVariablesTheCodeReads() {
        repo.file("requirements.txt", "flask", "python-dotenv", "redis")
                .file("app.py", "import os", "from dotenv import load_dotenv",
                        "load_dotenv(os.path.join(os.path.dirname(__file__), 'config.env'))",
                        "cache = redis.from_url(os.environ['CACHE_URL'])")
                .file("config.env", "CACHE_URL=redis://localhost:6379/0", "UNUSED_KEY=1");
        App a = repo.app();
        assertEquals("redis.url", v(a, "CACHE_URL").from());
        assertFalse(v(a, "CACHE_URL").required(), "config.env sets it when the environment does not");
        assertFalse(a.env().containsKey("UNUSED_KEY"), "a key of a dotenv file is a default, not a read");
    }

    @Test
    void djangoSettingsEngineAndDjDatabaseUrlNeedTheirDatabase() {
        repo.file("requirements.txt", "django", "gunicorn")
                .file("site/settings.py", "import os",
                        "DATABASES = {'default': {",
                        "    'ENGINE': 'django.db.backends.postgresql',",
                        "    'NAME': os.getenv('APP_DB_NAME', 'site'),",
                        "}}");
        Descriptor d = repo.detect().descriptor();
        assertEquals(java.util.List.of("postgres"), java.util.List.copyOf(d.services().keySet()), "the engine Django uses");

        RepoFixture dj = new RepoFixture(dir.resolve("dj"));
        dj.file("requirements.txt", "django", "dj-database-url")
                .file("site/settings.py", "import dj_database_url",
                        "DATABASES = {'default': dj_database_url.config(default='postgres://localhost/site', conn_max_age=600)}");
        App a = dj.app();
        assertEquals("postgres.url", v(a, "DATABASE_URL").from());
        assertFalse(v(a, "DATABASE_URL").required(), "dj_database_url falls back to its default");
    }

    // ---- class 2: an INI config the app loads names its database ------------------------------------------

    @Test
    void iniConfigSectionPicksTheDatabase() {
        repo.file("go.mod", "module blog", "go 1.22", "require (", "  github.com/go-ini/ini v1.67.0",
                        "  github.com/jinzhu/gorm v1.9.16", "  github.com/lib/pq v1.10.9", ")")
                .file("main.go", "package main", "func main() { setting.Setup(); models.Setup() }")
                .file("pkg/setting/setting.go", "package setting",
                        "func Setup() { cfg, err = ini.Load(\"conf/app.ini\"); if err != nil { log.Fatal(err) } }")
                .file("models/models.go", "package models",
                        "func Setup() { db, _ = gorm.Open(setting.DatabaseSetting.Type, dsn) }")
                .file("conf/app.ini", "[server]", "HttpPort = 8000", "", "[database]", "Type = mysql", "User = root",
                        "Host = 127.0.0.1:3306", "Name = blog", "", "[cache]", "Host = 127.0.0.1:6379");
        Detection det = repo.detect();
        assertEquals(java.util.List.of("mysql", "redis"), det.descriptor().services().keySet().stream().sorted().toList(),
                () -> String.join("\n", det.evidence()));
        assertTrue(det.evidence().stream().anyMatch(l -> l.startsWith("warning: service mysql is added but no variable")),
                "the app reads its address from the file, not a variable: init says so");
    }

    // ---- class 5 (port): the repository's Dockerfile exposes its port through a build argument ----------------

    @Test
    void exposeOfABuildArgumentGivesThePort() {
        repo.file("go.mod", "module notify", "go 1.22")
                .file("main.go", "package main", "func main() { cfg := config.Get(); serve(cfg.Server.Port) }")
                .file("docker/Dockerfile", "FROM golang:1.22 AS builder", "RUN make build", "FROM debian:12",
                        "ARG APP_EXPOSE=80", "ENV APP_PORT=$APP_EXPOSE", "EXPOSE $APP_EXPOSE",
                        "COPY --from=builder /target /", "ENTRYPOINT [\"./app\"]", "CMD [\"serve\"]");
        App a = repo.app();
        assertEquals(80, a.port(), "EXPOSE $APP_EXPOSE with ARG APP_EXPOSE=80");
    }

    @Test
    void goConfigStructDefaultTagsGiveThePortButNotAClientsPort() {
        repo.file("go.mod", "module api", "go 1.22")
                .file("main.go", "package main",
                        "type Config struct {",
                        "  DBPort int `env:\"DB_PORT\" envDefault:\"5432\"`",
                        "  Port int `env:\"PORT\" envDefault:\"9090\"`",
                        "}",
                        "func main() { var c Config; env.Parse(&c); http.ListenAndServe(fmt.Sprintf(\":%d\", c.Port), nil) }");
        assertEquals(9090, repo.app().port());

        RepoFixture conf = new RepoFixture(dir.resolve("conf"));
        conf.file("go.mod", "module sales", "go 1.22")
                .file("main.go", "package main",
                        "func main() {",
                        "  cfg := struct {",
                        "    Web struct {",
                        "      APIHost   string `conf:\"default:0.0.0.0:3000\"`",
                        "      DebugHost string `conf:\"default:0.0.0.0:3010\"`",
                        "    }",
                        "  }{}",
                        "  conf.Parse(\"SALES\", &cfg)",
                        "}");
        assertEquals(3000, conf.app().port());
    }

    // ---- class 7: a framework CLI's default port; a framework bound to one database ----------------------------

    @Test
    void frameworkCliStartScriptGivesItsDefaultPortAndMedusaNeedsPostgres() {
        repo.packageJson(".", "{'scripts':{'build':'medusa build','start':'medusa start'},"
                        + "'dependencies':{'@medusajs/medusa':'2.0.0','@medusajs/framework':'2.0.0'}}")
                .file("medusa-config.ts", "module.exports = defineConfig({ projectConfig: {",
                        "  databaseUrl: process.env.DATABASE_URL,", "  http: { jwtSecret: process.env.JWT_SECRET || 'x' } } })");
        App a = repo.app();
        assertEquals(9000, a.port(), "medusa start listens on 9000");
        assertEquals("postgres.url", v(a, "DATABASE_URL").from(), "Medusa runs on PostgreSQL only");

        RepoFixture strapi = new RepoFixture(dir.resolve("strapi"));
        strapi.packageJson(".", "{'scripts':{'start':'strapi start -p 8081'},'dependencies':{'@strapi/strapi':'5'}}");
        assertEquals(8081, strapi.app().port(), "the script's --port wins over the framework's 1337");
    }

    // ---- class 6: a Go module with several programs: the ones that serve are the apps ------------------------

    @Test
    void goProgramsThatServeAreAppsToolsAreNot() {
        repo.file("go.mod", "module shop", "go 1.22")
                .file("api/services/sales/main.go", "package main", "import \"shop/business/store\"",
                        "func main() { api := http.Server{Addr: \":3000\"}; api.ListenAndServe() }")
                .file("api/services/auth/main.go", "package main",
                        "func main() { http.ListenAndServe(\":6000\", mux) }")
                .file("api/tooling/admin/main.go", "package main", "func main() { migrate(os.Args) }")
                .file("business/store/store.go", "package store", "var dsn = os.Getenv(\"DB_DSN\")");
        Descriptor d = repo.detect().descriptor();
        assertEquals(java.util.List.of("auth", "sales"), d.apps().stream().map(App::name).sorted().toList());
        App sales = d.apps().stream().filter(x -> x.name().equals("sales")).findFirst().orElseThrow();
        assertEquals(3000, sales.port());
        assertTrue(String.join(" ", sales.build()).endsWith("./api/services/sales"), sales.build()::toString);
        assertTrue(sales.env().containsKey("DB_DSN"), "the module's shared packages a program imports are read by it");
        App auth = d.apps().stream().filter(x -> x.name().equals("auth")).findFirst().orElseThrow();
        assertTrue(!auth.env().containsKey("DB_DSN"), "auth imports no package that reads it");
        assertEquals("api/services/sales/Dockerfile", dev.devops.scaffold.RenderModel.dockerfile(d, sales),
                "programs of one module (one build context) get a Dockerfile each");
    }
}
