package dev.devops.lint;

import dev.devops.core.SourceLocation;
import dev.devops.core.UserError;
import dev.devops.descriptor.DescriptorLoader;
import dev.devops.git.GitException;
import dev.devops.git.GitRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where a lint run stands, found from the paths it was given the way git and compose find theirs: the
 * repository root ({@code git rev-parse --show-toplevel}), the project root (the directory of the
 * nearest {@code devops.yaml} at or above the paths, not above the repository root; else the
 * repository root; else, outside git, the directory given) and the scope (the files and directories
 * the user named, relative to the project root). Checks run over the whole project (the context a
 * Dockerfile or an env check needs); the report keeps the findings in scope and names every file
 * relative to the repository root, whichever directory the run started in.
 *
 * @param repoRoot    the git top level, or the project root outside git (a real path)
 * @param projectRoot the directory whose devops.yaml, allowlist and file list the checks use (a real path)
 * @param git         the repository, or null outside git
 * @param scopeFiles  project-relative files named by the user (each reported exactly)
 * @param scopeDirs   project-relative directories named by the user (everything under them); "" is the whole project
 */
public record Workspace(Path repoRoot, Path projectRoot, GitRepository git, Set<String> scopeFiles, Set<String> scopeDirs) {
    public Workspace {
        scopeFiles = Set.copyOf(scopeFiles);
        scopeDirs = Set.copyOf(scopeDirs);
    }

    /**
     * The workspace of {@code paths} (files or directories; none means the current directory).
     * With {@code wholeRepository} (staged and history runs: a commit holds the whole index) the start is
     * the repository's top level, whatever directory the paths are in.
     */
    public static Workspace find(List<Path> paths, boolean useGit, boolean wholeRepository) {
        List<Path> real = new ArrayList<>();
        for (Path p : paths.isEmpty() ? List.of(Path.of(".")) : paths) {
            if (!Files.exists(p)) {
                throw new UserError(SourceLocation.of(p), "no such file or directory", "give files or directories to lint");
            }
            try {
                real.add(p.toRealPath()); // a symbolic link to the tree is followed; links inside it are not
            } catch (IOException e) {
                throw new UserError(SourceLocation.of(p), "cannot read: " + e.getMessage(), null);
            }
        }
        Path start = null;
        for (Path p : real) {
            Path dir = Files.isDirectory(p) ? p : p.getParent();
            start = start == null ? dir : common(start, dir);
        }
        GitRepository git = useGit ? GitRepository.open(start) : null;
        Path top = null;
        if (git != null) {
            try {
                top = git.topLevel();
            } catch (GitException e) {
                throw new UserError(SourceLocation.of(start), "git: " + e.getMessage(), null);
            }
            if (wholeRepository) {
                start = top;
            }
        }
        Path project = null;
        for (Path d = start; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(DescriptorLoader.FILE_NAME))) {
                project = d;
                break;
            }
            if (d.equals(top)) {
                break;
            }
        }
        if (project == null) {
            project = top != null ? top : start;
        }
        if (git != null && !project.equals(start)) {
            git = GitRepository.open(project); // git lists files relative to its directory
        }
        Path repo = top != null ? top : project;
        java.util.Set<String> files = new java.util.TreeSet<>();
        java.util.Set<String> dirs = new java.util.TreeSet<>();
        for (Path p : real) {
            String rel = project.relativize(p).toString().replace('\\', '/');
            if (Files.isDirectory(p)) {
                dirs.add(rel);
            } else {
                files.add(rel);
            }
        }
        return new Workspace(repo, project, git, files, dirs);
    }

    private static Path common(Path a, Path b) {
        Path c = a;
        while (c != null && !b.startsWith(c)) {
            c = c.getParent();
        }
        return c == null ? a.getRoot() : c;
    }

    /** Whether the whole project is in scope. */
    public boolean whole() {
        return scopeDirs.contains("");
    }

    /** The project root relative to the repository root, with a trailing slash, or "". */
    public String prefix() {
        String p = repoRoot.relativize(projectRoot).toString().replace('\\', '/');
        return p.isEmpty() ? "" : p + "/";
    }

    /** Whether a project-relative file is in scope. */
    public boolean inScope(String path) {
        if (whole() || scopeFiles.contains(path)) {
            return true;
        }
        for (String d : scopeDirs) {
            if (path.startsWith(d + "/")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a finding on {@code path} is in scope. A finding about a file that is not among the
     * project's files (a missing .env a compose file needs, say) belongs to the files of its
     * directory: it is in scope when one of them is.
     */
    public boolean findingInScope(String path, java.util.function.Predicate<String> exists) {
        if (inScope(path)) {
            return true;
        }
        if (exists.test(path)) {
            return false;
        }
        String dir = dir(path);
        for (String f : scopeFiles) {
            if (dir(f).equals(dir)) {
                return true;
            }
        }
        return false;
    }

    private static String dir(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? "" : path.substring(0, i);
    }
}
