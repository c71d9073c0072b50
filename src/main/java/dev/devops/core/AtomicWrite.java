package dev.devops.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a file so that readers see either the old or the new content, never half of it: a temporary file in
 * the same directory, then an atomic rename over the target. A full disk or a read-only file system leaves the
 * target as it was and is a {@link UserError} naming it (exit 2). An existing file keeps its permissions; a new
 * one gets rw-r--r--.
 *
 * <p>The temporary file is {@code .NAME.PID.RANDOM.devops-tmp}. One left behind by a killed run is deleted the
 * next time devops writes into that directory (when the process that made it is gone). Inside a git work tree it never
 * shows in {@code git status}: before the first temporary file, the pattern {@value #EXCLUDE} is added to the
 * repository's own {@code info/exclude} (local to the clone, never committed; the common git directory of a linked
 * worktree), unless the line is there already.
 */
public final class AtomicWrite {
    public static final String TEMP_SUFFIX = ".devops-tmp";
    /** The ignore pattern that keeps our temporary files out of {@code git status}. */
    public static final String EXCLUDE = ".*" + TEMP_SUFFIX;

    /** Writes the content to the stream it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final Set<Path> CLEANED = ConcurrentHashMap.newKeySet();
    private static final Set<Path> EXCLUDED = ConcurrentHashMap.newKeySet();

    private AtomicWrite() {
    }

    public static void write(Path target, String content) {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] content) {
        write(target, out -> out.write(content));
    }

    public static void write(Path target, Content content) {
        write(target, content, null);
    }

    /** Writes {@code content} with the permissions {@code mode} (an executable hook), set before it appears. */
    public static void write(Path target, byte[] content, Set<PosixFilePermission> mode) {
        write(target, out -> out.write(content), mode);
    }

    private static void write(Path target, Content content, Set<PosixFilePermission> mode) {
        Path dir = target.toAbsolutePath().getParent();
        if (Files.isDirectory(target)) {
            throw new UserError(SourceLocation.of(target), "is a directory", "give a file name");
        }
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            cleanStale(dir);
            excludeFromGit(dir);
            Set<PosixFilePermission> perms = PosixFilePermissions.fromString("rw-r--r--");
            if (mode != null) {
                perms = mode;
            } else if (Files.exists(target) && Files.getFileAttributeView(target, PosixFileAttributeView.class) != null) {
                perms = Files.getPosixFilePermissions(target);
            }
            tmp = Files.createTempFile(dir, "." + target.getFileName() + "." + ProcessHandle.current().pid() + ".",
                    TEMP_SUFFIX);
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            if (Files.getFileAttributeView(tmp, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(tmp, perms);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UserError(SourceLocation.of(target), "cannot write the file: " + reason(e),
                    "check that the directory exists, is writable and has free space; the file was left as it was");
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the write already failed and that error is reported
                }
            }
        }
    }

    /** The reason of an I/O failure in a few words ("No space left on device", "Read-only file system"). */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "the file system refused to create it";
        }
        if (e instanceof FileSystemException) {
            // no reason given: its message is only the path of our temporary file, which says nothing to the user
            return "the file system refused the write";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /**
     * Deletes the temporary files of interrupted writes in {@code dir}: ours ({@code *.devops-tmp}) whose process
     * has ended. Best effort; each directory once per run.
     */
    public static void cleanStale(Path dir) {
        if (!CLEANED.add(dir.toAbsolutePath().normalize())) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*" + TEMP_SUFFIX)) {
            for (Path p : ds) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !ownerAlive(p.getFileName().toString())) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // a directory we cannot list or a file we cannot delete: the write itself will report real problems
        }
    }

    /**
     * Adds {@link #EXCLUDE} to {@code info/exclude} of the git repository {@code dir} is in (nearest {@code .git}
     * upwards: a directory, or a file {@code gitdir: …} of a linked worktree or submodule, whose {@code commondir}
     * names the directory the exclude file is read from). Best effort, once per repository and run: a directory
     * outside git, or an exclude file we cannot write, changes nothing about the write itself.
     */
    static void excludeFromGit(Path dir) {
        try {
            Path exclude = gitExcludeFile(dir);
            if (exclude == null || !EXCLUDED.add(exclude)) {
                return;
            }
            String text = Files.isRegularFile(exclude) ? Files.readString(exclude, StandardCharsets.ISO_8859_1) : "";
            if (text.lines().anyMatch(l -> l.strip().equals(EXCLUDE))) {
                return;
            }
            Files.createDirectories(exclude.getParent());
            String add = (text.isEmpty() || text.endsWith("\n") ? "" : "\n")
                    + "# temporary files of devops' atomic writes (an interrupted write leaves one until the next run)\n"
                    + EXCLUDE + "\n";
            Files.write(exclude, add.getBytes(StandardCharsets.ISO_8859_1), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException ignored) {
            // outside git, or a git directory we cannot read or write: the write goes on; the temp file is short-lived
        }
    }

    /** The {@code info/exclude} file git reads for a work tree containing {@code dir}; null outside git. */
    static Path gitExcludeFile(Path dir) throws IOException {
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            Path dotGit = d.resolve(".git");
            if (Files.isDirectory(dotGit)) {
                return dotGit.resolve("info").resolve("exclude");
            }
            if (Files.isRegularFile(dotGit)) {
                String line = Files.readString(dotGit, StandardCharsets.UTF_8).strip();
                if (!line.startsWith("gitdir:")) {
                    return null;
                }
                Path gitDir = d.resolve(line.substring("gitdir:".length()).strip()).normalize();
                Path common = gitDir.resolve("commondir");
                if (Files.isRegularFile(common)) {
                    gitDir = gitDir.resolve(Files.readString(common, StandardCharsets.UTF_8).strip()).normalize();
                }
                return Files.isDirectory(gitDir) ? gitDir.resolve("info").resolve("exclude") : null;
            }
        }
        return null;
    }

    /** True when the temp file's name carries the id of a process that is still running (a write in progress). */
    static boolean ownerAlive(String name) {
        // .NAME.PID.RANDOM.devops-tmp: NAME may contain dots, so read PID from the end
        String stem = name.substring(0, name.length() - TEMP_SUFFIX.length());
        int lastDot = stem.lastIndexOf('.');
        int pidDot = lastDot > 0 ? stem.lastIndexOf('.', lastDot - 1) : -1;
        if (pidDot < 0) {
            return false;
        }
        try {
            long pid = Long.parseLong(stem.substring(pidDot + 1, lastDot));
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false; // a temp file of an older devops (no process id): its run is over
        }
    }
}
