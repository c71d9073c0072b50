package dev.devops.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading only regular files with a cap, and writing so that a failure leaves the old file and no temp file. */
class InputAndOutputFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFifoADeviceAndADirectoryAreRefusedWithoutBeingOpened() throws Exception {
        Path fifo = dir.resolve("devops.yaml");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        for (Path p : List.of(fifo, Path.of("/dev/zero"), dir)) {
            UserError e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> assertThrows(UserError.class, () -> InputFiles.readBytes(p, 1024)));
            assertTrue(e.oneLine().startsWith(p + ": cannot read: "), e.oneLine());
        }
    }

    @Test
    void aFileOverTheCapIsRefusedAndOneAtTheCapIsRead() throws IOException {
        Path f = dir.resolve("big");
        Files.write(f, new byte[1025]);
        UserError e = assertThrows(UserError.class, () -> InputFiles.readBytes(f, 1024));
        assertTrue(e.oneLine().contains("too large (1025 bytes; the limit is 1024)"), e.oneLine());
        Files.write(f, new byte[1024]);
        assertEquals(1024, InputFiles.readBytes(f, 1024).length);
    }

    @Test
    void invalidUtf8AndAMissingFileNameTheFile() throws IOException {
        Path f = dir.resolve("x.yaml");
        Files.write(f, new byte[] {'a', (byte) 0xe9, '\n'});
        assertEquals(f + ": not valid UTF-8 text; save the file as UTF-8",
                assertThrows(UserError.class, () -> InputFiles.readUtf8(f, 100)).oneLine());
        assertTrue(assertThrows(UserError.class, () -> InputFiles.readUtf8(dir.resolve("nope"), 100)).oneLine()
                .endsWith("nope: file not found; check the path"));
    }

    @Test
    void aWriteThatFailsHalfwayLeavesTheOldFileAndNoTempFile() throws IOException {
        Path report = dir.resolve("report.json");
        Files.writeString(report, "{\"old\": true}\n");
        UserError e = assertThrows(UserError.class, () -> AtomicWrite.write(report, out -> {
            out.write("{\"findings\": [".getBytes(StandardCharsets.UTF_8));
            throw new java.nio.file.FileSystemException(report.toString(), null, "No space left on device");
        }));
        assertTrue(e.oneLine().startsWith(report + ": cannot write the file: No space left on device"), e.oneLine());
        assertEquals("{\"old\": true}\n", Files.readString(report));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(report), s.toList());
        }
    }

    @Test
    void aDirectoryAsTheTargetIsAUserErrorAndStaysADirectory() throws IOException {
        Path target = Files.createDirectory(dir.resolve("out"));
        UserError e = assertThrows(UserError.class, () -> AtomicWrite.write(target, "x"));
        assertEquals(target + ": is a directory; give a file name", e.oneLine());
        assertTrue(Files.isDirectory(target));
    }

    @Test
    void bytesAreWrittenExactlyAndTheTempFileNameCarriesTheProcess() throws IOException {
        Path f = dir.resolve(".gitignore");
        byte[] b = {'#', ' ', (byte) 0xe9, '\n'};
        AtomicWrite.write(f, b);
        assertArrayEquals(b, Files.readAllBytes(f));
        assertTrue(AtomicWrite.ownerAlive(".x." + ProcessHandle.current().pid() + ".77.devops-tmp"), "our own write in progress");
        assertTrue(!AtomicWrite.ownerAlive(".x.999999999.77.devops-tmp"), "a process that is gone");
    }

    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.com"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove("GIT_DIR");
        pb.environment().remove("GIT_INDEX_FILE");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    /** An interrupted write (killed between the temp file and the rename) never shows in git status; the next run cleans it. */
    @Test
    void aTempFileOfAnInterruptedWriteIsOutOfGitStatusAndCleanedByTheNextWrite() throws Exception {
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo.resolve("sub"));
        git(repo, "init", "-q");
        Files.writeString(repo.resolve("README"), "x\n");
        git(repo, "add", "README");
        git(repo, "commit", "-q", "-m", "init");
        AtomicWrite.write(repo.resolve("sub/report.json"), "{}");
        // what a run killed mid-write leaves behind: the temp file of a process that is gone
        Path stale = repo.resolve("sub/.report.json.999999999.123" + AtomicWrite.TEMP_SUFFIX);
        Files.writeString(stale, "{");
        assertEquals("?? sub/\n", git(repo, "status", "--porcelain"));
        assertEquals("?? sub/report.json\n", git(repo, "status", "--porcelain", "--untracked-files=all"));
        String exclude = Files.readString(repo.resolve(".git/info/exclude"));
        assertTrue(exclude.contains(AtomicWrite.EXCLUDE + "\n"), exclude);

        // a linked worktree reads the exclude file of the common git directory: the line is added once
        git(repo, "worktree", "add", "-q", dir.resolve("wt").toString());
        assertEquals(repo.resolve(".git/info/exclude").toRealPath(), AtomicWrite.gitExcludeFile(dir.resolve("wt/src")).toRealPath());
        AtomicWrite.excludeFromGit(dir.resolve("wt"));
        Files.writeString(dir.resolve("wt/.a.999999999.1" + AtomicWrite.TEMP_SUFFIX), "");
        assertEquals("", git(dir.resolve("wt"), "status", "--porcelain", "--untracked-files=all"));
        assertEquals(1, Files.readString(repo.resolve(".git/info/exclude")).lines()
                .filter(l -> l.equals(AtomicWrite.EXCLUDE)).count());

        // the next run that writes there deletes the temp file of a run that is gone
        Path next = repo.resolve("next");
        Files.createDirectories(next);
        Path left = next.resolve(".out.json.999999999.5" + AtomicWrite.TEMP_SUFFIX);
        Files.writeString(left, "{");
        AtomicWrite.write(next.resolve("out.json"), "{}");
        assertTrue(Files.notExists(left));
        assertTrue(Files.exists(stale), "(a directory is cleaned once per run)");
    }
}
