package dev.devops.detect;

import static dev.devops.detect.RepoFixture.assertEvidence;
import static dev.devops.detect.RepoFixture.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.core.UserError;
import dev.devops.descriptor.App;
import dev.devops.descriptor.Descriptor;
import dev.devops.descriptor.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverridesAndErrorsTest {
    @TempDir
    Path dir;
    RepoFixture repo;

    @BeforeEach
    void setUp() {
        repo = new RepoFixture(dir.resolve("Demo.App"));
    }

    private static Overrides services(String... specs) {
        return new Overrides(null, null, List.of(specs), null, null);
    }

    @Test
    void everyOverrideWins() {
        repo.packageJson(".", "{'dependencies':{'pg':'8'}}").file(".nvmrc", "18")
                .file("index.js", "const pg = require('pg');", "process.env.REDIS_URL");
        Detection d = repo.detect(new Overrides("node", "22", List.of("postgres:16", "mongodb"), 8000, "shop"));
        Descriptor desc = d.descriptor();
        App a = desc.apps().get(0);
        assertEquals("shop", desc.name());
        assertEquals("shop", a.name());
        assertEquals("22", a.runtime().version());
        assertEquals(8000, a.port());
        assertEquals(List.of("postgres", "mongodb"), List.copyOf(desc.services().keySet()));
        assertEquals("16", desc.services().get("postgres").version());
        assertEquals("8.0", desc.services().get("mongodb").version());
        // postgres was detected for this app; mongodb was detected nowhere, so every app gets it
        assertEquals(List.of("postgres", "mongodb"), a.dependsOn());
        assertNull(a.env().get("REDIS_URL").from(), "redis was replaced, so no link");
        assertEvidence(d, "version 22 from --runtime-version (detected 18)");
        assertEvidence(d, "port 8000 from --port (detected 3000)");
        assertEvidence(d, "services from --services: postgres:16, mongodb:8.0 (replacing detected postgres, redis)");
    }

    @Test
    void projectNameFromDirectorySanitized() {
        repo.packageJson(".", "{}");
        assertEquals("demo-app", repo.detect().descriptor().name());
    }

    @Test
    void stackWithoutManifestStartsFromDefaults() {
        repo.file("src/Main.java", "class Main { String s = System.getenv(\"API_TOKEN\"); }");
        Detection d = repo.detect(stack("java"));
        App a = d.descriptor().apps().get(0);
        assertEquals(Language.JAVA, a.runtime().language());
        assertEquals("21", a.runtime().version());
        assertEquals("maven", a.runtime().buildTool());
        assertEquals(8080, a.port());
        assertTrue(a.env().get("API_TOKEN").secret());
        assertEvidence(d, "stack java from --stack");
    }

    @Test
    void stackChoosesAmongRootManifests() {
        repo.pom(".", "").packageJson(".", "{'engines':{'node':'20'}}");
        Detection d = repo.detect(stack("node"));
        App a = d.descriptor().apps().get(0);
        assertEquals(Language.NODE, a.runtime().language());
        assertEquals("20", a.runtime().version());
        assertEvidence(d, "stack node from --stack (detected java)");
    }

    @Test
    void stackWithSubdirectoryAppsButNoRootApp() {
        repo.packageJson("a", "{}").packageJson("b", "{}");
        UserError e = repo.error(stack("node"));
        assertEquals("--stack applies to the app at the repository root, but the apps are in a, b; drop --stack "
                + "(each app's stack is detected), or run init in the app's directory", e.oneLine());
        e = repo.error(new Overrides(null, null, List.of(), 9000, null));
        assertTrue(e.getMessage().startsWith("--runtime-version and --port apply to the app at the repository root"),
                e.oneLine());
    }

    @Test
    void unknownStack() {
        repo.packageJson(".", "{}");
        assertEquals("unknown stack 'nod'; did you mean 'node'? supported: node, java, python, go",
                repo.error(stack("nod")).oneLine());
    }

    @Test
    void unknownServiceSuggests() {
        repo.packageJson(".", "{}");
        assertEquals("unknown service 'postgress' in --service; did you mean 'postgres'? known: postgres, mysql, "
                + "mariadb, mongodb, redis, rabbitmq, kafka", repo.error(services("postgress")).oneLine());
        assertTrue(repo.error(services("mongo")).oneLine().contains("did you mean 'mongodb'?"));
    }

    @Test
    void badServiceVersions() {
        repo.packageJson(".", "{}");
        assertEquals("service version 'latest' in --service redis:latest is not a pinned image tag; write "
                + "TYPE:VERSION with a tag such as redis:7.4", repo.error(services("redis:latest")).oneLine());
        assertTrue(repo.error(services("redis:")).getMessage().contains("is not a pinned image tag"));
        assertTrue(repo.error(services("redis:7 4")).getMessage().contains("is not a pinned image tag"));
        assertEquals("service 'redis' is given twice in --service; name each service once",
                repo.error(services("redis", "redis:7")).oneLine());
    }

    @Test
    void badNamePortAndVersion() {
        repo.packageJson(".", "{}");
        assertEquals("project name 'My App' is not valid; use lowercase letters, digits, '-' and '_', starting with a "
                + "letter or digit (e.g. 'my-app')", repo.error(new Overrides(null, null, null, null, "My App")).oneLine());
        assertEquals("port 70000 is out of range; pass a port between 1 and 65535",
                repo.error(new Overrides(null, null, null, 70000, null)).oneLine());
        assertTrue(repo.error(new Overrides(null, "20 lts", null, null, null)).getMessage()
                .contains("runtime version '20 lts' is not a valid image tag part"));
    }

    @Test
    void noSupportedStack() {
        repo.file("README.md", "hello").file("deep/a/b/c/package.json", "{}");
        UserError e = repo.error();
        assertEquals("no supported stack found in " + repo.root.toAbsolutePath() + "; looked for package.json, "
                + "pom.xml, build.gradle, build.gradle.kts, pyproject.toml, requirements.txt, Pipfile, go.mod up to 3 "
                + "directories deep; pass --stack node|java|python|go to start from defaults", e.oneLine());
    }

    @Test
    void invalidPackageJsonNamesLineAndColumn() {
        repo.file("package.json", "{", "  \"name\": \"x\",", "  \"scripts\": { \"start\": }", "}");
        UserError e = repo.error();
        assertEquals("package.json", e.location().file().toString());
        assertEquals(3, e.location().line());
        assertEquals(25, e.location().column());
        assertTrue(e.oneLine().startsWith("package.json:3:25: invalid JSON: Unexpected character ('}'"), e.oneLine());
    }

    @Test
    void packageJsonWithTrailingContent() {
        repo.file("package.json", "{}", "}");
        assertTrue(repo.error().oneLine().startsWith("package.json:2:"), repo.error().oneLine());
    }

    @Test
    void invalidPipfile() {
        repo.file("Pipfile", "[packages]", "flask = ");
        assertTrue(repo.error().oneLine().startsWith("Pipfile:2:"), repo.error().oneLine());
    }

    @Test
    void packageJsonThatIsNotAnObject() {
        repo.file("package.json", "[]");
        assertEquals("package.json:1:1: expected a JSON object (table), found array; fix or remove the file",
                repo.error().oneLine());
        repo.file("package.json", "");
        assertTrue(repo.error().oneLine().contains("found an empty file"));
    }

    @Test
    void invalidPomNamesLineAndColumn() {
        repo.file("pom.xml", "<project>", "  <dependencies>", "    <dependency>", "  </dependencies>", "</project>");
        UserError e = repo.error();
        assertEquals(4, e.location().line());
        assertTrue(e.oneLine().startsWith("pom.xml:4:"), e.oneLine());
        assertEquals("pom.xml:4:5: invalid XML: The element type \"dependency\" must be terminated by the matching "
                + "end-tag \"</dependency>\"; fix the XML syntax at this position", e.oneLine());
        repo.file("pom.xml", "<?xml version=\"1.0\"?>", "<settings/>");
        assertEquals("pom.xml:1:1: the root element is <settings>, not <project>; a Maven pom.xml starts with <project>",
                repo.error().oneLine());
    }

    @Test
    void pomWithDoctypeIsRejectedNotExpanded() {
        repo.file("pom.xml", "<?xml version=\"1.0\"?>", "<!DOCTYPE project [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
                "<project>&x;</project>");
        assertEquals("pom.xml:2:10: invalid XML: DOCTYPE declarations are not allowed (a pom.xml needs none); fix the "
                + "XML syntax at this position", repo.error().oneLine());
    }

    @Test
    void invalidPyprojectNamesLineAndColumn() {
        repo.file("pyproject.toml", "[project]", "name = \"x\"", "dependencies = [\"flask\"", "[tool.x]");
        UserError e = repo.error();
        assertEquals("pyproject.toml", e.location().file().toString());
        assertEquals(4, e.location().line());
        assertTrue(e.location().column() > 0, e.oneLine());
        assertTrue(e.oneLine().contains("invalid TOML"), e.oneLine());
    }

    @Test
    void invalidNestedManifestNamesItsPath() {
        repo.packageJson(".", "{}").file("web/package.json", "{ nope }");
        assertTrue(repo.error().oneLine().startsWith("web/package.json:1:"), repo.error().oneLine());
    }

    @Test
    void unreadableManifestIsNamed() throws Exception {
        // a symbolic link to itself cannot be read, even by root (file permissions would not stop root)
        Files.createDirectories(repo.root);
        Files.createSymbolicLink(repo.root.resolve("package.json"), Path.of("package.json"));
        UserError e = repo.error();
        assertTrue(e.oneLine().startsWith("package.json: cannot read: "), e.oneLine());
        assertTrue(e.oneLine().endsWith("; check the file's permissions, or remove it"), e.oneLine());
    }

    @Test
    void brokenManifestLinkIsNamedButBrokenSourceLinksAreSkipped() throws Exception {
        Files.createDirectories(repo.root);
        Files.createSymbolicLink(repo.root.resolve("go.mod"), Path.of("missing.mod"));
        assertEquals("go.mod: cannot read: file not found (a broken symbolic link?); fix or remove the link",
                repo.error().oneLine());
        Files.delete(repo.root.resolve("go.mod"));
        repo.file("go.mod", "module x", "go 1.22").file("main.go", "package main");
        Files.createSymbolicLink(repo.root.resolve("gone.go"), Path.of("nowhere.go"));
        assertEquals("1.22", repo.app().runtime().version());
    }

    @Test
    void notADirectory() throws Exception {
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        UserError e = org.junit.jupiter.api.Assertions.assertThrows(UserError.class,
                () -> Detector.detect(file, Overrides.NONE));
        assertTrue(e.getMessage().endsWith("not a directory"), e.oneLine());
    }
}
