package dev.devops.cli;

import dev.devops.core.ExitCode;
import dev.devops.core.UserError;
import dev.devops.engine.ArtifactImages;
import dev.devops.engine.EngineClient;
import dev.devops.engine.EngineException;
import dev.devops.engine.StackSource;
import dev.devops.release.Artifact;
import dev.devops.release.ArtifactVersion;
import dev.devops.release.ImageNames;
import dev.devops.release.RegistryClient;
import dev.devops.release.RegistryCredentials;
import dev.devops.release.RegistryTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code devops push}: the artifact's images to a registry, with their digests recorded. */
@Command(name = "push", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Push a built version's images to the registry and record their digests.",
            "Each image goes to HOST[:PORT]/NAMESPACE/NAME:VERSION. Credentials: DEVOPS_REGISTRY_USER / "
                + "DEVOPS_REGISTRY_PASSWORD, else ~/.docker/config.json (credHelpers, credsStore, auths: as docker login leaves it); never printed or recorded.",
            "A version already in the registry with another image is refused: once pushed, the registry is the source of truth."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  pushed (or already there with the same images)",
            "  1  refused: the registry or the local tag holds other images for this version, or a -dirty build",
            "  2  usage error, or no manifest for the version (run devops build)",
            "  3  Docker engine or registry unavailable, or the push failed"})
public final class PushCommand extends ArtifactCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "VERSION", description = "The version to push (default: HEAD's version).")
    String version;

    public PushCommand() {
    }

    PushCommand(Supplier<StackSource> source, Supplier<EngineClient> clients) {
        super(source, clients);
    }

    @Override
    int run() {
        boolean json = json();
        ArtifactProject project = project(List.of());
        String v = version != null ? version : ArtifactVersion.of(BuildCommand.revision(project.dir())).value();
        Artifact a = project.store.read(v).orElseThrow(() -> new UserError(null, "no artifact " + v + " in "
                + project.store.dir(), "run devops build first (on this machine; elsewhere, promote from the registry)"));
        if (a.dirty()) {
            return refuse("version " + v + " was built from a dirty work tree and stays on this machine: "
                    + "commit the change and build again");
        }
        RegistryTarget target = target(null);
        Optional<RegistryCredentials> creds = RegistryCredentials.resolve(target.host(), env);
        RegistryClient registry = new RegistryClient(target, creds);
        List<Artifact.Image> pushed = new ArrayList<>();
        EngineClient client = clients.get();
        try {
            ArtifactImages engine = new ArtifactImages(client, dev.devops.engine.EngineListener.NONE);
            for (Artifact.Image i : a.images()) {
                String name = ImageNames.name(i.repository());
                String repo = target.repository(name);
                String local = engine.imageId(i.ref(v));
                if (local == null || !local.equals(i.imageId())) {
                    return refuse(i.ref(v) + (local == null ? " is not in the engine" : " is now image " + ArtifactOutput.shortId(local))
                            + ", but artifact " + v + " recorded " + ArtifactOutput.shortId(i.imageId())
                            + ": the artifact cannot be pushed from here (load it with devops load, or build the commit again)");
                }
                Optional<String> there = registry.digest(name, v);
                if (there.isPresent()) {
                    String config = registry.configDigest(name, there.get());
                    if (!i.imageId().equals(config)) {
                        return refuse(repo + ":" + v + " already exists in the registry with another image ("
                                + there.get() + "): a version is pushed once; build a new commit or tag to release a change");
                    }
                    System.err.println("devops: " + repo + ":" + v + " already pushed (" + there.get() + ")");
                    pushed.add(i.pushed(repo, there.get()));
                    continue;
                }
                engine.tag(i.imageId(), repo, v);
                System.err.println("devops: pushing " + repo + ":" + v);
                String digest = engine.push(repo, v, target.host(), creds.map(RegistryCredentials::user).orElse(null),
                        creds.map(RegistryCredentials::password).orElse(null));
                String check = registry.digest(name, v).orElse(null);
                if (!digest.equals(check)) {
                    return refuse(repo + ":" + v + " resolves to " + check + " in the registry after pushing " + digest
                            + ": something else wrote the tag; push again and check who else pushes this version");
                }
                pushed.add(i.pushed(repo, digest));
            }
        } catch (EngineException e) {
            throw EngineCommands.failure(e);
        } finally {
            client.close();
        }
        Artifact updated = a.withImages(pushed);
        project.store.update(updated);
        ArtifactOutput.print(updated, json, project.store.file(v), System.out);
        return ExitCode.OK;
    }
}
