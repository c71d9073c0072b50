package dev.devops.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spring Boot profiles and their datasources: which profile is meant for production, which profiles are active by
 * default, and which database each profile's {@code spring.datasource.url} names. Used by {@link Detector} to let the
 * production profile's datasource decide the database when the default profile runs an embedded one (H2, HSQLDB).
 */
final class SpringProfiles {
    private static final Pattern CONFIG = Pattern.compile("(?:^|.*/)application(?:-([\\w.-]+))?\\.(?:properties|ya?ml)");
    private static final Pattern ACTIVE_PROPERTIES = Pattern.compile(
            "(?m)^\\s*spring\\.profiles\\.active\\s*[=:]\\s*(.+?)\\s*$");
    private static final Pattern URL_PROPERTIES = Pattern.compile("(?m)^\\s*spring\\.(?:datasource|r2dbc)\\.url\\s*[=:]\\s*(\\S+)");
    /** The value of a placeholder with a default ({@code ${JDBC_URL:jdbc:postgresql://…}}): its default. */
    private static final Pattern PLACEHOLDER_DEFAULT = Pattern.compile("^\\$\\{[^:}]+:(.*)}$");
    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([^:}]+)}$");
    /** Profile names meant for production, in order of preference. */
    private static final List<String> PRODUCTION_NAMES = List.of("prod", "production");

    private SpringProfiles() {
    }

    /** A profile and where it was chosen from (for the evidence line). */
    record Choice(String profile, String why) {
    }

    /**
     * The Spring profile meant for production: the one the Maven profile the build uses activates, else the default
     * of a {@code ${SPRING_PROFILES_ACTIVE:prod}} read, else a profile file named {@code application-prod} or
     * {@code application-production}; null when none says so.
     */
    static Choice production(RepoFiles repo, AppDraft d, String activeDefault) {
        if (d.springBuildProfiles != null) {
            String first = first(d.springBuildProfiles);
            if (first != null && configFiles(repo, d).containsKey(first)) {
                return new Choice(first, "the Maven profile the build uses sets spring.profiles.active=" + d.springBuildProfiles);
            }
        }
        if (activeDefault != null) {
            String first = first(activeDefault);
            if (first != null && configFiles(repo, d).containsKey(first)) {
                return new Choice(first, "SPRING_PROFILES_ACTIVE defaults to " + activeDefault);
            }
        }
        Map<String, List<String>> files = configFiles(repo, d);
        for (String name : PRODUCTION_NAMES) {
            if (files.containsKey(name)) {
                return new Choice(name, files.get(name).get(0) + " is the production profile's configuration");
            }
        }
        return null;
    }

    /**
     * The profiles active by default: {@code spring.profiles.active} in application.properties|yml, with Maven's
     * {@code @spring.profiles.active@} filtered to the build profile's value; an empty list when none is set.
     */
    static List<String> defaultActive(RepoFiles repo, AppDraft d) {
        for (String f : configFiles(repo, d).getOrDefault("", List.of())) {
            String text = repo.source(f);
            String value = text == null ? null : f.endsWith(".properties") ? group(ACTIVE_PROPERTIES, text)
                    : scalar(yaml(text), "spring", "profiles", "active");
            if (value == null) {
                continue;
            }
            value = value.replaceAll("^['\"]|['\"]$", "").trim();
            if (value.contains("@spring.profiles.active@")) {
                value = d.springBuildProfiles == null ? "" : value.replace("@spring.profiles.active@", d.springBuildProfiles);
            }
            Matcher ph = PLACEHOLDER_DEFAULT.matcher(value);
            if (ph.matches()) {
                value = ph.group(1);
            }
            List<String> out = new ArrayList<>();
            for (String p : value.split("\\s*,\\s*")) {
                if (p.matches("[\\w.-]+")) {
                    out.add(p);
                }
            }
            return out;
        }
        return List.of();
    }

    /**
     * The database {@code spring.datasource.url} names in the profile's files ("" = application.*): "postgres",
     * "mysql", "mariadb", "embedded" (H2, HSQLDB, Derby, SQLite), or null when the profile sets no URL (or only a
     * placeholder without a default).
     */
    static String database(RepoFiles repo, AppDraft d, String profile) {
        for (String f : configFiles(repo, d).getOrDefault(profile, List.of())) {
            String text = repo.source(f);
            String url = text == null ? null : f.endsWith(".properties") ? group(URL_PROPERTIES, text)
                    : url(yaml(text));
            String type = type(url);
            if (type != null) {
                return type;
            }
        }
        return null;
    }

    /** spring.datasource.url, else spring.r2dbc.url (a reactive app's connection), of a YAML config file. */
    private static String url(List<Object> docs) {
        String jdbc = scalar(docs, "spring", "datasource", "url");
        return jdbc != null ? jdbc : scalar(docs, "spring", "r2dbc", "url");
    }

    /**
     * Whether the app connects through R2DBC (a config file of any profile sets {@code spring.r2dbc.url}): Spring
     * Boot then binds SPRING_R2DBC_URL / _USERNAME / _PASSWORD, and SPRING_DATASOURCE_* would configure nothing.
     */
    static boolean reactive(RepoFiles repo, AppDraft d) {
        for (List<String> files : configFiles(repo, d).values()) {
            for (String f : files) {
                String text = repo.source(f);
                String url = text == null ? null : f.endsWith(".properties") ? group(URL_PROPERTIES, text) : url(yaml(text));
                if (url != null && url.replaceAll("^['\"]|['\"]$", "").startsWith("r2dbc:")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * "jdbc:postgresql://…" or "r2dbc:postgresql://…" (also r2dbc:pool:…) → postgres; h2 / hsqldb / derby / sqlite →
     * embedded; anything else → null.
     */
    static String type(String url) {
        if (url == null) {
            return null;
        }
        String u = url.trim().replaceAll("^['\"]|['\"]$", "");
        Matcher ph = PLACEHOLDER_DEFAULT.matcher(u);
        if (ph.matches()) {
            u = ph.group(1);
        } else if (PLACEHOLDER.matcher(u).matches()) {
            return null;
        }
        u = u.toLowerCase(Locale.ROOT);
        if (u.startsWith("r2dbc:")) {
            u = "jdbc:" + u.substring("r2dbc:".length()).replaceFirst("^pool:", "").replaceFirst("^postgres:", "postgresql:");
        }
        if (u.startsWith("jdbc:postgresql:") || u.startsWith("jdbc:tc:postgresql:")) {
            return "postgres";
        }
        if (u.startsWith("jdbc:mariadb:")) {
            return "mariadb";
        }
        if (u.startsWith("jdbc:mysql:")) {
            return "mysql";
        }
        if (u.matches("jdbc:(?:h2|hsqldb|derby|sqlite):.*")) {
            return "embedded";
        }
        return null;
    }

    /** The app's Spring config files (application*.properties|yml) by profile, "" for application.* itself. */
    private static Map<String, List<String>> configFiles(RepoFiles repo, AppDraft d) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String f : d.sources) {
            Matcher m = CONFIG.matcher(f);
            if (m.matches()) {
                out.computeIfAbsent(m.group(1) == null ? "" : m.group(1), k -> new ArrayList<>()).add(f);
            }
        }
        return out;
    }

    private static String first(String profiles) {
        for (String p : profiles.split("\\s*,\\s*")) {
            if (p.matches("[\\w.-]+")) {
                return p;
            }
        }
        return null;
    }

    private static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** The documents of a YAML file; an unparsable (templated) file has none. */
    private static List<Object> yaml(String text) {
        List<Object> docs = new ArrayList<>();
        try {
            for (Object doc : new org.snakeyaml.engine.v2.api.Load(org.snakeyaml.engine.v2.api.LoadSettings.builder().build())
                    .loadAllFromString(text)) {
                docs.add(doc);
            }
        } catch (RuntimeException e) {
            return docs;
        }
        return docs;
    }

    /**
     * The scalar at {@code path} in the first document that has it, as nested maps or as a dotted key
     * ({@code spring.datasource.url: …}); documents activated for a profile only ({@code spring.config.activate
     * .on-profile}) are skipped.
     */
    private static String scalar(List<Object> docs, String... path) {
        for (Object doc : docs) {
            if (scalarAt(doc, "spring", "config", "activate", "on-profile") != null
                    || scalarAt(doc, "spring", "profiles") instanceof String) {
                continue;
            }
            Object v = scalarAt(doc, path);
            if (v != null && !(v instanceof Map) && !(v instanceof List)) {
                return String.valueOf(v);
            }
        }
        return null;
    }

    private static Object scalarAt(Object doc, String... path) {
        Object v = doc;
        for (int i = 0; i < path.length && v != null; i++) {
            if (!(v instanceof Map<?, ?> m)) {
                return null;
            }
            Object next = m.get(path[i]);
            if (next == null) {
                // a dotted key for the rest of the path: spring.datasource.url, datasource.url
                next = m.get(String.join(".", java.util.Arrays.copyOfRange(path, i, path.length)));
                if (next != null) {
                    return next;
                }
            }
            v = next;
        }
        return v;
    }
}
