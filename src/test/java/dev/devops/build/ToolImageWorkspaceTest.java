package dev.devops.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.devops.git.TestRepo;
import dev.devops.lint.secrets.Fake;
import dev.devops.testsupport.Docker;
import dev.devops.testsupport.DockerTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The tool's image on a mounted repository, as CI and the pre-commit docker hooks run it: {@code lint},
 * {@code check} and {@code lint --staged} as the image's own user (uid 10001) on a repository another user owns,
 * which git accepts because the image writes {@code safe.directory} (without it, git refuses the repository).
 * The offline build has no apt, so the image gets this host's git (a Debian 12 build, like the image's base)
 * in a layer on top, where {@code INSTALL_GIT=true} would install Debian's.
 */
@Isolated("Docker tests run alone: one engine, and their timeouts assume an idle machine")
@DockerTest(images = {"maven:3.9-eclipse-temurin-17", "debian:bookworm-slim"})
class ToolImageWorkspaceTest {
    static final String WITH_GIT = "devops-test/devops-git:latest";

    @TempDir
    Path tmp;

    @AfterAll
    static void cleanUp() {
        Docker.pruneTestImages();
    }

    private static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", cmd));
        return p.exitValue() + "\n" + out;
    }

    private static String devops(Path repo, String... args) throws Exception {
        return devops(repo, List.of(), args);
    }

    private static String devops(Path repo, List<String> dockerOptions, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("docker", "run", "--rm", "--network", "none", "-v", repo + ":/work"));
        cmd.addAll(dockerOptions);
        cmd.add(WITH_GIT);
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    private static int code(String result) {
        return Integer.parseInt(result.substring(0, result.indexOf('\n')));
    }

    @Test
    void lintCheckAndStagedRunInTheImageOnAMountedRepositoryOfAnotherOwner() throws Exception {
        Docker.BuildResult build = Docker.buildOffline(ExampleDockerfilesBuildTest.projectDir(), "Dockerfile", ActionImageTest.TAG,
                Map.of("INSTALL_GIT", "false"));
        if (build.imageId().isEmpty()) {
            fail("offline build of the tool's Dockerfile failed: " + build.error().orElse("?") + "\n" + build.tail(40));
        }
        Path ctx = Files.createDirectories(tmp.resolve("git-layer"));
        Files.copy(Path.of("/usr/bin/git"), ctx.resolve("git"));
        Files.writeString(ctx.resolve("Dockerfile"), "FROM " + ActionImageTest.TAG + "\nCOPY git /usr/bin/git\n");
        Docker.BuildResult withGit = Docker.buildOffline(ctx, "Dockerfile", WITH_GIT);
        if (withGit.imageId().isEmpty()) {
            fail("adding git to the image failed: " + withGit.error().orElse("?") + "\n" + withGit.tail(20));
        }

        TestRepo r = TestRepo.init(Files.createDirectories(tmp.resolve("repo")));
        r.write("Dockerfile", "FROM node:latest\nCOPY . .\nCMD [\"node\", \"app.js\"]\n").write("app.js", "console.log(1)\n").commit("init");
        String secret = Fake.token(14);
        r.write("settings.py", "password = \"" + secret + "\"\n").add("settings.py");
        run(List.of("chmod", "-R", "go+rX", r.dir.toString())); // readable by uid 10001, owned by this test's user
        assertFalse(Files.getOwner(r.dir).getName().equals("10001"));

        String version = devops(r.dir, List.of("--entrypoint", "git"), "--version");
        assertEquals(0, code(version), "the host's git runs in the image: " + version);

        String lint = devops(r.dir, "lint", "--no-color", "--fail-on", "warning");
        assertEquals(1, code(lint), lint);
        assertTrue(lint.contains("Dockerfile:1: warning DF0001"), lint);
        assertFalse(lint.contains("dubious ownership"), lint);

        String check = devops(r.dir, "check", "--no-color", "--format", "github");
        assertEquals(1, code(check), check);
        assertTrue(check.contains("::error file=settings.py,line=1"), check);

        String staged = devops(r.dir, "lint", "--staged", "--no-color");
        assertEquals(1, code(staged), staged);
        assertTrue(staged.contains("settings.py:1") && staged.contains("SEC0030"), staged);
        assertFalse(staged.contains("DF0001"), "the Dockerfile is not part of the commit: " + staged);
        assertFalse(staged.contains(secret), "redacted");

        // without the image's safe.directory, git refuses the repository: the setting is what makes it work
        String refused = devops(r.dir, List.of("-e", "GIT_CONFIG_NOSYSTEM=1"), "lint", "--staged", "--no-color");
        assertEquals(2, code(refused), refused);
        assertTrue(refused.contains("devops: ") && !refused.contains("\tat "), "one line, no stack trace: " + refused);
    }
}
