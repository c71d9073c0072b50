package dev.devops.descriptor;

/**
 * The app's runtime.
 *
 * @param language  node, java, python or go
 * @param version   the runtime version the base image is pinned to ("20", "17", "3.12", "1.22")
 * @param buildTool npm, yarn, pnpm, maven, gradle, pip, poetry, uv, pipenv or go
 * @param framework express, nest, next, spring-boot, flask, fastapi, django … or null
 */
public record Runtime(Language language, String version, String buildTool, String framework) {
}
