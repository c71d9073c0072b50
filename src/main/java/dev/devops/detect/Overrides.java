package dev.devops.detect;

import java.util.List;

/**
 * Flags of {@code devops init} that override what detection finds, so init is fully non-interactive.
 *
 * @param stack          language id (node, java, python, go) or null to detect
 * @param runtimeVersion runtime version or null to detect
 * @param services       service specs "type" or "type:version" (e.g. "postgres:16"); when non-empty they
 *                       replace the detected services
 * @param port           app port or null to detect
 * @param name           project name or null to derive from the directory
 */
public record Overrides(String stack, String runtimeVersion, List<String> services, Integer port, String name) {
    public static final Overrides NONE = new Overrides(null, null, List.of(), null, null);

    public Overrides {
        services = services == null ? List.of() : List.copyOf(services);
    }
}
