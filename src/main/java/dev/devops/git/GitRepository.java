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

/** A git work tree, read through the {@code git} executable. Paths are relative to {@link #dir()}. */
public final class GitRepository {
    private final Path dir;

    private GitRepository(Path dir) {
        this.dir = dir;
    }

    /** The work tree containing {@code dir}, or null when {@code dir} is not inside one (or git is missing). */
    public static GitRepository open(Path dir) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try {
            Result r = run(dir, List.of("rev-parse", "--is-inside-work-tree"), null);
            return r.exit == 0 && r.out().trim().equals("true") ? new GitRepository(dir) : null;
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
        return run(dir, List.of("rev-parse", "--verify", "--quiet", "HEAD^{commit}"), null).exit == 0;
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
