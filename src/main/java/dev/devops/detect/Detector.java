package dev.devops.detect;

import dev.devops.core.UserError;
import dev.devops.descriptor.Descriptor;
import dev.devops.descriptor.DescriptorLoader;
import dev.devops.descriptor.Language;
import dev.devops.descriptor.Service;
import dev.devops.descriptor.ServiceCatalog;
import dev.devops.yaml.Suggest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Detects apps, runtimes, services and environment variables in a repository and drafts a
 * {@link Descriptor} from them, with one evidence line per decision: a facade over {@link AppDiscovery} (which
 * directories are apps, which files each owns), the per-language readers ({@link NodeStack}, {@link JavaStack},
 * {@link PythonStack}, {@link GoStack}, {@link RunEvidence}) and {@link DescriptorAssembly} (drafts to the model).
 */
public final class Detector {
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
        Map<String, Language> appDirs = AppDiscovery.appDirectories(repo, notes);
        Map<String, String> workspaceOf = new LinkedHashMap<>();
        AppDiscovery.workspaceMembers(repo, appDirs, workspaceOf, notes);
        AppDiscovery.notApps(repo, appDirs, notes);

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
                    "looked for " + String.join(", ", AppDiscovery.MANIFESTS) + " up to " + AppDiscovery.MAX_MANIFEST_DEPTH
                    + " directories deep; pass --stack node|java|python|go to start from defaults");
        }

        // the root app first, then by path
        Map<String, Language> ordered = new TreeMap<>(Comparator.comparing((String k) -> !".".equals(k))
                .thenComparing(String.CASE_INSENSITIVE_ORDER).thenComparing(Comparator.naturalOrder()));
        ordered.putAll(appDirs);
        appDirs = ordered;
        Map<String, List<String>> sources = AppDiscovery.sources(repo, appDirs.keySet());
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
        return DescriptorAssembly.assemble(project, drafts, sources, repo, serviceOverrides, notes);
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


    private static String projectName(Path dir, String override) {
        if (override != null) {
            if (!DescriptorLoader.NAME.matcher(override).matches()) {
                throw new UserError(null, "project name '" + override + "' is not valid",
                        "use lowercase letters, digits, '-' and '_', starting with a letter or digit (e.g. '"
                        + DescriptorAssembly.sanitize(override) + "')");
            }
            return override;
        }
        Path name = dir.getFileName();
        return DescriptorAssembly.sanitize(name == null ? "app" : name.toString());
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
