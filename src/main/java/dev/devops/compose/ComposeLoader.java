package dev.devops.compose;

import dev.devops.files.FileKinds;
import dev.devops.core.VariableNames;
import dev.devops.core.SourceLocation;
import dev.devops.core.UserError;
import dev.devops.yaml.Suggest;
import dev.devops.yaml.YMap;
import dev.devops.yaml.YNode;
import dev.devops.yaml.YamlDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads compose files into a {@link ComposeProject}: finds the default files, reads the env file,
 * interpolates every value, merges override files, resolves {@code extends} and types the result.
 * Every problem is a {@link UserError} with file, line and column ({@code up} exits 2 with it; lint
 * turns it into a finding).
 */
public final class ComposeLoader {
    /** The default file names, in the order compose looks for them. */
    public static final List<String> DEFAULT_FILES = FileKinds.COMPOSE_DEFAULT_NAMES;

    /**
     * What to load.
     *
     * @param files              compose files in merge order ({@code -f}); empty: the default file of
     *                           {@code directory} plus its override file
     * @param directory          the project directory; null: the first file's directory
     * @param projectName        {@code -p}, or null
     * @param envFiles           {@code --env-file} files (later ones win); empty: {@code .env} of the project
     *                           directory when it exists
     * @param processEnvironment the shell environment (wins over env files)
     * @param lenient            lint mode: failed {@code ${X:?}} and missing env files are warnings, not errors
     * @param documented         lint mode: the values an example env file documents ({@code .env.example}), used for a
     *                           reference with no default ({@code ${X}}, {@code ${X:?…}}) whose variable is unset: the
     *                           value the stack is started with once the example is copied to .env; a default wins
     */
    public record Options(List<Path> files, Path directory, String projectName, List<Path> envFiles,
            Map<String, String> processEnvironment, boolean lenient, Map<String, String> documented) {
        public Options {
            files = List.copyOf(files);
            envFiles = List.copyOf(envFiles);
            processEnvironment = Map.copyOf(processEnvironment);
            documented = Map.copyOf(documented);
        }

        /** Without documented values. */
        public Options(List<Path> files, Path directory, String projectName, List<Path> envFiles,
                Map<String, String> processEnvironment, boolean lenient) {
            this(files, directory, projectName, envFiles, processEnvironment, lenient, Map.of());
        }

        /** The defaults for a directory, with the real process environment. */
        public static Options forDirectory(Path directory) {
            return new Options(List.of(), directory, null, List.of(), System.getenv(), false);
        }
    }

    private final Options options;
    private final List<String> warnings = new ArrayList<>();
    /** The files of the includes that led here (the top-level files included), for cycle errors. */
    private final java.util.Set<Path> chain = new java.util.LinkedHashSet<>();
    /** Loading a file named by another's include: its build contexts are made absolute (relative to its own directory). */
    private boolean includedFile;
    private Interpolator interpolator;
    /** Where the keys tagged {@code !override} are written: their values replace what earlier files set. */
    private final java.util.Set<SourceLocation> overrideKeys = new java.util.HashSet<>();

    private ComposeLoader(Options options) {
        this.options = options;
    }

    /** Loads the project {@code options} describe. */
    public static ComposeProject load(Options options) {
        return new ComposeLoader(options).run();
    }

