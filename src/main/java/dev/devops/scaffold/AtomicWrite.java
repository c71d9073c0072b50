package dev.devops.scaffold;

import dev.devops.core.SourceLocation;
import dev.devops.core.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that readers see either the old or the new content, never half of it: a temporary file in
 * the same directory, then an atomic rename over the target. An existing file keeps its permissions; a new one
 * gets rw-r--r--.
 */
public final class AtomicWrite {
    static final String TEMP_SUFFIX = ".devops-tmp";

    private AtomicWrite() {
    }

    public static void write(Path target, String content) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            Set<PosixFilePermission> perms = PosixFilePermissions.fromString("rw-r--r--");
            if (Files.exists(target) && Files.getFileAttributeView(target, PosixFileAttributeView.class) != null) {
                perms = Files.getPosixFilePermissions(target);
            }
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", TEMP_SUFFIX);
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
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
            throw new UserError(SourceLocation.of(target), "cannot write the file: " + e.getMessage(),
                    "check that the directory is writable");
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
}
