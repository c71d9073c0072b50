package dev.devops.engine;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to build a service's image (compose's {@code build:}).
 *
 * @param context    the build context directory (absolute, or relative to the stack's working dir)
 * @param dockerfile the Dockerfile path relative to the context; null for "Dockerfile"
 * @param args       build arguments
 * @param target     the stage to build, or null for the last one
 * @param labels     labels for the image
 */
public record BuildSpec(Path context, String dockerfile, Map<String, String> args, String target,
        Map<String, String> labels) {
    public BuildSpec {
        args = args == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        dockerfile = dockerfile == null || dockerfile.isBlank() ? "Dockerfile" : dockerfile;
    }

    public static BuildSpec of(Path context) {
        return new BuildSpec(context, null, Map.of(), null, Map.of());
    }
}
