package dev.devops.files;

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

    private final PathGlobs tests;
    private final PathGlobs docs;

    public PathClasses(List<String> testGlobs, List<String> docsGlobs) {
        tests = new PathGlobs(testGlobs);
        docs = new PathGlobs(docsGlobs);
    }

    /** Test code or test data: the built-in class or a {@code lint.paths.tests} glob. */
    public boolean isTest(String path) {
        return FileKinds.isTest(path) || tests.matches(path);
    }

    /** Documentation: the built-in class or a {@code lint.paths.docs} glob. */
    public boolean isDocs(String path) {
        return FileKinds.isDocs(path) || docs.matches(path);
    }
}
