package dev.devops.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.model.ContainerConfig;
import dev.devops.testsupport.Docker;
import dev.devops.testsupport.DockerTest;
import dev.devops.testsupport.ImageChecks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The tool's own top-level {@code Dockerfile} builds offline (multi-stage: seeded maven builder, a jlink-trimmed
 * Java runtime on debian slim), stays small, runs as a non-root user in {@code /work}, and the image answers
 * {@code --version}.
 * Built with {@code INSTALL_GIT=false}: its {@code apt-get install git} step needs a network.
 */
@Isolated("Docker tests run alone: one engine, and their timeouts assume an idle machine")
@DockerTest(images = {"maven:3.9-eclipse-temurin-17", "debian:bookworm-slim"})
class ToolImageBuildTest {

    @AfterAll
    static void pruneDanglingTestImages() {
        Docker.pruneTestImages();
    }

    @Test
    void buildsOfflineAndPrintsItsVersion() {
        Path dir = ExampleDockerfilesBuildTest.projectDir();
        String tag = "devops-test/devops:latest";
        Docker.BuildResult build = Docker.buildOffline(dir, "Dockerfile", tag, Map.of("INSTALL_GIT", "false"));
        if (build.imageId().isEmpty()) {
            fail("offline build of the tool's Dockerfile failed: " + build.error().orElse("?")
                    + "\n--- last lines of the build output ---\n" + build.tail(40));
        }
        ImageChecks.assertRunnableAsNonRoot(tag);
        long size = Docker.inspect(tag).getSize();
        assertTrue(size < 200L * 1024 * 1024, "a trimmed runtime, not a whole JRE (about 330 MB before): " + size / 1024 / 1024 + " MB");
        ContainerConfig config = Docker.inspect(tag).getConfig();
        assertEquals("/work", config.getWorkingDir());
        List<String> entrypoint = List.of(config.getEntrypoint());
        assertEquals("java", entrypoint.get(0));
        assertEquals("/opt/devops/devops.jar", entrypoint.get(entrypoint.size() - 1), "entrypoint " + entrypoint);

        Docker.Exit exit = Docker.runToExit(tag, Duration.ofSeconds(60), "--version");
        assertEquals(0, exit.code(), exit.logs());
        assertTrue(exit.logs().startsWith("devops "), "--version printed: " + exit.logs());
    }
}
