package dev.devops.cli;

import dev.devops.core.SourceLocation;
import dev.devops.core.UserError;
import dev.devops.descriptor.DescriptorLoader;
import dev.devops.engine.ServiceSpec;
import dev.devops.engine.StackSource;
import dev.devops.engine.StackSpec;
import dev.devops.release.ArtifactStore;
import dev.devops.release.Hashes;
import dev.devops.release.ImageNames;
import dev.devops.yaml.Suggest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What build, push, promote, releases, save and load share: the stack (the compose files, loaded the
 * way {@code up} loads them), its app services (those with a {@code build:}), their image repositories,
 * and the project's manifest store.
 */
final class ArtifactProject {
    final StackSpec stack;
    final List<ServiceSpec> apps;
    final ArtifactStore store;

    private ArtifactProject(StackSpec stack, List<ServiceSpec> apps) {
        this.stack = stack;
        this.apps = apps;
        this.store = new ArtifactStore(stack.workingDir());
    }

    /**
     * Loads the stack and selects the app services named (all when none are). Leniently: a CI runner
     * that builds or promotes has none of the runtime secrets a {@code ${VAR:?}} demands.
     */
    static ArtifactProject load(StackSource source, StackSource.Request request, List<String> services) {
        StackSpec stack = source.load(request.asLenient());
        List<ServiceSpec> all = stack.services().stream().filter(s -> s.build() != null).toList();
        if (all.isEmpty()) {
            throw new UserError(SourceLocation.of(stack.configFiles().isEmpty() ? stack.workingDir() : stack.configFiles().get(0)),
                    "no service has a build: section, so there is no app image to build",
                    "add build: to the app's service (devops render writes one from devops.yaml)");
        }
        List<ServiceSpec> chosen = new ArrayList<>();
        for (String name : services) {
            ServiceSpec s = all.stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
            if (s == null) {
                List<String> names = all.stream().map(ServiceSpec::name).toList();
                String near = Suggest.closest(name, names);
                throw new UserError(null, "'" + name + "' is not an app service with a build: section"
                        + (near != null ? " (did you mean '" + near + "'?)" : ""), "choose from: " + String.join(", ", names));
            }
            if (!chosen.contains(s)) {
                chosen.add(s);
            }
        }
        return new ArtifactProject(stack, chosen.isEmpty() ? all : chosen);
    }

    Path dir() {
        return stack.workingDir();
    }

    /** The local repository of a service's image: compose's image: without its tag, else {@code project-service}. */
    String repository(ServiceSpec s) {
        return ImageNames.repository(s.imageRef(stack.project()));
    }

    String composeSha256() {
        return Hashes.ofFiles(stack.configFiles());
    }

    List<String> composeFiles() {
        return stack.configFiles().stream().map(f -> relative(f)).toList();
    }

    /** SHA-256 of devops.yaml beside the compose file, or null without one. */
    String descriptorSha256() {
        Path d = dir().resolve(DescriptorLoader.FILE_NAME);
        return Files.isRegularFile(d) ? Hashes.ofFiles(List.of(d)) : null;
    }

    private String relative(Path f) {
        Path abs = f.toAbsolutePath().normalize();
        return abs.startsWith(dir()) ? dir().relativize(abs).toString().replace('\\', '/') : abs.toString();
    }
}
