package dev.devops.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.devops.git.TestRepo;
import dev.devops.lint.secrets.Fake;
import dev.devops.testsupport.Docker;
import dev.devops.testsupport.DockerTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The docker_image hooks of .pre-commit-hooks.yaml, run by Debian's pre-commit against the tool's image
 * built from this repository (its tag in place of the published one): a staged secret blocks the commit,
 * a clean commit passes, the repository is mounted as the committer's user.
 */
@Isolated("Docker tests run alone: one engine, and their timeouts assume an idle machine")
@DockerTest(images = {"maven:3.9-eclipse-temurin-17", "debian:bookworm-slim"})
class PreCommitImageTest {
    @TempDir
    Path tmp;

    @AfterAll
    static void pruneDanglingTestImages() {
        Docker.pruneTestImages();
    }

    private String sh(Path dir, String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("PRE_COMMIT_HOME", tmp.resolve("pre-commit-home").toString());
        pb.environment().put("HOME", tmp.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), String.join(" ", cmd));
        return p.exitValue() + "\n" + out;
    }

    @Test
    void dockerImageHooksBlockAStagedSecretAndPassACleanCommit() throws Exception {
        Path project = ExampleDockerfilesBuildTest.projectDir();
        Docker.BuildResult build = Docker.buildOffline(project, "Dockerfile", ActionImageTest.TAG, Map.of("INSTALL_GIT", "false"));
        if (build.imageId().isEmpty()) {
            fail("offline build of the tool's Dockerfile failed: " + build.error().orElse("?") + "\n" + build.tail(40));
        }
        TestRepo hooks = TestRepo.init(Files.createDirectories(tmp.resolve("hooks")));
        String published = Files.readString(project.resolve(".pre-commit-hooks.yaml"));
        assertTrue(published.contains("ghcr.io/devops-dev/devops:latest lint"), "the docker_image hooks run the published image");
        hooks.write(".pre-commit-hooks.yaml", published.replace("ghcr.io/devops-dev/devops:latest", ActionImageTest.TAG));
        String rev = hooks.commit("hooks");

        TestRepo r = TestRepo.init(Files.createDirectories(tmp.resolve("repo")));
        r.write(".pre-commit-config.yaml", "repos:\n  - repo: " + hooks.dir + "\n    rev: " + rev
                + "\n    hooks:\n      - id: devops-lint-docker\n      - id: devops-secrets-docker\n");
        r.write("app.py", "import os\n").commit("init");
        String installed = sh(r.dir, "pre-commit", "install");
        assertTrue(installed.startsWith("0\n"), installed);

        String line = "password = \"" + Fake.token(14) + "\"\n";
        r.write("settings.py", line).add("settings.py");
        String blocked = sh(r.dir, "git", "commit", "-q", "-m", "settings");
        assertNotEquals("0", blocked.substring(0, blocked.indexOf('\n')), blocked);
        assertTrue(blocked.contains("settings.py:1:") && blocked.contains("SEC0030"), blocked);
        assertFalse(blocked.contains(line.split("\"")[1]), "redacted only");

        r.write("settings.py", "import os\npassword = os.environ['DB_PASSWORD']\n").add("settings.py");
        String ok = sh(r.dir, "git", "commit", "-q", "-m", "settings");
        assertEquals("0", ok.substring(0, ok.indexOf('\n')), ok);
    }
}
