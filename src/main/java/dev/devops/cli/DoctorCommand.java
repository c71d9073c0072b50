package dev.devops.cli;

import dev.devops.core.ExitCode;
import dev.devops.core.UserError;
import dev.devops.descriptor.DescriptorLoader;
import dev.devops.engine.EngineClient;
import dev.devops.engine.EngineException;
import dev.devops.git.GitRepository;
import dev.devops.git.PreCommitHook;
import dev.devops.lint.Workspace;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code devops doctor}: what devops needs, checked one by one, each failure with what to do. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check what devops needs: the Java runtime, git, the Docker engine (version and API "
            + "version) and the project's devops.yaml. Each failed check says what to do."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  every check passed (notes are not failures)", "  1  a check failed"})
public final class DoctorCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The project (default: .).")
    Path dir = Path.of(".");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private PrintWriter out;
    private int failed;

    @Override
    public Integer call() {
        out = spec.commandLine().getOut();
        java();
        String git = GitRepository.version();
        if (git == null) {
            fail("git", "not found on PATH", "install git: lint reads tracked files, --staged and --history through it");
        } else {
            ok("git", git.replaceFirst("^git version ", ""));
        }
        project(git != null);
        docker();
        out.flush();
        return failed == 0 ? ExitCode.OK : ExitCode.FINDINGS;
    }

    private void java() {
        Runtime.Version v = Runtime.version();
        String where = System.getProperty("java.home");
        if (v.feature() < 17) {
            fail("java", v + " (" + where + ")", "devops needs Java 17 or newer: set JAVA_HOME to one");
        } else {
            ok("java", v + " (" + where + ")");
        }
    }

    private void project(boolean gitWorks) {
        if (!Files.isDirectory(dir)) {
            fail("project", dir + " is not a directory", "run devops doctor in the project, or give its directory");
            return;
        }
        Workspace ws;
        try {
            ws = Workspace.find(List.of(dir), gitWorks, false);
        } catch (UserError e) {
            fail("project", e.oneLine(), null);
            return;
        }
        if (ws.git() == null) {
            note("repository", "not a git work tree: lint walks the directory; --staged, --history and hooks need git");
        } else {
            ok("repository", ws.repoRoot().toString());
            try {
                PreCommitHook hook = new PreCommitHook(ws.git());
                note("pre-commit hook", hook.ours() ? "devops hook installed (" + hook.file() + ")"
                        : Files.exists(hook.file()) ? "another pre-commit hook is installed" : "none; 'devops hook install' adds one");
            } catch (java.io.IOException | RuntimeException e) {
                note("pre-commit hook", "cannot be read: " + e.getMessage());
            }
        }
        Path descriptor = ws.projectRoot().resolve(DescriptorLoader.FILE_NAME);
        if (!Files.isRegularFile(descriptor)) {
            note("devops.yaml", "none in " + ws.projectRoot() + " or above: 'devops init' detects the stack and writes one");
            return;
        }
        try {
            DescriptorLoader.load(descriptor);
            ok("devops.yaml", descriptor + " is valid");
        } catch (UserError e) {
            fail("devops.yaml", e.oneLine(), "fix devops.yaml ('devops schema' gives editors its JSON Schema)");
        }
    }

    private void docker() {
        try (EngineClient client = EngineClient.fromEnvironment()) {
            var v = client.docker().versionCmd().exec();
            ok("docker", "engine " + v.getVersion() + ", API " + v.getApiVersion() + " (" + v.getOperatingSystem() + "/" + v.getArch()
                    + ") at " + client.host());
        } catch (EngineException e) {
            fail("docker", e.getMessage(), null);
            out.println("      (up, down, ps and logs need the engine; init, render, lint and check do not)");
        } catch (RuntimeException e) {
            // the root cause's first line: not a wrapped exception's class name and its multi-line parser location;
            // the address as every engine message shows it (a password in DOCKER_HOST masked)
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().lines().findFirst().orElse("");
            fail("docker", "the engine at " + EngineClient.shown(System.getenv().getOrDefault("DOCKER_HOST", EngineClient.DEFAULT_HOST))
                    + " did not answer as an engine does: " + why, "check that DOCKER_HOST names a Docker engine and that dockerd runs");
        }
    }

    private void ok(String what, String detail) {
        out.println(Terminal.ok("ok  ") + "  " + what + ": " + detail);
    }

    private void note(String what, String detail) {
        out.println(Terminal.dim("note") + "  " + what + ": " + detail);
    }

    private void fail(String what, String detail, String fix) {
        failed++;
        out.println(Terminal.error("FAIL") + "  " + what + ": " + detail);
        if (fix != null) {
            out.println("      fix: " + fix);
        }
    }
}
