package dev.devops.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageChecksTest {

    @Test
    void baseImagesSkipStageNamesScratchAndFlags(@TempDir Path dir) throws IOException {
        Path dockerfile = dir.resolve("Dockerfile");
        Files.writeString(dockerfile, String.join("\n",
                "# syntax comment FROM nothing",
                "FROM --platform=$BUILDPLATFORM golang:1.22-bookworm AS Build",
                "RUN go build -o /app .",
                "from node:20-bookworm-slim as deps",
                "FROM build AS test",
                "FROM deps",
                "FROM scratch",
                "COPY --from=build /app /app",
                ""));
        assertEquals(List.of("golang:1.22-bookworm", "node:20-bookworm-slim"), ImageChecks.baseImages(dockerfile));
    }

    @Test
    void fixtureDockerfileNamesItsTwoBases() {
        Path fixture = Path.of(System.getProperty("devops.project.dir", "."))
                .resolve("src/test/resources/docker-fixtures/go-hello/Dockerfile");
        assertEquals(List.of("golang:1.22-bookworm", "debian:bookworm-slim"), ImageChecks.baseImages(fixture));
    }
}
