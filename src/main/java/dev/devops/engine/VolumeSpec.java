package dev.devops.engine;

import java.util.Map;

/**
 * A named volume of the stack (compose's top-level {@code volumes:} entry).
 *
 * @param key      the key in the file
 * @param name     the engine name when given ({@code name:}), else null for {@code <project>_<key>}
 * @param external true when the volume exists already and must not be created or removed
 * @param driver   driver, null for local
 * @param labels   extra labels
 */
public record VolumeSpec(String key, String name, boolean external, String driver, Map<String, String> labels) {
    public VolumeSpec {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public static VolumeSpec of(String key) {
        return new VolumeSpec(key, null, false, null, Map.of());
    }
}
