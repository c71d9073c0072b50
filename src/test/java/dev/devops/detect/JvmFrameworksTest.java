package dev.devops.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9 classes 2 and 4 for Quarkus and Micronaut: the framework, its port property and its service binding. */
class JvmFrameworksTest {
    @TempDir
    Path dir;

    @Test
    void frameworksFromTheirBomsParentsAndPlugins() {
        assertEquals("quarkus", JvmFrameworks.framework("<plugin><groupId>${quarkus.platform.group-id}</groupId>"
                + "<artifactId>quarkus-maven-plugin</artifactId></plugin>"));
        assertEquals("quarkus", JvmFrameworks.framework("plugins {\n  id 'java'\n  id 'io.quarkus'\n}"));
        assertEquals("micronaut", JvmFrameworks.framework("<parent>\n <groupId>io.micronaut.platform</groupId>\n"
                + " <artifactId>micronaut-parent</artifactId>\n</parent>"));
        assertEquals("micronaut", JvmFrameworks.framework("plugins { id(\"io.micronaut.application\") version \"4.4.0\" }"));
        assertNull(JvmFrameworks.framework("<artifactId>spring-boot-starter-parent</artifactId>"));
        assertNull(JvmFrameworks.framework("<artifactId>micronaut-http-client</artifactId>"), "a client library is no server");
        assertEquals("ktor", JvmFrameworks.framework("plugins { id(\"io.ktor.plugin\") version \"3.0.0\" }"));
        assertEquals("ktor", JvmFrameworks.framework("dependencies { implementation(\"io.ktor:ktor-server-netty-jvm:3.0.0\") }"));
        assertNull(JvmFrameworks.framework("implementation(\"io.ktor:ktor-client-cio:3.0.0\")"), "a client is no server");
    }

    @Test
    void bindingPerFrameworkAndType() {
        assertEquals(List.of("QUARKUS_DATASOURCE_JDBC_URL=jdbc", "QUARKUS_DATASOURCE_USERNAME=user",
                "QUARKUS_DATASOURCE_PASSWORD=password"), flat(JvmFrameworks.binding("quarkus", "postgres")));
        assertEquals(List.of("DATASOURCES_DEFAULT_URL=jdbc", "DATASOURCES_DEFAULT_USERNAME=user",
                "DATASOURCES_DEFAULT_PASSWORD=password"), flat(JvmFrameworks.binding("micronaut", "mysql")));
        assertEquals(List.of("SPRING_DATA_MONGODB_URI=url"), flat(JvmFrameworks.binding("spring-boot", "mongodb")));
        assertEquals(List.of(), flat(JvmFrameworks.binding(null, "postgres")));
    }

    private static List<String> flat(List<String[]> b) {
        return b.stream().map(v -> v[0] + "=" + v[1]).toList();
    }

    @Test
    void portPropertyWithTheProductionProfileFirst() {
        RepoFixture repo = new RepoFixture(dir)
                .file("q/src/main/resources/application.properties", "quarkus.http.port=8081", "%prod.quarkus.http.port=9000",
                        "%dev.quarkus.http.port=7000")
                .file("m/src/main/resources/application.yml", "micronaut:", "  application:", "    name: x", "  server:",
                        "    port: 8082", "datasources:", "  default:", "    url: jdbc:h2:mem:x")
                .file("n/src/main/resources/application.properties", "quarkus.datasource.db-kind=postgresql");
        RepoFiles files = RepoFiles.walk(dir);
        assertEquals(9000, JvmFrameworks.port(files, "q", "quarkus"));
        assertEquals(8082, JvmFrameworks.port(files, "m", "micronaut"));
        assertNull(JvmFrameworks.port(files, "n", "quarkus"), "the default 8080");
        assertNull(JvmFrameworks.port(files, "m", "spring-boot"));
    }
    private static final String QUARKUS_POM = "<properties><maven.compiler.release>17</maven.compiler.release></properties>"
            + RepoFixture.deps("io.quarkus:quarkus-hibernate-orm-panache", "io.quarkus:quarkus-jdbc-postgresql")
            + "<build><plugins><plugin><groupId>io.quarkus</groupId><artifactId>quarkus-maven-plugin</artifactId></plugin>"
            + "</plugins></build>";

