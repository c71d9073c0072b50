package dev.devops.git;

import dev.devops.core.AtomicWrite;
import dev.devops.core.InputFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The plain git pre-commit hook {@code devops hook install} writes: a shell script that runs
 * {@code devops lint --staged}. It lives where git looks for hooks ({@code git rev-parse --git-path hooks},
 * so {@code core.hooksPath} and worktrees are honoured). A hook of someone else's is never replaced
 * silently: {@link #install} refuses it unless forced, and then keeps it beside ours as
 * {@code pre-commit.devops-saved}, which {@link #uninstall} puts back.
 */
public final class PreCommitHook {
    /** The line that marks a hook as ours. */
    public static final String MARKER = "# devops pre-commit hook";
    static final String SAVED = "pre-commit.devops-saved";

    /** What install or uninstall did. */
    public enum Outcome { INSTALLED, UPDATED, REPLACED_SAVED, FOREIGN, REMOVED, RESTORED, NOT_INSTALLED }

    private final Path hook;

    public PreCommitHook(GitRepository repo) {
        String hooks = GitRepository.run(repo.dir(), List.of("rev-parse", "--git-path", "hooks"), null).out().trim();
        Path dir = repo.dir().resolve(hooks);
        this.hook = dir.resolve("pre-commit");
    }

    public Path file() {
        return hook;
    }

    /** The script: lint the staged change with every check; {@code extraArgs} are appended (e.g. --fail-on warning). */
    public static String script(String extraArgs) {
        String args = extraArgs == null || extraArgs.isBlank() ? "" : " " + extraArgs.trim();
        return "#!/bin/sh\n"
                + MARKER + " (written by 'devops hook install'; 'devops hook uninstall' removes it)\n"
                + "# Lints what the commit would hold; skip once with 'git commit --no-verify'.\n"
                + "if ! command -v devops >/dev/null 2>&1; then\n"
                + "  echo \"devops pre-commit hook: 'devops' is not on PATH; install it, or remove the hook with 'devops hook uninstall'\" >&2\n"
                + "  exit 1\n"
                + "fi\n"
                + "exec devops lint --staged" + args + "\n";
    }

    public boolean ours() throws IOException {
        return Files.isRegularFile(hook) && InputFiles.readText(hook, InputFiles.MAX_CONFIG_BYTES).contains(MARKER);
    }

    /** Writes the hook; a foreign hook is kept as {@code pre-commit.devops-saved} with {@code force}, else left alone. */
    public Outcome install(String extraArgs, boolean force) throws IOException {
        Outcome outcome = Outcome.INSTALLED;
        if (Files.exists(hook, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            if (ours()) {
                outcome = Outcome.UPDATED;
            } else if (!force) {
                return Outcome.FOREIGN;
            } else {
                Files.move(hook, hook.resolveSibling(SAVED), StandardCopyOption.REPLACE_EXISTING);
                outcome = Outcome.REPLACED_SAVED;
            }
        }
        // atomically, executable from the start; a read-only or full file system is a UserError naming the hook
        AtomicWrite.write(hook, script(extraArgs).getBytes(StandardCharsets.UTF_8), PosixFilePermissions.fromString("rwxr-xr-x"));
        return outcome;
    }

    /** Removes our hook and puts a saved foreign one back; a foreign hook is left alone. */
    public Outcome uninstall() throws IOException {
        if (!Files.exists(hook, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return Outcome.NOT_INSTALLED;
        }
        if (!ours()) {
            return Outcome.FOREIGN;
        }
        Path saved = hook.resolveSibling(SAVED);
        if (Files.exists(saved, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.move(saved, hook, StandardCopyOption.REPLACE_EXISTING);
            return Outcome.RESTORED;
        }
        Files.delete(hook);
        return Outcome.REMOVED;
    }
}
