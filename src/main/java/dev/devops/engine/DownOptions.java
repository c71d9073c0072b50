package dev.devops.engine;

/**
 * Options of {@code down}.
 *
 * @param removeVolumes remove the project's named volumes (and containers' anonymous volumes)
 * @param removeImages  null, "local" (images built for services without a custom tag) or "all"
 * @param timeout       stop timeout in seconds overriding each service's, or null
 */
public record DownOptions(boolean removeVolumes, String removeImages, Integer timeout) {
    public DownOptions {
        if (removeImages != null && !removeImages.equals("local") && !removeImages.equals("all")) {
            throw new dev.devops.core.UserError(null, "--rmi must be 'local' or 'all', not '" + removeImages + "'", null);
        }
    }

    public static DownOptions defaults() {
        return new DownOptions(false, null, null);
    }
}
