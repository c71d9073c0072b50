package dev.devops.detect;

import dev.devops.core.VariableNames;
import dev.devops.core.UserError;
import dev.devops.files.FileKinds;
import dev.devops.descriptor.App;
import dev.devops.descriptor.Descriptor;
import dev.devops.descriptor.DescriptorLoader;
import dev.devops.descriptor.EnvVar;
import dev.devops.descriptor.Environment;
import dev.devops.descriptor.Language;
import dev.devops.descriptor.LintSettings;
import dev.devops.descriptor.Runtime;
import dev.devops.descriptor.Service;
import dev.devops.descriptor.ServiceCatalog;
import dev.devops.yaml.Suggest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detects apps, runtimes, services and environment variables in a repository and drafts a
 * {@link Descriptor} from them, with one evidence line per decision.
 *
 * <p>Every directory up to {@value #MAX_MANIFEST_DEPTH} levels deep holding a manifest is an app, except
 * Maven modules of a multi-module pom, Gradle subprojects of a settings file, and Node workspace packages
 * without a start script. When one directory holds manifests of several stacks, Go wins over Java over
 * Python over Node (a package.json beside a pom.xml usually only builds front-end assets). A Go main package
 * at the root (or in cmd/*) without go.mod is a GOPATH-style Go app, after any other manifest there.
 *
 * <p>Each file belongs to the deepest app directory holding it. Test files (test/, __tests__/, *.test.*,
 * *_test.go, test_*.py …) decide nothing: an app's variables are the reads in its production code, in
 * path order, then line order.
 */
public final class Detector {
    /** How deep manifests are looked for (the root is depth 0). */
    static final int MAX_MANIFEST_DEPTH = 3;
    static final List<String> MANIFESTS = List.of("package.json", "pom.xml", "build.gradle", "build.gradle.kts",
            "pyproject.toml", "requirements.txt", "Pipfile", "go.mod");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private Detector() {
    }

    /**
     * Detects what {@code root} contains. Throws {@link UserError} (exit 2) when no supported stack is
     * found and no {@code --stack} override was given, when an override is invalid, or when a manifest
     * cannot be read or parsed.
     */
    public static Detection detect(Path root, Overrides overrides) {
        Overrides o = overrides == null ? Overrides.NONE : overrides;
        Path dir = root.toAbsolutePath().normalize();
        String project = projectName(dir, o.name());
        Language stack = o.stack() == null ? null : language(o.stack());
        if (o.port() != null && (o.port() < 1 || o.port() > 65535)) {
            throw new UserError(null, "port " + o.port() + " is out of range", "pass a port between 1 and 65535");
        }
        if (o.runtimeVersion() != null && !VERSION.matcher(o.runtimeVersion()).matches()) {
            throw new UserError(null, "runtime version '" + o.runtimeVersion() + "' is not a valid image tag part",
                    "pass a version such as 20, 3.12 or 1.22");
        }
        List<Service> serviceOverrides = parseServices(o.services());

        RepoFiles repo = RepoFiles.walk(dir);
        List<String> notes = new ArrayList<>();
        Map<String, Language> appDirs = appDirectories(repo, notes);
        Map<String, String> workspaceOf = new LinkedHashMap<>();
        workspaceMembers(repo, appDirs, workspaceOf, notes);
        notApps(repo, appDirs, notes);

        if (stack != null) {
            if (!appDirs.containsKey(".") && !appDirs.isEmpty()) {
                throw new UserError(null, "--stack applies to the app at the repository root, but the apps are in "
                        + String.join(", ", appDirs.keySet()), "drop --stack (each app's stack is detected), "
                        + "or run init in the app's directory");
            }
            Language before = appDirs.put(".", stack);
            notes.add(0, "stack " + stack.id() + " from --stack" + (before != null && before != stack
                    ? " (detected " + before.id() + ")" : ""));
        }
        if (appDirs.isEmpty()) {
            String skipped = notes.stream().filter(n -> n.startsWith("skipped ")).findFirst()
                    .map(n -> " (" + n.substring(0, n.indexOf(" is not a supported")) + ")").orElse("");
            throw new UserError(null, "no supported stack found in " + dir + skipped,
                    "looked for " + String.join(", ", MANIFESTS) + " up to " + MAX_MANIFEST_DEPTH
                    + " directories deep; pass --stack node|java|python|go to start from defaults");
        }

        // the root app first, then by path
        Map<String, Language> ordered = new TreeMap<>(Comparator.comparing((String k) -> !".".equals(k))
                .thenComparing(String.CASE_INSENSITIVE_ORDER).thenComparing(Comparator.naturalOrder()));
        ordered.putAll(appDirs);
        appDirs = ordered;
        Map<String, List<String>> sources = sources(repo, appDirs.keySet());
        List<AppDraft> drafts = new ArrayList<>();
        for (Map.Entry<String, Language> e : appDirs.entrySet()) {
            AppDraft d = draft(repo, e.getKey(), e.getValue(), workspaceOf.get(e.getKey()), sources.get(e.getKey()));
            List<AppDraft> split = d.language == Language.JAVA ? JavaStack.perModule(repo, d)
                    : d.language == Language.GO ? GoStack.perProgram(repo, d) : List.of(d);
            for (AppDraft a : split) {
                RunEvidence.apply(repo, a);
                drafts.add(a);
            }
        }
        AppDraft target = drafts.size() == 1 ? drafts.get(0)
                : drafts.stream().filter(d -> ".".equals(d.dir)).findFirst().orElse(null);
        if (target == null && (o.runtimeVersion() != null || o.port() != null)) {
            throw new UserError(null, "--runtime-version and --port apply to the app at the repository root, but the "
                    + "apps are in " + String.join(", ", appDirs.keySet()),
                    "drop them and edit each app in devops.yaml, or run init in the app's directory");
        }
        if (o.runtimeVersion() != null) {
            target.evidence("version " + o.runtimeVersion() + " from --runtime-version (detected " + target.version + ")");
            target.version = o.runtimeVersion();
        }
        if (o.port() != null) {
            target.evidence("port " + o.port() + " from --port (detected " + target.port + ")");
            target.port = o.port();
        }
        return assemble(project, drafts, sources, repo, serviceOverrides, notes);
    }

    private static AppDraft draft(RepoFiles repo, String dir, Language lang, String workspaceRoot, List<String> src) {
        switch (lang) {
            case NODE:
                if (repo.exists(RepoFiles.join(dir, "package.json"))) {
                    return NodeStack.detect(repo, dir, workspaceRoot, src);
                }
                break;
            case JAVA:
                if (repo.exists(RepoFiles.join(dir, "pom.xml"))) {
                    return JavaStack.detectMaven(repo, dir, src);
                }
                for (String g : List.of("build.gradle.kts", "build.gradle")) {
                    if (repo.exists(RepoFiles.join(dir, g))) {
                        return JavaStack.detectGradle(repo, dir, RepoFiles.join(dir, g), src);
                    }
                }
                break;
            case PYTHON:
                for (String m : PythonStack.MANIFESTS) {
                    if (repo.exists(RepoFiles.join(dir, m))) {
                        return PythonStack.detect(repo, dir, src);
                    }
                }
                break;
            case GO:
                if (repo.exists(RepoFiles.join(dir, "go.mod")) || GoStack.mainPackage(repo, dir, src) != null) {
                    return GoStack.detect(repo, dir, src);
                }
                break;
            default:
                break;
        }
        return defaults(dir, lang, src);
    }

    /** An app with the stack's defaults, for --stack without a manifest. */
    private static AppDraft defaults(String dir, Language lang, List<String> src) {
        AppDraft d = new AppDraft(dir, lang);
        d.sources = src;
        switch (lang) {
            case NODE -> {
                d.version = NodeStack.DEFAULT_VERSION;
                d.port = 3000;
            }
            case JAVA -> {
                d.version = JavaStack.DEFAULT_VERSION;
                d.port = 8080;
            }
            case PYTHON -> {
                d.version = PythonStack.DEFAULT_VERSION;
                d.port = 8000;
            }
            default -> {
                d.version = GoStack.DEFAULT_VERSION;
                d.port = 8080;
            }
        }
        d.evidence(lang.id() + " " + d.version + ", " + d.buildTool + ", port " + d.port
                + " (defaults: no " + lang.id() + " manifest in " + dir + ")");
        return d;
    }

    /** Directories with a manifest (depth ≤ 3), each with its stack, minus Maven modules and Gradle subprojects. */
    private static Map<String, Language> appDirectories(RepoFiles repo, List<String> notes) {
        Map<String, Set<String>> manifests = new TreeMap<>(Comparator.comparingInt(RepoFiles::depth)
                .thenComparing(Comparator.naturalOrder()));
        Map<String, String> unsupported = new TreeMap<>();
        for (String f : repo.files()) {
            String name = f.substring(f.lastIndexOf('/') + 1);
            String dir = RepoFiles.parent(f);
            if (MANIFESTS.contains(name) && RepoFiles.depth(dir) <= MAX_MANIFEST_DEPTH) {
                manifests.computeIfAbsent(dir, k -> new LinkedHashSet<>()).add(name);
            } else if (RepoFiles.depth(dir) <= MAX_MANIFEST_DEPTH && unsupportedStack(name) != null) {
                unsupported.putIfAbsent(dir, unsupportedStack(name) + " (" + f + ")");
            }
        }
        // a Go program without go.mod (GOPATH style) at the root: an app, after any manifest found there
        boolean gopath = !repo.exists("go.mod") && GoStack.mainPackage(repo, ".", repo.files()) != null;
        if (gopath) {
            manifests.computeIfAbsent(".", k -> new LinkedHashSet<>());
        }
        Map<String, Language> out = new LinkedHashMap<>();
        List<String> javaRoots = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : manifests.entrySet()) {
            String dir = e.getKey();
            Set<String> names = new LinkedHashSet<>(e.getValue());
            boolean javaOwned = javaRoots.stream().anyMatch(r -> !r.equals(dir) && RepoFiles.inside(dir, r));
            if (javaOwned && (names.removeAll(List.of("pom.xml", "build.gradle", "build.gradle.kts")))) {
                notes.add(dir + " is a module of the build at " + javaRoots.stream()
                        .filter(r -> RepoFiles.inside(dir, r)).findFirst().orElse(".") + ", not a separate app");
            }
            List<Language> found = new ArrayList<>();
            if (names.contains("go.mod")) {
                found.add(Language.GO);
            }
            if (names.contains("pom.xml") || names.contains("build.gradle") || names.contains("build.gradle.kts")) {
                found.add(Language.JAVA);
            }
            if (names.contains("pyproject.toml") && !names.contains("requirements.txt") && !names.contains("Pipfile")
                    && PythonStack.workspaceRootOnly(repo, dir)) {
                names.remove("pyproject.toml");
                notes.add(RepoFiles.join(dir, "pyproject.toml") + " is a uv workspace root without a [project], not an app");
            }
            if (names.contains("pyproject.toml") || names.contains("Pipfile")
                    || (names.contains("requirements.txt") && hasPython(repo, dir))) {
                found.add(Language.PYTHON);
            }
            if (names.contains("package.json")) {
                found.add(Language.NODE);
            }
            if (gopath && ".".equals(dir)) {
                found.add(Language.GO);
            }
            if (found.isEmpty()) {
                continue;
            }
            Language lang = found.get(0);
            out.put(dir, lang);
            if (found.size() > 1) {
                notes.add(dir + ": manifests of " + found.stream().map(Language::id)
                        .toList() + "; using " + lang.id() + (".".equals(dir) ? " (pass --stack to choose)" : ""));
            }
            if (lang == Language.JAVA && isBuildRoot(repo, dir)) {
                javaRoots.add(dir);
            }
        }
        unsupported.forEach((dir, what) -> {
            if (!out.containsKey(dir)) {
                notes.add("skipped " + dir + ": " + what + " is not a supported stack (node, java, python, go); "
                        + "write its Dockerfile by hand and add it to docker-compose.yml");
            }
        });
        return out;
    }

    /** The stack a manifest belongs to when devops cannot build it, or null. */
    static String unsupportedStack(String fileName) {
        if (fileName.endsWith(".csproj") || fileName.endsWith(".fsproj")) {
            return ".NET";
        }
        return switch (fileName) {
            case "Gemfile" -> "Ruby";
            case "composer.json" -> "PHP";
            case "Cargo.toml" -> "Rust";
            case "mix.exs" -> "Elixir";
            case "build.sbt" -> "Scala (sbt)";
            case "Package.swift" -> "Swift";
            default -> null;
        };
    }

    private static boolean hasPython(RepoFiles repo, String dir) {
        for (String f : repo.under(dir)) {
            if (f.endsWith(".py")) {
                return true;
            }
        }
        return false;
    }

    /** A Maven pom with modules, or a Gradle build with a settings file: nested builds are its modules. */
    private static boolean isBuildRoot(RepoFiles repo, String dir) {
        String pom = RepoFiles.join(dir, "pom.xml");
        if (repo.exists(pom)) {
            return !JavaStack.readPom(repo, pom).modules().isEmpty();
        }
        return repo.exists(RepoFiles.join(dir, "settings.gradle")) || repo.exists(RepoFiles.join(dir, "settings.gradle.kts"));
    }

    /**
     * Node workspaces: a package.json with "workspaces" is not an app itself; its packages with a start
     * script or a static-site build are (the others are libraries). When no package qualifies, the root stays the app.
     */
    private static void workspaceMembers(RepoFiles repo, Map<String, Language> appDirs, Map<String, String> workspaceOf,
            List<String> notes) {
        for (String dir : new ArrayList<>(appDirs.keySet())) {
            if (appDirs.get(dir) != Language.NODE || !appDirs.containsKey(dir)) {
                continue;
            }
            List<String> globs = NodeStack.workspaces(repo, dir);
            if (globs.isEmpty()) {
                continue;
            }
            List<Pattern> patterns = globs.stream().map(Detector::glob).toList();
            List<String> members = new ArrayList<>();
            for (String other : new ArrayList<>(appDirs.keySet())) {
                if (other.equals(dir) || !RepoFiles.inside(other, dir) || appDirs.get(other) != Language.NODE) {
                    continue;
                }
                String rel = ".".equals(dir) ? other : other.substring(dir.length() + 1);
                if (patterns.stream().noneMatch(p -> p.matcher(rel).matches())) {
                    continue;
                }
                if (NodeStack.isWorkspaceApp(NodeStack.packageJson(repo, other))) {
                    members.add(other);
                    workspaceOf.put(other, dir);
                } else {
                    appDirs.remove(other);
                    notes.add(other + (NodeStack.isMobile(NodeStack.packageJson(repo, other))
                            ? " is a mobile app (Expo / React Native), not a container app"
                            : " is a workspace package without a start script or static-site build, not an app"));
                }
            }
            if (!members.isEmpty()) {
                appDirs.remove(dir);
                notes.add(RepoFiles.join(dir, "package.json") + " is a workspaces root; apps: " + String.join(", ", members));
            }
        }
    }

    /** Load generators and benchmark drivers: they send traffic to the stack, they do not serve it. */
    private static final Pattern LOAD_GENERATOR = Pattern.compile("(?mi)^\\s*\"?(locust|artillery|autocannon|loadtest)\\b");

    /**
     * Directories with a manifest that are not apps: a load generator (locust, artillery …), and a Node
     * package inside a Go or Java app that has no production start (only a build or a dev server): the
     * front end the enclosing app's build bundles or embeds (a Go embed, a Maven/Gradle frontend step).
     */
    private static void notApps(RepoFiles repo, Map<String, Language> appDirs, List<String> notes) {
        for (String dir : new ArrayList<>(appDirs.keySet())) {
            Language lang = appDirs.get(dir);
            for (String m : List.of("requirements.txt", "pyproject.toml", "Pipfile", "package.json")) {
                String f = RepoFiles.join(dir, m);
                String text = repo.exists(f) ? repo.text(f) : null;
                String deps = text == null ? null : "package.json".equals(m)
                        ? text.replaceAll("(?s)^.*?\"(dev)?[dD]ependencies\"\\s*:", "") : text;
                if (deps != null && LOAD_GENERATOR.matcher(deps.replace("\"", "\n\"")).find()) {
                    appDirs.remove(dir);
                    notes.add(dir + " is a load generator (" + f + "), not an app");
                    break;
                }
            }
            if (lang == Language.JAVA && appDirs.containsKey(dir) && repo.exists(RepoFiles.join(dir, "package.json"))
                    && appDirs.size() > 1 && !hasJavaMain(repo, dir)) {
                appDirs.remove(dir);
                notes.add(dir + " builds a front end into a jar (package.json, no main method), not an app");
                continue;
            }
            if (lang != Language.NODE || !appDirs.containsKey(dir)) {
                continue;
            }
            if (appDirs.size() > 1 && NodeStack.isLibrary(NodeStack.packageJson(repo, dir))) {
                appDirs.remove(dir);
                notes.add(dir + " is a library package (" + RepoFiles.join(dir, "package.json")
                        + " publishes it for importers and has no start script), not an app");
                continue;
            }
            String owner = appDirs.entrySet().stream()
                    .filter(e -> (e.getValue() == Language.GO || e.getValue() == Language.JAVA) && !e.getKey().equals(dir)
                            && RepoFiles.inside(dir, e.getKey()))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (owner == null) {
                continue;
            }
            com.fasterxml.jackson.databind.JsonNode pkg = NodeStack.packageJson(repo, dir);
            String start = Manifests.text(pkg, "scripts", "start");
            if (start == null || NodeStack.DEV_SERVER.matcher(start).find()) {
                appDirs.remove(dir);
                notes.add(dir + " is the front end of the " + appDirs.get(owner).id() + " app in " + owner
                        + " (no production start script; its build bundles it), not an app");
            }
        }
    }

    private static final Pattern JAVA_MAIN = Pattern.compile("static\\s+void\\s+main\\s*\\(|\\bfun\\s+main\\s*\\(");

    /** Whether any JVM source under {@code dir} (a src/main tree) declares a main method. */
    private static boolean hasJavaMain(RepoFiles repo, String dir) {
        for (String f : repo.under(dir)) {
            if (f.contains("src/main/") && (f.endsWith(".java") || f.endsWith(".kt") || f.endsWith(".groovy") || f.endsWith(".scala"))) {
                String text = repo.source(f);
                if (text != null && JAVA_MAIN.matcher(text).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A workspace glob ("packages/*", "apps/**") as a regex over relative directory paths. */
    private static Pattern glob(String g) {
        String s = g.replaceAll("^\\./", "").replaceAll("/$", "");
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append("[^/]*");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }

    /** Each file goes to the deepest app directory holding it; test files go nowhere. */
    private static Map<String, List<String>> sources(RepoFiles repo, Set<String> appDirs) {
        List<String> dirs = new ArrayList<>(appDirs);
        dirs.sort(Comparator.comparingInt(String::length).reversed());
        Map<String, List<String>> out = new LinkedHashMap<>();
        appDirs.forEach(d -> out.put(d, new ArrayList<>()));
        for (String f : repo.files()) {
            if (Code.isTest(f)) {
                continue;
            }
            for (String d : dirs) {
                if (RepoFiles.inside(f, d)) {
                    out.get(d).add(f);
                    break;
                }
            }
        }
        return out;
    }

    private static Detection assemble(String project, List<AppDraft> drafts, Map<String, List<String>> sources,
            RepoFiles repo, List<Service> serviceOverrides, List<String> notes) {
        boolean multi = drafts.size() > 1;
        List<String> evidence = new ArrayList<>(notes);

        // helpers that read the environment by a parameter, anywhere in the apps' runtime code
        List<EnvHelpers.Helper> helpers = new ArrayList<>();
        Set<String> seenFiles = new HashSet<>();
        for (AppDraft d : drafts) {
            for (String f : d.sources) {
                if (seenFiles.add(f) && !FileKinds.isBuildScript(f) && EnvHelpers.lang(f) != null) {
                    helpers.addAll(EnvHelpers.find(f, repo.source(f)));
                }
            }
        }
        for (EnvHelpers.Helper h : helpers) {
            evidence.add("env helper " + h.name() + "(…) at " + h.where() + ": its calls are reads"
                    + (h.failsWhenUnset() ? " (fails when unset without a default)" : ""));
        }

        // env references per app, and services implied by variable names or by defaults pointing at a local service
        Map<AppDraft, Map<String, List<EnvReference>>> refs = new LinkedHashMap<>();
        Map<AppDraft, StringBuilder> codeText = new LinkedHashMap<>();
        for (AppDraft d : drafts) {
            Map<String, List<EnvReference>> byName = new LinkedHashMap<>();
            StringBuilder code = new StringBuilder();
            for (String f : d.sources) { // the stack may have narrowed the directory's files (other programs)
                if (FileKinds.isBuildScript(f) || FileKinds.isDocs(f) || Manifests.isManifestOrLock(f)) {
                    continue; // build, release and CI scripts, wrappers: not the running app's configuration
                }
                boolean scannable = EnvScanner.supports(f);
                if (!scannable && !USAGE_FILES.matcher(f).matches()) {
                    continue;
                }
                String text = repo.source(f);
                if (text == null) {
                    continue;
                }
                if (code.length() < 4_000_000) {
                    code.append(text).append('\n');
                }
                // in a Go, Python or Java app, JavaScript is its front end: a bundler inlines what it reads when the
                // image is built (VUE_APP_*, VITE_*, REACT_APP_*), so those reads configure no running server
                boolean frontEnd = d.language != Language.NODE && EnvScanner.isJavaScript(f);
                List<EnvReference> found = new ArrayList<>(scannable && !frontEnd ? EnvScanner.scan(f, text) : List.of());
                found.addAll(EnvHelpers.calls(f, text, helpers));
                for (EnvReference r : found) {
                    if (!VariableNames.isPlatform(r.name())) {
                        byName.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
                    }
                }
            }
            configFileDefaults(repo, d, byName);
            ConfigFiles.sectionServices(repo, d).forEach(d::service);
            refs.put(d, byName);
            codeText.put(d, code);
            unusedServices(d, code, byName);
            for (Map.Entry<String, List<EnvReference>> e : byName.entrySet()) {
                String def = firstDefault(e.getValue());
                String type = EnvNames.impliedService(e.getKey(), def);
                boolean sqlTaken = type != null && SQL.contains(type) && d.services.keySet().stream().anyMatch(SQL::contains);
                if (type != null && !d.services.containsKey(type) && !sqlTaken) {
                    d.service(type, type + " from env var " + e.getKey() + " read at " + e.getValue().get(0).where()
                            + (EnvNames.impliedService(e.getKey()) == null ? " (its default " + withoutPassword(def) + ")" : ""));
                }
            }
            if ("spring-boot".equals(d.framework)) {
                productionDatabase(repo, d, byName);
            }
            chooseDatabase(repo, d, byName, code);
        }

        // services: detected, or replaced by --services
        Map<String, Service> services = new LinkedHashMap<>();
        Map<AppDraft, List<String>> dependsOn = new LinkedHashMap<>();
        if (serviceOverrides.isEmpty()) {
            for (AppDraft d : drafts) {
                for (String type : d.services.keySet()) {
                    services.putIfAbsent(type, new Service(type, type, ServiceCatalog.get(type).version(), false));
                }
                dependsOn.put(d, new ArrayList<>(d.services.keySet()));
            }
        } else {
            Set<String> detected = new LinkedHashSet<>();
            drafts.forEach(d -> detected.addAll(d.services.keySet()));
            for (Service s : serviceOverrides) {
                services.put(s.name(), s);
            }
            evidence.add("services from --services: " + String.join(", ", serviceOverrides.stream()
                    .map(s -> s.type() + ":" + s.version()).toList())
                    + (detected.isEmpty() ? "" : " (replacing detected " + String.join(", ", detected) + ")"));
            for (AppDraft d : drafts) {
                List<String> deps = new ArrayList<>();
                for (Service s : serviceOverrides) {
                    boolean usedByNone = drafts.stream().noneMatch(x -> x.services.containsKey(s.type()));
                    if (d.services.containsKey(s.type()) || usedByNone) {
                        deps.add(s.name());
                    }
                }
                dependsOn.put(d, deps);
            }
        }

        // names: the root app is named after the project; others after their directory
        Map<AppDraft, String> names = names(project, drafts, services.keySet());

        List<App> apps = new ArrayList<>();
        for (AppDraft d : drafts) {
            String name = names.get(d);
            String prefix = multi ? name + ": " : "";
            if (multi) {
                evidence.add(prefix + d.language.id() + " app in " + d.dir);
            }
            d.evidence.forEach(line -> evidence.add(prefix + line));
            if (serviceOverrides.isEmpty()) {
                d.services.values().forEach(line -> evidence.add(prefix + line));
            }
            Set<String> depTypes = new HashSet<>();
            for (String s : dependsOn.get(d)) {
                depTypes.add(services.get(s).type());
            }
            Map<String, EnvVar> env = new LinkedHashMap<>();
            boolean staticSite = Runtime.STATIC_SITES.containsKey(d.framework);
            String sqlType = depTypes.stream().filter(SQL::contains).findFirst().orElse(null);
            Set<String> inlined = d.language == Language.NODE ? NodeStack.nextConfigEnvKeys(repo, d.dir) : Set.of();
            for (Map.Entry<String, List<EnvReference>> e : refs.get(d).entrySet()) {
                if (inlined.contains(e.getKey())) {
                    evidence.add(prefix + e.getKey() + " is set by next.config env (inlined when the app is built), not read at run time");
                    continue;
                }
                EnvVar v = RunEvidence.listenOnAllInterfaces(envVar(e.getKey(), e.getValue(), d.port, depTypes,
                        refs.get(d).keySet(), d.framework != null && REQUEST_TIME_FRAMEWORKS.contains(d.framework)));
                if (sqlType != null && v.from() == null && EnvNames.isBackendSelector(v.name()) && !staticSite) {
                    String value = EnvNames.selectorValue(sqlType, firstDefault(e.getValue()), codeText.get(d).toString());
                    v = new EnvVar(v.name(), "Database backend: " + value + " selects the stack's " + sqlType
                            + " (read at " + e.getValue().get(0).where() + ")", false, false, value, null);
                }
                if (staticSite) {
                    // a static site reads its variables when it is built, not when nginx serves it
                    v = new EnvVar(v.name(), "build time only: " + v.description(), false, v.secret(), v.defaultValue(), null);
                }
                env.put(v.name(), v);
                evidence.add(prefix + v.name() + " read at " + e.getValue().get(0).where()
                        + (e.getValue().size() > 1 ? " (+" + (e.getValue().size() - 1) + " more)" : "")
                        + (v.secret() ? ", secret" : "") + (v.from() != null ? ", from " + v.from() : "")
                        + (v.required() ? ", required" : ""));
            }
            if ("spring-boot".equals(d.framework)) {
                springBinding(d, depTypes, env, prefix, evidence);
                springProfile(repo, d, sqlType, env, prefix, evidence);
            }
            for (String type : depTypes) {
                boolean wired = ServiceWiring.viaVariable(type, env.values());
                if (!wired && ServiceWiring.atLiteralHost(type, codeText.get(d))) {
                    evidence.add(prefix + "service " + type + " is reached at the literal host '" + type + "' in the code");
                    wired = true;
                }
                List<String> partial = ServiceWiring.partial(type, env.values());
                if (!wired && !staticSite && !partial.isEmpty()) {
                    evidence.add("warning: " + prefix + "service " + type + " is added and "
                            + ServiceWiring.hostAdvice(type, type, partial));
                } else if (!wired && !staticSite) {
                    evidence.add("warning: " + prefix + "service " + type + " is added but no variable the app reads points "
                            + "at it, so the app cannot reach it: " + ServiceWiring.advice(type, type));
                }
            }
            Runtime runtime = new Runtime(d.language, d.version, d.buildTool, d.framework);
            apps.add(new App(name, d.dir, runtime, d.port, d.build, d.start, d.healthcheck, d.output,
                    dependsOn.get(d), env, d.processes));
        }
        Map<String, Environment> environments = new LinkedHashMap<>();
        for (String e : List.of("development", "staging", "production")) {
            environments.put(e, new Environment(e, Map.of()));
        }
        return new Detection(new Descriptor(project, apps, services, environments, LintSettings.EMPTY), evidence);
    }

    /**
     * Committed KEY=value files the app loads at start ({@link ConfigFiles}) give their variables' defaults: the file's
     * value comes first (the loader sets it before the code's own fallback applies); a file viper reads makes each of
     * its keys a read.
     */
    private static void configFileDefaults(RepoFiles repo, AppDraft d, Map<String, List<EnvReference>> byName) {
        for (ConfigFiles.Loaded l : ConfigFiles.loaded(repo, d)) {
            int n = 0;
            for (ConfigFiles.Entry e : ConfigFiles.entries(repo, l.file())) {
                if (VariableNames.isPlatform(e.name()) || (!l.keysAreReads() && !byName.containsKey(e.name()))) {
                    continue;
                }
                byName.computeIfAbsent(e.name(), k -> new ArrayList<>())
                        .add(0, new EnvReference(e.name(), l.file(), e.line(), 1, e.value(), EnvReference.Kind.CONFIG_FILE));
                n++;
            }
            d.evidence("defaults of " + n + " variable" + (n == 1 ? "" : "s") + " from " + l.file() + " (loaded by "
                    + l.loader() + ")");
        }
    }

    /** A URL with the password of its user info masked ({@code postgres://app:***@localhost/app}), for evidence lines. */
    static String withoutPassword(String url) {
        return url == null ? null : url.replaceAll("(://[^:/@\\s]*:)[^@/\\s]+@", "$1***@");
    }

    /**
     * Frameworks that load the app's own modules when a request first needs them (Next.js routes and pages): a
     * {@code process.env} read there runs per request, not when the server starts, except in the files the
     * framework runs at start ({@link #STARTUP_FILES}).
     */
    private static final Set<String> REQUEST_TIME_FRAMEWORKS = Set.of("next");
    private static final Pattern STARTUP_FILES = Pattern.compile("(?:^|.*/)(?:next\\.config|instrumentation|server)\\.[cm]?[jt]s$");

    /** Whether a read runs only when a request needs it (see {@link #REQUEST_TIME_FRAMEWORKS}). */
    private static boolean requestTime(EnvReference r, boolean requestScoped) {
        return requestScoped && r.kind() == EnvReference.Kind.PROCESS_ENV && !STARTUP_FILES.matcher(r.path()).matches();
    }

    /** One variable of an app from all its reads. */
    private static EnvVar envVar(String name, List<EnvReference> reads, Integer port, Set<String> serviceTypes,
            Set<String> appReads, boolean requestScoped) {
        boolean secret = VariableNames.isSecret(name);
        String from = EnvNames.serviceAttribute(name, firstDefault(reads), serviceTypes);
        if (from == null) {
            from = EnvNames.familyDatabaseName(name, firstDefault(reads), appReads, serviceTypes);
        }
        boolean hasDefault = false;
        boolean optionalRead = false;
        boolean declared = false;
        boolean startupRead = false;
        String def = null;
        for (EnvReference r : reads) {
            declared |= r.declaresRequired();
            if (r.defaultValue() != null) {
                hasDefault = true;
                if (def == null && !r.defaultValue().contains("${") && EnvVar.renderableDefault(r.defaultValue())) {
                    def = r.defaultValue(); // one compose cannot carry stays the code's own: the variable is passed only when set
                }
            }
            optionalRead |= r.copesWhenUnset();
            startupRead |= !requestTime(r, requestScoped);
        }
        if ("PORT".equals(name)) {
            return new EnvVar(name, EnvNames.description(name), false, false, port == null ? def : String.valueOf(port), null);
        }
        String description = EnvNames.description(name, from);
        if (description == null) {
            description = "read at " + reads.get(0).where();
        }
        // required is the app's fact (it cannot start without it), whether or not the stack sets it ('from'); an ORM
        // schema that reads it without a default decides, whatever other reads cope with
        boolean required = declared || (!hasDefault && !optionalRead && startupRead);
        return new EnvVar(name, description, required, secret, secret ? null : def, from);
    }

    private static final Set<String> SQL = Set.of("postgres", "mysql", "mariadb");
    /** Non-code files whose text tells which services an app uses (framework config, SQL, Prisma, Docker files). */
    private static final Pattern USAGE_FILES = Pattern.compile(
            "(?i).*\\.(?:ya?ml|properties|toml|ini|cfg|conf|prisma|json|xml|sql|env\\.example|php|rb)$");
    /** Words in an app's code or configuration that show it uses a service type. */
    private static final Map<String, Pattern> USES = Map.of(
            "postgres", Pattern.compile("(?i)postgres|psycopg|asyncpg|\\bpgx\\b|lib/pq|['\"`]pg['\"`]|\\bpg\\.(?:Pool|Client)|npgsql"),
            "mysql", Pattern.compile("(?i)mysql"),
            "mariadb", Pattern.compile("(?i)mariadb|mysql"),
            "mongodb", Pattern.compile("(?i)mongo|motor_asyncio|AsyncIOMotor"),
            "redis", Pattern.compile("(?i)redis"),
            "rabbitmq", Pattern.compile("(?i)amqp|rabbit|pika|kombu"),
            "kafka", Pattern.compile("(?i)kafka"));

    private static String firstDefault(List<EnvReference> reads) {
        for (EnvReference r : reads) {
            if (r.defaultValue() != null && !r.defaultValue().contains("${")) {
                return r.defaultValue();
            }
        }
        return null;
    }

    /**
     * Drops a service found only through a client library in the manifest when nothing in the app's code or
     * configuration mentions it (a library in the dependency list is not a need). Java and Go apps keep theirs:
     * Spring Boot configures a driver on the classpath by itself, and 'go mod tidy' keeps a direct require only
     * when a package imports it (indirect ones are skipped already).
     */
    private static void unusedServices(AppDraft d, CharSequence code, Map<String, List<EnvReference>> byName) {
        if (d.language == Language.JAVA || d.language == Language.GO) {
            return; // Spring Boot configures a driver on the classpath itself; a direct go.mod require is imported
        }
        for (String type : new ArrayList<>(d.services.keySet())) {
            String why = d.services.get(type);
            boolean fromManifest = why.contains(" dependency ") || why.contains(" require ");
            Pattern uses = USES.get(type);
            if (!fromManifest || uses == null || uses.matcher(code).find()) {
                continue;
            }
            boolean linked = byName.entrySet().stream().anyMatch(e ->
                    EnvNames.serviceAttribute(e.getKey(), firstDefault(e.getValue()), List.of(type)) != null);
            if (!linked) {
                d.services.remove(type);
                d.evidence("not adding " + type + ": " + why.substring(why.indexOf(" from ") + 6)
                        + ", but no code or configuration of the app uses it");
            }
        }
    }

    /**
     * An app with several SQL databases available (pg and mysql2 and sqlite3 for Sequelize) gets the one its own
     * defaults choose: a backend selector's default, a connection default's scheme, the Prisma provider, else
     * the one its code names most; the others are dropped.
     */
    private static void chooseDatabase(RepoFiles repo, AppDraft d, Map<String, List<EnvReference>> byName,
            CharSequence code) {
        List<String> sql = d.services.keySet().stream().filter(SQL::contains).toList();
        if (sql.size() < 2) {
            return;
        }
        String chosen = null;
        String why = null;
        // the code's defaults, then the values the repository's own .env.example documents
        Map<String, String> defaults = new LinkedHashMap<>();
        byName.forEach((k, v) -> {
            if (firstDefault(v) != null) {
                defaults.put(k, firstDefault(v));
            }
        });
        for (String f : d.sources) {
            if (FileKinds.dotenv(f) == FileKinds.Dotenv.EXAMPLE) {
                for (Map.Entry<String, String> kv : exampleValues(repo, f).entrySet()) {
                    if (byName.containsKey(kv.getKey())) {
                        defaults.putIfAbsent(kv.getKey(), kv.getValue());
                    }
                }
            }
        }
        for (Map.Entry<String, String> e : defaults.entrySet()) {
            String def = e.getValue();
            String lower = def.toLowerCase(Locale.ROOT);
            for (String t : sql) {
                boolean names = EnvNames.isBackendSelector(e.getKey()) ? lower.contains(t.equals("postgres") ? "postg" : t)
                        || (t.equals("postgres") && lower.matches("pg|psql"))
                        : EnvNames.serviceAttribute(e.getKey(), def, List.of(t)) != null && lower.contains("://");
                if (names && chosen == null) {
                    chosen = t;
                    why = e.getKey() + (byName.containsKey(e.getKey()) && firstDefault(byName.get(e.getKey())) != null
                            ? " defaults to " : " is set in the repository's .env example to ") + def;
                }
            }
        }
        if (chosen == null) {
            for (String t : sql) {
                if (d.services.get(t).contains(" provider ") || d.services.get(t).contains(" from config section ")) {
                    chosen = t;
                    why = d.services.get(t);
                }
            }
        }
        if (chosen == null) {
            int best = -1;
            for (String t : sql) {
                Matcher m = USES.get(t).matcher(code);
                int n = 0;
                while (m.find()) {
                    n++;
                }
                if (n > best) {
                    best = n;
                    chosen = t;
                    why = "its code names " + t + " most (" + n + " times)";
                }
            }
        }
        for (String t : sql) {
            if (!t.equals(chosen)) {
                d.evidence("not adding " + t + ": the app supports several databases; using " + chosen + " (" + why + ")");
                d.services.remove(t);
            }
        }
    }

    /** KEY=value lines of an example dotenv file (comments and blank lines skipped, quotes removed). */
    private static Map<String, String> exampleValues(RepoFiles repo, String f) {
        Map<String, String> out = new LinkedHashMap<>();
        String text = repo == null ? null : repo.source(f);
        if (text == null) {
            return out;
        }
        Matcher m = Pattern.compile("(?m)^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*['\"]?([^'\"#\\r\\n]*?)['\"]?\\s*$").matcher(text);
        while (m.find()) {
            out.putIfAbsent(m.group(1), m.group(2));
        }
        return out;
    }

    /**
     * Spring Boot binds SPRING_DATASOURCE_URL / _USERNAME / _PASSWORD (and SPRING_DATA_REDIS_HOST,
     * SPRING_DATA_MONGODB_URI, SPRING_RABBITMQ_*) to its properties by relaxed binding: an app with the service
     * gets them wired unless it already reads its own variables for that service.
     */
    private static void springBinding(AppDraft d, Set<String> types, Map<String, EnvVar> env, String prefix,
            List<String> evidence) {
        for (String type : types) {
            boolean wired = env.values().stream().anyMatch(v -> v.from() != null && v.from().startsWith(type + "."));
            if (wired) {
                continue;
            }
            List<String[]> vars = switch (type) {
                case "postgres", "mysql", "mariadb" -> List.of(new String[] {"SPRING_DATASOURCE_URL", "jdbc"},
                        new String[] {"SPRING_DATASOURCE_USERNAME", "user"}, new String[] {"SPRING_DATASOURCE_PASSWORD", "password"});
                case "redis" -> List.of(new String[] {"SPRING_DATA_REDIS_HOST", "host"}, new String[] {"SPRING_REDIS_HOST", "host"});
                case "mongodb" -> List.<String[]>of(new String[] {"SPRING_DATA_MONGODB_URI", "url"});
                case "rabbitmq" -> List.of(new String[] {"SPRING_RABBITMQ_HOST", "host"},
                        new String[] {"SPRING_RABBITMQ_USERNAME", "user"}, new String[] {"SPRING_RABBITMQ_PASSWORD", "password"});
                case "kafka" -> List.<String[]>of(new String[] {"SPRING_KAFKA_BOOTSTRAP_SERVERS", "brokers"});
                default -> List.<String[]>of();
            };
            for (String[] v : vars) {
                String from = type + "." + v[1];
                String desc = EnvNames.description(v[0], from);
                env.put(v[0], new EnvVar(v[0], desc != null ? desc : "Spring Boot binds it to " + v[0].toLowerCase(Locale.ROOT)
                        .replace('_', '.'), false, VariableNames.isSecret(v[0]), null, from));
                evidence.add(prefix + v[0] + " from " + from + " (Spring Boot relaxed binding of "
                        + v[0].toLowerCase(Locale.ROOT).replace('_', '.') + ")");
            }
        }
    }

    /**
     * Spring Boot: the datasource URL of the profiles active by default decides the database when it names a server;
     * when they use an embedded database (H2, HSQLDB …) or set no datasource, the datasource URL of the profile meant
     * for production ({@link SpringProfiles#production}) decides the database:
     * that service is added, other SQL databases the classpath offers are dropped, and the profile is remembered so
     * that SPRING_PROFILES_ACTIVE selects it when it is not active by default.
     */
    private static void productionDatabase(RepoFiles repo, AppDraft d, Map<String, List<EnvReference>> byName) {
        List<String> active = SpringProfiles.defaultActive(repo, d);
        String current = SpringProfiles.database(repo, d, "");
        for (String p : active) {
            String t = SpringProfiles.database(repo, d, p);
            current = t != null ? t : current;
        }
        String type;
        String why;
        SpringProfiles.Choice prod = null;
        if (current != null && !"embedded".equals(current)) {
            type = current; // the profiles active by default name a database server: that one
            why = "spring.datasource.url of the default configuration" + (active.isEmpty() ? ""
                    : " (profiles " + String.join(",", active) + ")") + " names " + type;
        } else {
            List<EnvReference> activeReads = byName.get("SPRING_PROFILES_ACTIVE");
            prod = SpringProfiles.production(repo, d, activeReads == null ? null : firstDefault(activeReads));
            type = prod == null ? null : SpringProfiles.database(repo, d, prod.profile());
            if (type == null || "embedded".equals(type)) {
                return;
            }
            why = "the production profile '" + prod.profile() + "' (" + prod.why() + ") sets spring.datasource.url to "
                    + type + (current == null ? "" : "; the default profiles use an embedded database");
        }
        d.service(type, type + " from " + why); // a driver on the classpath keeps its own evidence line
        for (String t : new ArrayList<>(d.services.keySet())) {
            if (SQL.contains(t) && !t.equals(type)) {
                d.services.remove(t);
                d.evidence("not adding " + t + ": " + why);
            }
        }
        if (prod != null) {
            d.springProductionProfile = prod.profile();
        }
    }

    private static final Set<String> EMBEDDED_PROFILES = Set.of("h2", "hsqldb", "hsql", "derby", "sqlite", "embedded");

    /**
     * Spring Boot's backend selector is the active profile: when the app keeps the stack's database settings in a
     * profile file (application-mysql.properties) that its default profiles (spring.profiles.active=h2,…) do not
     * select, SPRING_PROFILES_ACTIVE gets that profile instead of the embedded database's, so the app does not fall
     * back to H2/HSQLDB while the service runs unused.
     */
    private static void springProfile(RepoFiles repo, AppDraft d, String sqlType, Map<String, EnvVar> env, String prefix,
            List<String> evidence) {
        if (sqlType == null || env.containsKey("SPRING_PROFILES_ACTIVE")) {
            return;
        }
        List<String> names = switch (sqlType) {
            case "postgres" -> List.of("postgres", "postgresql", "pg");
            case "mysql" -> List.of("mysql");
            default -> List.of("mariadb", "mysql");
        };
        String profile = null;
        for (String f : d.sources) {
            String n = f.substring(f.lastIndexOf('/') + 1);
            Matcher pm = Pattern.compile("application-([\\w-]+)\\.(?:properties|ya?ml)").matcher(n);
            if (pm.matches() && names.contains(pm.group(1)) && profile == null) {
                profile = pm.group(1);
            }
        }
        if (d.springProductionProfile != null) {
            profile = d.springProductionProfile; // its datasource chose the stack's database
        }
        if (profile == null) {
            return;
        }
        List<String> defaults = SpringProfiles.defaultActive(repo, d);
        String active = defaults.isEmpty() ? null : String.join(",", defaults);
        List<String> profiles = new ArrayList<>();
        if (active != null) {
            for (String p : active.split("\\s*,\\s*")) {
                if (!p.isBlank() && !EMBEDDED_PROFILES.contains(p) && !p.equals(profile)) {
                    profiles.add(p);
                }
            }
        }
        profiles.add(0, profile);
        String value = String.join(",", profiles);
        if (value.equals(active)) {
            return;
        }
        env.put("SPRING_PROFILES_ACTIVE", new EnvVar("SPRING_PROFILES_ACTIVE", "Spring profiles: '" + profile
                + "' selects the stack's " + sqlType + (active == null ? "" : " (the app's default is '" + active + "')"),
                false, false, value, null));
        evidence.add(prefix + "SPRING_PROFILES_ACTIVE=" + value + ": application-" + profile + " configures the stack's "
                + sqlType + (active == null ? "" : ", replacing the default profiles '" + active + "'"));
    }

    private static Map<AppDraft, String> names(String project, List<AppDraft> drafts, Set<String> serviceNames) {
        Map<AppDraft, String> out = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>(serviceNames);
        List<AppDraft> ordered = new ArrayList<>(drafts);
        ordered.sort(Comparator.comparing(d -> !".".equals(d.dir) || d.name != null));
        for (AppDraft d : ordered) {
            String base = d.name != null ? sanitize(d.name)
                    : ".".equals(d.dir) ? project : sanitize(d.dir.substring(d.dir.lastIndexOf('/') + 1));
            String name = base;
            if (taken.contains(name) && !".".equals(d.dir)) {
                name = sanitize(d.dir.replace('/', '-'));
            }
            if (taken.contains(name)) {
                name = base + "-app";
            }
            for (int i = 2; taken.contains(name); i++) {
                name = base + "-" + i;
            }
            taken.add(name);
            out.put(d, name);
        }
        return out;
    }

    /** Lowercase, [a-z0-9_-] only, starting with a letter or digit; "app" when nothing is left. */
    static String sanitize(String raw) {
        String s = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^[^a-z0-9]+", "")
                .replaceAll("-+$", "");
        return s.isEmpty() ? "app" : s;
    }

    private static String projectName(Path dir, String override) {
        if (override != null) {
            if (!DescriptorLoader.NAME.matcher(override).matches()) {
                throw new UserError(null, "project name '" + override + "' is not valid",
                        "use lowercase letters, digits, '-' and '_', starting with a letter or digit (e.g. '"
                        + sanitize(override) + "')");
            }
            return override;
        }
        Path name = dir.getFileName();
        return sanitize(name == null ? "app" : name.toString());
    }

    private static Language language(String id) {
        Language l = Language.of(id);
        if (l == null) {
            String near = Suggest.closest(id, Language.ids());
            throw new UserError(null, "unknown stack '" + id + "'", (near == null ? "" : "did you mean '" + near + "'? ")
                    + "supported: " + String.join(", ", Language.ids()));
        }
        return l;
    }

    /** "postgres" or "postgres:16" → services named after their type. */
    private static List<Service> parseServices(List<String> specs) {
        List<Service> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String spec : specs) {
            String s = spec == null ? "" : spec.trim();
            int colon = s.indexOf(':');
            String type = (colon < 0 ? s : s.substring(0, colon)).toLowerCase(Locale.ROOT);
            String version = colon < 0 ? null : s.substring(colon + 1);
            ServiceCatalog.Entry entry = ServiceCatalog.get(type);
            if (entry == null) {
                String near = Suggest.closest(type, ServiceCatalog.types());
                if (near == null) {
                    near = ServiceCatalog.types().stream().filter(t -> !type.isEmpty() && t.startsWith(type))
                            .findFirst().orElse(null);
                }
                throw new UserError(null, "unknown service '" + type + "' in --service",
                        (near == null ? "" : "did you mean '" + near + "'? ") + "known: "
                        + String.join(", ", ServiceCatalog.types()));
            }
            if (version != null && (!VERSION.matcher(version).matches() || "latest".equals(version))) {
                throw new UserError(null, "service version '" + version + "' in --service " + s + " is not a pinned image tag",
                        "write TYPE:VERSION with a tag such as " + type + ":" + entry.version());
            }
            if (!seen.add(type)) {
                throw new UserError(null, "service '" + type + "' is given twice in --service", "name each service once");
            }
            out.add(new Service(type, type, version == null ? entry.version() : version, false));
        }
        return out;
    }
}
