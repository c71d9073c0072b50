package dev.devops.lint.env;

import dev.devops.detect.RuntimeVersions;
import dev.devops.detect.RuntimeVersions.Stated;
import dev.devops.files.FileKinds;
import dev.devops.lint.LintContext;
import dev.devops.scaffold.Scaffolder;
import dev.devops.scaffold.TemplateSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a drift rule sees: the runtime versions the project's version files state, by directory
 * ({@link RuntimeVersions}), the Dockerfiles and GitHub workflows of the repository, and what devops.yaml would
 * render differently today ({@link Scaffolder#drift}); and the queries the rules share. A Dockerfile or workflow is
 * compared with the version files of its own directory or the nearest ancestor that has some for that language.
 */
final class DriftScope {
    private final LintContext context;
    private final Path root;
    private final Map<String, List<Stated>> byDir = new TreeMap<>();
    private final List<String> dockerfiles = new ArrayList<>();
    private final List<String> workflows = new ArrayList<>();
    /** Directories with a Node lock file of their own: each is installed on its own, a project apart from its ancestors. */
    private final java.util.Set<String> nodeProjects = new java.util.HashSet<>();
    private List<Scaffolder.Drift> drifts;

    DriftScope(LintContext context) {
        this.context = context;
        this.root = context.root().toAbsolutePath().normalize();
    }

    /** Takes note of one repository file (DriftCheck calls it for each). */
    void collect(String f) {
        if (RuntimeVersions.isVersionFile(f)) {
            String text = text(f);
            if (text != null) {
                byDir.computeIfAbsent(FileKinds.dir(f), k -> new ArrayList<>()).addAll(RuntimeVersions.read(f, text));
            }
        } else if (FileKinds.isDockerfile(f)) {
            dockerfiles.add(f);
        } else if (NODE_LOCKS.contains(f.substring(f.lastIndexOf('/') + 1))) {
            nodeProjects.add(FileKinds.dir(f));
        } else if (f.startsWith(".github/workflows/") && (f.endsWith(".yml") || f.endsWith(".yaml"))) {
            workflows.add(f);
        }
    }

    LintContext context() {
        return context;
    }

    /** The repository root, absolute. */
    Path root() {
        return root;
    }

    /** Directory → the version statements of its version files. */
    Map<String, List<Stated>> statements() {
        return byDir;
    }

    /** Calls {@code f} with the path and text of each Dockerfile of the repository. */
    void eachDockerfile(java.util.function.BiConsumer<String, String> f) {
        eachText(dockerfiles, f);
    }

    /** Calls {@code f} with the path and text of each GitHub Actions workflow of the repository. */
    void eachWorkflow(java.util.function.BiConsumer<String, String> f) {
        eachText(workflows, f);
    }

    private void eachText(List<String> files, java.util.function.BiConsumer<String, String> f) {
        for (String file : files) {
            String text = text(file);
            if (text != null) {
                f.accept(file, text);
            }
        }
    }

    /**
     * The files devops.yaml renders that differ from (or are missing in) the repository; empty without a devops.yaml
     * or when it does not render (devops render / validate report that).
     */
    List<Scaffolder.Drift> drifts() {
        if (drifts == null) {
            drifts = List.of();
            if (context.descriptor() != null) {
                try {
                    drifts = Scaffolder.drift(context.descriptor(), root, TemplateSource.builtIn());
                } catch (dev.devops.core.UserError e) {
                    // a descriptor that does not render is reported by devops render / validate
                }
            }
        }
        return drifts;
    }

    /** Rendered files that are not drift: .gitignore without .env is an ENV concern; devops.yaml is the source. */
    static boolean notDrift(String path) {
        return path.endsWith(".gitignore") || path.equals("devops.yaml");
    }

    /**
     * The {@code language} versions the repository's Dockerfiles build or run on (the base image of each stage that
     * starts from an image, ARG defaults resolved): "java" → [25] for {@code FROM eclipse-temurin:25-jre}. Read once
     * per language, however many workflows ask.
     */
    List<String> imageVersions(String language) {
        return imageVersions.computeIfAbsent(language, this::readImageVersions);
    }

    private final Map<String, List<String>> imageVersions = new java.util.HashMap<>();

    private List<String> readImageVersions(String language) {
        List<String> out = new ArrayList<>();
        eachDockerfile((f, text) -> {
            for (dev.devops.lint.dockerfile.Stage st : dev.devops.lint.dockerfile.DockerfileParser.parse(f, text).stages()) {
                if (!st.resolved() || st.parentStage() >= 0 || st.image() == null) {
                    continue;
                }
                String[] lv = RuntimeVersions.ofImage(st.image());
                if (lv != null && lv[1] != null && lv[0].equals(language) && !out.contains(lv[1])) {
                    out.add(lv[1]);
                }
            }
        });
        return out;
    }

    /** The lock files npm, Yarn, pnpm and Bun write beside the package.json they install. */
    private static final java.util.Set<String> NODE_LOCKS = java.util.Set.of("package-lock.json", "npm-shrinkwrap.json",
            "yarn.lock", "pnpm-lock.yaml", "bun.lock", "bun.lockb");

    /**
     * The statements for {@code language} of {@code dir} or its nearest ancestor that has some. For node the walk
     * stops at a directory with its own lock file: a package installed on its own (an admin UI with its own
     * package-lock.json inside a monorepo) is not governed by the engines of the repository's root package.json.
     */
    List<Stated> stated(String dir, String language) {
        String d = dir;
        while (true) {
            List<Stated> here = byDir.getOrDefault(d, List.of()).stream().filter(s -> s.language().equals(language)).toList();
            if (!here.isEmpty()) {
                return here;
            }
            if (d.isEmpty() || language.equals("node") && nodeProjects.contains(d)) {
                return List.of();
            }
            d = FileKinds.dir(d);
        }
    }

    /**
     * The statements a repository-wide file (a CI workflow) is compared with: the root's, else those of
     * the only directory that states a version of {@code language}.
     */
    List<Stated> projectWide(String language) {
        List<Stated> root = stated("", language);
        if (!root.isEmpty()) {
            return root;
        }
        List<String> dirs = byDir.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(s -> s.language().equals(language))).map(Map.Entry::getKey).toList();
        return dirs.size() == 1 ? stated(dirs.get(0), language) : List.of();
    }

    /** The statement to compare others against: the first exact one, else the first floor. */
    static Stated primary(List<Stated> list) {
        return list.stream().filter(s -> !s.floor()).findFirst().orElse(list.isEmpty() ? null : list.get(0));
    }

    static String describe(Stated s) {
        return s.floor() ? ">= " + s.version() : s.version();
    }

    /** The text of a repository file, or null when it is missing, larger than 1 MB, unreadable or binary. */
    String text(String rel) {
        try {
            Path p = root.resolve(rel);
            if (!Files.isRegularFile(p) || Files.size(p) > 1_000_000) {
                return null;
            }
            byte[] b = Files.readAllBytes(p);
            String s = new String(b, StandardCharsets.UTF_8);
            return s.indexOf('\0') >= 0 ? null : s;
        } catch (IOException | java.io.UncheckedIOException | SecurityException e) {
            return null;
        }
    }
}
