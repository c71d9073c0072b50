package dev.devops.detect;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.devops.core.UserError;
import java.nio.file.Path;

/** Parses JSON and TOML manifests; syntax errors become {@link UserError}s at file:line:column. */
final class Manifests {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** JSON with comments and trailing commas, as tools built on jsonc-parser read it (angular.json). */
    private static final class Jsonc {
        static final ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_JAVA_COMMENTS,
                        com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_TRAILING_COMMA)
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    }

    /** Created on first use: most repositories have no TOML manifest. */
    private static final class Toml {
        static final TomlMapper MAPPER = new TomlMapper();
    }

    private Manifests() {
    }

    /** package.json and friends: must hold a JSON object. */
    private static final java.util.Set<String> MANIFEST_OR_LOCK = java.util.Set.of("package.json", "package-lock.json",
            "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb", "bun.lock", "pom.xml", "build.gradle",
            "build.gradle.kts", "settings.gradle", "settings.gradle.kts", "gradle.lockfile", "pyproject.toml",
            "requirements.txt", "requirements-dev.txt", "pipfile", "pipfile.lock", "poetry.lock", "uv.lock", "pdm.lock",
            "setup.cfg", "go.mod", "go.sum", "go.work", "go.work.sum", "libs.versions.toml", "renovate.json");

    /** A dependency manifest or lockfile: it lists client libraries, which tells nothing of what the code uses. */
    static boolean isManifestOrLock(String rel) {
        String name = rel.substring(rel.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        return MANIFEST_OR_LOCK.contains(name) || name.matches("requirements.*\\.(txt|in)");
    }

    static JsonNode json(RepoFiles repo, String rel) {
        return parse(JSON, repo, rel, "JSON");
    }

    /** angular.json: a JSON object; comments and trailing commas are allowed. */
    static JsonNode jsonc(RepoFiles repo, String rel) {
        return parse(Jsonc.MAPPER, repo, rel, "JSON");
    }

    /** pyproject.toml, Pipfile. */
    static JsonNode toml(RepoFiles repo, String rel) {
        return parse(Toml.MAPPER, repo, rel, "TOML");
    }

    private static JsonNode parse(ObjectMapper mapper, RepoFiles repo, String rel, String format) {
        String text = repo.text(rel);
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
            int col = loc == null ? 0 : Math.max(0, loc.getColumnNr());
            throw UserError.at(Path.of(rel), line, col, "invalid " + format + ": " + e.getOriginalMessage()
                    .replaceAll("\\s+", " "), "fix the " + format + " syntax at this position");
        }
        if (node == null || node.isMissingNode() || !node.isObject()) {
            throw UserError.at(Path.of(rel), 1, 1, "expected a " + format + " object (table), found "
                    + (node == null || node.isMissingNode() ? "an empty file" : node.getNodeType().toString().toLowerCase()),
                    "fix or remove the file");
        }
        return node;
    }

    /** A text field, or null. */
    static String text(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            if (n == null) {
                return null;
            }
            n = n.get(p);
        }
        return n != null && n.isValueNode() ? n.asText() : null;
    }
}
