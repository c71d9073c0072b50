package dev.devops.lint.dockerfile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DockerignoreTest {
    @Test
    void patterns() {
        assertTrue(Dockerignore.parse(".env").excludes(".env"));
        assertTrue(Dockerignore.parse("/.env").excludes(".env"));
        assertTrue(Dockerignore.parse("*.env").excludes(".env"), "Go's * matches a leading dot");
        assertTrue(Dockerignore.parse(".env*\n!.env.example").excludes(".env"));
        assertFalse(Dockerignore.parse(".env*\n!.env.example").excludes(".env.example"));
        assertFalse(Dockerignore.parse(".env*\n!.env").excludes(".env"), "the last matching line wins");
        assertTrue(Dockerignore.parse("**/.env").excludes(".env"));
        assertTrue(Dockerignore.parse("**/.env").excludes("a/b/.env"));
        assertTrue(Dockerignore.parse("*").excludes(".env"));
        assertTrue(Dockerignore.parse("config").excludes("config/.env"), "a parent directory excludes its files");
        assertFalse(Dockerignore.parse("node_modules\n# .env").excludes(".env"));
        assertFalse(Dockerignore.parse("env").excludes(".env"));
        assertTrue(Dockerignore.parse(".[e]nv").excludes(".env"));
    }
}
