package dev.devops.detect;

import dev.devops.detect.EnvReference.Kind;
import java.util.regex.Pattern;

/** Schema dialect Joi: {@code Joi.object({…})} / {@code Joi.object().keys({…})} validated against the environment (see {@link SchemaValidatedObject}). */
final class SchemaJoi extends SchemaValidatedObject {
    private static final Pattern JOI_OBJECT = Pattern.compile("\\b[Jj]oi\\s*\\.\\s*object\\s*\\(");

    SchemaJoi(Source source) {
        super(source);
    }

    @Override
    void read() {
        if (validatesEnv()) {
            objects(JOI_OBJECT, Kind.JOI);
        }
    }
}
