package dev.devops.engine;

/**
 * A mount (compose's long {@code volumes:} syntax of a service).
 *
 * @param type     bind, volume or tmpfs
 * @param source   host path (bind; relative to the working dir), volume key (volume; null for an
 *                 anonymous volume), unused for tmpfs
 * @param target   the path in the container
 * @param readOnly mount read-only
 */
public record MountSpec(Type type, String source, String target, boolean readOnly) {
    /** Mount types of the compose spec that the engine supports here. */
    public enum Type { BIND, VOLUME, TMPFS }

    public static MountSpec volume(String key, String target) {
        return new MountSpec(Type.VOLUME, key, target, false);
    }

    public static MountSpec bind(String source, String target, boolean readOnly) {
        return new MountSpec(Type.BIND, source, target, readOnly);
    }
}
