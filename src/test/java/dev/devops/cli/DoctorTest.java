package dev.devops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.git.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** devops doctor: each prerequisite checked, a failure names what to do, the exit code says whether any failed. */
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
@Tag("git")
class DoctorTest {
    @TempDir
    Path tmp;

    @Test
    void reportsJavaGitTheRepositoryTheDescriptorAndTheEngine() throws Exception {
        CheckCommandTest.example(tmp);
        CliRun run = CliRun.run("doctor", tmp.toString());
        assertTrue(run.out().contains("ok    java: " + Runtime.version()), run.out());
        assertTrue(run.out().matches("(?s).*ok    git: \\d+\\.\\d+.*"), run.out());
        assertTrue(run.out().contains("ok    repository: " + tmp.toRealPath()), run.out());
        assertTrue(run.out().contains("devops.yaml is valid"), run.out());
        boolean engine = run.out().matches("(?s).*ok    docker: engine \\S+, API \\d+\\.\\d+ .*");
        boolean noEngine = run.out().contains("FAIL  docker: no Docker engine at");
        assertTrue(engine || noEngine, run.out());
        assertEquals(engine ? 0 : 1, run.code(), run.out());

        Files.writeString(tmp.resolve("devops.yaml"), "name: demo\napps:\n  web:\n    runtime:\n      language: cobol\n");
        CliRun bad = CliRun.run("doctor", tmp.toString());
        assertEquals(1, bad.code(), bad.out());
        assertTrue(bad.out().contains("FAIL  devops.yaml: " + tmp.toRealPath().resolve("devops.yaml") + ":5"), bad.out());
        assertTrue(bad.out().contains("fix: "), bad.out());
    }
}
