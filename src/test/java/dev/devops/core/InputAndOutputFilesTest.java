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
}
