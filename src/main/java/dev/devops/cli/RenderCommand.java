package dev.devops.cli;

import dev.devops.core.ExitCode;
import dev.devops.core.SourceLocation;
import dev.devops.core.UserError;
import dev.devops.descriptor.Descriptor;
import dev.devops.descriptor.DescriptorLoader;
import dev.devops.scaffold.Plan;
import dev.devops.scaffold.Scaffolder;
import dev.devops.scaffold.TemplateSource;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** devops render: re-render the container files from devops.yaml, or check that they match it. */
@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Render Dockerfile, .dockerignore, docker-compose.yml and .env.example from DIR/devops.yaml. "
                + "Existing files that differ from the render are never overwritten without --force. "
                + "With --check nothing is written: the exit code is 1 and the diff is printed when a "
                + "generated file differs from devops.yaml or is missing (for CI).",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:rendered, or (--check) every generated file matches devops.yaml",
            "1:(--check) a generated file drifted from devops.yaml or is missing",
            "2:devops.yaml missing or invalid, a template error, or bad options",
        })
public final class RenderCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "The project directory holding devops.yaml (default: the current directory).")
    Path dir;

    @Option(names = "--check", description = "Write nothing; exit 1 with the diff when a generated file drifted from devops.yaml.")
    boolean check;

    @Option(names = "--dry-run", description = "Print the diff of every file that would change; write nothing.")
    boolean dryRun;

    @Option(names = "--force", description = "Overwrite existing files that differ from the render.")
    boolean force;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "A directory of templates; a file there replaces the built-in template of the same name.")
    Path templates;

    @Override
    public Integer call() {
        if (check && (dryRun || force)) {
            throw new UserError(null, "--check cannot be combined with " + (force ? "--force" : "--dry-run"),
                    "use --check alone in CI, --dry-run to preview, --force to overwrite");
        }
        if (!Files.isDirectory(dir)) {
            throw new UserError(SourceLocation.of(dir), "not a directory", "pass the project directory");
        }
        Path descriptorFile = dir.resolve(DescriptorLoader.FILE_NAME);
        if (!Files.exists(descriptorFile)) {
            throw new UserError(SourceLocation.of(descriptorFile), "no devops.yaml here",
                    "run devops init first (it detects the stack and writes devops.yaml)");
        }
        TemplateSource source = TemplateSource.withOverrides(templates);
        Descriptor d = DescriptorLoader.load(descriptorFile);
        if (check) {
            List<Scaffolder.Drift> drift = Scaffolder.drift(d, dir, source);
            PrintStream out = System.out;
            for (Scaffolder.Drift f : drift) {
                out.println((f.missing() ? "missing " : "drifted ") + f.relativePath());
                out.print(f.diff());
            }
            if (drift.isEmpty()) {
                out.println("up to date: every generated file matches devops.yaml");
                return ExitCode.OK;
            }
            out.println(drift.size() + (drift.size() == 1 ? " file differs" : " files differ")
                    + " from devops.yaml: run 'devops render' (with --force to overwrite edited files)");
            return ExitCode.FINDINGS;
        }
        return execute(Scaffolder.plan(d, dir, source), dir, dryRun, force);
    }

    /** Shared by init and render: print the dry run, or apply the plan and print what happened. */
    static int execute(Plan plan, Path dir, boolean dryRun, boolean force) {
        if (dryRun) {
            PlanPrinter.dryRun(plan, force, System.out);
            return ExitCode.OK;
        }
        PlanPrinter.applied(Scaffolder.apply(plan, dir, force), System.out);
        return ExitCode.OK;
    }
}
