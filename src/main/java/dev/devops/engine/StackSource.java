package dev.devops.engine;

import dev.devops.core.UserError;
import java.nio.file.Path;
import java.util.List;

/**
 * Where {@code devops up/down/ps/logs} get their {@link StackSpec}: the compose adapter
 * ({@link ComposeStackSource}) in production, a fixed stack in tests.
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
     * @param lenient     unset required variables are not errors (down, ps and logs only need names)
     */
    record Request(String projectName, List<Path> files, Path workingDir, List<String> profiles, boolean lenient) {
        public Request {
            files = files == null ? List.of() : List.copyOf(files);
            profiles = profiles == null ? List.of() : List.copyOf(profiles);
        }

        public Request(String projectName, List<Path> files, Path workingDir, List<String> profiles) {
            this(projectName, files, workingDir, profiles, false);
        }

        /** The same request for a command that only needs the stack's names. */
        public Request asLenient() {
            return new Request(projectName, files, workingDir, profiles, true);
        }
    }

    /** The compose-file implementation. */
    static StackSource installed() {
        return new ComposeStackSource();
    }
}
