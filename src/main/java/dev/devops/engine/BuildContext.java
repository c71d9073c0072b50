package dev.devops.engine;

import dev.devops.files.DockerIgnore;
import dev.devops.files.FileKinds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The build context sent to the engine: a tar of the context directory without what
 * {@code .dockerignore} excludes. The Dockerfile and .dockerignore themselves are always sent, as
 * the docker CLI does. Entries are sorted and carry no owner, so the same files give the same tar.
 */
public final class BuildContext {
    private BuildContext() {
    }

    /** The relative paths (files, symlinks and empty dirs) that would be sent, sorted. */
    public static List<String> files(Path contextDir, String dockerfile) throws IOException {
        DockerIgnore ignore = DockerIgnore.load(contextDir, dockerfile);
        String df = DockerIgnore.clean(dockerfile == null ? "Dockerfile" : dockerfile);
        List<String> out = new ArrayList<>();
        Files.walkFileTree(contextDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(contextDir)) {
                    return FileVisitResult.CONTINUE;
                }
                String rel = rel(contextDir, dir);
                if (FileKinds.isArtifactRecord(rel)) {
                    return FileVisitResult.SKIP_SUBTREE; // devops's own records: a build never depends on them
                }
                if (FileKinds.ARTIFACT_RECORDS.startsWith(rel + "/")) {
                    return FileVisitResult.CONTINUE; // no entry of its own: it appears with the records' first build
                }
                if (ignore.excluded(rel)) {
                    // only descend when a later "!" pattern might bring something back
                    return ignore.hasExceptions() ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }
                out.add(rel + "/");
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String rel = rel(contextDir, file);
                if (rel.equals(df) || rel.equals(".dockerignore") || !ignore.excluded(rel)) {
                    out.add(rel);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                throw new IOException("cannot read " + file + " for the build context: " + exc.getMessage(), exc);
            }
        });
        out.sort(null);
        return out;
    }

    /** Writes the context tar to {@code out}. */
    public static void write(Path contextDir, String dockerfile, OutputStream out) throws IOException {
        write(contextDir, dockerfile, out, null);
    }

    /**
     * Writes the context tar with every entry's mtime set to {@code mtimeSeconds} (null: the files' own),
     * so two checkouts of one commit send the same bytes and COPY the same file times into the image.
     */
    public static void write(Path contextDir, String dockerfile, OutputStream out, Long mtimeSeconds) throws IOException {
        writeTar(contextDir, dockerfile, out, mtimeSeconds);
    }

    /**
     * The SHA-256 ({@code sha256:hex}) of the context tar with every mtime set to {@code mtimeSeconds}: the
     * exact bytes an artifact build sends, the same for every checkout of one commit.
     */
    public static String digest(Path contextDir, String dockerfile, long mtimeSeconds) throws IOException {
        java.security.MessageDigest sha;
        try {
            sha = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (OutputStream out = new java.security.DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
            writeTar(contextDir, dockerfile, out, mtimeSeconds);
        }
        return "sha256:" + java.util.HexFormat.of().formatHex(sha.digest());
    }

    private static void writeTar(Path contextDir, String dockerfile, OutputStream out, Long fixedTime) throws IOException {
        List<String> files = files(contextDir, dockerfile);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (String rel : files) {
                Path p = contextDir.resolve(rel);
                TarArchiveEntry e;
                if (Files.isSymbolicLink(p)) {
                    e = new TarArchiveEntry(rel, TarArchiveEntry.LF_SYMLINK);
                    e.setLinkName(Files.readSymbolicLink(p).toString());
                    // the entry's default time is "now": set it, or the same files give another tar
                    e.setModTime(fixedTime != null ? fixedTime * 1000
                            : Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis() / 1000 * 1000);
                } else {
                    boolean dir = rel.endsWith("/");
                    e = new TarArchiveEntry(rel, dir ? TarArchiveEntry.LF_DIR : TarArchiveEntry.LF_NORMAL);
                    e.setMode(mode(p, dir));
                    e.setModTime(fixedTime != null ? fixedTime * 1000 : Files.getLastModifiedTime(p).toMillis() / 1000 * 1000);
                    if (!dir) {
                        e.setSize(Files.size(p));
                    }
                }
                e.setUserId(0);
                e.setGroupId(0);
                e.setUserName("");
                e.setGroupName("");
                tar.putArchiveEntry(e);
                if (!rel.endsWith("/") && !Files.isSymbolicLink(p)) {
                    Files.copy(p, tar);
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }

    /** The context tar in memory (contexts of the apps this tool builds are small). */
    public static byte[] tar(Path contextDir, String dockerfile) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(contextDir, dockerfile, bytes);
        return bytes.toByteArray();
    }

    private static int mode(Path p, boolean dir) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
            int m = 0;
            for (PosixFilePermission perm : perms) {
                m |= 1 << (8 - perm.ordinal());
            }
            return (dir ? 040000 : 0100000) | m;
        } catch (IOException | UnsupportedOperationException e) {
            return dir ? 040755 : 0100644;
        }
    }

    private static String rel(Path base, Path p) {
        return base.relativize(p).toString().replace('\\', '/');
    }
}
