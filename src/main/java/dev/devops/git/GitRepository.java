package dev.devops.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A git work tree, read through the {@code git} executable. Paths are relative to {@link #dir()}. One
 * instance serves one run: its top level and whether it has commits are asked once.
 */
public final class GitRepository {
    private final Path dir;
    private final String top;
    private Boolean hasCommits;

    private GitRepository(Path dir, String top) {
        this.dir = dir;
        this.top = top;
    }

    /** The work tree containing {@code dir}, or null when {@code dir} is not inside one (or git is missing). */
    public static GitRepository open(Path dir) {
        if (!Files.isDirectory(dir) || !mayBeInWorkTree(dir)) {
            return null;
        }
        try {
            // one process: outside a work tree (or inside .git) --show-toplevel fails or prints nothing
            Result r = run(dir, List.of("rev-parse", "--show-toplevel"), null);
            String top = r.out().trim();
            return r.exit == 0 && !top.isEmpty() ? new GitRepository(dir, top) : null;
        } catch (GitException e) {
            return null;
        }
    }

    /**
     * Whether git could find a work tree from {@code dir}: a {@code .git} (directory or file) in it or a directory
     * above it, or {@code GIT_DIR} / {@code GIT_WORK_TREE} set. Git's own discovery needs one of these, so when there is
     * none the answer is known without starting a process (a lint of a plain directory saves a git start).
     */
    static boolean mayBeInWorkTree(Path dir) {
        if (System.getenv("GIT_DIR") != null || System.getenv("GIT_WORK_TREE") != null) {
            return true;
        }
        Path real;
        try {
            real = dir.toRealPath(); // git walks up the physical directories: a link into a work tree is in it
        } catch (IOException e) {
            return true; // git will say
        }
        for (Path d = real; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
        }
        return false;
    }

    /** {@code git --version}'s line ("git version 2.39.5"), or null when git cannot be run. */
    public static String version() {
        try {
            Result r = run(Path.of("."), List.of("--version"), null);
            return r.exit == 0 ? r.out().trim() : null;
        } catch (GitException e) {
            return null;
        }
    }

    public Path dir() {
        return dir;
    }

    /** Tracked files and untracked files git does not ignore. */
    public record WorkFiles(List<String> all, Set<String> tracked) {
    }

    /** {@code git ls-files}: tracked plus untracked-not-ignored, each once, in git's order. */
    public WorkFiles files() {
        List<String> tracked = split0(check(run(dir, List.of("ls-files", "-z", "--cached"), null)).out());
        List<String> others = split0(check(run(dir, List.of("ls-files", "-z", "--others", "--exclude-standard"), null)).out());
        Set<String> all = new LinkedHashSet<>(tracked);
        all.addAll(others);
        return new WorkFiles(new ArrayList<>(all), Collections.unmodifiableSet(new HashSet<>(tracked)));
    }

    /** The top directory of the work tree ({@code git rev-parse --show-toplevel}), a real path. */
    public Path topLevel() {
        try {
            return Path.of(top).toRealPath();
        } catch (IOException e) {
            return Path.of(top);
        }
    }

    /** Tracked files (the index), relative to {@link #dir()}. */
    public List<String> indexFiles() {
        return split0(check(run(dir, List.of("ls-files", "-z", "--cached"), null)).out());
    }

    /**
     * Paths (relative to the top level) that the staged change adds, copies, modifies, renames to or
     * changes the type of: the files a commit of the index would change.
     */
    public List<String> stagedPaths() {
        List<String> args = new ArrayList<>(List.of("-c", "core.quotePath=false", "diff", "--cached", "--name-only", "-z",
                "--no-renames", "--diff-filter=ACMRT"));
        if (!hasCommits()) {
            args.add("--root");
        }
        return split0(check(run(dir, args, null)).out());
    }

    /** Whether a tracked file of the work tree differs from the index (changes not staged). */
    public boolean hasUnstagedChanges() {
        Result r = run(dir, List.of("diff", "--quiet", "--no-ext-diff", "--no-textconv"), null);
        if (r.exit > 1) {
            throw new GitException(firstLine(r.stderr, "git diff failed with exit code " + r.exit));
        }
        return r.exit == 1;
    }

    /** Writes every file of the index under {@code target} (which must exist), as a commit of the index would hold them. */
    public void checkoutIndex(Path target) {
        String prefix = target.toAbsolutePath().toString();
        check(run(topLevel(), List.of("checkout-index", "--all", "--force", "--prefix=" + (prefix.endsWith("/") ? prefix : prefix + "/")), null));
    }

    /** Resolves {@code rev} to a commit id, or throws GitException with git's message. */
    public String resolveCommit(String rev) {
        Result r = run(dir, List.of("rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}"), null);
        if (r.exit != 0) {
            throw new GitException("'" + rev + "' is not a commit in this repository");
        }
        return r.out().trim();
    }

    /** Whether the repository has at least one commit. */
    public boolean hasCommits() {
        if (hasCommits == null) {
            hasCommits = run(dir, List.of("rev-parse", "--verify", "--quiet", "HEAD^{commit}"), null).exit == 0;
        }
        return hasCommits;
    }

    /**
     * Whether the repository has no commit yet, as after {@code git init}: HEAD names a branch and no ref exists.
     * A HEAD that does not resolve otherwise (a missing or damaged commit object) is a GitException, not "empty".
     */
    boolean unbornOrThrow() {
        if (hasCommits()) {
            return false;
        }
        Result sym = run(dir, List.of("symbolic-ref", "-q", "HEAD"), null);
        Result refs = run(dir, List.of("for-each-ref", "--count=1", "--format=%(refname)"), null);
        if (sym.exit == 0 && refs.exit == 0 && refs.out().isBlank()) {
            return true;
        }
        throw new GitException("HEAD does not resolve to a commit: the repository is damaged (a missing or corrupt object)"
                + (refs.stderr.isBlank() ? "" : ": " + firstLine(refs.stderr, "")) + "; run 'git fsck' to see what is wrong");
    }

    /** The added lines of the staged diff (index against HEAD, or against nothing before the first commit). */
    public void stagedAdditions(Consumer<AddedLines> out) {
        List<String> args = new ArrayList<>(List.of("-c", "core.quotePath=false", "diff", "--cached", "-U0",
                "--no-color", "--no-ext-diff", "--no-textconv", "--full-index", "-M", "--diff-filter=ACMRT"));
        if (unbornOrThrow()) {
            args.add("--root");
        }
        stream(args, new DiffParser(out, false));
    }

    /**
     * The added lines of every non-merge commit, oldest first: {@code range} is a revision range
     * ("A..B"), a start ("REV" meaning REV..HEAD), or null for every commit reachable from any ref.
     * A blob that an earlier commit already produced is skipped (each blob is scanned once).
     */
    public void history(String range, Consumer<AddedLines> out) {
        if (unbornOrThrow()) {
            return;
        }
        List<String> args = new ArrayList<>(List.of("-c", "core.quotePath=false", "log", "-p", "-U0", "--no-color",
                "--no-ext-diff", "--no-textconv", "--full-index", "-M", "--diff-filter=ACMRT", "--reverse",
                "--format=" + DiffParser.COMMIT_MARK + "%H%x09%an <%ae>%x09%aI"));
        if (range == null) {
            args.add("--all");
        } else if (range.contains("..")) {
            int i = range.indexOf("..");
            String a = range.substring(0, i);
            String b = range.substring(i + (range.startsWith("...", i) ? 3 : 2));
            if (!a.isEmpty()) {
                resolveCommit(a);
            }
            if (!b.isEmpty()) {
                resolveCommit(b);
            }
            args.add(range);
        } else {
            resolveCommit(range);
            args.add(range + "..HEAD");
        }
        args.add("--");
        stream(args, new DiffParser(out, true));
    }

    private void stream(List<String> args, DiffParser parser) {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.addAll(args);
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(dir.toFile()).start();
            p.getOutputStream().close();
        } catch (IOException e) {
            throw new GitException("cannot run git: " + e.getMessage(), e);
        }
        ByteArrayOutputStream err = drain(p.getErrorStream());
        try (InputStream in = p.getInputStream()) {
            parser.parse(in);
            int exit = p.waitFor();
            if (exit != 0) {
                throw new GitException(firstLine(err.toString(StandardCharsets.UTF_8), "git " + args.get(args.size() - 1) + " failed"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitException("interrupted");
        } finally {
            p.destroy();
        }
    }

    record Result(int exit, byte[] stdout, String stderr) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    static Result run(Path dir, List<String> args, byte[] input) {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.addAll(args);
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).start();
            ByteArrayOutputStream err = drain(p.getErrorStream());
            try (var o = p.getOutputStream()) {
                if (input != null) {
                    o.write(input);
                }
            }
            byte[] out = p.getInputStream().readAllBytes();
            int exit = p.waitFor();
            return new Result(exit, out, err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new GitException("cannot run git: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitException("interrupted");
        }
    }

    private static Result check(Result r) {
        if (r.exit != 0) {
            throw new GitException(firstLine(r.stderr, "git failed with exit code " + r.exit));
        }
        return r;
    }

    private static ByteArrayOutputStream drain(InputStream in) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Thread t = new Thread(() -> {
            try (in) {
                in.transferTo(buf);
            } catch (IOException ignored) {
                // the process went away; its exit code tells
            }
        }, "git-stderr");
        t.setDaemon(true);
        t.start();
        return buf;
    }

    private static String firstLine(String s, String fallback) {
        for (String line : s.split("\n")) {
            if (!line.isBlank()) {
                return line.trim();
            }
        }
        return fallback;
    }

    private static List<String> split0(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == 0) {
                if (i > start) {
                    out.add(s.substring(start, i));
                }
                start = i + 1;
            }
        }
        if (start < s.length()) {
            out.add(s.substring(start));
        }
        return out;
    }
}
