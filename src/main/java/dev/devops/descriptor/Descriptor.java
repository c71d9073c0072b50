package dev.devops.descriptor;

import java.util.List;
import java.util.Map;

/**
 * The whole of {@code devops.yaml}.
 *
 * @param name         project name: compose project name and image name prefix
 * @param apps         the applications built from this repository, in order (each one a compose service)
 * @param services     backing services (postgres, redis, …) keyed by compose service name
 * @param environments deployment environments (development, staging, production …) keyed by name
 * @param lint         lint settings (allowlist, thresholds)
 */
public record Descriptor(
        String name,
        List<App> apps,
        Map<String, Service> services,
        Map<String, Environment> environments,
        LintSettings lint) {

    public Descriptor {
        apps = List.copyOf(apps);
        services = services == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(services));
        environments = environments == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environments));
        lint = lint == null ? LintSettings.EMPTY : lint;
    }

    /** The app with this name, or null. */
    public App app(String appName) {
        for (App a : apps) {
            if (a.name().equals(appName)) {
                return a;
            }
        }
        return null;
    }
}
