package dev.devops.files;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * The test and documentation path classes of one repository: {@link FileKinds#isTest} and
 * {@link FileKinds#isDocs}, plus the globs a project adds in devops.yaml ({@code lint.paths.tests},
 * {@code lint.paths.docs}). A glob without '/' matches the file name anywhere; one ending in '/' matches
 * everything under that directory.
 */
public final class PathClasses {
    /** The built-in classes only. */
    public static final PathClasses DEFAULT = new PathClasses(List.of(), List.of());

    private final List<PathMatcher> tests = new ArrayList<>();
    private final List<PathMatcher> testNames = new ArrayList<>();
    private final List<PathMatcher> docs = new ArrayList<>();
    private final List<PathMatcher> docNames = new ArrayList<>();

    public PathClasses(List<String> testGlobs, List<String> docsGlobs) {
        add(testGlobs, tests, testNames);
        add(docsGlobs, docs, docNames);
    }

    private static void add(List<String> globs, List<PathMatcher> paths, List<PathMatcher> names) {
        var fs = FileSystems.getDefault();
        for (String g : globs) {
            String glob = g.startsWith("./") ? g.substring(2) : g;
            if (glob.endsWith("/")) {
                glob = glob + "**";
            }
            (glob.contains("/") ? paths : names).add(fs.getPathMatcher("glob:" + glob));
        }
    }

    /** Test code or test data: the built-in class or a {@code lint.paths.tests} glob. */
    public boolean isTest(String path) {
        return FileKinds.isTest(path) || matches(path, tests, testNames);
    }

    /** Documentation: the built-in class or a {@code lint.paths.docs} glob. */
    public boolean isDocs(String path) {
        return FileKinds.isDocs(path) || matches(path, docs, docNames);
    }

    private static boolean matches(String path, List<PathMatcher> paths, List<PathMatcher> names) {
        if (paths.isEmpty() && names.isEmpty()) {
            return false;
        }
        Path p = Path.of(path);
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
