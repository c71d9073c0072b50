package dev.devops.detect;

import dev.devops.core.InputFiles;
import dev.devops.core.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading repository files: manifests strictly, source files defensively (huge, binary, minified → skipped). */
final class Texts {
    /** Source files larger than this are not scanned. */
    static final long MAX_SOURCE_BYTES = 1_000_000;

    private Texts() {
    }

    /** A file's text; a file that exists but cannot be read is a {@link UserError} naming it. */
    static String read(Path root, String rel) {
        Path file = root.resolve(rel);
        try {
            return new String(InputFiles.read(file, InputFiles.MAX_CONFIG_BYTES), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserError(null, rel + ": cannot read: file not found (a broken symbolic link?)",
                    "fix or remove the link");
        } catch (IOException e) {
            throw new UserError(null, rel + ": cannot read: " + e.getMessage(),
                    "check the file's permissions, or remove it");
        }
    }

    /** A source file's text, or null when it is too large, binary or minified (never worth scanning). */
    static String readSource(Path root, String rel) {
        Path file = root.resolve(rel);
        try {
            java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(file,
                    java.nio.file.attribute.BasicFileAttributes.class);
            if (!a.isRegularFile() || a.size() > MAX_SOURCE_BYTES) {
                return null; // a link to a device or a FIFO is not source; a huge file not worth scanning
            }
        } catch (NoSuchFileException e) {
            return null; // a broken symbolic link: nothing to scan
        } catch (IOException e) {
            throw new UserError(null, rel + ": cannot read: " + e.getMessage(),
                    "check the file's permissions, or remove it");
        }
        String text = read(root, rel);
        return looksScannable(rel, text) ? text : null;
    }

    /** False for binary content (a NUL byte) and minified code (very long lines). */
    static boolean looksScannable(String rel, String text) {
        if (text.length() > MAX_SOURCE_BYTES || rel.contains(".min.")) {
            return false;
        }
        int probe = text.indexOf('\u0000');
        if (probe >= 0 && probe < 8000) {
            return false;
        }
        return !dev.devops.files.FileKinds.looksMinified(text);
    }
}
