package dev.devops.lint.compose;

import dev.devops.core.InputFiles;
import dev.devops.files.FileKinds;
import dev.devops.compose.ComposeLoader;
import dev.devops.compose.ComposeProject;
import dev.devops.core.SourceLocation;
import dev.devops.core.UserError;
import dev.devops.lint.Check;
import dev.devops.lint.CheckFailure;
import dev.devops.lint.Finding;
import dev.devops.lint.LintContext;
import dev.devops.lint.RuleInfo;
import dev.devops.lint.Severity;
import dev.devops.yaml.YMap;
import dev.devops.yaml.YNode;
import dev.devops.yaml.YamlDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The compose check. Compose files are grouped by directory and loaded the way docker compose would
 * run them: the default file merged with its override file ({@code docker-compose.override.yml}), and
 * each variant ({@code docker-compose.prod.yml}) merged onto the default file, so an override is never
 * linted alone. Interpolation uses the directory's {@code .env} only (not the shell of whoever runs
 * lint), in lenient mode. A project that does not load gives one DC0000 finding with file, line and
 * column.
 */
public final class ComposeCheck implements Check {
    @Override
    public String category() {
        return "compose";
    }

    @Override
    public List<RuleInfo> rules() {
        return ComposeRules.all().stream().map(ComposeRule::info).toList();
    }

    /** Its findings are on compose files (YAML, any name) and the dotenv files they read. */
    @Override
    public boolean reportsOn(String path) {
        return FileKinds.isYaml(path) || FileKinds.isDotenv(path);
    }

    /**
     * True for the compose file names ({@code compose.yaml}, {@code docker-compose.prod.yml}): these load as
     * a directory's base file and its overlays. Compose files recognised by content ({@link LintContext#composeFiles})
     * load alone.
     */
    public static boolean isComposeFile(String path) {
        return FileKinds.isComposeName(path);
    }

    @Override
    public void run(LintContext context, Consumer<Finding> out) {
        Map<String, List<String>> byDir = new TreeMap<>();
        Map<String, List<List<String>>> alone = new TreeMap<>();
        for (String f : context.composeFiles()) {
            if (FileKinds.isTest(f) && isBlank(context.root().resolve(f))) {
                continue; // an empty compose file in test data (a fixture a test writes over or mounts), not a project
            }
            String dir = f.contains("/") ? f.substring(0, f.lastIndexOf('/')) : "";
            String name = f.substring(f.lastIndexOf('/') + 1);
            if (isComposeFile(f)) {
                byDir.computeIfAbsent(dir, k -> new ArrayList<>()).add(name);
            } else {
                // a compose file by content (app.yml, docker-compose-mysql.yml): a project of its own, not an overlay
                alone.computeIfAbsent(dir, k -> new ArrayList<>()).add(List.of(name));
            }
        }
        Path root = context.root().toAbsolutePath().normalize();
        Set<String> reported = new HashSet<>();
        Consumer<Finding> dedup = f -> {
            if (reported.add(f.rule().id() + "\0" + f.path() + "\0" + f.line() + "\0" + f.message())) {
                out.accept(f);
            }
        };
        // load every project first: a rule may need what another compose file of the repository builds
        List<Loaded> loaded = new ArrayList<>();
        for (var e : byDir.entrySet()) {
            Path dir = root.resolve(e.getKey());
            Set<String> apart = new HashSet<>(includedBy(dir, e.getValue()));
            apart.addAll(namedApart(dir, e.getValue()));
            apart.addAll(completeApart(dir, e.getValue()));
            for (List<String> group : groups(e.getValue(), apart)) {
                loaded.add(load(root, dir, group, dedup));
            }
        }
        List<Loaded> single = new ArrayList<>();
        for (var e : alone.entrySet()) {
            for (List<String> group : e.getValue()) {
                single.add(load(root, root.resolve(e.getKey()), group,
                        context.inComposeCatalogue(e.getKey().isEmpty() ? group.get(0) : e.getKey() + "/" + group.get(0)), dedup));
            }
        }
        for (Loaded l : single) {
            Loaded base = l.project() == null ? null : baseOf(l, loaded, single);
            loaded.add(base == null ? l : load(root, base.dir(), List.of(base.files().get(0),
                    base.dir().relativize(l.dir().resolve(l.files().get(0))).toString().replace('\\', '/')), dedup));
        }
        ComposeScope.Builds builds = builds(loaded, toolImages(context), dockerfilesByDirectoryName(context, root));
        ComposeScope.Declared declared = declared(root, loaded, context);
        for (Loaded l : loaded) {
            if (l.project() != null) {
                lintProject(root, l.dir(), l.files(), l.project(), builds, declared,
                        context.inComposeCatalogue(relative(root, l.dir().resolve(l.files().get(0)))), dedup);
            }
        }
    }

