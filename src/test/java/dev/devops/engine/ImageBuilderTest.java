package dev.devops.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classic-builder check runs before anything is sent: no Docker needed. */
class ImageBuilderTest {
    @TempDir
    Path dir;

    private Path dockerfile(String text) throws Exception {
        return Files.writeString(dir.resolve("Dockerfile"), text);
    }

    @Test
    void runMountNeedsBuildKitAndTheMessageSaysSo() throws Exception {
        Path df = dockerfile("FROM node:20-bookworm-slim\nWORKDIR /app\nRUN --mount=type=cache,target=/root/.npm npm ci\n");
        EngineException e = assertThrows(EngineException.class, () -> ImageBuilder.checkClassicBuilder("web", df));
        assertTrue(e.getMessage().contains(df + ":3"), e.getMessage());
        assertTrue(e.getMessage().contains("RUN --mount"), e.getMessage());
        assertTrue(e.getMessage().contains("needs BuildKit"), e.getMessage());
        assertTrue(e.getMessage().contains("classic builder"), e.getMessage());
    }

    @Test
    void heredocsCopyLinkAndForeignFrontendsNeedBuildKit() throws Exception {
        Path h = dockerfile("FROM debian:bookworm-slim\nRUN <<EOF\necho hi\nEOF\n");
        assertTrue(assertThrows(EngineException.class, () -> ImageBuilder.checkClassicBuilder("a", h))
                .getMessage().contains("heredoc"));
        Path l = dockerfile("FROM debian:bookworm-slim\nCOPY --link . /app\n");
        assertTrue(assertThrows(EngineException.class, () -> ImageBuilder.checkClassicBuilder("a", l))
                .getMessage().contains("COPY --link"));
        Path s = dockerfile("# syntax=docker/dockerfile-upstream:master-labs\nFROM debian:bookworm-slim\n");
        assertTrue(assertThrows(EngineException.class, () -> ImageBuilder.checkClassicBuilder("a", s))
                .getMessage().contains("syntax="));
    }

    @Test
    void plainDockerfilesAndTheStandardSyntaxLinePass() throws Exception {
        Path ok = dockerfile("# syntax=docker/dockerfile:1\nFROM python:3.11-slim\nRUN echo '--mount is just text' \\\n"
                + " && true\nCOPY --chown=1000:1000 . /app\n");
        assertDoesNotThrow(() -> ImageBuilder.checkClassicBuilder("a", ok));
    }

    @Test
    void theEnginesBuildKitErrorTextGetsTheSameAdvice() {
        EngineException e = ImageBuilder.failure("web", "the --mount option requires BuildKit. Refer to "
                + "https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled", "Step 3/4 : RUN --mount");
        assertTrue(e.getMessage().startsWith("service web: the Dockerfile needs BuildKit (the --mount option requires BuildKit."),
                e.getMessage());
        assertTrue(e.getMessage().contains("classic builder"), e.getMessage());
        assertTrue(e.details().contains("Step 3/4"));
        EngineException plain = ImageBuilder.failure("web", "The command '/bin/sh -c false' returned a non-zero code: 1", "");
        assertTrue(plain.getMessage().equals("service web: build failed: The command '/bin/sh -c false' returned a non-zero code: 1"),
                plain.getMessage());
    }
}
