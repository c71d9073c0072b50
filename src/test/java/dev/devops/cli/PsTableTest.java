package dev.devops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.engine.ContainerStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ps shows VERSION and DIGEST only when a container runs an artifact. */
class PsTableTest {
    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    @Test
    void plainStacksKeepTheFourColumns() {
        String t = PsCommand.table(List.of(new ContainerStatus("id1", "shop-web-1", "web", 1, "running", "Up 3 seconds",
                "", null, List.of("127.0.0.1:8080->8080/tcp"), "shop-web", "h")));
        assertEquals("NAME", t.lines().findFirst().orElseThrow().split("\\s+")[0]);
        assertFalse(t.contains("VERSION"), t);
    }

    @Test
    void artifactContainersShowVersionAndDigest() throws Exception {
        ContainerStatus pinned = new ContainerStatus("id1", "shop-web-1", "web", 1, "running", "Up 3 seconds", "", null,
                List.of(), "127.0.0.1:5000/team/shop-web@" + DIGEST, "h", "1.4.2");
        ContainerStatus db = new ContainerStatus("id2", "shop-db-1", "db", 1, "running", "Up 3 seconds", "", null,
                List.of(), "postgres:15", "h");
        String t = PsCommand.table(List.of(pinned, db));
        List<String> lines = t.lines().toList();
        assertTrue(lines.get(0).matches("NAME\\s+SERVICE\\s+STATUS\\s+VERSION\\s+DIGEST\\s+PORTS"), t);
        assertTrue(lines.get(1).contains("1.4.2") && lines.get(1).contains("abababababab"), t);
        assertTrue(lines.get(2).matches("shop-db-1\\s+db\\s+Up 3 seconds\\s+-\\s+-"), t);
        String json = PsCommand.json(List.of(pinned));
        assertTrue(json.contains("\"Version\" : \"1.4.2\"") && json.contains("\"Digest\" : \"" + DIGEST + "\""), json);
    }
}