    /** What each loaded project declares, by section, with the first file (repository-relative) declaring a name. */
    /** An {@code extends:} entry's {@code file:} key, with {@code service:} before or after it. */
    private static final java.util.regex.Pattern EXTENDS_FILE = java.util.regex.Pattern.compile(
            "(?m)^([ \\t]+)extends:[ \\t]*\\R(?:\\1[ \\t]+service:.*\\R)?\\1[ \\t]+file:[ \\t]*[\"']?([^\\s\"'#]+)");

    /**
     * The compose files of the repository that other compose files name in {@code extends: file:} (repository-relative),
     * read from the compose files' text once, at the first question.
     */
    private static java.util.function.Supplier<Set<String>> extendedFiles(LintContext context) {
        var memo = new java.util.concurrent.atomic.AtomicReference<Set<String>>();
        return () -> {
            synchronized (memo) {
                if (memo.get() == null) {
                    Set<String> out = new HashSet<>();
                    Set<String> compose = context.composeFiles();
                    for (String f : compose) {
                        String text = context.readText(f);
                        if (text == null || !text.contains("extends")) {
                            continue;
                        }
                        var m = EXTENDS_FILE.matcher(text);
                        String dir = dev.devops.files.FileKinds.dir(f);
                        while (m.find()) {
                            String target = Path.of(dir.isEmpty() ? "." : dir).resolve(m.group(2)).normalize().toString().replace('\\', '/');
                            if (!target.equals(f) && compose.contains(target)) {
                                out.add(target);
                            }
                        }
                    }
                    memo.set(out);
                }
                return memo.get();
            }
        };
    }

