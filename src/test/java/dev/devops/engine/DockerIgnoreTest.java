package dev.devops.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerIgnoreTest {
    private static DockerIgnore of(String... lines) {
        return DockerIgnore.parse(String.join("\n", lines));
    }

    @Test
    void plainNameExcludesFileAndEverythingBelowADirectory() {
        DockerIgnore d = of("node_modules");
        assertTrue(d.excluded("node_modules"));
        assertTrue(d.excluded("node_modules/a/b.js"));
        assertFalse(d.excluded("src/node_modules"), "a plain pattern is anchored at the context root");
        assertFalse(d.excluded("node_modules2"));
    }

    @Test
    void starDoesNotCrossDirectoriesButDoubleStarDoes() {
        DockerIgnore d = of("*.log");
        assertTrue(d.excluded("a.log"));
        assertFalse(d.excluded("dir/a.log"));
        DockerIgnore dd = of("**/*.log");
        assertTrue(dd.excluded("a.log"), "**/ matches zero directories");
        assertTrue(dd.excluded("dir/sub/a.log"));
        assertFalse(dd.excluded("dir/a.txt"));
        DockerIgnore mid = of("a/**/b");
        assertTrue(mid.excluded("a/b"));
        assertTrue(mid.excluded("a/x/y/b"));
        assertFalse(mid.excluded("x/a/b"));
        DockerIgnore trailing = of("build/**");
        assertTrue(trailing.excluded("build/x/y"));
        assertFalse(trailing.excluded("builder"));
    }

    @Test
    void questionMarkAndCharacterClasses() {
        DockerIgnore d = of("file?.txt", "[abc].md", "[^x]y");
        assertTrue(d.excluded("file1.txt"));
        assertFalse(d.excluded("file10.txt"));
        assertFalse(d.excluded("file/.txt"), "? never matches a slash");
        assertTrue(d.excluded("b.md"));
        assertFalse(d.excluded("d.md"));
        assertTrue(d.excluded("ay"));
        assertFalse(d.excluded("xy"));
    }

    @Test
    void exceptionsReincludeAndTheLastMatchWins() {
        DockerIgnore d = of("*.md", "!README.md", "README-secret.md");
        assertTrue(d.excluded("CHANGES.md"));
        assertFalse(d.excluded("README.md"));
        assertTrue(d.excluded("README-secret.md"));
        DockerIgnore order = of("!keep.txt", "*.txt");
        assertTrue(order.excluded("keep.txt"), "an exception before the exclusion does not win");
        DockerIgnore all = of("*", "!src", "src/**/*.tmp");
        assertTrue(all.excluded("target/x.class"));
        assertFalse(all.excluded("src/Main.java"));
        assertTrue(all.excluded("src/a/b.tmp"));
        assertTrue(all.hasExceptions());
    }

    @Test
    void commentsBlankLinesLeadingSlashTrailingSlashAndCleaning() {
        DockerIgnore d = of("# a comment", "", "   ", "/secrets", "logs/", "./tmp/../cache", "  spaced.txt  ",
                " # not a comment");
        assertFalse(d.excluded("# a comment"));
        assertTrue(d.excluded("secrets/key.pem"), "a leading / is the context root");
        assertTrue(d.excluded("logs/app.log"), "a trailing / is dropped");
        assertTrue(d.excluded("logs"));
        assertTrue(d.excluded("cache/x"), "patterns are path-cleaned");
        assertFalse(d.excluded("tmp"));
        assertTrue(d.excluded("spaced.txt"), "surrounding whitespace is trimmed");
        assertTrue(d.excluded("# not a comment"), "only a # in the first column starts a comment");
        assertFalse(d.excluded("."), "the context itself is never excluded");
    }

    @Test
    void escapesAndRegexMetacharactersAreLiteral() {
        DockerIgnore d = of("a+b(1).txt", "\\*literal", "x{y}$");
        assertTrue(d.excluded("a+b(1).txt"));
        assertFalse(d.excluded("aab1.txt"));
        assertTrue(d.excluded("*literal"));
        assertFalse(d.excluded("Xliteral"));
        assertTrue(d.excluded("x{y}$"));
    }

    @Test
    void dotEnvExcludedEverywhereWithDoubleStar() {
        DockerIgnore d = of("**/.env", "**/.env.*", "!**/.env.example");
        assertTrue(d.excluded(".env"));
        assertTrue(d.excluded("config/.env"));
        assertTrue(d.excluded("config/.env.local"));
        assertFalse(d.excluded(".env.example"));
        assertFalse(d.excluded("deep/er/.env.example"));
    }

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
