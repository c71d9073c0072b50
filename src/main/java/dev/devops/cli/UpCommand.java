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
            + "whole interval for the engine's next check (for intervals of 1 s or less, once per interval, between the "
            + "engine's own checks).")
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

    @Option(names = "--env", paramLabel = "ENV", description = "Run what was promoted to ENV: .env.ENV for the variables, "
            + "and every app image pinned by digest to the registry's NAME:ENV (no build). Needs --registry or DEVOPS_REGISTRY.")
    String environment;

    @Option(names = "--registry", paramLabel = "HOST[:PORT]/NAMESPACE", description = "With --env: the registry the images were promoted in.")
    String registry;

    /** The process environment (credentials, DEVOPS_REGISTRY); tests replace it. */
    java.util.Map<String, String> env = System.getenv();

    private EnvironmentPin pin;

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
        if (registry != null && environment == null) {
            throw new dev.devops.core.UserError(null, "--registry is for --env", "add --env ENV, or drop --registry");
        }
        if (environment != null) {
            if (build) {
                throw new dev.devops.core.UserError(null, "--build and --env exclude each other: --env runs promoted images, never a build",
                        "drop --build");
            }
            pin = new EnvironmentPin(environment, registry, env);
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
    StackSpec load(StackSource source, StackSource.Request request) {
        return pin == null ? super.load(source, request) : pin.load(request);
    }

    @Override
    void prepare(EngineClient client, StackSpec spec) {
        if (pin != null) {
            pin.pull(client);
        }
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
