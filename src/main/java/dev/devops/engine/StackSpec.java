package dev.devops.engine;

import dev.devops.core.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A fully resolved stack (no interpolation left): what {@code up} should make true. Names follow the
 * compose spec so a compose file maps onto it field by field.
 *
 * @param project     the project name (lower case letters, digits, '-' and '_'; compose's rule)
 * @param workingDir  the project directory; relative bind sources and build contexts resolve here
 * @param configFiles the files the stack came from (recorded in a label, as compose does)
 * @param services    services in file order
 * @param networks    declared networks by key; "default" is implicit when a service uses no network
 * @param volumes     declared named volumes by key
 */
public record StackSpec(String project, Path workingDir, List<Path> configFiles, List<ServiceSpec> services,
        Map<String, NetworkSpec> networks, Map<String, VolumeSpec> volumes) {

    private static final Pattern PROJECT = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    public StackSpec {
        if (project == null || !PROJECT.matcher(project).matches()) {
            throw new UserError(null, "invalid project name '" + project + "'",
                    "use lower-case letters, digits, '-' and '_', starting with a letter or digit");
        }
        workingDir = workingDir == null ? Path.of("").toAbsolutePath() : workingDir.toAbsolutePath().normalize();
        configFiles = configFiles == null ? List.of() : List.copyOf(configFiles);
        services = List.copyOf(services);
        networks = networks == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(networks));
        volumes = volumes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(volumes));
        List<String> seen = new ArrayList<>();
        for (ServiceSpec s : services) {
            if (seen.contains(s.name())) {
                throw new UserError(null, "service '" + s.name() + "' is defined twice", "rename one of them");
            }
            seen.add(s.name());
        }
    }

    public Optional<ServiceSpec> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The engine name of network {@code key}: its declared name, else {@code <project>_<key>}. */
    public String networkName(String key) {
        NetworkSpec n = networks.get(key);
        return n != null && n.name() != null ? n.name() : project + "_" + key;
    }

    /** The engine name of named volume {@code key}: its declared name, else {@code <project>_<key>}. */
    public String volumeName(String key) {
        VolumeSpec v = volumes.get(key);
        return v != null && v.name() != null ? v.name() : project + "_" + key;
    }

    /** Every network key some service uses, with its spec (an implicit default network included). */
    public Map<String, NetworkSpec> usedNetworks() {
        Map<String, NetworkSpec> out = new LinkedHashMap<>();
        for (ServiceSpec s : services) {
            for (String key : s.networkAliases().keySet()) {
                out.computeIfAbsent(key, k -> networks.getOrDefault(k, NetworkSpec.of(k)));
            }
        }
        return out;
    }
}
