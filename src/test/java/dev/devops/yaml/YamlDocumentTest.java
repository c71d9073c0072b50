package dev.devops.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.core.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlDocumentTest {
    @TempDir
    Path dir;

    @Test
    void everyNodeKnowsItsLineAndColumn() {
        YNode root = YamlDocument.parse(Path.of("x.yaml"), "a:\n  b: [1, 2]\n  c: {d: true}\n");
        YMap a = root.asMap().get("a").asMap();
        assertEquals("x.yaml:2:6", a.get("b").location().toString());
        assertEquals("x.yaml:3:10", a.get("c").asMap().get("d").location().toString());
        assertEquals("a.c.d", a.get("c").asMap().get("d").path());
        assertEquals(List.of("1", "2"), a.get("b").asStringList());
    }

    @Test
    void mergeKeysApplyAndExplicitKeysWin() {
        YNode root = YamlDocument.parse(Path.of("x.yaml"),
                "base: &b {x: 1, y: 2}\nsvc:\n  <<: *b\n  y: 3\n");
        YMap svc = root.asMap().get("svc").asMap();
        assertEquals("1", svc.get("x").asText());
        assertEquals("3", svc.get("y").asText());
    }

    @Test
    void unreadableAndMissingFilesAreUserErrors() throws IOException {
        UserError missing = assertThrows(UserError.class, () -> YamlDocument.read(dir.resolve("nope.yaml")));
        assertTrue(missing.oneLine().contains("nope.yaml: file not found"), missing.oneLine());
        Path binary = dir.resolve("bin.yaml");
        Files.write(binary, new byte[] {(byte) 0xC3, (byte) 0x28, 0x0A});
        UserError bin = assertThrows(UserError.class, () -> YamlDocument.read(binary));
        assertTrue(bin.oneLine().contains("not valid UTF-8"), bin.oneLine());
    }

    @Test
    void suggestsCloseKeysOnly() {
        assertEquals("services", Suggest.closest("servics", List.of("name", "services")));
        assertEquals(null, Suggest.closest("zzzz", List.of("name", "services")));
    }
}
