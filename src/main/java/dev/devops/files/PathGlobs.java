package dev.devops.files;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of user-written path globs, matched the way {@code devops.yaml}'s {@code lint.allow.paths} and
 * {@code lint.paths.*} document them: a glob with a {@code /} matches the repository-relative path, one
 * without matches the file name in any directory, a trailing {@code /} means everything below, and a
 * leading {@code ./} is ignored.
 */
public final class PathGlobs {
    private final List<PathMatcher> paths = new ArrayList<>();
    private final List<PathMatcher> names = new ArrayList<>();

    public PathGlobs(List<String> globs) {
        var fs = FileSystems.getDefault();
        for (String g : globs) {
            String glob = g.startsWith("./") ? g.substring(2) : g;
            if (glob.endsWith("/")) {
                glob = glob + "**";
            }
            (glob.contains("/") ? paths : names).add(fs.getPathMatcher("glob:" + glob));
        }
    }

    /** Whether a repository-relative path (with {@code /} separators) matches one of the globs. */
    public boolean matches(String relativePath) {
        if (paths.isEmpty() && names.isEmpty()) {
            return false;
        }
        Path p = Path.of(relativePath);
        for (PathMatcher m : paths) {
            if (m.matches(p)) {
                return true;
            }
        }
        Path name = p.getFileName();
        for (PathMatcher m : names) {
            if (name != null && m.matches(name)) {
                return true;
            }
        }
        return false;
    }
}
