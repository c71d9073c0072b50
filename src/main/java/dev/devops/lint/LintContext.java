package dev.devops.lint;

import dev.devops.descriptor.Descriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What a check sees of the repository.
 *
 * @param root        the repository (or directory) root
 * @param files       repo-relative paths (forward slashes) of the files to lint: git-tracked files plus
 *                    untracked files git does not ignore; a plain walk outside git
 * @param tracked     the subset of {@code files} tracked by git (empty outside git)
 * @param descriptor  devops.yaml when present, else null
 * @param maxFileSize files larger than this many bytes are skipped by {@link #readText} (and counted)
 * @param stats       files read and skipped, shared by every check of one run
 * @param memo        facts about the files computed once per run and shared by every check (compose files)
 */
public record LintContext(Path root, List<String> files, Set<String> tracked, Descriptor descriptor,
        long maxFileSize, FileStats stats, Memo memo) {
    /** Default for --max-file-size: 1 MiB; larger text files are nearly always generated or data. */
    public static final long DEFAULT_MAX_FILE_SIZE = 1L << 20;

    public LintContext {
        files = files instanceof FileFeed ? files : List.copyOf(files); // a feed is immutable; copying it would wait for the walk
        tracked = Set.copyOf(tracked);
        stats = stats == null ? new FileStats() : stats;
        memo = memo == null ? new Memo() : memo;
    }

    public LintContext(Path root, List<String> files, Set<String> tracked, Descriptor descriptor, long maxFileSize,
            FileStats stats) {
        this(root, files, tracked, descriptor, maxFileSize, stats, null);
    }

    /** Facts about the files that several checks need, computed once per run (thread-safe). */
    public static final class Memo {
        private volatile Set<String> compose;
        private volatile Set<String> envFiles;
        private volatile Set<String> catalogues;
    }

    /** How many compose files recognised by content one directory holds at least to be a {@link #composeCatalogues catalogue}. */
    static final int CATALOGUE_MIN = 10;

    /**
     * The directories that hold a platform's catalogue of compose templates, not compose projects: ten or more compose
     * files recognised by content side by side (one app each, {@code templates/compose/<app>.yaml}), most of which
     * mount named volumes without a top-level {@code volumes:} ({@link dev.devops.files.FileKinds#mountsUndeclaredVolume}).
     * The platform that deploys them completes each file (declares its volumes, sets the variables it generates,
     * reads its own keys); docker compose never runs them as written. Computed once per run.
     */
    public Set<String> composeCatalogues() {
        Set<String> c = memo.catalogues;
        if (c != null) {
            return c;
        }
        java.util.Map<String, List<String>> byDir = new java.util.HashMap<>();
        for (String f : composeFiles()) {
            if (!dev.devops.files.FileKinds.isComposeName(f)) {
                byDir.computeIfAbsent(dev.devops.files.FileKinds.dir(f), k -> new java.util.ArrayList<>()).add(f);
            }
        }
        Set<String> found = new java.util.HashSet<>();
        for (var e : byDir.entrySet()) {
            if (e.getValue().size() < CATALOGUE_MIN) {
                continue;
            }
            int incomplete = 0;
            for (String f : e.getValue()) {
                String text = readText(f);
                if (text != null && dev.devops.files.FileKinds.mountsUndeclaredVolume(text)) {
                    incomplete++;
                }
            }
            if (incomplete * 2 > e.getValue().size()) {
                found.add(e.getKey());
            }
        }
        c = java.util.Collections.unmodifiableSet(found);
        memo.catalogues = c;
        return c;
    }

    /** Whether a compose file is one of a {@link #composeCatalogues platform's catalogue of templates}. */
    public boolean inComposeCatalogue(String composeFile) {
        return composeCatalogues().contains(dev.devops.files.FileKinds.dir(composeFile));
    }

    /**
     * The files the compose files' {@code env_file} entries reach (repo-relative, normalised, only those among
     * {@link #files}): whatever their names, they are env files. Computed once per run.
     */
    public Set<String> composeEnvFiles() {
        Set<String> e = memo.envFiles;
        if (e != null) {
            return e;
        }
        Set<String> known = null; // made at the first compose file: most trees have none, and a tree can have 100,000 files
        Set<String> found = new java.util.LinkedHashSet<>();
        for (String f : composeFiles()) {
            if (known == null) {
                known = new java.util.HashSet<>(files);
            }
            String text = readText(f);
            if (text == null) {
                continue;
            }
            Path dir = Path.of(dev.devops.files.FileKinds.dir(f).isEmpty() ? "." : dev.devops.files.FileKinds.dir(f));
            for (String p : dev.devops.compose.EnvFilePaths.of(text)) {
                String rel = dir.resolve(p).normalize().toString().replace('\\', '/');
                if (known.contains(rel)) {
                    found.add(rel);
                }
            }
        }
        e = java.util.Collections.unmodifiableSet(found);
        memo.envFiles = e;
        return e;
    }

    /**
     * The compose files among {@link #files}: by name, or YAML files whose content is a compose file
     * ({@link dev.devops.files.FileKinds#isCompose}); computed once per run and shared by the compose, env and
     * secrets checks.
     */
    public Set<String> composeFiles() {
        Set<String> c = memo.compose;
        if (c == null) {
            synchronized (memo) {
                c = memo.compose;
                if (c == null) {
                    java.util.Set<String> found = new java.util.LinkedHashSet<>();
                    for (String f : files) {
                        if (dev.devops.files.FileKinds.isCompose(f, () -> readText(f))) {
                            found.add(f);
                        }
                    }
                    c = java.util.Collections.unmodifiableSet(found);
                    memo.compose = c;
                }
            }
        }
        return c;
    }

    public LintContext(Path root, List<String> files, Set<String> tracked, Descriptor descriptor) {
        this(root, files, tracked, descriptor, DEFAULT_MAX_FILE_SIZE, new FileStats(), null);
    }

    public Path resolve(String relativePath) {
        return root.resolve(relativePath);
    }

    public boolean isGitRepository() {
        return !tracked.isEmpty();
    }

    /**
     * The file's text (UTF-8, malformed bytes replaced), or null when it is not a regular file, is
     * binary (a NUL byte in its first 8 KiB), larger than {@link #maxFileSize} or unreadable; skipped
     * files are counted in {@link #stats}.
     */
    public String readText(String relativePath) {
        byte[] bytes = readBytes(relativePath);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** The file's bytes, or null (skipped and counted) like {@link #readText}. */
    public byte[] readBytes(String relativePath) {
        Bytes b = readBytes(relativePath, null);
        return b == null ? null : java.util.Arrays.copyOf(b.array(), b.length());
    }

    /** A file's bytes in a buffer that may be longer: {@code array[0, length)}. */
    public record Bytes(byte[] array, int length) {
    }

    /**
     * Like {@link #readBytes}, but reads into {@code reuse} when it is large enough (one buffer per
     * thread keeps a scan of a large tree from allocating a new array per file).
     */
    public Bytes readBytes(String relativePath, byte[] reuse) {
        return readBytes(relativePath, reuse, null);
    }

    /**
     * Like {@link #readBytes(String, byte[])}, but a binary file that {@code keepBinary} accepts (given the
     * buffer and the length read) is returned instead of skipped: the secret check reads keystores this way.
     */
    public Bytes readBytes(String relativePath, byte[] reuse, java.util.function.BiPredicate<byte[], Integer> keepBinary) {
        return readBytes(relativePath, reuse, keepBinary, -1);
    }

    /**
     * Like {@link #readBytes(String, byte[], java.util.function.BiPredicate)} for a file that a walk's own stat has just
     * listed as a regular file of {@code listedSize} bytes (-1: not known, stat it): the stat before the read is then
     * saved (a sixth of the system time of a secrets scan of a large tree).
     */
    public Bytes readBytes(String relativePath, byte[] reuse, java.util.function.BiPredicate<byte[], Integer> keepBinary,
            long listedSize) {
        Path p = resolve(relativePath);
        try {
            long size = listedSize;
            if (size < 0) {
                // one stat gives the type and the size (isRegularFile, then the channel's size, was two per file)
                java.nio.file.attribute.BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
                } catch (IOException e) {
                    return null; // gone, or not reachable: as Files.isRegularFile answers false
                }
                if (!attrs.isRegularFile()) {
                    return null;
                }
                size = attrs.size();
            }
            if (size > maxFileSize) {
                stats.tooLarge(relativePath);
                return null;
            }
            // RandomAccessFile, not FileChannel: one native call each to open, read and close, where a channel goes
            // through ~170 more Java methods that a cold JVM first interprets and then compiles (a secrets scan of the
            // JDK's 15,000 files: 13% less CPU in the reading, docs/BENCHMARKS.md "twelfth session")
            try (java.io.RandomAccessFile in = new java.io.RandomAccessFile(p.toString(), "r")) {
                byte[] buf = reuse != null && reuse.length >= size + 1 ? reuse : new byte[(int) Math.max(size + 1, 8192)];
                // the size the stat gave is read in one call, without a second read to meet the end of the file; a file
                // whose stat says 0 (a special file) is read to its end
                int limit = size > 0 ? (int) size : buf.length;
                int n = 0;
                int r;
                while (n < limit && (r = in.read(buf, n, limit - n)) > 0) {
                    n += r;
                    if (n > maxFileSize) {
                        break; // the file grew while we read it
                    }
                }
                if (n > maxFileSize) {
                    stats.tooLarge(relativePath);
                    return null;
                }
                if (isBinary(buf, n) && (keepBinary == null || !keepBinary.test(buf, n))) {
                    stats.binary(relativePath);
                    return null;
                }
                stats.scanned(relativePath);
                return new Bytes(buf, n);
            }
        } catch (java.io.FileNotFoundException e) {
            // RandomAccessFile's one answer for gone, unreadable and not a file: gone (listed by the walk, deleted since)
            // is no file, as the stat's answer above; the rest is unreadable
            if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                stats.unreadable(relativePath);
            }
            return null;
        } catch (IOException | SecurityException e) {
            stats.unreadable(relativePath);
            return null;
        }
    }

    /** Eight bytes of an array as one long, for {@link #isBinary}. */
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /**
     * A NUL byte in the first 8 KiB marks a file as binary (git's own test). Eight bytes at a time: a long has a zero
     * byte exactly when {@code (v - 0x01..01) & ~v & 0x80..80} is not 0; under C1 (the launcher's compiler) this takes
     * half the time of a byte loop (40 ms of CPU, 3% of a secrets scan of the JDK tree).
     */
    public static boolean isBinary(byte[] bytes, int length) {
        int n = Math.min(length, 8192);
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long v = (long) LONGS.get(bytes, i);
            if (((v - 0x0101010101010101L) & ~v & 0x8080808080808080L) != 0) {
                return true;
            }
        }
        for (; i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
