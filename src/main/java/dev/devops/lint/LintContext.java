package dev.devops.lint;

import dev.devops.descriptor.Descriptor;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What a check sees of the repository.
 *
 * @param root       the repository (or directory) root
 * @param files      repo-relative paths (forward slashes) of the files to lint: git-tracked files plus
 *                   untracked files git does not ignore; a plain walk outside git
 * @param tracked    the subset of {@code files} tracked by git (empty outside git)
 * @param descriptor devops.yaml when present, else null
 */
public record LintContext(Path root, List<String> files, Set<String> tracked, Descriptor descriptor) {
    public LintContext {
        files = List.copyOf(files);
        tracked = Set.copyOf(tracked);
    }

    public Path resolve(String relativePath) {
        return root.resolve(relativePath);
    }

    public boolean isGitRepository() {
        return !tracked.isEmpty();
    }
}
