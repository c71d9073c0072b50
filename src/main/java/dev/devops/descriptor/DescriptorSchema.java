package dev.devops.descriptor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The JSON Schema of devops.yaml, published in the repository as schema/devops.schema.json. */
public final class DescriptorSchema {
    private DescriptorSchema() {
    }

    public static String text() {
        try (InputStream in = DescriptorSchema.class.getResourceAsStream("/schema/devops.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("schema/devops.schema.json missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
