package dev.devops.git;

import java.util.ArrayList;
import java.util.List;

/**
 * What git says about HEAD for a release: the commit, its date, an exact tag on it, the remote it
 * came from, and the paths that differ from it (the "dirty" part of the work tree).
 *
 * @param commit     the full commit id of HEAD
 * @param shortSha   its abbreviated id (git's default length, at least 7)
 * @param commitDate the committer date, strict ISO 8601 (a build records it as its creation time, so
 *                   two builds of one commit carry the same labels)
 * @param exactTag   a tag pointing at HEAD (the highest version when several do), or null
 * @param remoteUrl  the fetch URL of {@code origin} without credentials, or null
 * @param changed    paths with uncommitted changes or untracked (not ignored) files, from {@code git status},
 *                   relative to the repository's top directory (the whole repository, also when opened in a subdirectory)
 */
public record Revision(String commit, String shortSha, String commitDate, String exactTag, String remoteUrl,
        List<String> changed) {
    public Revision {
        changed = List.copyOf(changed);
    }

    /** Reads HEAD of {@code repo}; a repository without commits is a GitException with what to do. */
    public static Revision of(GitRepository repo) {
        if (!repo.hasCommits()) {
            throw new GitException("the repository has no commit yet: commit the project first");
        }
        String commit = repo.resolveCommit("HEAD");
        String shortSha = out(repo, "rev-parse", "--short", "HEAD");
        String date = out(repo, "show", "-s", "--format=%cI", "HEAD");
        GitRepository.Result tags = GitRepository.run(repo.dir(),
                List.of("tag", "--points-at", "HEAD", "--sort=-version:refname"), null);
        String tag = null;
        if (tags.exit() == 0) {
            tag = tags.out().lines().map(String::strip).filter(s -> !s.isEmpty()).findFirst().orElse(null);
        }
        GitRepository.Result remote = GitRepository.run(repo.dir(), List.of("remote", "get-url", "origin"), null);
        String url = remote.exit() == 0 ? withoutCredentials(remote.out().strip()) : null;
        GitRepository.Result status = GitRepository.run(repo.dir(),
                List.of("-c", "core.quotePath=false", "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", ":/"), null);
        if (status.exit() != 0) {
            throw new GitException("git status failed: " + status.stderr().strip());
        }
        List<String> changed = new ArrayList<>();
        String[] entries = status.out().split("\0");
        for (int i = 0; i < entries.length; i++) {
            String e = entries[i];
            if (e.length() < 4) {
                continue;
            }
            changed.add(e.substring(3));
            if (e.charAt(0) == 'R' || e.charAt(0) == 'C') {
                i++; // the rename's source path follows
            }
        }
        return new Revision(commit, shortSha.isEmpty() ? commit.substring(0, 7) : shortSha, date, tag,
                url == null || url.isEmpty() ? null : url, changed);
    }

    /** {@code https://user:token@host/x} → {@code https://host/x}: a URL recorded in a label is public. */
    static String withoutCredentials(String url) {
        return url.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1");
    }

    private static String out(GitRepository repo, String... args) {
        GitRepository.Result r = GitRepository.run(repo.dir(), List.of(args), null);
        if (r.exit() != 0) {
            throw new GitException("git " + args[0] + " failed: " + r.stderr().strip());
        }
        return r.out().strip();
    }
}
