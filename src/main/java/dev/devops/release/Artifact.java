package dev.devops.release;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The manifest of one build: {@code .devops/artifacts/<version>.json}. A record of what this machine
 * built and did; once pushed, the registry (tags, digests, labels) holds the same facts for everyone.
 *
 * @param schema           manifest format version
 * @param app              the project (compose project name)
 * @param version          the artifact version (also every image's tag)
 * @param commit           the full git commit id
 * @param commitDate       the commit's date (the images' {@code org.opencontainers.image.created})
 * @param dirty            built from a work tree with uncommitted changes
 * @param promotable       false for builds of a dirty work tree
 * @param source           the repository URL (no credentials), or null
 * @param builtAt          when this machine built it
 * @param check            the validation gate's result
 * @param composeFiles     the compose files, relative to the project directory
 * @param composeSha256    SHA-256 over the compose files' bytes, in order
 * @param descriptorSha256 SHA-256 of devops.yaml, or null without one
 * @param images           one per app service
 * @param promotions       environments it was promoted to, in order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Artifact(int schema, String app, String version, String commit, String commitDate, boolean dirty,
        boolean promotable, String source, String builtAt, CheckResult check, List<String> composeFiles,
        String composeSha256, String descriptorSha256, List<Image> images, List<Promotion> promotions) {
    public static final int SCHEMA = 1;

    public Artifact {
        composeFiles = composeFiles == null ? List.of() : List.copyOf(composeFiles);
        images = images == null ? List.of() : List.copyOf(images);
        promotions = promotions == null ? List.of() : List.copyOf(promotions);
    }

    /**
     * One app image.
     *
     * @param service       the compose service
     * @param repository    the local repository name (e.g. {@code shop-web})
     * @param imageId       the engine's image id ({@code sha256:…})
     * @param contextDigest SHA-256 of the build context as a deterministic tar (sorted, fixed mtimes)
     * @param registryRepository where it was pushed ({@code host:port/namespace/name}), or null
     * @param digest        the registry's manifest digest once pushed, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Image(String service, String repository, String imageId, String contextDigest,
            String registryRepository, String digest) {
        /** The local reference {@code repository:version}. */
        public String ref(String version) {
            return repository + ":" + version;
        }

        public Image pushed(String registryRepository, String digest) {
            return new Image(service, repository, imageId, contextDigest, registryRepository, digest);
        }
    }

    /**
     * @param environment the environment's name
     * @param at          when
     * @param registry    the registry it was promoted in
     */
    public record Promotion(String environment, String at, String registry) {
    }

    public Optional<Image> image(String service) {
        return images.stream().filter(i -> i.service().equals(service)).findFirst();
    }

    public Artifact withImages(List<Image> newImages) {
        return new Artifact(schema, app, version, commit, commitDate, dirty, promotable, source, builtAt, check,
                composeFiles, composeSha256, descriptorSha256, newImages, promotions);
    }

    public Artifact withPromotion(Promotion p) {
        List<Promotion> ps = new ArrayList<>(promotions);
        ps.add(p);
        return new Artifact(schema, app, version, commit, commitDate, dirty, promotable, source, builtAt, check,
                composeFiles, composeSha256, descriptorSha256, images, ps);
    }

    /** Whether {@code other} is the same build: the same images (by id) for the same services. */
    public boolean sameImages(Artifact other) {
        if (images.size() != other.images.size()) {
            return false;
        }
        for (Image i : images) {
            Optional<Image> o = other.image(i.service());
            if (o.isEmpty() || !Objects.equals(o.get().imageId(), i.imageId())) {
                return false;
            }
        }
        return true;
    }
}
