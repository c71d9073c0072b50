package dev.devops.release;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.core.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** save/load's archive without an engine: any bytes stand in for the engine's image tar. */
class ArtifactArchiveTest {
    @TempDir
    Path dir;

    private static Artifact artifact() {
        return new Artifact(Artifact.SCHEMA, "shop", "1.4.2", "c0ffee", "2026-01-01T00:00:00Z", false, true, null,
                "2026-01-02T00:00:00Z", new CheckResult(CheckResult.PASSED, "error", 0, 0, 0), List.of("compose.yaml"),
                "sha256:aa", null, List.of(new Artifact.Image("web", "shop-web", "sha256:111", "sha256:cc", null, null)), List.of());
    }

    @Test
    void roundTripVerifiesTheSha256() throws Exception {
        byte[] images = new byte[70_000]; // more than one tar block and record
        for (int i = 0; i < images.length; i++) {
            images[i] = (byte) (i * 31);
        }
        Path imagesTar = Files.write(dir.resolve("images.tar"), images);
        Path archive = dir.resolve("release.tar");
        String sha = ArtifactArchive.write(archive, artifact(), imagesTar);
        assertEquals(Hashes.of(images), sha);

        ArtifactArchive.Opened opened = ArtifactArchive.open(archive, dir.resolve("scratch.tar"));
        assertEquals(artifact(), opened.artifact());
        assertEquals(sha, opened.sha256());
        assertArrayEquals(images, Files.readAllBytes(opened.images()));
    }

    @Test
    void aChangedByteIsRefusedAndAnotherFileIsAnInputError() throws Exception {
        Path imagesTar = Files.write(dir.resolve("images.tar"), "layer bytes".repeat(1000).getBytes());
        Path archive = dir.resolve("release.tar");
        ArtifactArchive.write(archive, artifact(), imagesTar);
        byte[] bytes = Files.readAllBytes(archive);
        // the images entry follows two small entries (3 × 512-byte headers/blocks): flip a byte inside its data
        int at = indexOf(bytes, "layer bytes".getBytes()) + 100;
        bytes[at] ^= 1;
        Path tampered = Files.write(dir.resolve("tampered.tar"), bytes);
        TamperedArchiveException e = assertThrows(TamperedArchiveException.class,
                () -> ArtifactArchive.open(tampered, dir.resolve("scratch.tar")));
        assertTrue(e.getMessage().contains("changed or damaged after devops save"), e.getMessage());

        Path notAnArchive = Files.writeString(dir.resolve("compose.yaml"), "services: {}\n");
        UserError u = assertThrows(UserError.class, () -> ArtifactArchive.open(notAnArchive, dir.resolve("scratch2.tar")));
        assertTrue(u.oneLine().contains("not a devops artifact archive"), u.oneLine());
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
