package dev.devops.cli;

import dev.devops.core.ExitCode;
import dev.devops.core.UserError;
import dev.devops.engine.EngineClient;
import dev.devops.engine.ServiceSpec;
import dev.devops.engine.StackSource;
import dev.devops.release.Artifact;
import dev.devops.release.ArtifactLabels;
import dev.devops.release.ArtifactStore;
import dev.devops.release.ArtifactVersion;
import dev.devops.release.RegistryClient;
import dev.devops.release.RegistryTarget;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code devops promote}: the same images (by digest) under an environment's tags, in the registry. */
@Command(name = "promote", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Promote a pushed version to an environment by digest, without rebuilding.",
            "NAME:ENV and NAME:ENV-VERSION are set to the version's manifest digest in the registry (no pull, no "
                + "build, no push of layers) and checked to resolve to it.",
            "Promotion follows devops.yaml's environments in order (development, staging, production): a version that "
                + "never reached the environment before ENV is refused unless --force.",
            "Rolling back is promoting the previous version again. Works on a fresh clone: the registry's tags and "
                + "labels are the record."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  promoted",
            "  1  refused: digest mismatch, not promotable (-dirty), or out of order without --force",
            "  2  usage error, unknown environment, or the version is not in the registry",
            "  3  registry unavailable or failing"})
public final class PromoteCommand extends ArtifactCommand {
    @Parameters(index = "0", paramLabel = "VERSION", description = "The version to promote, as devops build printed it.")
    String version;

    @Option(names = "--to", required = true, paramLabel = "ENV", description = "The environment.")
    String environment;

    @Option(names = "--force", description = "Promote even if the version never reached the previous environment.")
    boolean force;

    public PromoteCommand() {
    }

    PromoteCommand(Supplier<StackSource> source, Supplier<EngineClient> clients) {
        super(source, clients);
    }

    @Override
    int run() {
        boolean json = json();
        if (!ArtifactVersion.isValid(version)) {
            throw new UserError(null, "'" + version + "' is not a version", "give it as devops build or devops releases printed it");
        }
        if (!ArtifactVersion.isValid(environment) || environment.length() + version.length() + 1 > 128) {
            throw new UserError(null, "environment '" + environment + "' cannot be part of an image tag",
                    "use letters, digits, '.', '_' and '-'");
        }
        ArtifactProject project = project(List.of());
        List<String> order = environments(project.dir());
        if (!order.isEmpty() && !order.contains(environment)) {
            throw new UserError(null, "'" + environment + "' is not an environment of devops.yaml",
                    "choose from: " + String.join(", ", order) + " (or add it under environments:)");
        }
        String previous = order.indexOf(environment) > 0 ? order.get(order.indexOf(environment) - 1) : null;
        ArtifactStore store = project.store;
        Optional<Artifact> local = store.read(version);
        RegistryTarget target = target(local.orElse(null));
        RegistryClient registry = registry(target);
        Map<String, String> digests = new LinkedHashMap<>();
        for (ServiceSpec s : project.apps) {
            String name = dev.devops.release.ImageNames.name(project.repository(s));
            String repo = target.repository(name);
            String digest = registry.digest(name, version).orElseThrow(() -> new UserError(null,
                    repo + ":" + version + " is not in the registry", "push it first (devops push " + version + ")"));
            if (local.isPresent()) {
                Optional<Artifact.Image> img = local.get().image(s.name());
                if (img.isPresent() && img.get().digest() != null && !img.get().digest().equals(digest)) {
                    return refuse(repo + ":" + version + " is " + digest + " in the registry but artifact " + version
                            + " was pushed as " + img.get().digest() + ": the tag was overwritten; nothing promoted");
                }
            }
            Map<String, String> labels = registry.labels(name, digest);
            if (!version.equals(labels.get(ArtifactLabels.VERSION))) {
                return refuse(repo + ":" + version + " carries version label '" + labels.get(ArtifactLabels.VERSION)
                        + "': it is not an artifact of devops build " + version + "; nothing promoted");
            }
            if ("false".equals(labels.get(ArtifactLabels.PROMOTABLE))) {
                return refuse(repo + ":" + version + " is not promotable (built from a dirty work tree)");
            }
            if (previous != null) {
                Optional<String> before = registry.digest(name, previous + "-" + version);
                if (before.isEmpty() || !before.get().equals(digest)) {
                    if (!force) {
                        return refuse(version + " never reached " + previous + " (no " + repo + ":" + previous + "-" + version
                                + "): promote it to " + previous + " first, or pass --force");
                    }
                    System.err.println(Terminal.warn("devops: --force: " + version + " never reached " + previous));
                }
            }
            digests.put(s.name(), digest);
        }
        List<Map<String, String>> result = new ArrayList<>();
        for (ServiceSpec s : project.apps) {
            String name = dev.devops.release.ImageNames.name(project.repository(s));
            String digest = digests.get(s.name());
            RegistryClient.Manifest m = registry.manifest(name, digest).orElseThrow();
            for (String tag : List.of(environment + "-" + version, environment)) {
                registry.putManifest(name, tag, m);
                String now = registry.digest(name, tag).orElse(null);
                if (!digest.equals(now)) {
                    return refuse(target.repository(name) + ":" + tag + " resolves to " + now + " after tagging " + digest
                            + ": the registry rewrote the manifest; promote again");
                }
            }
            Map<String, String> row = new LinkedHashMap<>();
            row.put("service", s.name());
            row.put("repository", target.repository(name));
            row.put("digest", digest);
            result.add(row);
        }
        if (local.isPresent()) {
            store.update(local.get().withPromotion(new Artifact.Promotion(environment,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), target.toString())));
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("version", version);
            out.put("environment", environment);
            out.put("forced", force);
            out.put("images", result);
            System.out.println(ArtifactStore.toJson(out));
        } else {
            System.out.println(version + " promoted to " + environment);
            for (Map<String, String> row : result) {
                System.out.println(String.format("  %-16s %s:%s  %s", row.get("service"), row.get("repository"), environment,
                        row.get("digest")));
            }
        }
        return ExitCode.OK;
    }
}
