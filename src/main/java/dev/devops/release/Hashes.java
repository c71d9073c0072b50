package dev.devops.release;

import dev.devops.core.SourceLocation;
import dev.devops.core.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 digests in the registry's form, {@code sha256:<hex>}. */
public final class Hashes {
    private Hashes() {
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The digest of the files' bytes one after the other. */
    public static String ofFiles(List<Path> files) {
        MessageDigest md = sha256();
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                byte[] buf = new byte[65536];
                int n;
                while ((n = in.read(buf)) > 0) {
                    md.update(buf, 0, n);
                }
            } catch (IOException e) {
                throw new UserError(SourceLocation.of(f), "cannot read: " + e.getMessage(), "check the file's permissions");
            }
        }
        return "sha256:" + HexFormat.of().formatHex(md.digest());
    }

    public static String of(byte[] bytes) {
        return "sha256:" + HexFormat.of().formatHex(sha256().digest(bytes));
    }

    public static String hex(MessageDigest md) {
        return "sha256:" + HexFormat.of().formatHex(md.digest());
    }
}
