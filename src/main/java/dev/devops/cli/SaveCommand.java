package dev.devops.cli;

import dev.devops.core.ExitCode;
import dev.devops.core.SourceLocation;
import dev.devops.core.UserError;
import dev.devops.engine.ArtifactImages;
import dev.devops.engine.EngineClient;
import dev.devops.engine.EngineException;
import dev.devops.engine.EngineListener;
import dev.devops.engine.StackSource;
import dev.devops.release.Artifact;
import dev.devops.release.ArtifactArchive;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code devops save}: a built version as one file for an air-gapped move. */
@Command(name = "save", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a built version to one archive for an air-gapped move.",
            "The tar holds the manifest, the images (docker save) and their SHA-256; devops load verifies both "
                + "before recording the version."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  saved", "  1  refused: the local images are not the version's any more",
            "  2  usage error or no such version", "  3  Docker engine unavailable or failed"})
public final class SaveCommand extends ArtifactCommand {
    @Parameters(index = "0", paramLabel = "VERSION", description = "The version, as devops build printed it.")
    String version;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The archive to write (FILE.tar).")
    Path output;

    public SaveCommand() {
    }

    SaveCommand(Supplier<StackSource> source, Supplier<EngineClient> clients) {
        super(source, clients);
    }

    @Override
    int run() {
        ArtifactProject project = project(List.of());
        Artifact a = project.store.read(version).orElseThrow(() -> new UserError(null, "no artifact " + version + " in "
                + project.store.dir(), "run devops build first, or list versions with devops releases"));
        Path abs = output.toAbsolutePath();
        if (abs.getParent() == null || !Files.isDirectory(abs.getParent())) {
            throw new UserError(SourceLocation.of(output), "the directory does not exist", "create it or choose another path");
        }
        EngineClient client = clients.get();
        Path images = null;
        try {
            ArtifactImages engine = new ArtifactImages(client, EngineListener.NONE);
            for (Artifact.Image i : a.images()) {
                String id = engine.imageId(i.ref(version));
                if (id == null || !id.equals(i.imageId())) {
                    return refuse(i.ref(version) + (id == null ? " is not in the engine" : " is now another image (" + ArtifactOutput.shortId(id) + ")")
                            + ": artifact " + version + " cannot be saved from here");
                }
            }
            images = Files.createTempFile(abs.getParent(), ".devops-images-", ".tar");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(images))) {
                engine.save(a.images().stream().map(i -> i.ref(version)).toList(), out);
            }
            String sha = ArtifactArchive.write(abs, a, images);
            System.out.println("saved " + a.app() + " " + version + " to " + output + " (images " + sha + ")");
            return ExitCode.OK;
        } catch (EngineException e) {
            throw EngineCommands.failure(e);
        } catch (IOException e) {
            throw new UserError(SourceLocation.of(output), "cannot write: " + e.getMessage(), "check the directory and free space");
        } finally {
            client.close();
            if (images != null) {
                try {
                    Files.deleteIfExists(images);
                } catch (IOException ignored) {
                    // a temp file left beside the archive
                }
            }
        }
    }
}
