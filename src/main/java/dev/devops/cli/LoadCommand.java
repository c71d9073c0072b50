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
import dev.devops.release.ImmutableArtifactException;
import dev.devops.release.TamperedArchiveException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code devops load}: an archive of devops save into the engine and this project's manifests, verified. */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Load an archive written by devops save, verified.",
            "The image archive's SHA-256 is checked first, then the loaded images' ids against the manifest; only "
                + "then is the version recorded in .devops/artifacts."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  loaded", "  1  refused: SHA-256 or image id mismatch, or the version exists here with other images",
            "  2  usage error or not an archive", "  3  Docker engine unavailable or failed"})
public final class LoadCommand extends ArtifactCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The archive (FILE.tar) written by devops save.")
    Path archive;

    public LoadCommand() {
    }

    LoadCommand(Supplier<StackSource> source, Supplier<EngineClient> clients) {
        super(source, clients);
    }

    @Override
    int run() {
        if (!Files.isRegularFile(archive)) {
            throw new UserError(SourceLocation.of(archive), "no such file", "give the archive devops save wrote");
        }
        ArtifactProject project = project(List.of());
        Path scratch = null;
        EngineClient client = null;
        try {
            scratch = Files.createTempFile("devops-load-", ".tar");
            ArtifactArchive.Opened opened;
            try {
                opened = ArtifactArchive.open(archive, scratch);
            } catch (TamperedArchiveException e) {
                return refuse(e.getMessage());
            }
            Artifact a = opened.artifact();
            client = clients.get();
            ArtifactImages engine = new ArtifactImages(client, EngineListener.NONE);
            try (InputStream in = new BufferedInputStream(Files.newInputStream(scratch))) {
                engine.load(in);
            }
            for (Artifact.Image i : a.images()) {
                String id = engine.imageId(i.ref(a.version()));
                if (id == null || !id.equals(i.imageId())) {
                    return refuse(archive + ": " + i.ref(a.version()) + " loaded as " + (id == null ? "nothing" : ArtifactOutput.shortId(id))
                            + " but the manifest records " + ArtifactOutput.shortId(i.imageId()) + ": not recorded");
                }
            }
            try {
                project.store.record(a);
            } catch (ImmutableArtifactException e) {
                return refuse(e.getMessage());
            }
            System.out.println("loaded " + a.app() + " " + a.version() + " (" + a.images().size() + " image"
                    + (a.images().size() == 1 ? "" : "s") + ", SHA-256 verified)");
            return ExitCode.OK;
        } catch (EngineException e) {
            throw EngineCommands.failure(e);
        } catch (IOException e) {
            throw new UserError(SourceLocation.of(archive), "cannot read: " + e.getMessage(), "check the file");
        } finally {
            if (client != null) {
                client.close();
            }
            if (scratch != null) {
                try {
                    Files.deleteIfExists(scratch);
                } catch (IOException ignored) {
                    // a temp file left in /tmp
                }
            }
        }
    }
}
