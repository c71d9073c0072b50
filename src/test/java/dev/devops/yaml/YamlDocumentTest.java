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

    private static String laughs(int levels) {
        StringBuilder sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= levels; i++) {
            sb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int k = 0; k < 9; k++) {
                sb.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            sb.append("]\n");
        }
        return sb.toString();
    }

    @Test
    void anAliasBombIsRefusedAtOnceWithItsLine() {
        String bomb = laughs(9); // about 400 bytes that expand to 3.8 billion nodes
        UserError e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> assertThrows(UserError.class, () -> YamlDocument.parse(Path.of("c.yaml"), bomb)));
        assertTrue(e.oneLine().startsWith("c.yaml:6:") && e.oneLine().contains("aliases expand to more than 200000 nodes"),
                e.oneLine());
        // aliases that expand to a reasonable size still load
        assertEquals(9, YamlDocument.parse(Path.of("c.yaml"), laughs(3)).asMap().get("a3").asList().size());
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String deep = "a: " + "[".repeat(1100) + "]".repeat(1100) + "\n";
        UserError e = assertThrows(UserError.class, () -> YamlDocument.parse(Path.of("d.yaml"), deep));
        assertEquals("d.yaml:1:103: YAML nested more than 100 levels deep; flatten the document", e.oneLine());
        String ok = "a: " + "[".repeat(50) + "]".repeat(50) + "\n";
        YamlDocument.parse(Path.of("d.yaml"), ok);
    }

    @Test
    void aRecursiveAliasIsRefused() {
        UserError e = assertThrows(UserError.class, () -> YamlDocument.parse(Path.of("r.yaml"), "a: &x\n  b: [*x]\n"));
        assertTrue(e.oneLine().contains("recursive alias"), e.oneLine());
    }
}
