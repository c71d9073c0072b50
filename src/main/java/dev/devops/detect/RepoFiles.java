package dev.devops.detect;

import dev.devops.core.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The files of a repository, found by one walk that skips VCS, dependency and build-output directories.
 * Paths are relative to the root, with forward slashes, in walk order (sorted per directory).
 */
final class RepoFiles {
    /** Directories never entered. */
    static final Set<String> SKIP_DIRS = Set.of(".git", "node_modules", "vendor", "target", "build", "dist", "out",
            ".venv", "venv", "__pycache__", ".gradle", ".idea", "coverage", ".next", ".nuxt", ".svelte-kit",
            ".mvn", ".pytest_cache", ".mypy_cache", ".tox", ".terraform", ".cache");
    /** How deep source files are looked for. */
    static final int MAX_DEPTH = 24;

    private final Path root;
    private final List<String> files;
    private final Set<String> fileSet;
    private final java.util.Map<String, String> sources = new java.util.HashMap<>();

    private RepoFiles(Path root, List<String> files) {
        this.root = root;
        this.files = List.copyOf(files);
        this.fileSet = new HashSet<>(files);
    }

    static RepoFiles walk(Path root) {
        if (!Files.isDirectory(root)) {
            throw new UserError(null, root + ": not a directory", "pass the repository's directory");
        }
        // symbolic links count unless they point at a directory (broken ones too: reading them reports the problem for
        // a manifest and skips a source file); unreadable directories and broken links are not the repository's content
        List<String> out = dev.devops.files.FileTree.files(root, SKIP_DIRS::contains, MAX_DEPTH, true);
        return new RepoFiles(root, out);
    }

    private static String rel(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    Path root() {
        return root;
    }

    List<String> files() {
        return files;
    }

    /** A source file's text (cached), or null when too large, binary or minified. */
    String source(String rel) {
        if (sources.containsKey(rel)) {
            return sources.get(rel);
        }
        String text = Texts.readSource(root, rel);
        sources.put(rel, text);
        return text;
    }

    /** A manifest's text; a {@link UserError} when it cannot be read. */
    String text(String rel) {
        return Texts.read(root, rel);
    }

    boolean exists(String rel) {
        return fileSet.contains(rel);
    }

    /** The files directly in or below {@code dir} ("." for the root). */
    List<String> under(String dir) {
        if (".".equals(dir)) {
            return files;
        }
        String prefix = dir + "/";
        List<String> out = new ArrayList<>();
        for (String f : files) {
            if (f.startsWith(prefix)) {
                out.add(f);
            }
        }
        return out;
    }

    /** {@code dir/name} relative to the root ("." maps to the bare name). */
    static String join(String dir, String name) {
        return ".".equals(dir) ? name : dir + "/" + name;
    }

    /** The directory part of a relative file path, "." for a file at the root. */
    static String parent(String rel) {
        int i = rel.lastIndexOf('/');
        return i < 0 ? "." : rel.substring(0, i);
    }

    /** The number of directories between the root and {@code dir} ("." is 0). */
    static int depth(String dir) {
        if (".".equals(dir)) {
            return 0;
        }
        int n = 1;
        for (int i = 0; i < dir.length(); i++) {
            if (dir.charAt(i) == '/') {
                n++;
            }
        }
        return n;
    }

    /** Whether {@code file} lies inside {@code dir} (any depth). */
    static boolean inside(String file, String dir) {
        return ".".equals(dir) || file.startsWith(dir + "/");
    }
}
