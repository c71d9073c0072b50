package dev.devops.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.core.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactStoreTest {
    @TempDir
    Path dir;

    private static Artifact artifact(String version, boolean dirty, String imageId) {
        return new Artifact(Artifact.SCHEMA, "shop", version, "c0ffee", "2026-01-01T00:00:00Z", dirty, !dirty, null,
                "2026-01-02T00:00:00Z", new CheckResult(CheckResult.PASSED, "error", 0, 1, 0), List.of("compose.yaml"),
                "sha256:aa", null, List.of(new Artifact.Image("web", "shop-web", imageId, "sha256:cc", null, null)), List.of());
    }

    @Test
    void aVersionKeepsItsImages() {
        ArtifactStore store = new ArtifactStore(dir);
        store.record(artifact("1.0.0", false, "sha256:111"));
        // the same images again: the manifest on disk (with what push and promote added) stays
        Artifact pushed = store.read("1.0.0").orElseThrow();
        pushed = pushed.withImages(List.of(pushed.images().get(0).pushed("reg/ns/shop-web", "sha256:d1")));
        store.update(pushed);
        assertEquals("sha256:d1", store.record(artifact("1.0.0", false, "sha256:111")).images().get(0).digest());
        // other images for the same version: refused, file unchanged
        String before = readManifest("1.0.0");
        ImmutableArtifactException e = assertThrows(ImmutableArtifactException.class,
                () -> store.record(artifact("1.0.0", false, "sha256:222")));
        assertTrue(e.getMessage().contains("web 111, now 222"), e.getMessage());
        assertEquals(before, readManifest("1.0.0"));
        assertThrows(ImmutableArtifactException.class, () -> store.update(artifact("1.0.0", false, "sha256:222")));
    }

    @Test
    void aBuildOfOtherServicesAddsThem() {
        ArtifactStore store = new ArtifactStore(dir);
        store.record(artifact("1.0.0", false, "sha256:111"));
        Artifact worker = artifact("1.0.0", false, "sha256:333");
        worker = worker.withImages(List.of(new Artifact.Image("worker", "shop-worker", "sha256:333", "sha256:cc", null, null)));
        Artifact both = store.record(worker);
        assertEquals(List.of("web", "worker"), both.images().stream().map(Artifact.Image::service).toList());
        assertEquals(both, store.read("1.0.0").orElseThrow());
    }

    @Test
    void aDirtyScratchBuildMayBeRebuilt() {
        ArtifactStore store = new ArtifactStore(dir);
        store.record(artifact("abc1234-dirty", true, "sha256:111"));
        store.record(artifact("abc1234-dirty", true, "sha256:222"));
        assertEquals("sha256:222", store.read("abc1234-dirty").orElseThrow().images().get(0).imageId());
    }

    @Test
    void aBrokenManifestOrVersionIsAOneLineUserError() throws Exception {
        ArtifactStore store = new ArtifactStore(dir);
        Files.createDirectories(store.dir());
        Files.writeString(store.file("2.0.0"), "{ not json");
        UserError e = assertThrows(UserError.class, () -> store.read("2.0.0"));
        assertTrue(e.oneLine().contains("2.0.0.json") && e.oneLine().contains("unreadable artifact manifest"), e.oneLine());
        assertThrows(UserError.class, () -> store.file("../../etc/passwd"));
    }

    private String readManifest(String v) {
        try {
            return Files.readString(new ArtifactStore(dir).file(v));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
