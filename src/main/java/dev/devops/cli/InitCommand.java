package dev.devops.cli;

import dev.devops.core.SourceLocation;
import dev.devops.core.UserError;
import dev.devops.descriptor.Descriptor;
import dev.devops.descriptor.DescriptorLoader;
import dev.devops.detect.Detection;
import dev.devops.detect.Detector;
import dev.devops.detect.Overrides;
import dev.devops.scaffold.Plan;
import dev.devops.scaffold.Scaffolder;
import dev.devops.scaffold.TemplateSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** devops init: detect (or load devops.yaml), then render the container files. */
@Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Detect the stack of DIR, write devops.yaml, and render Dockerfile, .dockerignore, "
                + "docker-compose.yml and .env.example from it (and make .gitignore ignore .env files).",
            "",
            "When DIR/devops.yaml exists it is used as is and nothing is detected; the detection "
                + "flags (--stack, --runtime-version, --service, --port, --name) are then refused: edit "
                + "devops.yaml instead, or delete it to detect again. "
                + "Existing files that differ from the render are never overwritten without --force.",
        })
public final class InitCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "The project directory (default: the current directory).")
    Path dir;

    @Option(names = "--stack", paramLabel = "LANG", description = "Use this stack instead of detecting it: node, java, python or go.")
    String stack;

    @Option(names = "--runtime-version", paramLabel = "VERSION",
            description = "Pin the runtime (base image) version, e.g. 20, 17, 3.12, 1.22.")
    String runtimeVersion;

    @Option(names = "--service", paramLabel = "TYPE[:VERSION]",
            description = "A backing service, e.g. postgres:16 or redis (repeatable); replaces the detected services.")
    List<String> services = new ArrayList<>();

    @Option(names = "--port", paramLabel = "PORT", description = "The port the app listens on.")
    Integer port;

    @Option(names = "--name", paramLabel = "NAME", description = "The project name (default: from the directory name).")
    String name;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "A directory of templates; a file there replaces the built-in template of the same name.")
    Path templates;

    @Option(names = "--dry-run", description = "Print the diff of every file that would change; write nothing.")
    boolean dryRun;

    @Option(names = "--force", description = "Overwrite existing files that differ from the render.")
    boolean force;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            throw new UserError(SourceLocation.of(dir), "not a directory", "pass the project directory to initialise");
        }
        TemplateSource source = TemplateSource.withOverrides(templates);
        Path descriptorFile = dir.resolve(DescriptorLoader.FILE_NAME);
        boolean exists = Files.exists(descriptorFile);
        Descriptor d;
        if (exists) {
            List<String> flags = detectionFlags();
            if (!flags.isEmpty()) {
                throw new UserError(SourceLocation.of(descriptorFile),
                        "devops.yaml already exists, so " + String.join(", ", flags) + " would be ignored",
                        "edit devops.yaml instead (then run 'devops render'), or delete it to detect again");
            }
            d = DescriptorLoader.load(descriptorFile);
            System.err.println("using " + descriptorFile + " (delete it to detect again)");
        } else {
            Detection det = Detector.detect(dir, new Overrides(stack, runtimeVersion, services, port, name));
            for (String line : det.evidence()) {
                System.err.println(line.startsWith("warning: ") ? Terminal.warn(line) : "detected: " + line);
            }
            d = det.descriptor();
        }
        for (String warning : Scaffolder.missingBuildInputs(d, dir)) {
            System.err.println(Terminal.warn("warning: " + warning));
        }
        Plan plan = Scaffolder.planInit(d, dir, source, !exists);
        return RenderCommand.execute(plan, dir, dryRun, force);
    }

    private List<String> detectionFlags() {
        List<String> flags = new ArrayList<>();
        if (stack != null) {
            flags.add("--stack");
        }
        if (runtimeVersion != null) {
            flags.add("--runtime-version");
        }
        if (!services.isEmpty()) {
            flags.add("--service");
        }
        if (port != null) {
            flags.add("--port");
        }
        if (name != null) {
            flags.add("--name");
        }
        return flags;
    }
}
