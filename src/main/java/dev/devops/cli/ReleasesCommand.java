package dev.devops.cli;

import dev.devops.core.ExitCode;
import dev.devops.engine.EngineClient;
import dev.devops.engine.ServiceSpec;
import dev.devops.engine.StackSource;
import dev.devops.release.Artifact;
import dev.devops.release.ArtifactLabels;
import dev.devops.release.ArtifactStore;
import dev.devops.release.ImageNames;
import dev.devops.release.RegistryClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import picocli.CommandLine.Command;

/** {@code devops releases}: every version with its digests, check result and the environments it reached. */
@Command(name = "releases", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List every version with its digests, check result and the environments it reached.",
            "An environment marked * runs that version now.",
            "With a registry (--registry or DEVOPS_REGISTRY) its tags and image labels are read, so a fresh clone sees "
                + "what every CI runner pushed; without one, this machine's manifests in .devops/artifacts."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  listed", "  2  usage error", "  3  registry unavailable or failing"})
public final class ReleasesCommand extends ArtifactCommand {
    /** One version as listed. */
    record Release(String version, String commit, String created, String check, boolean promotable,
            Map<String, String> digests, List<String> environments, List<String> current) {
    }

    public ReleasesCommand() {
    }

    ReleasesCommand(Supplier<StackSource> source, Supplier<EngineClient> clients) {
        super(source, clients);
    }

    @Override
    int run() {
        boolean json = json();
        ArtifactProject project = project(List.of());
        boolean fromRegistry = (registry != null && !registry.isBlank()) || env.get(REGISTRY_VAR) != null;
        List<Release> releases = fromRegistry ? fromRegistry(project, registry(target(null))) : fromManifests(project);
        if (json) {
            System.out.println(ArtifactStore.toJson(releases));
            return ExitCode.OK;
        }
        if (releases.isEmpty()) {
            System.out.println("no releases yet" + (fromRegistry ? " in the registry" : " on this machine (devops build makes one)"));
            return ExitCode.OK;
        }
        System.out.println(String.format("%-20s %-13s %-8s %-30s %s", "VERSION", "COMMIT", "CHECK", "ENVIRONMENTS", "DIGESTS"));
        for (Release r : releases) {
            List<String> envs = new ArrayList<>();
            for (String e : r.environments()) {
                envs.add(r.current().contains(e) ? e + "*" : e);
            }
            List<String> ds = new ArrayList<>();
            r.digests().forEach((svc, d) -> ds.add(svc + "@" + ArtifactOutput.shortId(d)));
            System.out.println(String.format("%-20s %-13s %-8s %-30s %s", r.version() + (r.promotable() ? "" : " (dirty)"),
                    r.commit() == null ? "-" : r.commit().substring(0, Math.min(12, r.commit().length())),
                    r.check() == null ? "-" : r.check(), envs.isEmpty() ? "-" : String.join(",", envs), String.join(" ", ds)));
        }
        return ExitCode.OK;
    }

    private static List<Release> fromManifests(ArtifactProject project) {
        List<Release> out = new ArrayList<>();
        List<Artifact> all = new ArrayList<>(project.store.all());
        java.util.Collections.reverse(all);
        for (Artifact a : all) {
            Map<String, String> digests = new LinkedHashMap<>();
            a.images().forEach(i -> digests.put(i.service(), i.digest() != null ? i.digest() : i.imageId()));
            Set<String> envs = new LinkedHashSet<>();
            a.promotions().forEach(p -> envs.add(p.environment()));
            out.add(new Release(a.version(), a.commit(), a.commitDate(), a.check().status(), a.promotable(), digests,
                    List.copyOf(envs), List.of()));
        }
        return out;
    }

    private static List<Release> fromRegistry(ArtifactProject project, RegistryClient registry) {
        Map<String, Release> byVersion = new TreeMap<>();
        for (ServiceSpec s : project.apps) {
            String name = ImageNames.name(project.repository(s));
            Map<String, String> digestOf = new LinkedHashMap<>();
            for (String tag : registry.tags(name)) {
                registry.digest(name, tag).ifPresent(d -> digestOf.put(tag, d));
            }
            Map<String, Map<String, String>> labelsOf = new LinkedHashMap<>();
            for (String d : new LinkedHashSet<>(digestOf.values())) {
                labelsOf.put(d, registry.labels(name, d));
            }
            for (Map.Entry<String, String> t : digestOf.entrySet()) {
                Map<String, String> labels = labelsOf.get(t.getValue());
                String version = labels.get(ArtifactLabels.VERSION);
                if (!t.getKey().equals(version)) {
                    continue; // an environment tag: read below
                }
                Release old = byVersion.get(version);
                Map<String, String> digests = new LinkedHashMap<>(old == null ? Map.of() : old.digests());
                digests.put(s.name(), t.getValue());
                Set<String> envs = new LinkedHashSet<>(old == null ? List.of() : old.environments());
                Set<String> current = new LinkedHashSet<>(old == null ? List.of() : old.current());
                for (Map.Entry<String, String> o : digestOf.entrySet()) {
                    String tag = o.getKey();
                    if (tag.endsWith("-" + version) && o.getValue().equals(t.getValue())) {
                        String e = tag.substring(0, tag.length() - version.length() - 1);
                        envs.add(e);
                        if (t.getValue().equals(digestOf.get(e))) {
                            current.add(e);
                        }
                    }
                }
                byVersion.put(version, new Release(version, labels.get(ArtifactLabels.REVISION), labels.get(ArtifactLabels.CREATED),
                        labels.get(ArtifactLabels.CHECK), !"false".equals(labels.get(ArtifactLabels.PROMOTABLE)), digests,
                        List.copyOf(envs), List.copyOf(current)));
            }
        }
        List<String> order = environments(project.dir());
        Comparator<String> byOrder = Comparator.comparingInt(e -> order.contains(e) ? order.indexOf(e) : order.size());
        List<Release> out = new ArrayList<>();
        for (Release r : byVersion.values()) {
            List<String> envs = new ArrayList<>(r.environments());
            envs.sort(byOrder);
            List<String> current = new ArrayList<>(r.current());
            current.sort(byOrder);
            out.add(new Release(r.version(), r.commit(), r.created(), r.check(), r.promotable(), r.digests(), envs, current));
        }
        out.sort(Comparator.comparing((Release r) -> r.created() == null ? "" : r.created()).reversed()
                .thenComparing(Release::version));
        return out;
    }
}
