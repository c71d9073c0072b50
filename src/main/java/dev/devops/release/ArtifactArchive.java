package dev.devops.release;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devops.core.AtomicWrite;
import dev.devops.core.SourceLocation;
import dev.devops.core.UserError;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * An artifact for an air-gapped move: one tar holding {@code manifest.json} (the artifact), {@code images.tar}
 * (the engine's {@code docker save} of its images) and {@code images.tar.sha256}. {@link #open} checks the
 * SHA-256 before anything is loaded.
 */
public final class ArtifactArchive {
    static final String MANIFEST = "manifest.json";
    static final String IMAGES = "images.tar";
    static final String SHA = "images.tar.sha256";
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ArtifactArchive() {
    }

    /** Writes the archive atomically ({@link AtomicWrite}): {@code images} is the saved image tar; returns its SHA-256. */
    public static String write(Path target, Artifact a, Path images) {
        String sha;
        long size;
        try {
            sha = sha256(images);
            size = Files.size(images);
        } catch (IOException e) {
            throw new UserError(SourceLocation.of(images), "cannot read the saved images: " + e.getMessage(), "check the free space");
        }
        AtomicWrite.write(target, out -> {
            // closed here: the tar stream writes its last block only on close (closing AtomicWrite's stream twice is harmless)
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new BufferedOutputStream(out))) {
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                put(tar, MANIFEST, ArtifactStore.toJson(a).getBytes(StandardCharsets.UTF_8));
                put(tar, SHA, (sha + "\n").getBytes(StandardCharsets.UTF_8));
                TarArchiveEntry e = new TarArchiveEntry(IMAGES);
                e.setSize(size);
                e.setModTime(0);
                tar.putArchiveEntry(e);
                Files.copy(images, tar);
                tar.closeArchiveEntry();
                tar.finish();
            }
        });
        return sha;
    }

    /** An archive read back: its artifact and the verified image tar (a temp file the caller deletes). */
    public record Opened(Artifact artifact, Path images, String sha256) {
    }

    /**
     * Reads {@code archive}, extracting the image tar to {@code scratch}; a SHA-256 that does not match
     * the recorded one throws {@link TamperedArchiveException}, a file that is not such an archive a UserError.
     */
    public static Opened open(Path archive, Path scratch) {
        Artifact artifact = null;
        String recorded = null;
        String actual = null;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(archive)))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                switch (e.getName()) {
                    case MANIFEST -> artifact = JSON.readValue(tar.readAllBytes(), Artifact.class);
                    case SHA -> recorded = new String(tar.readAllBytes(), StandardCharsets.UTF_8).strip();
                    case IMAGES -> {
                        MessageDigest md = Hashes.sha256();
                        try (OutputStream out = Files.newOutputStream(scratch)) {
                            new DigestInputStream(tar, md).transferTo(out);
                        }
                        actual = Hashes.hex(md);
                    }
                    default -> {
                        // unknown entries are ignored (a later format may add some)
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new UserError(SourceLocation.of(archive), "not a devops artifact archive (" + e.getMessage() + ")",
                    "give a file written by devops save");
        }
        if (artifact == null || recorded == null || actual == null) {
            throw new UserError(SourceLocation.of(archive), "not a devops artifact archive (it needs " + MANIFEST + ", "
                    + IMAGES + " and " + SHA + ")", "give a file written by devops save");
        }
        if (!recorded.equals(actual)) {
            throw new TamperedArchiveException(archive + ": the image archive's SHA-256 is " + actual + " but the archive records "
                    + recorded + ": it was changed or damaged after devops save; nothing was loaded");
        }
        return new Opened(artifact, scratch, actual);
    }

    private static void put(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(bytes.length);
        e.setModTime(0);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest md = Hashes.sha256();
        try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file)), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return Hashes.hex(md);
    }
}
