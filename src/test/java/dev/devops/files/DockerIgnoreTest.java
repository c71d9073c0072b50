package dev.devops.files;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

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
    void goMatchSemantics() {
        assertTrue(DockerIgnore.parse("/.env").excluded(".env"));
        assertTrue(DockerIgnore.parse("*.env").excluded(".env"), "Go's * matches a leading dot");
        assertFalse(DockerIgnore.parse(".env*\n!.env").excluded(".env"), "the last matching line wins");
        assertTrue(DockerIgnore.parse("*").excluded(".env"));
        assertTrue(DockerIgnore.parse("config").excluded("config/.env"), "a parent directory excludes its files");
        assertFalse(DockerIgnore.parse("node_modules\n# .env").excluded(".env"));
        assertFalse(DockerIgnore.parse("env").excluded(".env"));
        assertTrue(DockerIgnore.parse(".[e]nv").excluded(".env"));
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstPattern() {
        assertTrue(DockerIgnore.parse("\uFEFF.env\nnode_modules").excluded(".env"));
    }
}
