package dev.devops.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void anIgnoreFileBesideTheDockerfileWinsOverTheContextsOwn(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("apps/web"));
        Files.writeString(dir.resolve("apps/web/Dockerfile"), "FROM scratch\n");
        Files.writeString(dir.resolve("apps/web/Dockerfile.dockerignore"), "**/node_modules\n");
        Files.writeString(dir.resolve(".dockerignore"), "apps\n"); // the root's own: would drop the app itself
        Files.createDirectories(dir.resolve("apps/web/node_modules/x"));
        Files.writeString(dir.resolve("apps/web/node_modules/x/i.js"), "x\n");
        Files.writeString(dir.resolve("apps/web/server.js"), "x\n");
        List<String> sent = BuildContext.files(dir, "apps/web/Dockerfile");
        assertTrue(sent.contains("apps/web/server.js"), sent.toString());
        assertFalse(sent.stream().anyMatch(f -> f.contains("node_modules")), sent.toString());
        // without a Dockerfile-specific file, the context's .dockerignore applies as before
        Files.delete(dir.resolve("apps/web/Dockerfile.dockerignore"));
        assertFalse(BuildContext.files(dir, "apps/web/Dockerfile").contains("apps/web/server.js"));
    }

    @Test
    void aFixedMtimeMakesTwoCheckoutsOfTheSameFilesOneContext(@TempDir Path a, @TempDir Path b) throws Exception {
        for (Path d : List.of(a, b)) {
            Files.writeString(d.resolve("Dockerfile"), "FROM scratch\nCOPY . /app/\n");
            Files.createDirectories(d.resolve("src"));
            Files.writeString(d.resolve("src/app.txt"), "hello\n");
            Files.createSymbolicLink(d.resolve("link"), Path.of("src/app.txt"));
            // devops's own records never go into a context
            Files.createDirectories(d.resolve(".devops/artifacts"));
            Files.writeString(d.resolve(".devops/artifacts/1.0.0.json"), d.toString());
        }
        Files.setLastModifiedTime(b.resolve("src/app.txt"), java.nio.file.attribute.FileTime.fromMillis(86_400_000L));
        Files.setLastModifiedTime(b.resolve("src"), java.nio.file.attribute.FileTime.fromMillis(86_400_000L));
        assertTrue(!java.util.Arrays.equals(BuildContext.tar(a, "Dockerfile"), BuildContext.tar(b, "Dockerfile")),
                "the files' own mtimes differ");
        long commitTime = 1_700_000_000L;
        assertEquals(BuildContext.digest(a, "Dockerfile", commitTime), BuildContext.digest(b, "Dockerfile", commitTime));
        java.io.ByteArrayOutputStream sent = new java.io.ByteArrayOutputStream();
        BuildContext.write(a, "Dockerfile", sent, commitTime);
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
        assertEquals("sha256:" + java.util.HexFormat.of().formatHex(md.digest(sent.toByteArray())),
                BuildContext.digest(a, "Dockerfile", commitTime), "the digest is of the bytes sent");
        assertEquals(List.of("Dockerfile", "link", "src/", "src/app.txt"), BuildContext.files(a, "Dockerfile"));
    }
}
