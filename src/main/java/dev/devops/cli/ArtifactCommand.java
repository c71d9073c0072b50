package dev.devops.cli;

import dev.devops.core.ExitCode;
import dev.devops.core.UserError;
import dev.devops.descriptor.Descriptor;
import dev.devops.descriptor.DescriptorLoader;
import dev.devops.engine.EngineClient;
import dev.devops.engine.StackSource;
import dev.devops.release.Artifact;
import dev.devops.release.ImageNames;
import dev.devops.release.RegistryClient;
import dev.devops.release.RegistryCredentials;
import dev.devops.release.RegistryException;
import dev.devops.release.RegistryTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What push, promote and releases share: the stack, the registry (and its credentials), the output format. */
abstract class ArtifactCommand implements Callable<Integer> {
    static final String REGISTRY_VAR = "DEVOPS_REGISTRY";

    @Mixin
    StackOptions stackOptions = new StackOptions();

    @Option(names = "--registry", paramLabel = "HOST[:PORT]/NAMESPACE",
            description = "The registry and namespace (default: DEVOPS_REGISTRY, else where the manifest says the version was pushed).")
    String registry;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json on standard output (default: text).")
    String format = "text";

    final Supplier<StackSource> source;
    final Supplier<EngineClient> clients;
    /** The process environment (credentials, DEVOPS_REGISTRY); tests replace it. */
    Map<String, String> env = System.getenv();

    ArtifactCommand() {
        this(EngineCommands.installedSource(), EngineCommands.environmentClient());
    }

    ArtifactCommand(Supplier<StackSource> source, Supplier<EngineClient> clients) {
        this.source = source;
        this.clients = clients;
    }

    @Override
    public final Integer call() {
        try {
            return run();
        } catch (RegistryException e) {
            // the registry down or failing is an operation that failed outside devops: exit 3, like the engine
            throw new EngineFailure(e.getMessage(), e);
        }
    }

    abstract int run();

    ArtifactProject project(List<String> services) {
        return ArtifactProject.load(source.get(), stackOptions.request(), services);
    }

    /** --registry, else DEVOPS_REGISTRY, else the registry {@code pushed} was pushed to (may be null). */
    RegistryTarget target(Artifact pushed) {
        String r = registry;
        if (r == null || r.isBlank()) {
            r = env.get(REGISTRY_VAR);
        }
        if ((r == null || r.isBlank()) && pushed != null) {
            for (Artifact.Image i : pushed.images()) {
                if (i.registryRepository() != null) {
                    String repo = i.registryRepository();
                    r = repo.substring(0, repo.length() - ImageNames.name(repo).length() - 1);
                    break;
                }
            }
        }
        if (r == null || r.isBlank()) {
            throw new UserError(null, "no registry given", "pass --registry HOST[:PORT]/NAMESPACE or set " + REGISTRY_VAR);
        }
        return RegistryTarget.parse(r);
    }

    RegistryClient registry(RegistryTarget t) {
        return new RegistryClient(t, RegistryCredentials.resolve(t.host(), env));
    }

    boolean json() {
        return ArtifactOutput.json(format);
    }

    /** The project's environments in promotion order (devops.yaml's environments), empty without a descriptor. */
    static List<String> environments(Path dir) {
        Path f = dir.resolve(DescriptorLoader.FILE_NAME);
        if (!Files.isRegularFile(f)) {
            return List.of();
        }
        Descriptor d = DescriptorLoader.load(f);
        return List.copyOf(d.environments().keySet());
    }

    /** A refusal that protects the artifact (exit 1): one line on stderr, nothing changed. */
    static int refuse(String message) {
        System.err.println(Terminal.error("devops: " + message));
        return ExitCode.FINDINGS;
    }
}
