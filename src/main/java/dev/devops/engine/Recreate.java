package dev.devops.engine;

import java.util.Map;

/**
 * Where {@code up} decides to recreate a container: the one named decision per existing container, as docker
 * compose's {@code mustRecreate} (convergence.go). A container is replaced when {@code --force-recreate} asks for
 * it, or when its {@code com.docker.compose.config-hash} label differs from the service's {@link ConfigHash} (the
 * hash covers the resolved service and its image id), named {@link #IMAGE_CHANGED} when the image it was created
 * from is not the service's image now and {@link #CONFIG_CHANGED} otherwise. Everything else (start a stopped
 * one, scale, restart with a recreated dependency) keeps the container. {@link Planner} asks this for every container; {@link UpVerb} replaces exactly those it names.
 */
public enum Recreate {
    /** Keep the container. */
    NO("up to date"),
    /** {@code --force-recreate}. */
    FORCED("--force-recreate"),
    /** The service's image id differs from the one the container was created from (a rebuild or a pull). */
    IMAGE_CHANGED("image changed"),
    /** The service's configuration hash differs from the container's config-hash label. */
    CONFIG_CHANGED("configuration changed");

    private final String reason;

    Recreate(String reason) {
        this.reason = reason;
    }

    /** Why, for humans (the plan's and the progress's words). */
    public String reason() {
        return reason;
    }

    public boolean recreate() {
        return this != NO;
    }

    /**
     * The decision for one existing container.
     *
     * @param labels      the container's labels as the engine lists them
     * @param desiredHash the service's config hash now ({@link ConfigHash#of})
     * @param imageId     the service's image id now
     * @param force       {@code --force-recreate}
     */
    public static Recreate decide(Map<String, String> labels, String desiredHash, String imageId, boolean force) {
        if (force) {
            return FORCED;
        }
        Map<String, String> l = labels == null ? Map.of() : labels;
        if (String.valueOf(desiredHash).equals(l.get(ComposeLabels.CONFIG_HASH))) {
            return NO; // the hash covers the image id too: an equal hash means the same image
        }
        String image = imageId == null ? "" : imageId;
        return image.equals(l.get(ComposeLabels.IMAGE)) ? CONFIG_CHANGED : IMAGE_CHANGED;
    }
}
