package dev.devops.lint.dockerfile;

import java.util.Locale;

/**
 * An image reference split into repository, tag and digest: {@code [registry/]repo[:tag][@digest]}.
 * A port in the registry ({@code localhost:5000/app}) is not a tag.
 */
public record ImageRef(String repository, String tag, String digest) {
    public static ImageRef parse(String ref) {
        String digest = null;
        int at = ref.indexOf('@');
        if (at >= 0) {
            digest = ref.substring(at + 1);
            ref = ref.substring(0, at);
        }
        String tag = null;
        int colon = ref.lastIndexOf(':');
        if (colon > ref.lastIndexOf('/')) {
            tag = ref.substring(colon + 1);
            ref = ref.substring(0, colon);
        }
        return new ImageRef(ref, tag, digest);
    }

    /** The last path segment of the repository, lower-case ("postgres" for docker.io/library/postgres). */
    public String baseName() {
        String r = repository.toLowerCase(Locale.ROOT);
        return r.substring(r.lastIndexOf('/') + 1);
    }

    public boolean pinnedByDigest() {
        return digest != null && !digest.isEmpty();
    }

    /** No tag and no digest, or the tag "latest". */
    public boolean floating() {
        return !pinnedByDigest() && (tag == null || tag.isEmpty() || tag.equals("latest"));
    }
}
