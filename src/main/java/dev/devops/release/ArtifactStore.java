package dev.devops.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.devops.core.SourceLocation;
import dev.devops.core.UserError;
import dev.devops.core.AtomicWrite;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The manifests of one project: {@code <project>/.devops/artifacts/<version>.json}, each written atomically.
 * A version's images never change: {@link #record} refuses to replace a manifest with one whose image ids
 * differ (a dirty build excepted: it is a scratch build, never promoted).
 */
public final class ArtifactStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Path dir;

    public ArtifactStore(Path projectDir) {
        this.dir = projectDir.resolve(ArtifactVersion.ARTIFACTS_DIR);
    }

    public Path dir() {
        return dir;
    }

    public Path file(String version) {
        if (!ArtifactVersion.isValid(version)) {
            throw new UserError(null, "'" + version + "' is not a version", "give a version as devops build printed it, e.g. 1.4.2 or 3f2a9c1");
        }
        return dir.resolve(version + ".json");
    }

    public Optional<Artifact> read(String version) {
        Path f = file(version);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        return Optional.of(parse(f));
    }

    /** Every manifest, oldest build first. */
    public List<Artifact> all() {
        List<Artifact> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path f : files) {
                out.add(parse(f));
            }
        } catch (IOException e) {
            throw new UserError(SourceLocation.of(dir), "cannot list the manifests: " + e.getMessage(), "check the directory's permissions");
        }
        out.sort(Comparator.comparing((Artifact a) -> a.builtAt() == null ? "" : a.builtAt()).thenComparing(Artifact::version));
        return out;
    }

    /**
     * Writes {@code a} as its version's manifest. A manifest already there keeps its images: a service
     * built again with another image id throws {@link ImmutableArtifactException} (unless both builds are
     * dirty), a service not in it yet is added (a build of some services, then of the others). Returns the
     * manifest now on disk (the existing one keeps its registry digests and promotions).
     */
    public Artifact record(Artifact a) {
        Optional<Artifact> existing = read(a.version());
        if (existing.isPresent()) {
            Artifact old = existing.get();
            List<String> conflicts = new ArrayList<>();
            List<Artifact.Image> merged = new ArrayList<>(old.images());
            for (Artifact.Image i : a.images()) {
                Optional<Artifact.Image> o = old.image(i.service());
                if (o.isEmpty()) {
                    merged.add(i);
                } else if (!java.util.Objects.equals(o.get().imageId(), i.imageId())) {
                    conflicts.add(i.service() + " " + shortId(o.get().imageId()) + ", now " + shortId(i.imageId()));
                }
            }
            if (conflicts.isEmpty()) {
                if (merged.size() == old.images().size()) {
                    return old;
                }
                Artifact grown = old.withImages(merged);
                write(grown);
                return grown;
            }
            if (!(old.dirty() && a.dirty())) {
                throw new ImmutableArtifactException("version " + a.version() + " was already built with other images ("
                        + String.join("; ", conflicts) + ") and an artifact version never changes: "
                        + "commit the change (a new commit is a new version) or tag a new release; "
                        + "what differed was not in git (a build argument, a base image, or an ignored file in the build context)");
            }
        }
        write(a);
        return a;
    }

    /** Replaces the manifest of {@code a.version()} with {@code a} (same images: digests or promotions added). */
    public void update(Artifact a) {
        Optional<Artifact> existing = read(a.version());
        if (existing.isPresent() && !existing.get().sameImages(a)) {
            throw new ImmutableArtifactException("version " + a.version() + ": the manifest on disk names other images");
        }
        write(a);
    }

    private void write(Artifact a) {
        AtomicWrite.write(file(a.version()), toJson(a) + "\n");
    }

    public static String toJson(Object a) {
        try {
            return JSON.writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Artifact parse(Path f) {
        try {
            Artifact a = JSON.readValue(f.toFile(), Artifact.class);
            if (a.version() == null || a.images() == null) {
                throw new UserError(SourceLocation.of(f), "not an artifact manifest (no version or images)",
                        "delete it or restore it from the registry with devops releases");
            }
            return a;
        } catch (IOException e) {
            throw new UserError(SourceLocation.of(f), "unreadable artifact manifest: " + e.getMessage().lines().findFirst().orElse(""),
                    "restore it from version control or delete it (the registry holds pushed versions)");
        }
    }

    static String shortId(String id) {
        String s = id == null ? "?" : id.replace("sha256:", "");
        return s.length() > 12 ? s.substring(0, 12) : s;
    }
}
