package dev.devops.cli;

import dev.devops.core.ExitCode;
import dev.devops.core.SourceLocation;
import dev.devops.core.UserError;
import dev.devops.engine.ArtifactImages;
import dev.devops.engine.BuildContext;
import dev.devops.engine.EngineClient;
import dev.devops.engine.EngineException;
import dev.devops.engine.ServiceSpec;
import dev.devops.engine.StackSource;
import dev.devops.git.GitException;
import dev.devops.git.GitRepository;
import dev.devops.git.Revision;
import dev.devops.lint.Severity;
import dev.devops.report.Format;
import dev.devops.release.Artifact;
import dev.devops.release.ArtifactLabels;
import dev.devops.release.ArtifactVersion;
import dev.devops.release.CheckResult;
import dev.devops.release.ImmutableArtifactException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code devops build}: the versioned, labelled, validated app images of the stack and their manifest. */
@Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Build the app images (services with build:) as one immutable, versioned artifact.",
            "The version comes from git: HEAD's exact tag (v1.4.2 -> 1.4.2), else the short commit id; a dirty work "
                + "tree is refused unless --allow-dirty.",
            "Every image is tagged REPOSITORY:VERSION and labelled (org.opencontainers.image.revision, source, version, "
                + "created, title; dev.devops.descriptor.sha256, check, promotable).",
            "The lint (every family, including render drift) runs first: findings at or above --fail-on produce no artifact.",
            "The manifest is written to .devops/artifacts/VERSION.json; an existing version is never rebuilt with "
                + "other images (exit 1). See docs/ARTIFACTS.md."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  built (or already built with the same images)",
            "  1  the check failed, or the version exists with other images",
            "  2  usage or input error, not a git repository, or a dirty work tree without --allow-dirty",
            "  3  Docker engine unavailable or the build failed"})
public final class BuildCommand implements Callable<Integer> {
    @Mixin
    StackOptions stackOptions = new StackOptions();

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "App services to build (default: every service with build:).")
    List<String> services = new ArrayList<>();

    @Option(names = "--allow-dirty", description = "Build from a work tree with uncommitted changes: the version ends in -dirty and the artifact cannot be promoted.")
    boolean allowDirty;

    @Option(names = "--no-check", description = "Skip the lint gate (recorded in the manifest and the images' dev.devops.check label).")
    boolean noCheck;

    @Option(names = "--fail-on", paramLabel = "LEVEL", description = "No artifact when the gate finds anything at or above info, warning or error (default: error).")
    String failOn = "error";

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (the manifest) on standard output (default: text).")
    String format = "text";

    @Option(names = "--build-network", paramLabel = "NETWORK", description = "Network for RUN steps (default: the engine's; 'none' for offline builds).")
    String network;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final Supplier<StackSource> source;
    private final Supplier<EngineClient> clients;

    public BuildCommand() {
        this(EngineCommands.installedSource(), EngineCommands.environmentClient());
    }

    BuildCommand(Supplier<StackSource> source, Supplier<EngineClient> clients) {
        this.source = source;
        this.clients = clients;
    }

    @Override
    public Integer call() throws IOException {
        boolean json = ArtifactOutput.json(format);
        Severity threshold = Severity.parse(failOn);
        if (threshold == null) {
            throw new UserError(null, "unknown --fail-on '" + failOn + "'", "use info, warning or error");
        }
        ArtifactProject project = ArtifactProject.load(source.get(), stackOptions.request(), services);
        Revision rev = revision(project.dir());
        ArtifactVersion version = ArtifactVersion.of(rev);
        if (version.dirty() && !allowDirty) {
            List<String> changed = ArtifactVersion.changes(rev);
            throw new UserError(SourceLocation.of(project.dir()), "the work tree has uncommitted changes ("
                    + String.join(", ", changed.subList(0, Math.min(3, changed.size())))
                    + (changed.size() > 3 ? " and " + (changed.size() - 3) + " more" : "")
                    + "): an artifact is built from a commit", "commit or stash them, or pass --allow-dirty "
                    + "(the version then ends in -dirty and cannot be promoted)");
        }
        CheckResult check;
        if (noCheck) {
            check = CheckResult.skipped();
            System.err.println(Terminal.warn("devops: --no-check: the gate was skipped (recorded in the manifest)"));
        } else {
            BuildGate.Outcome gate = BuildGate.run(project.dir(), threshold);
            check = gate.result();
            if (!check.passed()) {
                Writer w = new OutputStreamWriter(System.err, StandardCharsets.UTF_8);
                Format.TEXT.writer(Terminal.colour(), BuildInfo.version()).write(gate.report(), w);
                w.flush();
                System.err.println(Terminal.error("devops: the check found " + check.errors() + " error(s), "
                        + check.warnings() + " warning(s) at or above --fail-on " + threshold.id()
                        + ": no artifact was built; fix them, or pass --no-check (recorded)"));
                return ExitCode.FINDINGS;
            }
        }
        Artifact draft = new Artifact(Artifact.SCHEMA, project.stack.project(), version.value(), rev.commit(),
                rev.commitDate(), version.dirty(), !version.dirty(), rev.remoteUrl(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), check, project.composeFiles(),
                project.composeSha256(), project.descriptorSha256(), List.of(), List.of());
        List<Artifact.Image> images = new ArrayList<>();
        EngineClient client = clients.get();
        client.warmUp();
        try {
            ArtifactImages engine = new ArtifactImages(client, new ProgressRenderer(System.err, Consoles.live(), verbose()));
            for (ServiceSpec s : project.apps) {
                String repo = project.repository(s);
                long mtime = java.time.OffsetDateTime.parse(rev.commitDate()).toEpochSecond();
                String contextDigest = contextDigest(project.dir(), s, mtime);
                String id = engine.build(s.name(), s.build(), project.dir(), repo + ":" + version.value(),
                        ArtifactLabels.of(draft, s.name()), network, mtime);
                images.add(new Artifact.Image(s.name(), repo, id, contextDigest, null, null));
            }
        } catch (EngineException e) {
            throw EngineCommands.failure(e);
        } finally {
            client.close();
        }
        Artifact recorded;
        try {
            recorded = project.store.record(draft.withImages(images));
        } catch (ImmutableArtifactException e) {
            System.err.println(Terminal.error("devops: " + project.store.file(version.value()) + ": " + e.getMessage()));
            return ExitCode.FINDINGS;
        }
        ArtifactOutput.print(recorded, json, project.store.file(version.value()), System.out);
        return ExitCode.OK;
    }

    private static String contextDigest(Path dir, ServiceSpec s, long mtime) {
        Path context = dir.resolve(s.build().context()).normalize();
        try {
            return BuildContext.digest(context, s.build().dockerfile(), mtime);
        } catch (IOException e) {
            throw new UserError(SourceLocation.of(context), "cannot read the build context: " + e.getMessage(),
                    "check the directory's permissions");
        }
    }

    static Revision revision(Path dir) {
        GitRepository repo = GitRepository.open(dir);
        if (repo == null) {
            throw new UserError(SourceLocation.of(dir), "not a git repository: an artifact's version is its commit",
                    "run git init and commit the project first");
        }
        try {
            return Revision.of(repo);
        } catch (GitException e) {
            throw new UserError(SourceLocation.of(dir), e.getMessage(), "fix the repository and retry");
        }
    }

    private boolean verbose() {
        return spec != null && DevopsCommand.isVerbose(spec.commandLine());
    }
}
