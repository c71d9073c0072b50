package dev.devops.descriptor;

import java.util.Map;

/**
 * A deployment environment.
 *
 * @param name the environment's name (development, staging, production …)
 * @param env  non-secret variable values for this environment
 */
public record Environment(String name, Map<String, String> env) {
    public Environment {
        env = env == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(env));
    }
}
