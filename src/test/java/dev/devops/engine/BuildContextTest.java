package dev.devops.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildContextTest {
    @Test
    void buildContextHonoursDockerignoreButAlwaysSendsDockerfile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        Files.writeString(dir.resolve(".dockerignore"), "Dockerfile\n.dockerignore\n.env\nnode_modules\n*.log\n!important.log\n");
        Files.writeString(dir.resolve(".env"), "X=1\n");
        Files.writeString(dir.resolve("app.js"), "x\n");
        Files.writeString(dir.resolve("debug.log"), "x\n");
        Files.writeString(dir.resolve("important.log"), "x\n");
        Files.createDirectories(dir.resolve("node_modules/dep"));
        Files.writeString(dir.resolve("node_modules/dep/index.js"), "x\n");
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/main.js"), "x\n");
        List<String> files = BuildContext.files(dir, "Dockerfile");
        assertEquals(List.of(".dockerignore", "Dockerfile", "app.js", "important.log", "src/", "src/main.js"), files);
        byte[] tar = BuildContext.tar(dir, "Dockerfile");
        assertTrue(tar.length >= 512 * 6 && tar.length % 512 == 0, "a tar of whole 512-byte blocks");
        assertEquals(new String(tar, 0, 13, java.nio.charset.StandardCharsets.US_ASCII), ".dockerignore");
    }
}
