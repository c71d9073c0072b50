package dev.devops.release;

/**
 * A build would rewrite the manifest of an existing version with different images: an artifact version
 * names one set of images forever (exit 1).
 */
public class ImmutableArtifactException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ImmutableArtifactException(String message) {
        super(message);
    }
}