    @Test
    void aVariableThatIsAWholeDatasourcePropertyIsWiredAndTheLiteralCredentialsAreBound() {
        // Azure-Samples/msdocs-quarkus-postgresql-sample-app: %prod.quarkus.datasource.jdbc.url=${AZURE_POSTGRESQL_CONNECTIONSTRING}
        // with quarkus.datasource.username=postgres as literals
        RepoFixture repo = new RepoFixture(dir.resolve("q")).pom(".", QUARKUS_POM)
                .file("src/main/resources/application.properties", "quarkus.datasource.db-kind=postgresql",
                        "quarkus.datasource.username=postgres", "quarkus.datasource.password=postgres",
                        "quarkus.datasource.jdbc.url=jdbc:postgresql://postgresdb:5432/postgres",
                        "%prod.quarkus.datasource.jdbc.url=${AZURE_POSTGRESQL_CONNECTIONSTRING}",
                        "%prod.app.banner=${BANNER_TEXT}");
        Detection d = repo.detect();
        dev.devops.descriptor.App a = d.descriptor().apps().get(0);
        assertEquals("postgres.jdbc", RepoFixture.v(a, "AZURE_POSTGRESQL_CONNECTIONSTRING").from(), () -> String.join("\n", d.evidence()));
        assertNull(a.env().get("QUARKUS_DATASOURCE_JDBC_URL"), "the app's own variable gives the URL");
        assertEquals("postgres.user", RepoFixture.v(a, "QUARKUS_DATASOURCE_USERNAME").from(), "the literal user must agree");
        assertEquals("postgres.password", RepoFixture.v(a, "QUARKUS_DATASOURCE_PASSWORD").from());
        assertNull(RepoFixture.v(a, "BANNER_TEXT").from());

        // Spring and YAML: the key is the parents' keys joined; a placeholder inside a value is not the whole property
        RepoFixture spring = new RepoFixture(dir.resolve("s")).pom(".", "<parent>"
                        + "<artifactId>spring-boot-starter-parent</artifactId><version>3.2.0</version></parent>"
                        + RepoFixture.deps("org.springframework.boot:spring-boot-starter-data-jpa", "org.postgresql:postgresql"))
                .file("src/main/resources/application.yml", "spring:", "  datasource:", "    url: \"${STORE}\"",
                        "    username: ${STORE_LOGIN:app}", "    password: ${STORE_SECRET}", "server:",
                        "  address: http://${STORE_HOST}/x");
        dev.devops.descriptor.App s = spring.app();
        assertEquals("postgres.jdbc", RepoFixture.v(s, "STORE").from());
        assertEquals("postgres.user", RepoFixture.v(s, "STORE_LOGIN").from());
        assertEquals("postgres.password", RepoFixture.v(s, "STORE_SECRET").from());
        assertNull(RepoFixture.v(s, "STORE_HOST").from());
        assertNull(s.env().get("SPRING_DATASOURCE_URL"), "nothing left to bind");
    }
    @Test
    void aKtorAppNamedByItsVersionCatalogBuildsItsFatJar() {
        // nomisRev/ktor-arrow-example: alias(libs.plugins.ktor), Kotlin DSL, jvmToolchain(21)
        RepoFixture repo = new RepoFixture(dir.resolve("k"))
                .file("settings.gradle.kts", "rootProject.name = \"k\"")
                .file("gradle/libs.versions.toml", "[versions]", "ktor = \"3.0.0\"", "[plugins]",
                        "ktor = { id = \"io.ktor.plugin\", version.ref = \"ktor\" }")
                .file("build.gradle.kts", "plugins {", "  application", "  alias(libs.plugins.ktor)", "}",
                        "kotlin { jvmToolchain(21) }")
                .file("src/main/kotlin/Main.kt", "fun main() { embeddedServer(Netty, port = 8080) {}.start(wait = true) }")
                .file("gradlew", "#!/bin/sh");
        Detection d = repo.detect();
        dev.devops.descriptor.App a = d.descriptor().apps().get(0);
        assertEquals("ktor", a.runtime().framework(), () -> String.join("\n", d.evidence()));
        assertEquals("21", a.runtime().version());
        dev.devops.descriptor.Descriptor desc = d.descriptor();
        String df = dev.devops.scaffold.TemplateSource.builtIn().render(dev.devops.scaffold.Scaffolder.dockerfileTemplate(a),
                dev.devops.scaffold.RenderModel.forApp(desc, a));
        org.junit.jupiter.api.Assertions.assertTrue(df.contains("--no-daemon -q buildFatJar && mkdir -p /out"), df);
    }
}
