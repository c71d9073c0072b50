package dev.devops.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devops.git.TestRepo;
import dev.devops.lint.secrets.Fake;
import dev.devops.testsupport.Docker;
import dev.devops.testsupport.DockerTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The GitHub Action (action.yml) runs its own script, as the runner would, against the tool's image
 * built from this repository, on a mounted fixture repository: the SARIF file lands in the workspace,
 * owned by the runner's user, with repository-relative paths, and the exit code is the gate's.
 */
@Isolated("Docker tests run alone: one engine, and their timeouts assume an idle machine")
@DockerTest(images = {"maven:3.9-eclipse-temurin-17", "debian:bookworm-slim"})
class ActionImageTest {
    static final String TAG = "devops-test/devops:latest";

    @TempDir
    Path tmp;

    @AfterAll
    static void pruneDanglingTestImages() {
        Docker.pruneTestImages();
    }

    @Test
    @SuppressWarnings("unchecked")
    void actionScriptRunsCheckInTheImageAndWritesSarifAsTheRunnersUser() throws Exception {
        Docker.BuildResult build = Docker.buildOffline(ExampleDockerfilesBuildTest.projectDir(), "Dockerfile", TAG, Map.of("INSTALL_GIT", "false"));
        if (build.imageId().isEmpty()) {
            fail("offline build of the tool's Dockerfile failed: " + build.error().orElse("?") + "\n" + build.tail(40));
        }
        Map<String, Object> action = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(ExampleDockerfilesBuildTest.projectDir().resolve("action.yml")));
        Map<String, Object> inputs = (Map<String, Object>) action.get("inputs");
        Map<String, Object> step = ((List<Map<String, Object>>) ((Map<String, Object>) action.get("runs")).get("steps")).get(0);
        String script = (String) step.get("run");

        TestRepo r = TestRepo.init(Files.createDirectories(tmp.resolve("ws")));
        r.write("services/api/settings.py", "password = \"" + Fake.token(14) + "\"\n").write("README.md", "# x\n").commit("init");
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).directory(r.dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GITHUB_WORKSPACE", r.dir.toString());
        pb.environment().put("DEVOPS_COMMAND", String.valueOf(((Map<String, Object>) inputs.get("command")).get("default")));
        pb.environment().put("DEVOPS_FAIL_ON", String.valueOf(((Map<String, Object>) inputs.get("fail-on")).get("default")));
        pb.environment().put("DEVOPS_SARIF", String.valueOf(((Map<String, Object>) inputs.get("sarif")).get("default")));
        pb.environment().put("DEVOPS_IMAGE", TAG);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), "a committed secret fails the gate: " + out);
        assertTrue(out.contains("::error file=services/api/settings.py,line=1"), out);
        Path sarif = r.dir.resolve("devops.sarif");
        assertTrue(Files.exists(sarif), out);
        assertEquals(Files.getOwner(r.dir), Files.getOwner(sarif), "written as the runner's user");
        JsonNode doc = new ObjectMapper().readTree(sarif.toFile());
        assertEquals("services/api/settings.py", doc.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText());
    }
}
