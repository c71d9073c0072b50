package dev.devops.cli;

import dev.devops.engine.ContainerStatus;
import dev.devops.engine.EngineClient;
import dev.devops.engine.LogOptions;
import dev.devops.engine.StackSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code devops logs}: the stack's container output, multiplexed with a prefix per container. */
@Command(name = "logs", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show the output of the stack's containers, each line prefixed with its container.")
public final class LogsCommand extends StackCommand {
    // not the StackOptions mixin: here -f means --follow, as in `docker compose logs -f`
    @Option(names = {"-p", "--project-name"}, paramLabel = "NAME", description = "Project name.")
    String projectName;

    @Option(names = "--file", paramLabel = "FILE", description = "Compose file(s), in order.")
    List<java.nio.file.Path> files = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "PROFILE", description = "Enable services of this profile.")
    List<String> profiles = new ArrayList<>();

    @Option(names = {"-f", "--follow"}, description = "Keep streaming new output.")
    boolean follow;

    @Option(names = {"-n", "--tail"}, paramLabel = "N", description = "Lines from the end of each log, or 'all' (default).")
    String tail = "all";

    @Option(names = {"-t", "--timestamps"}, description = "Show timestamps.")
    boolean timestamps;

    @Option(names = "--no-color", description = "No colour in prefixes.")
    boolean noColor;

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Only these services.")
    List<String> services = new ArrayList<>();

    public LogsCommand() {
    }

    public LogsCommand(Supplier<StackSource> source, Supplier<EngineClient> clients) {
        super(source, clients);
    }

    @Override
    public Integer call() {
        Integer n = null;
        if (!"all".equalsIgnoreCase(tail)) {
            try {
                n = Integer.parseInt(tail);
            } catch (NumberFormatException e) {
                throw new dev.devops.core.UserError(null, "--tail must be a number or 'all', not '" + tail + "'", null);
            }
        }
        LogOptions opts = new LogOptions(services, follow, n, timestamps);
        return onEngine(new StackSource.Request(projectName, files, java.nio.file.Path.of("").toAbsolutePath(), profiles, true),
                spec -> null, (engine, spec) -> {
                    List<String> names = engine.ps(spec.project()).stream()
                            .filter(c -> services.isEmpty() || services.contains(c.service()))
                            .map(ContainerStatus::name).toList();
                    engine.logs(spec, opts, new LogPrinter(System.out, spec.project(), names, Terminal.colour() && !noColor));
                    return 0;
                });
    }
}
