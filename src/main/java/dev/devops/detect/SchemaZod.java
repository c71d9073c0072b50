package dev.devops.detect;

import dev.devops.detect.EnvReference.Kind;
import java.util.regex.Pattern;

/** Schema dialect zod: {@code z.object({…})} parsed against the environment (see {@link SchemaValidatedObject}). */
final class SchemaZod extends SchemaValidatedObject {
    private static final Pattern ZOD_OBJECT = Pattern.compile("\\b(?:z|zod)\\s*\\.\\s*(?:object|strictObject|looseObject)\\s*\\(");

    SchemaZod(Source source) {
        super(source);
    }

    @Override
    void read() {
        if (validatesEnv()) {
            objects(ZOD_OBJECT, Kind.ZOD);
        }
    }
}
