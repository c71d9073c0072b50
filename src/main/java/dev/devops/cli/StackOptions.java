package dev.devops.cli;

import dev.devops.engine.StackSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every stack command shares: which compose files and which project. */
public final class StackOptions {
    @Option(names = {"-p", "--project-name"}, paramLabel = "NAME",
            description = "Project name (default: COMPOSE_PROJECT_NAME, the file's name:, or the folder name).")
    String projectName;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Compose file(s), in order (default: compose.yaml / docker-compose.yml).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "PROFILE", description = "Enable services of this profile.")
    List<String> profiles = new ArrayList<>();

    StackSource.Request request() {
        return new StackSource.Request(projectName, files, Path.of("").toAbsolutePath(), profiles);
    }
}