    /** The default compose file of {@code dir} followed by its override file, or an empty list. */
    public static List<Path> discover(Path dir) {
        List<Path> out = new ArrayList<>();
        for (String name : DEFAULT_FILES) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                out.add(p);
                String dot = name.substring(0, name.lastIndexOf('.'));
                for (String ext : List.of(".yaml", ".yml")) {
                    Path o = dir.resolve(dot + ".override" + ext);
                    if (Files.isRegularFile(o)) {
                        out.add(o);
                        break;
                    }
                }
                break;
            }
        }
        return out;
    }

    /** Lowercase, keeping only {@code [a-z0-9_-]}, as compose normalizes a directory name. */
    public static String normalizeProjectName(String name) {
        StringBuilder sb = new StringBuilder();
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                sb.append(c);
            }
        }
        while (sb.length() > 0 && (sb.charAt(0) == '_' || sb.charAt(0) == '-')) {
            sb.deleteCharAt(0);
        }
        return sb.toString();
    }

    private ComposeProject run() {
        List<Path> files = new ArrayList<>();
        Path dir = options.directory() == null ? null : options.directory().toAbsolutePath().normalize();
        if (options.files().isEmpty()) {
            Path where = dir == null ? Path.of("").toAbsolutePath() : dir;
            files.addAll(discover(where));
            if (files.isEmpty()) {
                throw new UserError(null, "no compose file in " + where,
                        "create compose.yaml (or docker-compose.yml), or name one with -f");
            }
        } else {
            for (Path f : options.files()) {
                files.add(dir == null || f.isAbsolute() ? f.toAbsolutePath().normalize() : dir.resolve(f).normalize());
            }
        }
        if (dir == null) {
            dir = files.get(0).getParent();
        }
        chain.addAll(files);
        Map<String, String> environment = environment(dir);
        interpolator = new Interpolator(environment::get, options.lenient(), options.documented()::get);

        RawNode.Mapping merged = null;
        for (Path f : files) {
            // an overlay holding only comments (a seam a fork fills in, always passed last with -f): compose merges
            // nothing from it; only a first file that is empty is an error
            RawNode.Mapping doc = readDocument(f, merged != null);
            if (doc == null) {
                continue;
            }
            merged = merged == null ? doc : ComposeMerge.mergeDocuments(merged, doc, overrideKeys);
        }
        merged = ComposeMerge.dropResets(merged);
        checkKeys(merged, ComposeKeys.TOP, "the document");
        List<ComposeProject> included = merged.has("include") ? includes(merged, dir) : List.of();
        ComposeService.Located version = null;
        if (merged.get("version") instanceof RawNode.Scalar v && v.value() != null) {
            version = new ComposeService.Located(v.value(), merged.keyLocation("version"));
        }

        Map<String, RawNode.Mapping> rawServices = new LinkedHashMap<>();
        Map<String, SourceLocation> serviceKeys = new LinkedHashMap<>();
        if (merged.get("services") instanceof RawNode.Mapping sm) {
            for (var e : sm.entries().entrySet()) {
                if (!e.getKey().matches("[a-zA-Z0-9][a-zA-Z0-9._-]*")) {
                    throw new UserError(sm.keyLocation(e.getKey()), "service name '" + e.getKey() + "' is not valid",
                            "use letters, digits, '.', '_' and '-', starting with a letter or digit");
                }
                RawNode.Mapping svc = e.getValue() instanceof RawNode.Scalar s && s.isNull()
                        ? new RawNode.Mapping(Map.of(), Map.of(), s.at())
                        : RawNode.map(e.getValue(), "services." + e.getKey());
                rawServices.put(e.getKey(), svc);
                serviceKeys.put(e.getKey(), sm.keyLocation(e.getKey()));
            }
        } else if (merged.has("services") && !(merged.get("services") instanceof RawNode.Scalar s && s.isNull())) {
            throw RawNode.typeError(merged.get("services"), "services", "a mapping of service names");
        }
        Map<String, ComposeService> services = new LinkedHashMap<>();
        for (var e : rawServices.entrySet()) {
            RawNode.Mapping resolved = resolveExtends(e.getKey(), e.getValue(), rawServices, new HashSet<>());
            services.put(e.getKey(), ServiceReader.read(e.getKey(), serviceKeys.get(e.getKey()), resolved, dir,
                    environment, options.lenient(), warnings, includedFile));
        }

        String name = projectName(merged, environment, dir);
        Map<String, ComposeProject.Resource> networks = resources(merged, "networks", ComposeKeys.NETWORK);
        Map<String, ComposeProject.Resource> volumes = resources(merged, "volumes", ComposeKeys.VOLUME_DEF);
        Map<String, ComposeProject.Resource> secrets = resources(merged, "secrets", ComposeKeys.SECRET);
        Map<String, ComposeProject.Resource> configs = resources(merged, "configs", ComposeKeys.CONFIG);
        for (ComposeProject inc : included) {
            // as compose does: the included model's services and resources join this one; a name both define is an error
            SourceLocation at = merged.keyLocation("include");
            importAll("service", inc.services(), services, inc, at);
            importAll("network", inc.networks(), networks, inc, at);
            importAll("volume", inc.volumes(), volumes, inc, at);
            importAll("secret", inc.secrets(), secrets, inc, at);
            importAll("config", inc.configs(), configs, inc, at);
            warnings.addAll(inc.warnings());
        }
        return new ComposeProject(name, dir, List.copyOf(files), version, services, networks, volumes, secrets, configs,
                environment, warnings);
    }

    /**
     * Loads each entry of {@code include:} as compose does: a path (or a mapping with {@code path:}, one file or a
     * list merged in order, {@code project_directory:} and {@code env_file:}), relative to this project's directory;
     * the included file is a project of its own (its relative paths resolve from its own directory, its {@code .env}
     * interpolates it), loaded recursively. A missing file or an include cycle is an error at the entry.
     */
    private List<ComposeProject> includes(RawNode.Mapping doc, Path dir) {
        List<ComposeProject> out = new ArrayList<>();
        for (RawNode entry : RawNode.list(doc.get("include"), "include")) {
            List<String> paths;
            String projectDir = null;
            List<String> envFiles = List.of();
            if (entry instanceof RawNode.Mapping m) {
                checkKeys(m, List.of("path", "project_directory", "env_file"), "include");
                if (!m.has("path")) {
                    throw new UserError(m.at(), "an 'include' entry needs 'path:'", "name the compose file to include");
                }
                paths = RawNode.stringOrList(m.get("path"), "include.path");
                projectDir = m.get("project_directory") == null ? null : RawNode.text(m.get("project_directory"), "include.project_directory");
                envFiles = m.get("env_file") == null ? List.of() : RawNode.stringOrList(m.get("env_file"), "include.env_file");
            } else {
                paths = List.of(RawNode.nonNullText(entry, "include"));
            }
            List<Path> files = new ArrayList<>();
            for (String p : paths) {
                Path f = dir.resolve(p).normalize();
                if (!Files.isRegularFile(f)) {
                    throw new UserError(entry.at(), "included compose file " + p + " not found (" + f + ")",
                            "include paths are relative to " + dir);
                }
                if (chain.contains(f)) {
                    throw new UserError(entry.at(), "include cycle: " + f.getFileName() + " includes itself through "
                            + chain.stream().map(c -> c.getFileName().toString()).collect(java.util.stream.Collectors.joining(" -> ")),
                            "remove one of the include entries");
                }
                files.add(f);
            }
            Path incDir = projectDir == null ? files.get(0).getParent() : dir.resolve(projectDir).normalize();
            List<Path> env = envFiles.stream().map(e -> dir.resolve(e).normalize()).toList();
            ComposeLoader inner = new ComposeLoader(new Options(files, incDir, options.projectName(), env,
                    options.processEnvironment(), options.lenient()));
            inner.includedFile = true;
            inner.chain.addAll(chain);
            inner.chain.addAll(files);
            out.add(inner.run());
        }
        return out;
    }

    private static <T> void importAll(String kind, Map<String, T> from, Map<String, T> into, ComposeProject inc,
            SourceLocation at) {
        for (var e : from.entrySet()) {
            if (into.containsKey(e.getKey())) {
                throw new UserError(at, "included " + inc.files().get(0).getFileName() + " defines " + kind + " '"
                        + e.getKey() + "', which is defined here (or in another included file) too",
                        "define each " + kind + " in one file only");
            }
            into.put(e.getKey(), e.getValue());
        }
    }

    private Map<String, String> environment(Path dir) {
        Map<String, String> env = new LinkedHashMap<>();
        List<Path> envFiles = new ArrayList<>();
        if (options.envFiles().isEmpty()) {
            Path dflt = dir.resolve(".env");
            if (Files.isRegularFile(dflt)) {
                envFiles.add(dflt);
            }
        } else {
            for (Path p : options.envFiles()) {
                Path abs = p.isAbsolute() ? p : dir.resolve(p);
                if (!Files.isRegularFile(abs)) {
                    throw new UserError(null, abs + ": env file not found", "check the --env-file path");
                }
                envFiles.add(abs);
            }
        }
        Function<String, String> outer = name -> options.processEnvironment().containsKey(name)
                ? options.processEnvironment().get(name) : env.get(name);
        for (Path f : envFiles) {
            DotEnv d = DotEnv.read(f, outer);
            d.problems().forEach(p -> warnings.add(f + ": " + p));
            env.putAll(d.values());
        }
        env.putAll(options.processEnvironment());
        return env;
    }

    private String projectName(RawNode.Mapping doc, Map<String, String> env, Path dir) {
        String name = options.projectName();
        String source = "-p";
        if (name == null || name.isBlank()) {
            name = env.get("COMPOSE_PROJECT_NAME");
            source = "COMPOSE_PROJECT_NAME";
        }
        if ((name == null || name.isBlank()) && doc.get("name") instanceof RawNode.Scalar s && s.value() != null) {
            name = s.value();
            source = "name:";
        }
        if (name == null || name.isBlank()) {
            String base = normalizeProjectName(dir.getFileName() == null ? "default" : dir.getFileName().toString());
            return base.isEmpty() ? "default" : base;
        }
        if (!name.matches("[a-z0-9][a-z0-9_-]*")) {
            throw new UserError(null, "project name '" + name + "' (from " + source + ") is not valid",
                    "use only lowercase letters, digits, '_' and '-', starting with a letter or digit");
        }
        return name;
    }

    private RawNode.Mapping readDocument(Path file) {
        return readDocument(file, false);
    }

    /** The document of a compose file; null when it is empty and {@code overlay} (a later -f file adds nothing). */
    private RawNode.Mapping readDocument(Path file, boolean overlay) {
        YNode root = YamlDocument.read(file);
        if (root.isNull() && overlay) {
            return null;
        }
        if (root.isNull()) {
            throw new UserError(new SourceLocation(file, 1, 1), "the compose file is empty",
                    "add a 'services:' section");
        }
        if (!root.isMap()) {
            throw root.error("a compose file must be a mapping, found " + root.kind(), "start with 'services:'");
        }
        RawNode.Mapping doc = (RawNode.Mapping) convert(root);
        if (doc.get("services") instanceof RawNode.Mapping sm) {
            Map<String, RawNode> services = new LinkedHashMap<>();
            for (var e : sm.entries().entrySet()) {
                services.put(e.getKey(), e.getValue() instanceof RawNode.Mapping m ? ComposeMerge.normalizeService(m)
                        : e.getValue());
            }
            Map<String, RawNode> top = new LinkedHashMap<>(doc.entries());
            top.put("services", new RawNode.Mapping(services, sm.keyAt(), sm.at()));
            doc = new RawNode.Mapping(top, doc.keyAt(), doc.at());
        }
        return doc;
    }

    /** YNode to RawNode, interpolating every scalar value (never keys). */
    private RawNode convert(YNode node) {
        return convert(node, null);
    }

    /** {@code key}: the mapping key the value is written under, or null for a list item. */
    private RawNode convert(YNode node, String key) {
        if (node.raw() != null && "!reset".equals(node.raw().getTag().getValue())) {
            return RawNode.Scalar.reset(node.location());
        }
        if (node.isMap()) {
            YMap m = node.asMap();
            Map<String, RawNode> entries = new LinkedHashMap<>();
            Map<String, SourceLocation> keys = new LinkedHashMap<>();
            for (String k : m.keys()) {
                entries.put(k, convert(m.get(k), k));
                keys.put(k, m.keyNode(k).location());
                if (m.get(k).raw() != null && "!override".equals(m.get(k).raw().getTag().getValue())) {
                    overrideKeys.add(m.keyNode(k).location()); // the compose spec's !override: replaces, never merges
                }
            }
            return new RawNode.Mapping(entries, keys, node.location());
        }
        if (node.isList()) {
            List<RawNode> items = new ArrayList<>();
            for (YNode n : node.asList()) {
                items.add(convert(n, null));
            }
            return new RawNode.Seq(items, node.location());
        }
        if (node.isNull()) {
            return new RawNode.Scalar(null, null, "null", node.location());
        }
        String text = node.asText();
        String type = switch (node.kind()) {
            case "a number" -> text.contains(".") ? "float" : "int";
            case "a boolean" -> "bool";
            default -> "string";
        };
        String value = text;
        if (text.indexOf('$') >= 0) {
            SourceLocation at = node.location();
            try {
                value = interpolator.interpolate(text, w -> warnings.add(at + ": " + w));
            } catch (InterpolationException e) {
                // never the value itself: it may be a password with a '$' in it
                throw new UserError(at, secretValue(key, text) ? e.redactedMessage() : e.getMessage(), e.hint());
            }
        }
        return new RawNode.Scalar(value, text, type, node.location());
    }

    /** Whether {@code text}, written under {@code key} (or as a list item "KEY=value"), is a secret's value. */
    static boolean secretValue(String key, String text) {
        if (key == null) {
            int eq = text.indexOf('=');
            key = eq > 0 ? text.substring(0, eq).strip() : null;
        }
        return key != null && VariableNames.isSecret(key);
    }

    private RawNode.Mapping resolveExtends(String name, RawNode.Mapping svc, Map<String, RawNode.Mapping> sameFile,
            Set<String> seen) {
        RawNode ext = svc.get("extends");
        if (ext == null) {
            return svc;
        }
        String path = "services." + name + ".extends";
        String baseName;
        String file = null;
        if (ext instanceof RawNode.Scalar s) {
            baseName = s.value();
        } else {
            RawNode.Mapping m = RawNode.map(ext, path);
            checkKeys(m, ComposeKeys.EXTENDS, path);
            if (!(m.get("service") instanceof RawNode.Scalar s2) || s2.value() == null) {
                throw new UserError(m.at(), "'" + path + "' needs 'service:'", "name the service to extend");
            }
            baseName = s2.value();
            file = m.get("file") == null ? null : RawNode.text(m.get("file"), path + ".file");
        }
        String id = (file == null ? "" : file + "#") + baseName;
        if (!seen.add(id)) {
            throw new UserError(ext.at(), "'" + path + "' forms a cycle through service '" + baseName + "'",
                    "remove one of the extends");
        }
        RawNode.Mapping base;
        Map<String, RawNode.Mapping> pool = sameFile;
        if (file != null) {
            Path other = ext.at().file() == null ? Path.of(file) : ext.at().file().toAbsolutePath().getParent().resolve(file);
            RawNode.Mapping doc = ComposeMerge.dropResets(readDocument(other.normalize()));
            pool = new LinkedHashMap<>();
            if (doc.get("services") instanceof RawNode.Mapping sm) {
                for (var e : sm.entries().entrySet()) {
                    pool.put(e.getKey(), RawNode.map(e.getValue(), "services." + e.getKey()));
                }
            }
        }
        base = pool.get(baseName);
        if (base == null) {
            String near = Suggest.closest(baseName, pool.keySet());
            throw new UserError(ext.at(), "'" + path + "' names service '" + baseName + "', which is not defined"
                    + (file == null ? "" : " in " + file),
                    near == null ? "defined: " + String.join(", ", pool.keySet()) : "did you mean '" + near + "'?");
        }
        base = resolveExtends(baseName, base, pool, seen);
        if (file != null && ext.at().file() != null) {
            base = rebaseBuildContext(base, ext.at().file().toAbsolutePath().getParent(),
                    ext.at().file().toAbsolutePath().getParent().resolve(file).normalize().getParent());
        }
        Map<String, RawNode> own = new LinkedHashMap<>(svc.entries());
        own.remove("extends");
        Map<String, SourceLocation> ownKeys = new LinkedHashMap<>(svc.keyAt());
        ownKeys.remove("extends");
        RawNode.Mapping baseCopy = base;
        if (base.has("depends_on") || base.has("links") || base.has("volumes_from")) {
            // the spec never inherits links, volumes_from or depends_on through extends
            Map<String, RawNode> b = new LinkedHashMap<>(base.entries());
            Map<String, SourceLocation> bk = new LinkedHashMap<>(base.keyAt());
            for (String k : List.of("depends_on", "links", "volumes_from")) {
                b.remove(k);
                bk.remove(k);
            }
            baseCopy = new RawNode.Mapping(b, bk, base.at());
        }
        return ComposeMerge.mergeService(baseCopy, new RawNode.Mapping(own, ownKeys, svc.at()));
    }

    /**
     * A service extended from another file keeps its build context relative to that file, as docker compose resolves
     * it (firezone's {@code extends: {file: scripts/compose/router.yml}} with {@code build: {context: ../router}} builds
     * {@code scripts/router/}): rewritten relative to the extending file's directory {@code here}.
     */
    static RawNode.Mapping rebaseBuildContext(RawNode.Mapping base, Path here, Path there) {
        RawNode build = base.get("build");
        if (there == null || there.equals(here) || build == null) {
            return base;
        }
        RawNode rebased = build;
        if (build instanceof RawNode.Scalar s) {
            rebased = rebase(s, here, there);
        } else if (build instanceof RawNode.Mapping m && m.get("context") instanceof RawNode.Scalar c) {
            Map<String, RawNode> e = new LinkedHashMap<>(m.entries());
            e.put("context", rebase(c, here, there));
            rebased = new RawNode.Mapping(e, m.keyAt(), m.at());
        }
        if (rebased == build) {
            return base;
        }
        Map<String, RawNode> e = new LinkedHashMap<>(base.entries());
        e.put("build", rebased);
        return new RawNode.Mapping(e, base.keyAt(), base.at());
    }

    private static RawNode.Scalar rebase(RawNode.Scalar s, Path here, Path there) {
        String v = s.value();
        if (v == null || v.isBlank() || v.contains("://") || v.startsWith("/") || v.contains("$") || v.startsWith("git@")) {
            return s;
        }
        String rel = here.relativize(there.resolve(v).normalize()).toString();
        return new RawNode.Scalar(rel.isEmpty() ? "." : rel, s.source(), s.type(), s.at());
    }

    private Map<String, ComposeProject.Resource> resources(RawNode.Mapping doc, String key, List<String> allowed) {
        Map<String, ComposeProject.Resource> out = new LinkedHashMap<>();
        RawNode n = doc.get(key);
        if (n == null || (n instanceof RawNode.Scalar s && s.isNull())) {
            return out;
        }
        RawNode.Mapping m = RawNode.map(n, key);
        for (var e : m.entries().entrySet()) {
            String path = key + "." + e.getKey();
            RawNode v = e.getValue();
            if (v instanceof RawNode.Scalar s && s.isNull()) {
                out.put(e.getKey(), new ComposeProject.Resource(e.getKey(), false, null, null, m.keyLocation(e.getKey())));
                continue;
            }
            RawNode.Mapping def = RawNode.map(v, path);
            checkKeys(def, allowed, path);
            boolean external = false;
            RawNode ext = def.get("external");
            if (ext instanceof RawNode.Mapping) {
                external = true; // legacy "external: {name: x}"
            } else if (ext != null) {
                external = RawNode.bool(ext, path + ".external");
            }
            String name = def.get("name") == null ? null : RawNode.text(def.get("name"), path + ".name");
            out.put(e.getKey(), new ComposeProject.Resource(e.getKey(), external, name, def, m.keyLocation(e.getKey())));
        }
        return out;
    }

    /** Unknown keys (other than {@code x-*}) are errors at the key, with "did you mean". */
    static void checkKeys(RawNode.Mapping m, Collection<String> allowed, String where) {
        for (String k : m.entries().keySet()) {
            if (!allowed.contains(k) && !k.startsWith("x-")) {
                String near = closest(k, allowed);
                throw new UserError(m.keyLocation(k), "unknown key '" + k + "' in " + where,
                        near == null ? "remove it, or prefix it with 'x-' to keep it as an extension"
                                : "did you mean '" + near + "'?");
            }
        }
    }

    /** {@link Suggest#closest}, plus one swap of neighbouring letters ("imgae" for "image"). */
    static String closest(String word, Collection<String> candidates) {
        String near = Suggest.closest(word, candidates);
        if (near != null) {
            return near;
        }
        for (int i = 0; i + 1 < word.length(); i++) {
            char[] c = word.toCharArray();
            char t = c[i];
            c[i] = c[i + 1];
            c[i + 1] = t;
            String swapped = new String(c);
            if (candidates.contains(swapped)) {
                return swapped;
            }
        }
        return null;
    }

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

    /** A compose duration ("1m30s", "10s", "500ms", "1.5s", or plain seconds). */
    static Duration duration(RawNode node, String path) {
        String s = RawNode.text(node, path);
        if (s == null) {
            return null;
        }
        s = s.strip();
        if (s.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(s));
        }
        Matcher m = DURATION_PART.matcher(s);
        long nanos = 0;
        int pos = 0;
        while (m.find() && m.start() == pos) {
            double v = Double.parseDouble(m.group(1));
            double unit = switch (m.group(2)) {
                case "ns" -> 1;
                case "us", "µs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            nanos += (long) (v * unit);
            pos = m.end();
        }
        if (pos != s.length() || s.isEmpty()) {
            throw new UserError(node.at(), "'" + path + "' is '" + s + "', not a duration",
                    "write a duration such as 30s, 1m30s or 500ms");
        }
        return Duration.ofNanos(nanos);
    }
}
