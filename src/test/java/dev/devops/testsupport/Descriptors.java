package dev.devops.testsupport;

import dev.devops.descriptor.Descriptor;
import dev.devops.descriptor.DescriptorLoader;
import java.nio.file.Path;

/**
 * The one builder of devops.yaml descriptors for tests (written by hand: the tests do not depend on
 * detection): a full two-service stack, a one-app descriptor per language and build tool, the smallest valid
 * one, and {@link #parse}. A test that checks how a descriptor is read (DescriptorLoaderTest, hostile input)
 * writes its own text.
 */
public final class Descriptors {
    private Descriptors() {
    }

    public static final String NODE = """
            name: shop
            apps:
              web:
                runtime: {language: node, version: "20", buildTool: npm, framework: express}
                port: 3000
                start: [node, src/server.js]
                healthcheck: /health
                env:
                  DATABASE_URL: {description: "PostgreSQL URL", required: true, from: postgres.url}
                  SESSION_SECRET: {description: "Signs cookies", required: true, secret: true}
                  LOG_LEVEL: {default: info}
                  FEATURE_FLAGS: {}
            services:
              postgres: {version: "15"}
              redis: {version: "7", publish: true}
            """;

    /** A one-app descriptor for {@code language} and {@code tool}, with a healthcheck and a build step when asked. */
    public static String app(String language, String version, String tool, String framework, boolean health, boolean build) {
        StringBuilder sb = new StringBuilder("name: demo\napps:\n  app:\n");
        sb.append("    runtime: {language: ").append(language).append(", version: \"").append(version)
                .append("\", buildTool: ").append(tool);
        if (framework != null) {
            sb.append(", framework: ").append(framework);
        }
        sb.append("}\n    port: 8080\n");
        if (health) {
            sb.append("    healthcheck: /health\n");
        }
        if (build) {
            sb.append("    build: [make, assets]\n");
        }
        sb.append("    env:\n      API_TOKEN: {secret: true, required: true}\n      MODE: {default: prod}\n");
        return sb.toString();
    }

    /** The smallest valid descriptor: one app of {@code language}, nothing else. */
    public static String minimal(String name, String app, String language) {
        return "name: " + name + "\napps:\n  " + app + ":\n    runtime: {language: " + language + "}\n";
    }

    public static Descriptor parse(String yaml) {
        return DescriptorLoader.parse(Path.of("devops.yaml"), yaml);
    }
}
