package dev.devops.detect;

import dev.devops.files.FileKinds;

import dev.devops.descriptor.App;
import dev.devops.descriptor.Language;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * App discovery: which directories of a repository are apps, workspaces or libraries, and which files belong to
 * each app. Nothing here builds the descriptor ({@link DescriptorAssembly} does, from the drafts).
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
final class AppDiscovery {
    /** How deep manifests are looked for (the root is depth 0). */
    static final int MAX_MANIFEST_DEPTH = 3;
    static final List<String> MANIFESTS = List.of("package.json", "pom.xml", "build.gradle", "build.gradle.kts",
            "pyproject.toml", "requirements.txt", "Pipfile", "go.mod");

    private AppDiscovery() {
    }

    /** Directories with a manifest (depth ≤ 3), each with its stack, minus Maven modules and Gradle subprojects. */
    static Map<String, Language> appDirectories(RepoFiles repo, List<String> notes) {
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
        Map<String, String> localGoDeps = GoStack.localReplaces(repo, manifests.entrySet().stream()
                .filter(e -> e.getValue().contains("go.mod")).map(Map.Entry::getKey).toList());
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
            if (!".".equals(dir) && FileKinds.isTest(dir + "/")) {
                notes.add(dir + " is test code (under a test directory), not an app");
                continue;
            }
            String library = localGoDeps.keySet().stream().filter(l -> l.equals(dir) || RepoFiles.inside(dir, l)).findFirst().orElse(null);
            if (library != null) {
                notes.add(dir + (dir.equals(library) ? " is a Go module " + localGoDeps.get(library) + " uses as a library"
                        : " is inside " + library + ", a Go module " + localGoDeps.get(library) + " uses as a library")
                        + " (replace … => ./" + library + "), not an app");
                continue;
            }
            if (found.get(0) == Language.GO && !".".equals(dir) && !GoStack.hasMainPackage(repo, dir)) {
                notes.add(dir + " is a Go library module (no package main in it), not an app");
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
            return !MavenBuild.readPom(repo, pom).modules().isEmpty();
        }
        return repo.exists(RepoFiles.join(dir, "settings.gradle")) || repo.exists(RepoFiles.join(dir, "settings.gradle.kts"));
    }

    /**
     * Node workspaces: a package.json with "workspaces" is not an app itself; its packages with a start
     * script or a static-site build are (the others are libraries). When no package qualifies, the root stays the app.
     */
    static void workspaceMembers(RepoFiles repo, Map<String, Language> appDirs, Map<String, String> workspaceOf,
            List<String> notes) {
        for (String dir : new ArrayList<>(appDirs.keySet())) {
            if (appDirs.get(dir) != Language.NODE || !appDirs.containsKey(dir)) {
                continue;
            }
            List<String> globs = NodeStack.workspaces(repo, dir);
            if (globs.isEmpty()) {
                continue;
            }
            List<Pattern> patterns = globs.stream().map(AppDiscovery::glob).toList();
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
    static void notApps(RepoFiles repo, Map<String, Language> appDirs, List<String> notes) {
        TemplateInputs.remove(repo, appDirs, notes);
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
            // a Python app owns the front end inside it only when the front end's build writes into the app's
            // tree (vite outDir '../cookbook/static/vue3', 'static'): the Python app serves those files itself
            boolean intoOwner = buildsIntoEnclosingApp(repo, dir);
            String owner = appDirs.entrySet().stream()
                    .filter(e -> (e.getValue() == Language.GO || e.getValue() == Language.JAVA
                            || (e.getValue() == Language.PYTHON && intoOwner)) && !e.getKey().equals(dir)
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

    /** A bundler's output directory: vite/rollup {@code outDir: '…'}, webpack {@code path: path.resolve(__dirname, '…')}. */
    private static final Pattern BUNDLER_OUT_DIR = Pattern.compile(
            "\\boutDir\\s*:\\s*['\"`]([^'\"`\\n]+)['\"`]|\\bpath\\s*:\\s*path\\.(?:resolve|join)\\(\\s*__dirname\\s*,\\s*['\"`]([^'\"`\\n]+)['\"`]");
    private static final Pattern SCRIPT_OUT_DIR = Pattern.compile("--out-?[dD]ir[=\\s]+['\"]?([^'\"\\s]+)");

    /**
     * Whether the Node package's build writes its output into the enclosing directory's tree rather than into a
     * directory of its own to be served: an output directory outside the package ({@code ../app/static/ui}) or named
     * {@code static} (the enclosing app's static files).
     */
    static boolean buildsIntoEnclosingApp(RepoFiles repo, String dir) {
        List<String> outs = new ArrayList<>();
        for (String f : repo.under(dir)) {
            String name = f.substring(f.lastIndexOf('/') + 1);
            if (RepoFiles.parent(f).equals(dir) && name.matches("(vite|webpack|rollup)\\.config\\.[cm]?[jt]s")) {
                String text = repo.source(f);
                Matcher m = BUNDLER_OUT_DIR.matcher(text == null ? "" : text);
                while (m.find()) {
                    outs.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        String build = Manifests.text(NodeStack.packageJson(repo, dir), "scripts", "build");
        Matcher m = SCRIPT_OUT_DIR.matcher(build == null ? "" : build);
        while (m.find()) {
            outs.add(m.group(1));
        }
        for (String out : outs) {
            String o = out.replaceFirst("^\\./", "");
            if (o.startsWith("../") || o.matches("(?:.*/)?static(?:/.*)?")) {
                return true;
            }
        }
        return false;
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
    static Map<String, List<String>> sources(RepoFiles repo, Set<String> appDirs) {
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
}
