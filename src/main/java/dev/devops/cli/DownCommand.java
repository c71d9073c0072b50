package dev.devops.cli;

import dev.devops.engine.DownOptions;
import dev.devops.engine.EngineClient;
import dev.devops.engine.StackSource;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code devops down}: stop and remove the stack's containers and networks (orphans included). */
@Command(name = "down", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Stop and remove the stack's containers (orphans too) and networks.")
public final class DownCommand extends StackCommand {
    @Mixin
    StackOptions stack = new StackOptions();

    // compose spells it -v too, but -v is the inherited --verbose of the root command
    @Option(names = {"-v", "--volumes"}, description = "Also remove named volumes and anonymous volumes.")
    boolean volumes;

    @Option(names = "--rmi", paramLabel = "local|all", description = "Remove images: local (built without a custom tag) or all.")
    String rmi;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Stop timeout, overriding each service's.")
    Integer timeout;

    @Option(names = "--remove-orphans", description = "Accepted for compose compatibility: orphans are always removed.")
    boolean removeOrphans;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    public DownCommand() {
    }

    public DownCommand(Supplier<StackSource> source, Supplier<EngineClient> clients) {
        super(source, clients);
    }

    @Override
    public Integer call() {
        DownOptions opts = new DownOptions(volumes, rmi, timeout);
        boolean verbose = this.spec != null && DevopsCommand.isVerbose(this.spec.commandLine());
        return onEngine(stack.request().asLenient(), spec -> new ProgressRenderer(System.err, Consoles.live(), verbose),
                (engine, spec) -> {
                    engine.down(spec, opts);
                    return 0;
                });
    }
}
