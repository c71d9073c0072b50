package dev.devops.lint.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.lint.Finding;
import dev.devops.lint.LintContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeCheckTest {
    @TempDir
    Path dir;

    private List<Finding> run(String... files) {
        List<Finding> out = new ArrayList<>();
        ComposeCheck check = new ComposeCheck();
        check.run(new LintContext(dir, List.of(files), Set.of(), null), out::add);
        return dev.devops.lint.testing.FixtureAssert.reportedOn(check, out);
    }

    @Test
    void recognisesComposeFileNames() {
        assertTrue(ComposeCheck.isComposeFile("compose.yaml"));
        assertTrue(ComposeCheck.isComposeFile("deploy/docker-compose.prod.yml"));
        assertTrue(ComposeCheck.isComposeFile("docker-compose.override.yaml"));
        assertFalse(ComposeCheck.isComposeFile("compose.json"));
        assertFalse(ComposeCheck.isComposeFile("my-compose.yml"));
    }

    @Test
    void hardCodedDevelopmentDefaultsAreWarningsRandomValuesErrors() throws IOException {
        String random = dev.devops.lint.secrets.Fake.token(20);
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  db:\n    image: postgres:16\n    environment:\n"
                + "      POSTGRES_PASSWORD: postgres\n      API_TOKEN: " + random + "\n  app:\n    image: app:1\n"
                + "    environment:\n      DB_URL: postgres://app:changeme@db/app\n");
        List<String> dc3 = run("compose.yaml").stream().filter(x -> x.rule().id().equals("DC0003"))
                .map(x -> x.line() + ":" + x.severity().name().toLowerCase()).toList();
        assertEquals(List.of("5:warning", "6:error", "10:warning"), dc3);
    }

    @Test
    void groupsOverridesAndVariantsWithTheirBase() {
        assertEquals(List.of(List.of("docker-compose.yml", "docker-compose.override.yml"),
                List.of("docker-compose.yml", "docker-compose.prod.yml")),
                ComposeCheck.groups(List.of("docker-compose.override.yml", "docker-compose.prod.yml", "docker-compose.yml")));
        assertEquals(List.of(List.of("compose.dev.yaml")), ComposeCheck.groups(List.of("compose.dev.yaml")));
    }

    @Test
    void binaryOrBrokenFilesAreFindingsNotCrashes() throws IOException {
        Files.write(dir.resolve("compose.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("b/compose.yaml"), "services:\n  a:\n    image: x:1\n    ports: ['99999:1']\n");
        List<Finding> f = run("compose.yaml", "b/compose.yaml", "gone/compose.yaml");
        assertEquals(3, f.size(), f.toString());
        assertTrue(f.stream().allMatch(x -> x.rule().id().equals("DC0000")), f.toString());
        Finding b = f.stream().filter(x -> x.path().equals("b/compose.yaml")).findFirst().orElseThrow();
        assertEquals(4, b.line());
        assertTrue(b.column() > 0);
        assertTrue(f.stream().anyMatch(x -> x.path().equals("compose.yaml") && x.message().contains("UTF-8")
                && !x.message().contains(dir.toString())), f.toString());
    }

    @Test
    void brokenSymlinkIsAFinding() throws IOException {
        Files.createSymbolicLink(dir.resolve("docker-compose.yml"), dir.resolve("nowhere.yml"));
        List<Finding> f = run("docker-compose.yml");
        assertEquals(1, f.size(), f.toString());
        assertEquals("DC0000", f.get(0).rule().id());
    }

    @Test
    void baseFileFindingsAreReportedOnceAcrossGroups() throws IOException {
        Files.writeString(dir.resolve("docker-compose.yml"), "services:\n  a:\n    image: nginx\n    restart: always\n");
        Files.writeString(dir.resolve("docker-compose.override.yml"), "services:\n  a:\n    environment: [X=1]\n");
        Files.writeString(dir.resolve("docker-compose.ci.yml"), "services:\n  a:\n    environment: [Y=1]\n");
        List<Finding> f = run("docker-compose.yml", "docker-compose.override.yml", "docker-compose.ci.yml");
        assertEquals(1, f.size(), f.toString());
        assertEquals("DC0002", f.get(0).rule().id());
        assertEquals(3, f.get(0).line());
    }

    @Test
    void lintIgnoresTheShellEnvironmentAndUsesDotEnv() throws IOException {
        Files.writeString(dir.resolve(".env"), "TAG=latest\n");
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  a:\n    image: nginx:${TAG}\n    restart: always\n"
                + "  b:\n    image: nginx:${REQUIRED:?must be set}\n    restart: always\n");
        List<Finding> f = run("compose.yaml");
        assertEquals(2, f.size(), f.toString());
        assertTrue(f.stream().allMatch(x -> x.rule().id().equals("DC0002")), "a failed ${X:?} does not abort lint");
    }
}
