package dev.devops.detect;

import static dev.devops.detect.RepoFixture.assertEvidence;
import static dev.devops.detect.RepoFixture.deps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class JavaDetectionTest {
    @TempDir
    Path dir;
    RepoFixture repo;

    @BeforeEach
    void setUp() {
        repo = new RepoFixture(dir.resolve("orders"));
    }

    @Test
    void springBootMavenApp() {
        repo.pom(".", "<parent><groupId>org.springframework.boot</groupId>"
                        + "<artifactId>spring-boot-starter-parent</artifactId><version>3.3.0</version></parent>\n"
                        + "<properties><java.version>17</java.version></properties>\n"
                        + deps("org.springframework.boot:spring-boot-starter-web",
                                "org.springframework.boot:spring-boot-starter-actuator", "org.postgresql:postgresql"))
                .file("src/main/resources/application.properties", "spring.application.name=orders",
                        "server.port=${PORT:8081}", "spring.datasource.url=${SPRING_DATASOURCE_URL}");
        Detection d = repo.detect();
        App a = d.descriptor().apps().get(0);
        assertEquals(Language.JAVA, a.runtime().language());
        assertEquals("17", a.runtime().version());
        assertEquals("maven", a.runtime().buildTool());
        assertEquals("spring-boot", a.runtime().framework());
        assertEquals(8081, a.port());
        assertEquals("/actuator/health", a.healthcheck());
        assertEquals(List.of("postgres"), a.dependsOn());
        assertEquals(List.of(), a.build());
        assertEquals(List.of(), a.start());
        assertEquals("postgres.jdbc", a.env().get("SPRING_DATASOURCE_URL").from());
        assertEvidence(d, "java 17 from pom.xml property java.version");
        assertEvidence(d, "port 8081 from server.port at src/main/resources/application.properties:2");
        assertEvidence(d, "postgres from pom.xml dependency org.postgresql:postgresql");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "<properties><maven.compiler.release>21</maven.compiler.release></properties>; 21",
        "<properties><maven.compiler.source>1.8</maven.compiler.source><maven.compiler.target>1.8</maven.compiler.target></properties>; 8",
        "<properties><jdk>11</jdk><maven.compiler.release>${jdk}</maven.compiler.release></properties>; 11",
        "<build><plugins><plugin><artifactId>maven-compiler-plugin</artifactId><configuration><release>17</release></configuration></plugin></plugins></build>; 17",
        "<build><plugins><plugin><artifactId>maven-toolchains-plugin</artifactId><configuration><toolchains><jdk><version>[22,)</version></jdk></toolchains></configuration></plugin></plugins></build>; 22",
        "<description>none</description>; 21",
    })
    void mavenVersionSources(String body, String expected) {
        repo.pom(".", body);
        assertEquals(expected, repo.app().runtime().version());
    }

    @Test
    void yamlServerPortAndPlainJava() {
        repo.pom(".", "<properties><maven.compiler.release>21</maven.compiler.release></properties>")
                .file("src/main/resources/application.yml", "spring:", "  application:", "    name: x",
                        "server:", "  # the port", "  port: 9090");
        App a = repo.app();
        assertEquals(9090, a.port());
        assertNull(a.runtime().framework());
        assertNull(a.healthcheck());
    }

    @ParameterizedTest
    @CsvSource({
        "org.postgresql:postgresql,postgres", "com.mysql:mysql-connector-j,mysql", "mysql:mysql-connector-java,mysql",
        "org.mariadb.jdbc:mariadb-java-client,mariadb",
        "org.springframework.boot:spring-boot-starter-data-mongodb,mongodb", "org.mongodb:mongodb-driver-sync,mongodb",
        "org.springframework.boot:spring-boot-starter-data-redis,redis", "redis.clients:jedis,redis",
        "io.lettuce:lettuce-core,redis", "org.springframework.boot:spring-boot-starter-amqp,rabbitmq",
        "com.rabbitmq:amqp-client,rabbitmq", "org.springframework.kafka:spring-kafka,kafka",
        "org.apache.kafka:kafka-clients,kafka",
    })
    void mavenServices(String coordinates, String service) {
        repo.pom(".", deps(coordinates));
        assertEquals(List.of(service), repo.app().dependsOn());
    }

    @Test
    void multiModuleMavenBuildsTheSpringBootModule() {
        repo.pom(".", "<packaging>pom</packaging><modules><module>core</module><module>api</module></modules>"
                        + "<properties><maven.compiler.release>21</maven.compiler.release></properties>")
                .pom("core", deps("org.postgresql:postgresql"))
                .pom("api", "<build><plugins><plugin><groupId>org.springframework.boot</groupId>"
                        + "<artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build>")
                .file("mvnw", "#!/bin/sh")
                .file("api/src/main/java/App.java", "class App { public static void main(String[] a) {} }");
        Detection d = repo.detect();
        assertEquals(1, d.descriptor().apps().size());
        App a = d.descriptor().apps().get(0);
        assertEquals("spring-boot", a.runtime().framework());
        assertEquals(List.of("./mvnw", "-B", "-DskipTests", "-pl", "api", "-am", "package"), a.build());
        assertEquals(List.of("postgres"), a.dependsOn());
        assertEvidence(d, "runnable module api (api/pom.xml has spring-boot-maven-plugin)");
        assertEvidence(d, "core is a module of the build at ., not a separate app");
    }

    @Test
    void multiModuleWithoutBootPicksTheOnlyMain() {
        repo.pom(".", "<modules><module>lib</module><module>cli</module></modules>")
                .pom("lib", "")
                .pom("cli", "")
                .file("lib/src/main/java/Lib.java", "class Lib {}")
                .file("cli/src/main/java/Main.java", "class Main { public static void main(String[] args) {} }");
        Detection d = repo.detect();
        assertEquals(List.of("mvn", "-B", "-DskipTests", "-pl", "cli", "-am", "package"),
                d.descriptor().apps().get(0).build());
        assertEvidence(d, "runnable module cli (the only module with a main method)");
    }

    @Test
    void gradleKotlinDsl() {
        repo.file("build.gradle.kts",
                        "plugins {",
                        "    id(\"org.springframework.boot\") version \"3.3.0\"",
                        "    java",
                        "}",
                        "java { toolchain { languageVersion = JavaLanguageVersion.of(17) } }",
                        "dependencies {",
                        "    implementation(\"org.springframework.boot:spring-boot-starter-actuator\")",
                        "    runtimeOnly(\"com.mysql:mysql-connector-j\")",
                        "}")
                .file("src/main/resources/application.yaml", "server.port: 8088");
        Detection d = repo.detect();
        App a = d.descriptor().apps().get(0);
        assertEquals("gradle", a.runtime().buildTool());
        assertEquals("17", a.runtime().version());
        assertEquals("spring-boot", a.runtime().framework());
        assertEquals("/actuator/health", a.healthcheck());
        assertEquals(8088, a.port());
        assertEquals(List.of("mysql"), a.dependsOn());
        assertEvidence(d, "java 17 from build.gradle.kts:5");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "sourceCompatibility = '11'; 11",
        "sourceCompatibility = JavaVersion.VERSION_1_8; 8",
        "targetCompatibility = JavaVersion.VERSION_17; 17",
        "apply plugin: 'java'; 21",
    })
    void gradleGroovyVersions(String line, String expected) {
        repo.file("build.gradle", "plugins { id 'java' }", line,
                "dependencies { implementation group: 'redis.clients', name: 'jedis', version: '5.0.0' }");
        App a = repo.app();
        assertEquals(expected, a.runtime().version());
        assertEquals(List.of("redis"), a.dependsOn());
        assertEquals(8080, a.port());
    }

    @Test
    void gradleMultiProjectBuildsTheBootSubproject() {
        repo.file("settings.gradle", "include 'app', 'lib'")
                .file("build.gradle", "subprojects { apply plugin: 'java' }")
                .file("app/build.gradle", "plugins { id 'org.springframework.boot' version '3.3.0' }")
                .file("lib/build.gradle", "dependencies { implementation 'org.postgresql:postgresql:42.7.3' }")
                .file("gradlew", "#!/bin/sh");
        Detection d = repo.detect();
        assertEquals(1, d.descriptor().apps().size());
        App a = d.descriptor().apps().get(0);
        assertEquals(List.of("./gradlew", "--no-daemon", ":app:bootJar", "-x", "test"), a.build());
        assertEquals("spring-boot", a.runtime().framework());
        assertEquals(List.of("postgres"), a.dependsOn());
    }

    @Test
    void aRootThatAppliesBootToEverySubprojectBuildsTheOneWithAServer() {
        // anhlt-nws/spring-boot-sample: subprojects { apply plugin: 'org.springframework.boot' }; web.api serves,
        // migration is a Flyway runner with a main method, service and repository are libraries
        repo.file("settings.gradle", "include ':web.api'", "include ':service'", "include ':migration'")
                .file("build.gradle", "buildscript { dependencies { classpath(\"org.springframework.boot:spring-boot-gradle-plugin:2.4.5\") } }",
                        "subprojects {", "\tapply plugin: 'java'", "\tapply plugin: 'org.springframework.boot'",
                        "\tsourceCompatibility = '1.8'", "}")
                .file("web.api/build.gradle", "dependencies {", "\timplementation 'org.springframework.boot:spring-boot-starter-web'",
                        "\truntimeOnly 'org.postgresql:postgresql'", "}")
                .file("web.api/src/main/java/a/Application.java", "class Application { public static void main(String[] a) {} }")
                .file("service/build.gradle", "dependencies { implementation 'org.apache.commons:commons-lang3' }")
                .file("migration/build.gradle", "dependencies {", "\timplementation 'org.flywaydb:flyway-core'",
                        "\truntimeOnly 'org.postgresql:postgresql'", "}")
                .file("migration/src/main/java/m/MigrationApplication.java",
                        "class MigrationApplication { public static void main(String[] a) {} }")
                .file("gradlew", "#!/bin/sh");
        Detection d = repo.detect();
        assertEquals(1, d.descriptor().apps().size(), () -> String.join("\n", d.evidence()));
        App a = d.descriptor().apps().get(0);
        assertEquals(List.of("./gradlew", "--no-daemon", ":web.api:bootJar", "-x", "test"), a.build());
        assertEquals("8", a.runtime().version());
        assertEquals(List.of("postgres"), a.dependsOn());
        RepoFixture.assertEvidence(d, "migration has a main method but no web server on its classpath (it runs once): not an app");
    }

    @Test
    void aGradleVersionCatalogNamesTheBootPluginAndTheDrivers() {
        // modern Gradle builds name plugins and dependencies by catalog accessor: the build files hold no
        // "org.springframework.boot" nor "group:artifact", and the app was neither Spring Boot nor given its database
        repo.file("settings.gradle", "include 'server', 'platform'")
                .file("build.gradle", "plugins { id 'org.springframework.boot' version '3.3.0' apply false }")
                .file("gradle/libs.versions.toml", "[versions]", "pg = '42.7.3'", "[libraries]",
                        "postgresql = { module = 'org.postgresql:postgresql', version.ref = 'pg' }",
                        "boot-actuator = 'org.springframework.boot:spring-boot-starter-actuator:3.3.0'",
                        "[bundles]", "ops = ['boot-actuator']", "[plugins]", "spring-boot = 'org.springframework.boot:3.3.0'")
                .file("server/build.gradle", "plugins {", "    alias(libs.plugins.spring.boot)", "}",
                        "dependencies {", "    runtimeOnly libs.postgresql", "    implementation libs.bundles.ops", "}")
                .file("platform/build.gradle", "plugins { alias(libs.plugins.spring.boot) apply false }")
                .file("gradlew", "#!/bin/sh");
        Detection d = repo.detect();
        App a = d.descriptor().apps().get(0);
        assertEquals(1, d.descriptor().apps().size(), "a plugin declared 'apply false' is not applied");
        assertEquals("spring-boot", a.runtime().framework());
        assertEquals(List.of("./gradlew", "--no-daemon", ":server:bootJar", "-x", "test"), a.build());
        assertEquals(List.of("postgres"), a.dependsOn());
        assertEquals("/actuator/health", a.healthcheck());
        assertEquals("postgres.jdbc", a.env().get("SPRING_DATASOURCE_URL").from());
    }

    @Test
    void aReactiveAppIsWiredThroughSpringR2dbcVariables() {
        // spring.r2dbc.url names the database as spring.datasource.url does, and Spring Boot binds SPRING_R2DBC_*:
        // SPRING_DATASOURCE_* would configure nothing in an R2DBC app
        repo.file("build.gradle", "plugins { id 'org.springframework.boot' version '3.3.0' }",
                        "dependencies { runtimeOnly 'org.postgresql:r2dbc-postgresql:1.0.5.RELEASE'",
                        "  runtimeOnly 'org.postgresql:postgresql:42.7.3' }")
                .file("src/main/resources/application.yml", "spring:", "  r2dbc:", "    url: r2dbc:h2:mem:///app")
                .file("src/main/resources/application-postgresql.yml", "spring:", "  r2dbc:",
                        "    url: r2dbc:pool:postgresql://localhost:5432/app", "    username: app");
        App a = repo.detect().descriptor().apps().get(0);
        assertEquals(List.of("postgres"), a.dependsOn());
        assertEquals("postgres.r2dbc", a.env().get("SPRING_R2DBC_URL").from());
        assertEquals("postgres.user", a.env().get("SPRING_R2DBC_USERNAME").from());
        assertEquals("postgres.password", a.env().get("SPRING_R2DBC_PASSWORD").from());
        assertFalse(a.env().containsKey("SPRING_DATASOURCE_URL"));
        assertEquals("postgresql", a.env().get("SPRING_PROFILES_ACTIVE").defaultValue());
        assertEquals("r2dbc:postgresql://postgres:5432/${POSTGRES_DB}",
                dev.devops.descriptor.ServiceCatalog.get("postgres").attributes().get("r2dbc").replace("{host}", "postgres"));
    }

    @Test
    void severalBootModulesOfAMavenBuildAreOneAppEach() {
        // spring-petclinic-microservices: spring-boot-maven-plugin comes from a profile of the root pom, every
        // service module has a main method; one app with the root's Dockerfile (COPY src) did not build
        repo.pom(".", "<parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId>"
                        + "<version>3.4.0</version></parent><packaging>pom</packaging><properties><java.version>17</java.version>"
                        + "</properties><modules><module>shop-lib</module><module>shop-orders</module>"
                        + "<module>shop-config-server</module></modules>")
                .pom("shop-lib", "")
                .file("shop-lib/src/main/java/Util.java", "class Util {}")
                .pom("shop-orders", "<dependencies><dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId>"
                        + "</dependency><dependency><groupId>org.springframework.boot</groupId>"
                        + "<artifactId>spring-boot-starter-actuator</artifactId></dependency></dependencies>")
                .file("shop-orders/src/main/java/Orders.java", "class Orders { public static void main(String[] a) {} }")
                .file("shop-orders/src/main/resources/application.yml", "orders:", "  key: ${ORDERS_KEY:abc}")
                .pom("shop-config-server", "")
                .file("shop-config-server/src/main/java/Config.java", "class Config { public static void main(String[] a) {} }")
                .file("shop-config-server/src/main/resources/application.yml", "server.port: 8888", "git: ${GIT_REPO}")
                .file("mvnw", "#!/bin/sh");
        Detection d = repo.detect();
        List<App> apps = d.descriptor().apps();
        assertEquals(List.of("orders", "config-server"), apps.stream().map(App::name).toList(), () -> String.join("\n", d.evidence()));
        App orders = apps.get(0);
        App config = apps.get(1);
        assertEquals(".", orders.path());
        assertEquals(".", config.path());
        assertEquals(List.of("./mvnw", "-B", "-DskipTests", "-pl", "shop-orders", "-am", "package"), orders.build());
        assertEquals(List.of("./mvnw", "-B", "-DskipTests", "-pl", "shop-config-server", "-am", "package"), config.build());
        assertEquals("17", config.runtime().version());
        assertEquals(8080, orders.port());
        assertEquals(8888, config.port());
        assertEquals("/actuator/health", orders.healthcheck());
        assertEquals(null, config.healthcheck());
        assertEquals(List.of("postgres"), orders.dependsOn());
        assertEquals(List.of(), config.dependsOn());
        // the postgres driver on the classpath is wired through Spring Boot's relaxed binding (issue 9, class 10)
        assertEquals(List.of("ORDERS_KEY", "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
                "SPRING_DATASOURCE_PASSWORD"), List.copyOf(orders.env().keySet()));
        assertEquals(List.of("GIT_REPO"), List.copyOf(config.env().keySet()));
        assertEvidence(d, "orders: app for module shop-orders of the build at . (one app per runnable module)");
        RepoFixture.assertRoundTrip(d.descriptor());
    }

    @Test
    void severalBootSubprojectsOfAGradleBuildAreOneAppEach() {
        repo.file("settings.gradle", "include 'api', 'worker', 'lib'")
                .file("build.gradle", "subprojects { apply plugin: 'java' }")
                .file("api/build.gradle", "plugins { id 'org.springframework.boot' version '3.3.0' }",
                        "dependencies { implementation 'org.springframework.boot:spring-boot-starter-data-redis' }")
                .file("worker/build.gradle", "plugins { id 'org.springframework.boot' version '3.3.0' }")
                .file("worker/src/main/resources/application.properties", "server.port=9001")
                .file("lib/build.gradle", "");
        List<App> apps = repo.detect().descriptor().apps();
        assertEquals(List.of("api", "worker"), apps.stream().map(App::name).toList());
        assertEquals(List.of("gradle", "--no-daemon", ":worker:bootJar", "-x", "test"), apps.get(1).build());
        assertEquals(List.of("redis"), apps.get(0).dependsOn());
        assertEquals(9001, apps.get(1).port());
    }

    @Test
    void springBoot3ParentWithoutJavaVersionMeansItsDefault17() {
        // spring-guides/gs-multi-module: modules with the Boot parent and no java.version; Boot 3's default is 17
        repo.pom(".", "<packaging>pom</packaging><modules><module>app</module></modules>")
                .pom("app", "<parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent"
                        + "</artifactId><version>3.3.0</version></parent>")
                .file("app/src/main/java/App.java", "class App { public static void main(String[] a) {} }");
        Detection d = repo.detect();
        assertEquals("17", d.descriptor().apps().get(0).runtime().version());
        assertEvidence(d, "java 17 from app/pom.xml parent spring-boot-starter-parent 3.3.0 (its default java.version)");
        repo.pom("app", "<parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent"
                + "</artifactId><version>2.7.18</version></parent>");
        assertEquals(JavaStack.DEFAULT_VERSION, repo.app().runtime().version());
    }
}
