package dev.devops.release;

/** Image reference arithmetic: repository of a reference, and its name under a registry namespace. */
public final class ImageNames {
    private ImageNames() {
    }

    /** {@code host:5000/a/web:1.0} → {@code host:5000/a/web}; {@code web@sha256:…} → {@code web}. */
    public static String repository(String ref) {
        String r = ref;
        int at = r.indexOf('@');
        if (at >= 0) {
            r = r.substring(0, at);
        }
        int colon = r.lastIndexOf(':');
        if (colon > r.lastIndexOf('/')) {
            r = r.substring(0, colon);
        }
        return r;
    }

    /** The last path segment of a repository: its name under another registry's namespace. */
    public static String name(String repository) {
        return repository.substring(repository.lastIndexOf('/') + 1);
    }
}
