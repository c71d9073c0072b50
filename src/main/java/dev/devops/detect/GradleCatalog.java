package dev.devops.detect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Gradle version catalog ({@code gradle/libs.versions.toml} of the build): modern builds name their plugins and
 * dependencies by accessor ({@code alias(libs.plugins.spring.boot)}, {@code implementation libs.postgresql}), so the
 * build file holds no {@code group:artifact} to read. This resolves the accessors a build file uses to plugin ids
 * and module coordinates, as Gradle does: an alias's {@code -}, {@code _} and {@code .} all become {@code .}.
 */
final class GradleCatalog {
    static final String FILE = "gradle/libs.versions.toml";
    private static final Pattern REF = Pattern.compile("\\blibs\\.((?:plugins\\.|bundles\\.)?[A-Za-z][\\w.]*[A-Za-z0-9])");
    private static final GradleCatalog EMPTY = new GradleCatalog(Map.of(), Map.of(), Map.of());

    private final Map<String, String> plugins;
    private final Map<String, String> libraries;
    private final Map<String, List<String>> bundles;

    private GradleCatalog(Map<String, String> plugins, Map<String, String> libraries, Map<String, List<String>> bundles) {
        this.plugins = plugins;
        this.libraries = libraries;
        this.bundles = bundles;
    }

    /** The catalog of the Gradle build rooted at {@code dir}; an empty one when it has none. */
    static GradleCatalog load(RepoFiles repo, String dir) {
        String rel = RepoFiles.join(dir, FILE);
        if (!repo.exists(rel)) {
            return EMPTY;
        }
        JsonNode toml = Manifests.toml(repo, rel);
        Map<String, String> plugins = new HashMap<>();
        toml.path("plugins").fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            String id = v.isTextual() ? v.asText().replaceFirst(":[^:]*$", "") : v.path("id").asText(null);
            if (id != null && !id.isBlank()) {
                plugins.put(accessor(e.getKey()), id);
            }
        });
        Map<String, String> libraries = new HashMap<>();
        toml.path("libraries").fields().forEachRemaining(e -> {
            String coord = module(e.getValue());
            if (coord != null) {
                libraries.put(accessor(e.getKey()), coord);
            }
        });
        Map<String, List<String>> bundles = new HashMap<>();
        toml.path("bundles").fields().forEachRemaining(e -> {
            List<String> members = new java.util.ArrayList<>();
            e.getValue().forEach(m -> members.add(accessor(m.asText())));
            bundles.put(accessor(e.getKey()), members);
        });
        return new GradleCatalog(plugins, libraries, bundles);
    }

    /** {@code group:artifact} of a library entry: "g:a:v", {module = "g:a"} or {group = "g", name = "a"}. */
    private static String module(JsonNode v) {
        if (v.isTextual()) {
            String[] p = v.asText().split(":");
            return p.length >= 2 ? p[0] + ":" + p[1] : null;
        }
        if (v.hasNonNull("module")) {
            return v.get("module").asText();
        }
        if (v.hasNonNull("group") && v.hasNonNull("name")) {
            return v.get("group").asText() + ":" + v.get("name").asText();
        }
        return null;
    }

    private static String accessor(String alias) {
        return alias.replaceAll("[-_.]", ".");
    }

    /** Whether {@code buildText} applies the plugin {@code id} through the catalog ({@code alias(libs.plugins.…)}). */
    int pluginAt(String buildText, String id) {
        Matcher m = REF.matcher(buildText);
        while (m.find()) {
            String ref = m.group(1);
            if (ref.startsWith("plugins.") && id.equals(plugins.get(ref.substring("plugins.".length())))
                    && !JavaStack.notApplied(buildText, m.end())) {
                return m.start();
            }
        }
        return -1;
    }

    /** The {@code group:artifact} coordinates of the catalog libraries and bundles {@code buildText} refers to. */
    Set<String> coordinates(String buildText) {
        Set<String> out = new LinkedHashSet<>();
        if (libraries.isEmpty()) {
            return out;
        }
        Matcher m = REF.matcher(buildText);
        while (m.find()) {
            String ref = m.group(1);
            if (ref.startsWith("bundles.")) {
                for (String member : bundles.getOrDefault(ref.substring("bundles.".length()), List.of())) {
                    String c = libraries.get(member);
                    if (c != null) {
                        out.add(c);
                    }
                }
            } else if (!ref.startsWith("plugins.")) {
                String c = libraries.get(ref);
                if (c != null) {
                    out.add(c);
                }
            }
        }
        return out;
    }
}
