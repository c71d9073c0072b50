package dev.devops.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.core.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compose's top-level include: merged as compose does, paths relative to the included file, errors at file:line. */
class ComposeIncludeTest {
    @TempDir
    Path dir;

    private void write(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, String.join("\n", lines) + "\n");
    }

    private ComposeProject load(String file) {
        return ComposeLoader.load(new ComposeLoader.Options(List.of(Path.of(file)), dir, null, List.of(), Map.of(), false));
    }

    @Test
    void includedServicesJoinWithTheirPathsAndEnvFromTheirOwnDirectory() throws IOException {
        write("db/compose.yaml",
                "services:",
                "  db:",
                "    image: postgres:${PG:-14}",
                "    build: ./image",
                "    volumes:",
                "      - ./init:/docker-entrypoint-initdb.d",
                "volumes:",
                "  data:");
        write("db/.env", "PG=16");
        write("compose.yaml",
                "include:",
                "  - db/compose.yaml",
                "services:",
                "  web:",
                "    image: nginx",
                "    depends_on: [db]");
        ComposeProject p = load("compose.yaml");
        assertEquals(List.of("web", "db"), List.copyOf(p.services().keySet()));
        ComposeService db = p.services().get("db");
        assertEquals("postgres:16", db.image(), "the included file's own .env interpolates it");
        assertEquals(dir.resolve("db/image").toString(), Path.of(db.build().context()).toString());
        assertEquals(dir.resolve("db/init").toString(), db.volumes().get(0).source());
        assertTrue(p.volumes().containsKey("data"));
    }

    @Test
    void theLongFormMergesItsFilesAndTakesItsProjectDirectoryAndEnvFile() throws IOException {
        write("parts/a.yaml", "services:", "  cache:", "    image: redis:${REDIS:-6}", "    command: [redis-server]");
        write("parts/b.yaml", "services:", "  cache:", "    command: [redis-server, --save, '']");
        write("redis.env", "REDIS=7");
        write("compose.yaml",
                "include:",
                "  - path: [parts/a.yaml, parts/b.yaml]",
                "    env_file: redis.env",
                "services:",
                "  web:",
                "    image: nginx");
        ComposeService cache = load("compose.yaml").services().get("cache");
        assertEquals("redis:7", cache.image());
        assertEquals(List.of("redis-server", "--save", ""), cache.command());
    }

    @Test
    void aMissingFileAConflictAndACycleAreErrorsAtTheirLine() throws IOException {
        write("compose.yaml", "services:", "  web:", "    image: nginx", "include:", "  - nosuch.yaml");
        UserError missing = assertThrows(UserError.class, () -> load("compose.yaml"));
        assertTrue(missing.oneLine().startsWith(dir.resolve("compose.yaml") + ":5:5: included compose file nosuch.yaml not found"),
                missing.oneLine());

        write("other.yaml", "services:", "  web:", "    image: httpd");
        write("compose.yaml", "include: [other.yaml]", "services:", "  web:", "    image: nginx");
        UserError conflict = assertThrows(UserError.class, () -> load("compose.yaml"));
        assertTrue(conflict.oneLine().contains("compose.yaml:1:1: included other.yaml defines service 'web'"), conflict.oneLine());

        write("a.yaml", "include: [b.yaml]", "services:", "  a:", "    image: nginx");
        write("b.yaml", "include: [a.yaml]", "services:", "  b:", "    image: nginx");
        UserError cycle = assertThrows(UserError.class, () -> load("a.yaml"));
        assertTrue(cycle.oneLine().contains("b.yaml:1:") && cycle.oneLine().contains("include cycle"), cycle.oneLine());
    }
}
