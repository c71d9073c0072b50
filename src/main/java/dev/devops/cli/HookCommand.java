package dev.devops.cli;

import dev.devops.core.SourceLocation;
import dev.devops.core.UserError;
import dev.devops.git.GitRepository;
import dev.devops.git.PreCommitHook;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code devops hook install|uninstall}: a plain git pre-commit hook running {@code devops lint --staged}. */
@Command(name = "hook", mixinStandardHelpOptions = true,
        description = {"Install or remove a git pre-commit hook that runs 'devops lint --staged' (every check "
            + "on what the commit would hold). With the pre-commit framework, use the hooks in "
            + ".pre-commit-hooks.yaml instead."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done", "  2  usage error; not in a git work tree; a hook that is not devops' is in the way "
            + "(install --force keeps it as pre-commit.devops-saved; uninstall puts it back); the hook cannot be written"})
public final class HookCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ACTION", completionCandidates = HookCommand.Actions.class, description = "install or uninstall")
    String action;

    @Option(names = "--force", description = "install: replace a pre-commit hook that is not devops' (it is kept and restored by uninstall).")
    boolean force;

    @Option(names = "--fail-on", paramLabel = "LEVEL", completionCandidates = Completions.Levels.class, description = "install: the hook blocks commits with findings at or above info, warning or error (default: error).")
    String failOn;

    @Option(names = {"-C", "--directory"}, paramLabel = "DIR", description = "The repository (default: .).")
    Path dir = Path.of(".");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** install, uninstall (for completion). */
    static final class Actions implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.List.of("install", "uninstall").iterator();
        }
    }

    @Override
    public Integer call() throws IOException {
        GitRepository repo = GitRepository.open(dir);
        if (repo == null) {
            throw new UserError(SourceLocation.of(dir), "not inside a git work tree", "run it in the repository the hook is for");
        }
        if (failOn != null && dev.devops.lint.Severity.parse(failOn) == null) {
            throw new UserError(null, "unknown --fail-on '" + failOn + "'", "use info, warning or error");
        }
        PreCommitHook hook = new PreCommitHook(repo);
        PrintWriter out = spec.commandLine().getOut();
        String file = hook.file().toString();
        try {
            return run(hook, out, file);
        } catch (java.nio.file.FileSystemException e) {
            // moving a foreign hook aside, removing ours: a read-only or full file system, said in one line
            throw new UserError(SourceLocation.of(hook.file()), "cannot change the hook: "
                    + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()),
                    "check that the hooks directory is writable and has free space");
        }
    }

    private int run(PreCommitHook hook, PrintWriter out, String file) throws IOException {
        int code = switch (action) {
            case "install" -> switch (hook.install(failOn == null ? null : "--fail-on " + failOn, force)) {
                case INSTALLED -> say(out, "installed " + file + ": commits now run 'devops lint --staged'");
                case UPDATED -> say(out, "updated " + file);
                case REPLACED_SAVED -> say(out, "installed " + file + "; the hook that was there is kept as pre-commit.devops-saved"
                        + " and 'devops hook uninstall' puts it back");
                default -> throw new UserError(SourceLocation.of(hook.file()), "not a devops hook; left alone",
                        "add 'devops lint --staged' to it, or run 'devops hook install --force' (it keeps the old hook)");
            };
            case "uninstall" -> switch (hook.uninstall()) {
                case REMOVED -> say(out, "removed " + file);
                case RESTORED -> say(out, "removed the devops hook and restored the one it replaced: " + file);
                case NOT_INSTALLED -> say(out, "no pre-commit hook installed: nothing to do");
                default -> throw new UserError(SourceLocation.of(hook.file()), "not a devops hook; left alone",
                        "remove it yourself if you no longer want it");
            };
            default -> throw new UserError(null, "unknown action '" + action + "'", "use 'devops hook install' or 'devops hook uninstall'");
        };
        out.flush();
        return code;
    }

    private static int say(PrintWriter out, String s) {
        out.println(s);
        return 0;
    }
}
