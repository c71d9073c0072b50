package dev.devops.cli;

import dev.devops.engine.ContainerStatus;
import dev.devops.engine.EngineClient;
import dev.devops.engine.Plan;
import dev.devops.engine.StackEngine;
import dev.devops.engine.StackSource;
import dev.devops.engine.StackSpec;
import dev.devops.engine.UpOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code devops up}: build, (re)create and start the stack; attached unless -d / --wait. */
@Command(name = "up", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Build, create and start the stack's containers, recreating only what changed. "
            + "Attached by default: logs of all services with a prefix each; Ctrl-C stops the stack."})
public final class UpCommand extends StackCommand {
    @Mixin
    StackOptions stack = new StackOptions();

    @Option(names = {"-d", "--detach"}, description = "Run in the background and return.")
    boolean detach;

    @Option(names = "--wait", description = "Return once every service is healthy (or, without a healthcheck, has kept running for 5 s); "
            + "fails with exit 3 and its last log lines when a container exits or restarts meanwhile; implies -d.")
    boolean waitHealthy;

    @Option(names = "--wait-timeout", paramLabel = "SECONDS", description = "Give up waiting after this many seconds.")
    Integer waitTimeout;

    @Option(names = "--no-health-probe", description = "Start a service_healthy dependant only once the engine "
            + "reports its dependency healthy. By default devops also runs the dependency's healthcheck test itself "
            + "(through exec, as the engine does) and starts the dependant on its first pass, instead of waiting a "
            + "whole interval for the engine's first check (intervals over 1 s; shorter ones are left to the engine).")
    boolean noHealthProbe;

    @Option(names = "--build", description = "Build images even when they exist.")
    boolean build;

    @Option(names = "--force-recreate", description = "Recreate containers even when nothing changed.")
    boolean forceRecreate;

    @Option(names = "--remove-orphans", description = "Remove containers of services that are no longer defined.")
    boolean removeOrphans;

    @Option(names = "--abort-on-container-exit", description = "Stop the stack when any container exits (attached mode).")
    boolean abortOnExit;

    @Option(names = "--exit-code-from", paramLabel = "SERVICE",
            description = "Return this service's exit code; implies --abort-on-container-exit.")
    String exitCodeFrom;

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services to start (with their dependencies).")
    List<String> services = new ArrayList<>();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    public UpCommand() {
    }

    public UpCommand(Supplier<StackSource> source, Supplier<EngineClient> clients) {
        super(source, clients);
    }

    @Override
    public Integer call() {
        if ((detach || waitHealthy) && (abortOnExit || exitCodeFrom != null)) {
            throw new dev.devops.core.UserError(null, "--abort-on-container-exit and --exit-code-from need attached mode",
                    "drop -d / --wait");
        }
        if (waitTimeout != null && waitTimeout <= 0) {
            throw new dev.devops.core.UserError(null, "--wait-timeout must be a number of seconds above 0", null);
        }
        boolean verbose = this.spec != null && DevopsCommand.isVerbose(this.spec.commandLine());
        UpOptions opts = new UpOptions(services, build, forceRecreate, removeOrphans, waitHealthy,
                waitTimeout == null ? null : Duration.ofSeconds(waitTimeout), !noHealthProbe);
        return onEngine(stack.request(), spec -> new ProgressRenderer(System.err, Consoles.live(), verbose), (engine, spec) -> {
            long t0 = System.nanoTime();
            Plan plan = engine.up(spec, opts);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (detach || waitHealthy) {
                System.err.println(plan.upToDate() ? "devops: " + spec.project() + " is up to date (" + ms + " ms)"
                        : "devops: " + spec.project() + " is up (" + ms + " ms)");
                return 0;
            }
            return attach(engine, spec);
        });
    }

    @Override
    void check(StackSpec spec) {
        requireServices(spec, "up", services);
        requireServices(spec, "--exit-code-from", exitCodeFrom == null ? List.of() : List.of(exitCodeFrom));
    }

    private int attach(StackEngine engine, StackSpec spec) {
        List<String> names = engine.ps(spec.project()).stream()
                .filter(c -> services.isEmpty() || services.contains(c.service()))
                .map(ContainerStatus::name).toList();
        LogPrinter printer = new LogPrinter(System.out, spec.project(), names, Terminal.colour());
        Thread stopper = new Thread(() -> {
            System.err.println("devops: stopping " + spec.project());
            engine.stop(spec);
        }, "devops-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            return engine.attach(spec, services, abortOnExit, exitCodeFrom, printer);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is stopping the stack; keep the client open until it is done
                try {
                    stopper.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
