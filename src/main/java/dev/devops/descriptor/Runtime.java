package dev.devops.descriptor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The app's runtime.
 *
 * @param language  node, java, python or go
 * @param version   the runtime version the base image is pinned to ("20", "17", "3.12", "1.22")
 * @param buildTool npm, yarn, pnpm, maven, gradle, pip, poetry, uv, pipenv or go
 * @param framework express, nest, next, spring-boot, flask, fastapi, django … or null
 */
public record Runtime(Language language, String version, String buildTool, String framework) {
    /**
     * Front-end frameworks whose build writes static files that nginx serves (no server of their own): framework
     * id → the directory the build writes them to by default, or "" when it depends on the project (Angular reads
     * it from angular.json, so the app must name it in {@code output}).
     */
    public static final Map<String, String> STATIC_SITES;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("create-react-app", "build");
        m.put("vue-cli", "dist");
        m.put("vite", "dist");
        m.put("angular", "");
        STATIC_SITES = java.util.Collections.unmodifiableMap(m);
    }

    /** A static site: built with the language's tools, served by nginx. */
    public boolean staticSite() {
        return framework != null && STATIC_SITES.containsKey(framework);
    }

    /** The framework's default build output directory for static sites; null when there is none. */
    public String staticOutput() {
        String out = framework == null ? null : STATIC_SITES.get(framework);
        return out == null || out.isEmpty() ? null : out;
    }
}
