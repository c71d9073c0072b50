package dev.devops.engine;

import java.util.Map;

/**
 * A network of the stack (compose's top-level {@code networks:} entry).
 *
 * @param key      the key in the file
 * @param name     the engine name when given ({@code name:}), else null for {@code <project>_<key>}
 * @param external true when the network exists already and must not be created or removed
 * @param driver   driver, null for bridge
 * @param labels   extra labels
 */
public record NetworkSpec(String key, String name, boolean external, String driver, Map<String, String> labels) {
    public NetworkSpec {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public static NetworkSpec of(String key) {
        return new NetworkSpec(key, null, false, null, Map.of());
    }
}
