package dev.devops.detect;

import dev.devops.core.VariableNames;
import dev.devops.descriptor.EnvVar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spring Boot's part of descriptor assembly (its relaxed binding is {@link JvmFrameworks#bind}, with Quarkus's and
 * Micronaut's): the database the production profile configures, and the
 * {@code SPRING_PROFILES_ACTIVE} that selects it ({@link DescriptorAssembly} calls these for a spring-boot app).
 */
final class SpringWiring {
    private SpringWiring() {
    }

    /**
     * Spring Boot: the datasource URL of the profiles active by default decides the database when it names a server;
     * when they use an embedded database (H2, HSQLDB …) or set no datasource, the datasource URL of the profile meant
     * for production ({@link SpringProfiles#production}) decides the database:
     * that service is added, other SQL databases the classpath offers are dropped, and the profile is remembered so
     * that SPRING_PROFILES_ACTIVE selects it when it is not active by default.
     */
    static void productionDatabase(RepoFiles repo, AppDraft d, Map<String, List<EnvReference>> byName) {
        List<String> active = SpringProfiles.defaultActive(repo, d);
        String current = SpringProfiles.database(repo, d, "");
        for (String p : active) {
            String t = SpringProfiles.database(repo, d, p);
            current = t != null ? t : current;
        }
        String type;
        String why;
        SpringProfiles.Choice prod = null;
        if (current != null && !"embedded".equals(current)) {
            type = current; // the profiles active by default name a database server: that one
            why = "spring.datasource.url of the default configuration" + (active.isEmpty() ? ""
                    : " (profiles " + String.join(",", active) + ")") + " names " + type;
        } else {
            List<EnvReference> activeReads = byName.get("SPRING_PROFILES_ACTIVE");
            prod = SpringProfiles.production(repo, d, activeReads == null ? null : DescriptorAssembly.firstDefault(activeReads));
            type = prod == null ? null : SpringProfiles.database(repo, d, prod.profile());
            if (type == null || "embedded".equals(type)) {
                return;
            }
            why = "the production profile '" + prod.profile() + "' (" + prod.why() + ") sets spring.datasource.url to "
                    + type + (current == null ? "" : "; the default profiles use an embedded database");
        }
        d.service(type, type + " from " + why); // a driver on the classpath keeps its own evidence line
        for (String t : new ArrayList<>(d.services.keySet())) {
            if (DescriptorAssembly.SQL.contains(t) && !t.equals(type)) {
                d.services.remove(t);
                d.evidence("not adding " + t + ": " + why);
            }
        }
        if (prod != null) {
            d.springProductionProfile = prod.profile();
        }
    }

    private static final Set<String> EMBEDDED_PROFILES = Set.of("h2", "hsqldb", "hsql", "derby", "sqlite", "embedded");

    /**
     * Spring Boot's backend selector is the active profile: when the app keeps the stack's database settings in a
     * profile file (application-mysql.properties) that its default profiles (spring.profiles.active=h2,…) do not
     * select, SPRING_PROFILES_ACTIVE gets that profile instead of the embedded database's, so the app does not fall
     * back to H2/HSQLDB while the service runs unused.
     */
    static void springProfile(RepoFiles repo, AppDraft d, String sqlType, Map<String, EnvVar> env, String prefix,
            List<String> evidence) {
        if (sqlType == null || env.containsKey("SPRING_PROFILES_ACTIVE")) {
            return;
        }
        List<String> names = switch (sqlType) {
            case "postgres" -> List.of("postgres", "postgresql", "pg");
            case "mysql" -> List.of("mysql");
            default -> List.of("mariadb", "mysql");
        };
        String profile = null;
        for (String f : d.sources) {
            String n = f.substring(f.lastIndexOf('/') + 1);
            Matcher pm = Pattern.compile("application-([\\w-]+)\\.(?:properties|ya?ml)").matcher(n);
            if (pm.matches() && names.contains(pm.group(1)) && profile == null) {
                profile = pm.group(1);
            }
        }
        if (d.springProductionProfile != null) {
            profile = d.springProductionProfile; // its datasource chose the stack's database
        }
        if (profile == null) {
            return;
        }
        List<String> defaults = SpringProfiles.defaultActive(repo, d);
        String active = defaults.isEmpty() ? null : String.join(",", defaults);
        List<String> profiles = new ArrayList<>();
        if (active != null) {
            for (String p : active.split("\\s*,\\s*")) {
                if (!p.isBlank() && !EMBEDDED_PROFILES.contains(p) && !p.equals(profile)) {
                    profiles.add(p);
                }
            }
        }
        profiles.add(0, profile);
        String value = String.join(",", profiles);
        if (value.equals(active)) {
            return;
        }
        env.put("SPRING_PROFILES_ACTIVE", new EnvVar("SPRING_PROFILES_ACTIVE", "Spring profiles: '" + profile
                + "' selects the stack's " + sqlType + (active == null ? "" : " (the app's default is '" + active + "')"),
                false, false, value, null));
        evidence.add(prefix + "SPRING_PROFILES_ACTIVE=" + value + ": application-" + profile + " configures the stack's "
                + sqlType + (active == null ? "" : ", replacing the default profiles '" + active + "'"));
    }
}
