package dev.devops.engine;

import dev.devops.core.UserError;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Where {@code devops up/down/ps/logs} get their {@link StackSpec}: implemented by the compose
 * adapter (compose files, interpolation, project name rules). An implementation is found with
 * {@link ServiceLoader} (a {@code META-INF/services/dev.devops.engine.StackSource} entry).
 */
@FunctionalInterface
public interface StackSource {
    /**
     * Loads the stack.
     *
     * @throws UserError for a missing or invalid file (with file:line:column)
     */
    StackSpec load(Request request);

    /**
     * What the command line asked for.
     *
     * @param projectName {@code -p}, or null for compose's rules (COMPOSE_PROJECT_NAME, name:, the folder)
     * @param files       {@code -f} files in order; empty for the default compose file lookup
     * @param workingDir  the directory the command runs in
     * @param profiles    {@code --profile} values
     */
    record Request(String projectName, List<Path> files, Path workingDir, List<String> profiles) {
        public Request {
            files = files == null ? List.of() : List.copyOf(files);
            profiles = profiles == null ? List.of() : List.copyOf(profiles);
        }
    }

    /** The installed implementation; a {@link UserError} when none is on the class path. */
    static StackSource installed() {
        return ServiceLoader.load(StackSource.class).findFirst().orElseThrow(() -> new UserError(null,
                "no compose loader is installed in this build of devops", "this command needs the compose module"));
    }
}