    private static ComposeScope.Declared declared(Path root, List<Loaded> loaded, LintContext context) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        // an override of a variant (docker-compose.infrastructure.override.yml, which only adds ports to the services
        // docker-compose.infrastructure.yml defines) names a service after the file that defines it: read last
        List<Loaded> ordered = new ArrayList<>(loaded);
        ordered.sort(java.util.Comparator.comparing((Loaded l) -> l.files().size() > 1
                && l.files().get(l.files().size() - 1).contains(".override.")
                && !isBaseOverride(l.files())));
        for (Loaded l : ordered) {
            if (l.project() == null) {
                continue;
            }
            // an overlay run over the base (docker-compose.yml + docker-compose.kafka.yml) declares the names the base
            // lacks: they are the overlay's; the base's own names come first, from the main group (base and the
            // .override file compose merges with it by default)
            // (the base's own override file only: docker-compose.infrastructure.override.yml overrides another variant and
            // declares that variant's services, which docker-compose.yml runs with -f)
            String last = l.files().get(l.files().size() - 1);
            String file = relative(root, l.dir().resolve(isBaseOverride(l.files()) ? l.files().get(0) : last));
            var p = l.project();
            for (var e : Map.of("services", p.services().keySet(), "networks", p.networks().keySet(),
                    "volumes", p.volumes().keySet(), "secrets", p.secrets().keySet(), "configs", p.configs().keySet()).entrySet()) {
                for (String name : e.getValue()) {
                    out.computeIfAbsent(e.getKey(), k -> new TreeMap<>()).putIfAbsent(name, file);
                }
            }
        }
        return new ComposeScope.Declared(out, extendedFiles(context));
    }

    /** Whether a load group is a base file and its own override ({@code docker-compose.yml} + {@code docker-compose.override.yml}). */
    private static boolean isBaseOverride(List<String> files) {
        if (files.size() < 2) {
            return false;
        }
        String first = files.get(0);
        String last = files.get(files.size() - 1);
        String stem = first.contains(".") ? first.substring(0, first.lastIndexOf('.')) : first;
        return last.equals(stem + ".override.yml") || last.equals(stem + ".override.yaml");
    }

    /**
     * The base an overlay recognised by content is merged onto, or null when it is complete on its own. An overlay
     * ({@code quickstart-postgres.yml} beside {@code quickstart.yml}, meant for {@code -f quickstart.yml -f
     * quickstart-postgres.yml}) has services with neither image nor build: they only add to a service defined
     * elsewhere. Its base is the nearest complete project, in its directory or an ancestor, that defines every one
     * of those services with an image or a build (the one with the most services); linted alone, the overlay's
     * references to the base's networks
     * and volumes would look undeclared.
     */
    private static Loaded baseOf(Loaded overlay, List<Loaded> named, List<Loaded> single) {
        List<String> partial = overlay.project().services().values().stream()
                .filter(svc -> svc.image() == null && svc.build() == null).map(svc -> svc.name()).toList();
        if (partial.isEmpty()) {
            return null;
        }
        Loaded best = null;
        int bestDepth = -1;
        int bestSize = -1;
        for (List<Loaded> list : List.of(named, single)) {
            for (Loaded c : list) {
                if (c == overlay || c.project() == null || c.files().size() != 1 && list == single
                        || !overlay.dir().startsWith(c.dir())) {
                    continue;
                }
                boolean complete = c.project().services().values().stream().allMatch(svc -> svc.image() != null || svc.build() != null);
                boolean covers = partial.stream().allMatch(n -> {
                    var svc = c.project().services().get(n);
                    return svc != null && (svc.image() != null || svc.build() != null);
                });
                // the nearest directory first; there, the fullest stack, then the most top-level declarations
                // (quickstart-latest.yml, which only swaps the images of two services, is complete too, but it is
                // another overlay, not the base)
                int depth = c.dir().getNameCount();
                int size = c.project().services().size() * 1000 + c.project().networks().size() + c.project().volumes().size();
                if (complete && covers && (depth > bestDepth || depth == bestDepth && size > bestSize)) {
                    best = c;
                    bestDepth = depth;
                    bestSize = size;
                }
            }
        }
        return best;
    }

    /** One load group: its directory, its files and the project (null when it does not load: DC0000 was reported). */
    private record Loaded(Path dir, List<String> files, ComposeProject project) {
    }

    /** Which Dockerfile builds each service and image across the loaded projects (the first build of a name wins). */
    /** Jib's {@code <image>name</image>} (Maven) and {@code image = 'name'} (Gradle). */
    private static final Pattern JIB_IMAGE = Pattern.compile("<image>\\s*([^<\\s$]+)\\s*</image>|\\bimage\\s*=\\s*[\"']([^\"'$]+)[\"']");
    /** {@code docker build … -t name} / {@code --tag name} / {@code podman build -t name}. */
    private static final Pattern BUILD_TAG = Pattern.compile("\\b(?:docker|podman|buildah)\\s+(?:buildx\\s+)?build\\b[^\\n]*?(?:-t|--tag)[ =]+[\"']?([A-Za-z0-9][\\w./:-]*)");
    private static final Set<String> BUILD_FILES = Set.of("pom.xml", "build.gradle", "build.gradle.kts", "Makefile",
            "makefile", "package.json", "justfile", "Taskfile.yml");

    /**
     * The image repositories (without tag) the project's build tool makes, from the build files and shell scripts
     * ({@code run_tests.sh} building the image its test stack runs) at the top of the repository and of each directory
     * holding a compose file.
     */
    private static Set<String> toolImages(LintContext context) {
        Set<String> dirs = new java.util.HashSet<>(List.of(""));
        context.composeFiles().forEach(f -> dirs.add(FileKinds.dir(f)));
        Set<String> out = new java.util.HashSet<>();
        for (String f : context.files()) {
            if (!(BUILD_FILES.contains(FileKinds.name(f)) || f.endsWith(".sh")) || !dirs.contains(FileKinds.dir(f))) {
                continue;
            }
            String text = context.readText(f);
            if (text == null) {
                continue;
            }
            for (Pattern p : f.endsWith(".sh") ? List.of(BUILD_TAG) : List.of(JIB_IMAGE, BUILD_TAG)) {
                var m = p.matcher(text);
                while (m.find()) {
                    String image = m.group(1) != null ? m.group(1) : m.groupCount() > 1 ? m.group(2) : null;
                    if (image != null) {
                        out.add(dev.devops.lint.dockerfile.ImageRef.parse(image).repository());
                    }
                }
            }
        }
        return out;
    }

    /**
     * The repository's Dockerfiles named {@code Dockerfile}, by their directory's name (lower case), when one name
     * has one Dockerfile: {@code docker/test-images/zipkin-eureka/Dockerfile} → {@code zipkin-eureka}.
     */
    private static Map<String, ComposeScope.Built> dockerfilesByDirectoryName(LintContext context, Path root) {
        Map<String, ComposeScope.Built> out = new java.util.HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (String f : context.files()) {
            if (!FileKinds.name(f).equals("Dockerfile") || !f.contains("/")) {
                continue;
            }
            String dir = FileKinds.dir(f);
            String name = dir.substring(dir.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
            if (out.putIfAbsent(name, new ComposeScope.Built(root.resolve(f), null)) != null) {
                ambiguous.add(name);
            }
        }
        ambiguous.forEach(out::remove);
        return out;
    }

    private static ComposeScope.Builds builds(List<Loaded> loaded, Set<String> toolImages, Map<String, ComposeScope.Built> byDirName) {
        Map<String, ComposeScope.Built> byImage = new java.util.HashMap<>();
        Map<String, ComposeScope.Built> byService = new java.util.HashMap<>();
        for (Loaded l : loaded) {
            if (l.project() == null) {
                continue;
            }
            for (var svc : l.project().services().values()) {
                ComposeScope.Built b = ComposeScope.built(l.project().directory(), svc);
                if (b == null) {
                    continue;
                }
                byService.putIfAbsent(ComposeScope.Builds.key(l.project().directory(), svc.name()), b);
                if (svc.image() != null) {
                    byImage.putIfAbsent(svc.image(), b);
                }
            }
        }
        return new ComposeScope.Builds(byImage, byService, toolImages, byDirName);
    }

    /**
     * The compose files of a directory that another one there names in its {@code include:} (compose.yml including
     * compose.dbs.yml): compose loads them through the include, so they are no overlay of it (run with {@code -f}
     * over their includer they would include themselves). One pass over each file's top-level {@code include:} lines.
     */
    static Set<String> includedBy(Path dir, List<String> names) {
        Set<String> out = new HashSet<>();
        for (String n : names) {
            List<String> lines;
            try {
                lines = InputFiles.readText(dir.resolve(n), InputFiles.MAX_CONFIG_BYTES).lines().toList();
            } catch (IOException | java.io.UncheckedIOException e) {
                continue;
            }
            boolean in = false;
            for (String line : lines) {
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                if (!Character.isWhitespace(line.charAt(0)) && !line.startsWith("-")) {
                    in = line.startsWith("include:");
                    continue;
                }
                if (in) {
                    String v = line.strip();
                    v = v.startsWith("- ") ? v.substring(2).strip() : v;
                    v = v.startsWith("path:") ? v.substring(5).strip() : v;
                    v = v.replace("\"", "").replace("'", "");
                    if (!v.isEmpty() && !v.contains(":")) {
                        Path f = dir.resolve(v).normalize();
                        if (dir.equals(f.getParent())) {
                            out.add(f.getFileName().toString());
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * The variant files of a directory that name a project of their own: a top-level {@code name:} (lago's
     * {@code docker-compose.dev.yml} says {@code name: lago_dev}) other than the default file's. Compose runs such a
     * file as its own project ({@code docker compose -f docker-compose.dev.yml up}, containers and volumes apart from the
     * default stack's), not as an overlay: it is loaded alone. An overlay does not rename the project it is merged onto.
     */
    static Set<String> namedApart(Path dir, List<String> names) {
        Map<String, String> projectName = new java.util.HashMap<>();
        for (String n : names) {
            String text;
            try {
                text = InputFiles.readText(dir.resolve(n), InputFiles.MAX_CONFIG_BYTES);
            } catch (IOException | java.io.UncheckedIOException e) {
                continue;
            }
            var m = TOP_LEVEL_NAME.matcher(text);
            if (m.find()) {
                projectName.put(n, m.group(1));
            }
        }
        String base = defaultFile(names);
        if (base == null) {
            return Set.of();
        }
        String baseName = projectName.get(base);
        Set<String> out = new HashSet<>();
        for (var e : projectName.entrySet()) {
            String n = e.getKey();
            if (!n.equals(base) && !n.contains(".override.") && !e.getValue().isEmpty() && !e.getValue().equals(baseName)) {
                out.add(n);
            }
        }
        return out;
    }

    /**
     * The variant files of a directory that are a stack on their own: two services or more, each with its own
     * {@code image:} or {@code build:}, every {@code depends_on}, {@code links} and {@code extends} among them, and at least
     * one of them restating a service of the default file (logto's {@code docker-compose.integration.yml}: its own
     * postgres and redis beside the app built for the tests). Such a file is run with {@code -f} alone; merged onto the
     * default file it would start both apps on one host port. An overlay changes or adds services of the default stack:
     * a service without an image of its own, or one that depends on a service only the default file defines.
     */
    static Set<String> completeApart(Path dir, List<String> names) {
        String base = defaultFile(names);
        if (base == null || names.size() < 2) {
            return Set.of();
        }
        Map<String, YMap> baseMap = services(dir.resolve(base));
        Set<String> baseServices = baseMap.keySet();
        Set<String> basePorts = new HashSet<>();
        baseMap.values().forEach(svc -> basePorts.addAll(hostPorts(svc)));
        Set<String> out = new HashSet<>();
        for (String n : names) {
            if (n.equals(base) || n.contains(".override.") || ComposeLoader.DEFAULT_FILES.contains(n)) {
                continue;
            }
            Map<String, YMap> svcs = services(dir.resolve(n));
            // it restates a service of the default stack, or publishes a host port the default stack publishes (a stack
            // of its own under other names: merged, the two would not start on one host)
            if (svcs.size() < 2 || svcs.keySet().stream().noneMatch(baseServices::contains)
                    && svcs.values().stream().noneMatch(svc -> hostPorts(svc).stream().anyMatch(basePorts::contains))) {
                continue;
            }
            boolean complete = true;
            for (YMap svc : svcs.values()) {
                if (!(svc.has("image") || svc.has("build")) || !svcs.keySet().containsAll(references(svc))) {
                    complete = false;
                    break;
                }
            }
            if (complete) {
                out.add(n);
            }
        }
        return out;
    }

    /** A compose file's services by name, as written (no merge, no interpolation); empty when it does not read. */
    private static Map<String, YMap> services(Path file) {
        Map<String, YMap> out = new java.util.LinkedHashMap<>();
        try {
            YNode root = YamlDocument.read(file);
            if (!root.isMap() || !root.asMap().has("services") || !root.asMap().get("services").isMap()) {
                return out;
            }
            YMap services = root.asMap().get("services").asMap();
            for (String name : services.keys()) {
                YNode svc = services.get(name);
                out.put(name, svc.isMap() ? svc.asMap() : null);
            }
        } catch (RuntimeException e) { // a UserError too: a file that does not read is linted as it is, not judged here
            return Map.of();
        }
        out.values().removeIf(java.util.Objects::isNull);
        return out;
    }

    /** The services a service names in its {@code depends_on}, {@code links} and same-file {@code extends}. */
    /** The host ports a service publishes as written: {@code "8080:80"}, {@code 127.0.0.1:8080:80/tcp}, {@code published: 8080}. */
    private static Set<String> hostPorts(YMap svc) {
        Set<String> out = new HashSet<>();
        YNode ports = svc == null ? null : svc.get("ports");
        if (ports == null || !ports.isList()) {
            return out;
        }
        for (YNode p : ports.asList()) {
            if (p.isMap() && p.asMap().has("published") && p.asMap().get("published").isScalar()) {
                out.add(p.asMap().get("published").asText().strip());
            } else if (p.isScalar()) {
                String[] parts = p.asText().strip().split("/")[0].split(":");
                if (parts.length >= 2 && !parts[parts.length - 2].isEmpty()) {
                    out.add(parts[parts.length - 2]); // host:container or ip:host:container
                }
            }
        }
        return out;
    }

    private static Set<String> references(YMap svc) {
        Set<String> out = new HashSet<>();
        YNode deps = svc.get("depends_on");
        if (deps != null && deps.isMap()) {
            out.addAll(deps.asMap().keys());
        } else if (deps != null && deps.isList()) {
            deps.asList().stream().filter(YNode::isScalar).forEach(d -> out.add(d.asText()));
        }
        YNode links = svc.get("links");
        if (links != null && links.isList()) {
            links.asList().stream().filter(YNode::isScalar).forEach(l -> out.add(l.asText().split(":")[0]));
        }
        YNode ext = svc.get("extends");
        if (ext != null && ext.isScalar()) {
            out.add(ext.asText());
        } else if (ext != null && ext.isMap() && !ext.asMap().has("file") && ext.asMap().has("service")) {
            out.add(ext.asMap().get("service").asText());
        }
        return out;
    }

    /** The file of a directory's names that compose loads by default ({@code compose.yaml} first), or null. */
    private static String defaultFile(List<String> names) {
        for (String d : ComposeLoader.DEFAULT_FILES) {
            if (names.contains(d)) {
                return d;
            }
        }
        return null;
    }

    /** A compose file's top-level {@code name:} and its literal value (no interpolation). */
    private static final Pattern TOP_LEVEL_NAME = Pattern.compile("(?m)^name:[ \\t]*[\"']?([A-Za-z0-9][\\w.-]*)[\"']?[ \\t]*(?:#.*)?$");

    /** The load groups of one directory: [base, override] and [base, variant] for each variant. */
    static List<List<String>> groups(List<String> names) {
        return groups(names, Set.of());
    }

    /** As {@link #groups(List)}; a file another one includes ({@code included}) is loaded alone, never over the base. */
    static List<List<String>> groups(List<String> names, Set<String> included) {
        String base = defaultFile(names);
        List<List<String>> out = new ArrayList<>();
        if (base == null) {
            names.forEach(n -> out.add(List.of(n)));
            return out;
        }
        String stem = base.substring(0, base.lastIndexOf('.'));
        List<String> main = new ArrayList<>(List.of(base));
        for (String n : names) {
            if (n.equals(stem + ".override.yml") || n.equals(stem + ".override.yaml")) {
                main.add(n);
                break;
            }
        }
        out.add(main);
        for (String n : names) {
            String overridden = overriddenVariant(n, names);
            if (!main.contains(n) && overridden != null && !overridden.equals(base)) {
                out.add(List.of(overridden, n)); // a variant's own override (x.override.yml over x.yml), run with it
            } else if (!main.contains(n) && !ComposeLoader.DEFAULT_FILES.contains(n) && !included.contains(n)) {
                out.add(List.of(base, n));
            } else if (!main.contains(n)) {
                out.add(List.of(n)); // a second default name in the same directory: lint it alone
            }
        }
        return out;
    }

    /**
     * The file of {@code names} that {@code n} overrides by name ({@code docker-compose.infrastructure.override.yml} of
     * {@code docker-compose.infrastructure.yml}), or null.
     */
    private static String overriddenVariant(String n, List<String> names) {
        int at = n.lastIndexOf(".override.");
        if (at < 0) {
            return null;
        }
        String stem = n.substring(0, at);
        for (String m : names) {
            if (m.equals(stem + ".yml") || m.equals(stem + ".yaml")) {
                return m;
            }
        }
        return null;
    }

    /** Whether a file is empty or holds only white space (read only when it is small). */
    private static boolean isBlank(Path file) {
        try {
            return java.nio.file.Files.size(file) < 256 && java.nio.file.Files.readString(file).isBlank();
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /**
     * The example env file a project without a {@code .env} documents its variables in ({@code .env.example},
     * {@code env.example}, {@code .env.dist} …, the one the README copies to {@code .env}), or null: a reference with no
     * default ({@code ${TAG}}) is interpolated with its value, the one the stack is started with once the example is
     * copied (an image's tag, a volume's source, a flag), not with an empty string; a default the compose file gives
     * ({@code ${TAG:-16}}) is what runs without a .env, and wins. With several examples, the first by name.
     */
    static Path exampleEnvFile(Path dir) {
        if (Files.isRegularFile(dir.resolve(".env"))) {
            return null;
        }
        try (var entries = Files.list(dir)) {
            return entries.filter(f -> FileKinds.dotenv(f.getFileName().toString()) == FileKinds.Dotenv.EXAMPLE
                    && Files.isRegularFile(f)).sorted().findFirst().orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private Loaded load(Path root, Path dir, List<String> files, Consumer<Finding> out) {
        return load(root, dir, files, false, out);
    }

    /**
     * Loads one group; {@code catalogue}: the file is a template of a platform's catalogue
     * ({@link LintContext#composeCatalogues}), where a key compose does not know is the platform's own (info).
     */
    private Loaded load(Path root, Path dir, List<String> files, boolean catalogue, Consumer<Finding> out) {
        ComposeProject project;
        try {
            List<Path> paths = files.stream().map(Path::of).toList();
            Path example = exampleEnvFile(dir);
            Map<String, String> documented = Map.of();
            if (example != null) {
                try {
                    documented = dev.devops.compose.DotEnv.read(example, name -> null).values();
                } catch (RuntimeException e) { // a UserError too: an example that does not read as an env file documents nothing
                    documented = Map.of();
                }
            }
            project = ComposeLoader.load(new ComposeLoader.Options(paths, dir, null, List.of(), Map.of(), true, documented));
        } catch (UserError e) {
            SourceLocation at = e.location();
            if (at != null && at.file() != null && isTemplate(at.file())) {
                return new Loaded(dir, files, null); // a template of a compose file ({% if %} lines): no compose file yet
            }
            String path = at != null && at.file() != null ? relative(root, at.file())
                    : relative(root, dir.resolve(files.get(files.size() - 1)));
            String message = e.getMessage();
            // messages without a location start with the absolute path; keep them short and repo-relative
            message = message.replace(dir.resolve(files.get(0)).toString(), relative(root, dir.resolve(files.get(0))));
            boolean platformKey = catalogue && message.startsWith("unknown key '");
            out.accept(finding(ComposeRules.PARSE.info(), platformKey ? Severity.INFO : null, path, at == null ? 0 : at.line(),
                    at == null ? 0 : at.column(), platformKey ? message + " (a key of the platform that deploys this template)"
                            : message, e.hint(), root));
            return new Loaded(dir, files, null);
        } catch (RuntimeException | StackOverflowError e) {
            out.accept(CheckFailure.finding(category(), null, relative(root, dir.resolve(files.get(0))), e));
            return new Loaded(dir, files, null);
        }
        return new Loaded(dir, files, project);
    }

    /** Whether the compose file that did not load is a template of one ({@link dev.devops.files.TemplateText#hasTagLines}). */
    private static boolean isTemplate(Path file) {
        try {
            // regular files only, capped: a compose file committed as a link to /dev/zero does not load either
            return dev.devops.files.TemplateText.hasTagLines(dev.devops.core.InputFiles.readText(file, 4L * 1024 * 1024));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private void lintProject(Path root, Path dir, List<String> files, ComposeProject project, ComposeScope.Builds builds,
            ComposeScope.Declared declared, boolean catalogue, Consumer<Finding> out) {
        ComposeScope scope = new ComposeScope(project, root, builds, declared, catalogue);
        for (ComposeRule rule : ComposeRules.all()) {
            try {
                runRule(rule, scope, root, dir, files, out);
            } catch (RuntimeException | StackOverflowError e) {
                // a bug in one rule must not end the lint run: the other rules still run on this project
                out.accept(CheckFailure.finding(category(), rule.info().id(), relative(root, dir.resolve(files.get(0))), e));
            }
        }
    }

    private static void runRule(ComposeRule rule, ComposeScope scope, Path root, Path dir, List<String> files,
            Consumer<Finding> out) {
        rule.check().run(scope, new ComposeRule.Reporter() {
            @Override
            public void report(SourceLocation at, String message, String hint) {
                report(at, null, message, hint);
            }

            @Override
            public void report(SourceLocation at, Severity severity, String message, String hint) {
                Path file = at.file() == null ? dir.resolve(files.get(0)) : at.file();
                out.accept(finding(rule.info(), severity, relative(root, file), at.line(), at.column(), message, hint, root));
            }
        });
    }

    static String relative(Path root, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return (abs.startsWith(root) ? root.relativize(abs) : abs).toString().replace('\\', '/');
    }

    private static Finding finding(RuleInfo rule, Severity severity, String path, int line, int column, String message,
            String hint, Path root) {
        return new Finding(rule, severity == null ? rule.severity() : severity, path, line, column, message, hint, null,
                Finding.fingerprint(rule.id(), path, lineText(root.resolve(path), line)), Map.of());
    }

    private static String lineText(Path file, int line) {
        if (line <= 0) {
            return "";
        }
        try {
            List<String> lines = InputFiles.readText(file, InputFiles.MAX_CONFIG_BYTES).lines().toList();
            return line <= lines.size() ? lines.get(line - 1).strip() : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

}
