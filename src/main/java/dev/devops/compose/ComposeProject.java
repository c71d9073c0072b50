package dev.devops.compose;

import dev.devops.core.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded compose project: the merge of its files, interpolated and typed.
 *
 * @param name        the project name (-p, COMPOSE_PROJECT_NAME, top-level name:, or the directory)
 * @param directory   the project directory; relative paths in the files resolve against it
 * @param files       the compose files, in merge order
 * @param version     the obsolete top-level {@code version:} when written, else null
 * @param services    services by name, in file order
 * @param networks    top-level networks (does not include the implicit "default" unless written)
 * @param volumes     top-level volumes
 * @param secrets     top-level secrets
 * @param configs     top-level configs
 * @param environment the variables interpolation saw (process environment over the env file)
 * @param warnings    unset variables and other non-fatal problems, each prefixed with file:line
 */
public record ComposeProject(String name, Path directory, List<Path> files, ComposeService.Located version,
        Map<String, ComposeService> services, Map<String, Resource> networks, Map<String, Resource> volumes,
        Map<String, Resource> secrets, Map<String, Resource> configs, Map<String, String> environment,
        List<String> warnings) {

    /**
     * A top-level network, volume, secret or config.
     *
     * @param external true when created outside compose
     * @param name     the name given with {@code name:}, or null
     * @param raw      the whole definition (null when written as an empty entry)
     */
    public record Resource(String key, boolean external, String name, RawNode raw, SourceLocation at) {
    }
}
