package dev.devops.cli;

import dev.devops.compose.DotEnv;
import dev.devops.core.SourceLocation;
import dev.devops.core.UserError;
import dev.devops.engine.ArtifactImages;
import dev.devops.engine.ComposeStackSource;
import dev.devops.engine.EngineClient;
import dev.devops.engine.EngineListener;
import dev.devops.engine.ServiceSpec;
import dev.devops.engine.StackSource;
import dev.devops.engine.StackSpec;
import dev.devops.release.ImageNames;
import dev.devops.release.RegistryClient;
import dev.devops.release.RegistryCredentials;
import dev.devops.release.RegistryTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code up --env ENV}: the stack with {@code .env.ENV} for interpolation and every app service's image
 * pinned by digest to what the registry's {@code NAME:ENV} tag points at (no build), so what runs is
 * exactly what was promoted.
 */
final class EnvironmentPin {
    private final String environment;
    private final RegistryTarget target;
    private final Map<String, String> env;
    private final List<String> pinned = new ArrayList<>();

    EnvironmentPin(String environment, String registry, Map<String, String> env) {
        if (!dev.devops.release.ArtifactVersion.isValid(environment)) {
            throw new UserError(null, "environment '" + environment + "' cannot be an image tag", "use letters, digits, '.', '_' and '-'");
        }
        String r = registry != null && !registry.isBlank() ? registry : env.get(ArtifactCommand.REGISTRY_VAR);
        if (r == null || r.isBlank()) {
            throw new UserError(null, "up --env needs the registry the environment's images were promoted in",
                    "pass --registry HOST[:PORT]/NAMESPACE or set " + ArtifactCommand.REGISTRY_VAR);
        }
        this.environment = environment;
        this.target = RegistryTarget.parse(r);
        this.env = env;
    }

    /** Loads the compose files with {@code .env.ENV} under the process environment, then pins the app images. */
    StackSpec load(StackSource.Request request) {
        Path dir = request.files().isEmpty() ? request.workingDir()
                : request.workingDir().resolve(request.files().get(0)).toAbsolutePath().normalize().getParent();
        Path envFile = dir.resolve(".env." + environment);
        Map<String, String> merged = new HashMap<>();
        if (Files.isRegularFile(envFile)) {
            DotEnv d = DotEnv.read(envFile, env::get);
            if (!d.problems().isEmpty()) {
                throw new UserError(SourceLocation.of(envFile), d.problems().get(0), "fix the line");
            }
            merged.putAll(d.values());
        }
        merged.putAll(env); // the process environment wins, as for compose's .env
        StackSpec stack = new ComposeStackSource(merged).load(request);
        RegistryClient registry = new RegistryClient(target, RegistryCredentials.resolve(target.host(), env));
        List<ServiceSpec> services = new ArrayList<>();
        for (ServiceSpec s : stack.services()) {
            if (s.build() == null) {
                services.add(s);
                continue;
            }
            String name = ImageNames.name(ImageNames.repository(s.imageRef(stack.project())));
            Optional<String> digest = registry.digest(name, environment);
            if (digest.isEmpty()) {
                throw new UserError(null, target.repository(name) + ":" + environment + " does not exist: nothing was promoted to "
                        + environment, "promote a version first (devops promote VERSION --to " + environment + ")");
            }
            String ref = target.repository(name) + "@" + digest.get();
            pinned.add(ref);
            services.add(s.toBuilder().image(ref).build(null).build());
        }
        return new StackSpec(stack.project(), stack.workingDir(), stack.configFiles(), services, stack.networks(), stack.volumes());
    }

    /** Pulls the pinned images that are not in the engine yet, with the registry's credentials. */
    void pull(EngineClient client) {
        ArtifactImages images = new ArtifactImages(client, EngineListener.NONE);
        Optional<RegistryCredentials> creds = RegistryCredentials.resolve(target.host(), env);
        for (String ref : pinned) {
            if (images.imageId(ref) == null) {
                System.err.println("devops: pulling " + ref);
                images.pull(ref, target.host(), creds.map(RegistryCredentials::user).orElse(null),
                        creds.map(RegistryCredentials::password).orElse(null));
            }
        }
    }
}
