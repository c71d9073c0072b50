package dev.devops.detect;

import dev.devops.files.FileKinds;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devops.descriptor.Language;
import dev.devops.descriptor.Runtime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Node.js apps: package.json, version files, lockfiles, frameworks, start command, port, services. */
final class NodeStack {
    static final String DEFAULT_VERSION = Language.NODE.defaultVersion();
    /** The oldest Node.js major published on Debian bookworm (the Dockerfile's base); older ones are end-of-life. */
    static final int OLDEST_BOOKWORM = 16;
    /** LTS code names nvm accepts as {@code lts/<name>}. */
    private static final Map<String, String> LTS = Map.of("gallium", "16", "hydrogen", "18", "iron", "20",
            "jod", "22", "krypton", "24");
    private static final Map<String, String> FRAMEWORKS = new LinkedHashMap<>();
    /**
     * Front ends built into static files (no server of their own): dependency → framework id. Angular is
     * detected apart ({@link AngularBuild}): it needs angular.json as well.
     */
    static final Map<String, String> STATIC_SITES = new LinkedHashMap<>();
    private static final Map<String, String> SERVICES = new LinkedHashMap<>();

    static {
        FRAMEWORKS.put("@nestjs/core", "nest");
        FRAMEWORKS.put("next", "next");
        FRAMEWORKS.put("express", "express");
        FRAMEWORKS.put("fastify", "fastify");
        FRAMEWORKS.put("koa", "koa");
        FRAMEWORKS.put("@hapi/hapi", "hapi");
        STATIC_SITES.put("react-scripts", "create-react-app");
        STATIC_SITES.put("@vue/cli-service", "vue-cli");
        STATIC_SITES.put("vite", "vite");
        for (String d : List.of("pg", "postgres", "pg-promise", "@neondatabase/serverless")) {
            SERVICES.put(d, "postgres");
        }
        SERVICES.put("mysql", "mysql");
        SERVICES.put("mysql2", "mysql");
        SERVICES.put("mariadb", "mariadb");
        SERVICES.put("mongodb", "mongodb");
        SERVICES.put("mongoose", "mongodb");
        SERVICES.put("redis", "redis");
        SERVICES.put("ioredis", "redis");
        SERVICES.put("amqplib", "rabbitmq");
        SERVICES.put("amqp-connection-manager", "rabbitmq");
        SERVICES.put("kafkajs", "kafka");
        // a framework that runs on one database only (Medusa 2 supports PostgreSQL alone): the framework is the client
        SERVICES.put("@medusajs/medusa", "postgres");
    }

    /**
     * Framework CLIs a start script runs, and the port each listens on by default (their documentation's): used when
     * the code states no port; a {@code -p N} / {@code --port N} in the script wins. docs/DESCRIPTOR.md lists them.
     */
    static final Map<String, Integer> FRAMEWORK_CLI_PORTS = new LinkedHashMap<>();

    static {
        FRAMEWORK_CLI_PORTS.put("medusa start", 9000);
        FRAMEWORK_CLI_PORTS.put("strapi start", 1337);
        FRAMEWORK_CLI_PORTS.put("sails lift", 1337);
        FRAMEWORK_CLI_PORTS.put("next start", 3000);
        FRAMEWORK_CLI_PORTS.put("nest start", 3000);
        FRAMEWORK_CLI_PORTS.put("nuxt start", 3000);
        FRAMEWORK_CLI_PORTS.put("remix-serve", 3000);
        FRAMEWORK_CLI_PORTS.put("react-router-serve", 3000);
        FRAMEWORK_CLI_PORTS.put("keystone start", 3000);
        FRAMEWORK_CLI_PORTS.put("gatsby serve", 9000);
        FRAMEWORK_CLI_PORTS.put("astro preview", 4321);
        FRAMEWORK_CLI_PORTS.put("docusaurus serve", 3000);
    }

    private static final Pattern CLI_PORT_FLAG = Pattern.compile("(?:^|\\s)(?:-p|--port)[=\\s]+(\\d{2,5})\\b");

    /** {port, the CLI} of a start script that runs a framework CLI, or null. */
    static Object[] frameworkCliPort(String script) {
        if (script == null) {
            return null;
        }
        String s = script.trim().replaceAll("^(?:npx|yarn|pnpm(?:\\s+exec)?|bunx)\\s+", "");
        for (Map.Entry<String, Integer> e : FRAMEWORK_CLI_PORTS.entrySet()) {
            if (s.startsWith(e.getKey())) {
                Matcher flag = CLI_PORT_FLAG.matcher(s);
                return new Object[] {flag.find() ? Integer.parseInt(flag.group(1)) : e.getValue(), e.getKey()};
            }
        }
        return null;
    }

    /** Scripts a repository names for running or building in a container ({@code start-docker}, {@code docker:start}). */
    static final Pattern START_FOR_CONTAINERS = Pattern.compile("(start[-:_]docker|docker[-:_]start|start[-:_]container)");
    static final Pattern BUILD_FOR_CONTAINERS = Pattern.compile("(build[-:_]docker|docker[-:_]build)");
    /** A start script that runs a development server, not the app in production. */
    static final Pattern DEV_SERVER = Pattern.compile("\\b(vite|webpack(-dev-server)?\\s+serve|webpack-dev-server|ng\\s+serve|"
            + "react-scripts\\s+start|vue-cli-service\\s+serve|nx\\s+serve|ts-node-dev|nodemon|next\\s+dev|expo\\s+start|react-native\\s+start|--watch)\\b");
    /** Packages of mobile apps (Expo, React Native): built for phones, never run in a container. */
    static final List<String> MOBILE = List.of("expo", "react-native");

    /** The name of the package.json script matching {@code pattern}, or null. */
    static String containerScript(JsonNode pkg, Pattern pattern) {
        var names = pkg.path("scripts").fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (pattern.matcher(n).matches()) {
                return n;
            }
        }
        return null;
    }

    /** Whether the package is a mobile app (it depends on Expo or React Native). */
    static boolean isMobile(JsonNode pkg) {
        return MOBILE.stream().anyMatch(dep -> pkg.path("dependencies").has(dep));
    }

    /** A start script that runs a JavaScript file under a file watcher: {@code nodemon app.js}, {@code nodemon --watch src server.js}. */
    private static final Pattern START_WATCHER = Pattern.compile(
            "^(?:npx\\s+)?(?:nodemon|node-dev|supervisor)\\s+(?:--?[\\w-]+(?:[= ](?!\\S+\\.[mc]?js$)\\S+)?\\s+)*([^\\s-]\\S*\\.[mc]?js)$");
    static final Pattern START_NODE = Pattern.compile("^node\\s+(?:--?[\\w-]+(?:=\\S+)?\\s+)*([^\\s-]\\S*)$");
    private static final Pattern PORT = Pattern.compile(
            "(?:\\.listen\\(\\s*(?:\\{\\s*port\\s*:\\s*)?|\\b(?:(?:SERVER|HTTP|APP|WEB|API|LISTEN)_)?PORT\\s*\\)?\\s*(?:\\|\\||\\?\\?)\\s*"
                    + "(?:process\\.env\\.\\w+\\s*(?:\\|\\||\\?\\?)\\s*)*['\"]?)(\\d{2,5})\\b");
    private static final Pattern PRISMA = Pattern.compile("datasource\\s+\\w+\\s*\\{[^}]*?provider\\s*=\\s*\"(\\w+)\"");
    /** Words a file must contain before the port pattern runs on it. */
    private static final String[] KEYWORDS = {".listen(", "PORT"}; // also the app's own APP_PORT, SERVER_PORT …
    static final Predicate<String> CODE = Code.ext("js", "mjs", "cjs", "jsx", "ts", "tsx", "mts", "cts");

    private NodeStack() {
    }

    /** A key of an object literal at its top level: {@code NAME:} or the shorthand {@code NAME,} / {@code NAME}. */
    private static final Pattern OBJECT_KEY = Pattern.compile("(?:^|[{,])\\s*(?:['\"]?)([A-Za-z_$][\\w$]*)(?:['\"]?)\\s*(?=[:,}]|$)");

    /**
     * The keys of next.config's {@code env: {…}}: Next.js inlines them into the bundle when it builds, wherever the
     * app reads them, so they are build-time values, not configuration of the running app.
     */
    static Set<String> nextConfigEnvKeys(RepoFiles repo, String dir) {
        Set<String> keys = new LinkedHashSet<>();
        for (String ext : List.of("js", "mjs", "cjs", "ts", "mts")) {
            String f = RepoFiles.join(dir, "next.config." + ext);
            String text = repo.exists(f) ? repo.text(f) : null;
            if (text == null) {
                continue;
            }
            Matcher nb = EnvScanner.NEXT_ENV_BLOCK.matcher(text);
            while (nb.find()) {
                int end = SourceLexer.closing(text, nb.end() - 1, '{', '}');
                if (end < 0) {
                    continue;
                }
                // top-level entries only: blank out nested brackets before reading the keys
                StringBuilder flat = new StringBuilder();
                int depth = 0;
                for (int i = nb.end(); i < end; i++) {
                    char c = text.charAt(i);
                    if (c == '{' || c == '(' || c == '[') {
                        depth++;
                    } else if (c == '}' || c == ')' || c == ']') {
                        depth--;
                    } else if (depth == 0) {
                        flat.append(c);
                    }
                }
                Matcher k = OBJECT_KEY.matcher("{" + flat.toString().replaceAll("//[^\\n]*", "").replace('\n', ' '));
                while (k.find()) {
                    keys.add(k.group(1));
                }
            }
        }
        return keys;
    }

    /** Whether the package depends on a server framework (express, nest, next, fastify, koa …). */
    static boolean hasServerFramework(JsonNode pkg) {
        return FRAMEWORKS.keySet().stream().anyMatch(f -> pkg.path("dependencies").has(f) || pkg.path("devDependencies").has(f));
    }

    static JsonNode packageJson(RepoFiles repo, String dir) {
        return Manifests.json(repo, RepoFiles.join(dir, "package.json"));
    }

    /** The glob patterns of a workspaces root ("packages/*"), empty when this is no workspaces root. */
    /** The workspace globs of {@code dir}: package.json "workspaces", else pnpm-workspace.yaml "packages". */
    static List<String> workspaces(RepoFiles repo, String dir) {
        List<String> out = workspaces(packageJson(repo, dir));
        String pnpm = RepoFiles.join(dir, "pnpm-workspace.yaml");
        if (out.isEmpty() && repo.exists(pnpm)) {
            try {
                Object doc = new org.snakeyaml.engine.v2.api.Load(org.snakeyaml.engine.v2.api.LoadSettings.builder().build())
                        .loadFromString(repo.text(pnpm));
                if (doc instanceof Map<?, ?> m && m.get("packages") instanceof List<?> l) {
                    l.forEach(g -> out.add(String.valueOf(g)));
                }
            } catch (RuntimeException e) {
                return out; // an unreadable workspace file: treat the directory as one package
            }
        }
        return out;
    }

    static List<String> workspaces(JsonNode pkg) {
        JsonNode ws = pkg.get("workspaces");
        if (ws != null && ws.isObject()) {
            ws = ws.get("packages");
        }
        List<String> out = new ArrayList<>();
        if (ws != null && ws.isArray()) {
            ws.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    /**
     * Whether a package says it is a library others import: no start script, no {@code bin}, and what npm publishes
     * for importers — {@code peerDependencies}, a {@code files} list, {@code exports}, {@code module} or type
     * declarations. Its {@code main} is an entry point for importers, not a server to run.
     */
    static boolean isLibrary(JsonNode pkg) {
        if (pkg == null || Manifests.text(pkg, "scripts", "start") != null || pkg.has("bin")) {
            return false;
        }
        return pkg.path("peerDependencies").size() > 0 || pkg.path("files").isArray() || pkg.has("exports")
                || pkg.has("module") || pkg.has("types") || pkg.has("typings");
    }

    /**
     * Whether a workspace package is an app: it has a start script, or it is a static site (a front-end build
     * tool dependency and a build script; full-stack-fastapi-template's Vite frontend has no start).
     */
    static boolean isWorkspaceApp(JsonNode pkg) {
        if (isMobile(pkg)) {
            return false;
        }
        if (Manifests.text(pkg, "scripts", "start") != null) {
            return true;
        }
        if (Manifests.text(pkg, "scripts", "build") == null || isLibrary(pkg)) {
            return false;
        }
        return STATIC_SITES.keySet().stream()
                .anyMatch(dep -> pkg.path("dependencies").has(dep) || pkg.path("devDependencies").has(dep));
    }

    /**
     * Detects the app in {@code dir}; {@code workspaceRoot} is the directory of the workspaces root it
     * belongs to, or null.
     */
    static AppDraft detect(RepoFiles repo, String dir, String workspaceRoot, List<String> sources) {
        AppDraft d = new AppDraft(dir, Language.NODE);
        d.sources = sources;
        d.workspaceRoot = workspaceRoot;
        String manifest = RepoFiles.join(dir, "package.json");
        JsonNode pkg = packageJson(repo, dir);
        JsonNode deps = pkg.path("dependencies");

        buildTool(repo, d, pkg, manifest, workspaceRoot);
        version(repo, d, pkg, manifest, workspaceRoot);

        for (Map.Entry<String, String> f : FRAMEWORKS.entrySet()) {
            if (deps.has(f.getKey())) {
                d.framework = f.getValue();
                d.evidence("framework " + f.getValue() + " from " + manifest + " dependency '" + f.getKey() + "'");
                break;
            }
        }

        if (d.framework == null) {
            AngularBuild.detect(repo, d, pkg, manifest);
        }
        String startScript = Manifests.text(pkg, "scripts", "start");
        if (d.framework == null && (startScript == null || DEV_SERVER.matcher(startScript).find())) {
            for (Map.Entry<String, String> f : STATIC_SITES.entrySet()) {
                if (deps.has(f.getKey()) || pkg.path("devDependencies").has(f.getKey())) {
                    d.framework = f.getValue();
                    d.evidence("static site: framework " + f.getValue() + " from " + manifest + " dependency '"
                            + f.getKey() + "'; its build output is served by nginx on port 8080");
                    break;
                }
            }
        }
        boolean staticSite = Runtime.STATIC_SITES.containsKey(d.framework);

        String containerBuild = containerScript(pkg, BUILD_FOR_CONTAINERS);
        if (containerBuild != null) {
            d.build = List.of(d.buildTool, "run", containerBuild);
            d.evidence("build command '" + d.buildTool + " run " + containerBuild + "' from " + manifest + " scripts."
                    + containerBuild + " (meant for containers)");
        } else if (Manifests.text(pkg, "scripts", "build") != null) {
            d.build = List.of(d.buildTool, "run", "build");
            d.evidence("build command '" + d.buildTool + " run build' from " + manifest + " scripts.build");
        }
        if (!staticSite) {
            start(repo, d, pkg, manifest);
        }

        Code.Hit port = staticSite ? null : Code.first(repo, sources, CODE, PORT, KEYWORDS);
        if (staticSite) {
            d.port = 8080;
            d.healthcheck = "/";
        } else if (port != null && Code.port(port.value()) != null) {
            d.port = Code.port(port.value());
            d.evidence("port " + d.port + " from " + port.where());
        } else if (frameworkCliPort(startScript) != null) {
            Object[] cli = frameworkCliPort(startScript);
            d.port = (Integer) cli[0];
            d.portDefault = true; // the framework's default: the repository's own Dockerfile or compose file may say otherwise
            d.evidence("port " + d.port + " from " + manifest + " scripts.start \"" + startScript + "\" ('" + cli[1]
                    + "' listens on " + d.port + " unless told otherwise; no listen(…) literal found)");
        } else {
            d.port = 3000;
            d.portDefault = true;
            d.evidence("port 3000 (Node default; no listen(…) literal found)");
        }
        if (!staticSite) {
            healthcheck(repo, d, sources);
        }

        deps.fieldNames().forEachRemaining(dep -> {
            String type = SERVICES.get(dep);
            if (type != null) {
                d.service(type, type + " from " + manifest + " dependency '" + dep + "'");
            }
        });
        prismaService(repo, d, prismaSchema(repo, dir, pkg));
        if (workspaceRoot != null) {
            libraries(repo, d, pkg, workspaceRoot);
        }
        return d;
    }

    /** The database a Prisma schema's datasource provider names, as a service of the app. */
    private static void prismaService(RepoFiles repo, AppDraft d, String prisma) {
        if (prisma != null) {
            String text = repo.source(prisma);
            Matcher m = text == null ? null : PRISMA.matcher(text);
            if (m != null && m.find()) {
                String type = switch (m.group(1)) {
                    case "postgresql", "postgres", "cockroachdb" -> "postgres";
                    case "mysql" -> "mysql";
                    case "mongodb" -> "mongodb";
                    default -> null;
                };
                if (type != null) {
                    d.service(type, type + " from " + prisma + " provider \"" + m.group(1) + "\" (line "
                            + new SourceLexer.Lines(text).line(m.start(1)) + ")");
                }
            }
        }
    }

    /**
     * The workspace packages the app imports (its dependencies by package name, transitively) that are libraries, not
     * apps: a monorepo keeps its database client, its Prisma schema and its env reading there (packages/db,
     * packages/lib). Their code runs in the app's process, so their env reads and services are the app's: their files
     * join the app's sources (after the app's own port and health routes are read) and their dependencies and Prisma
     * schema name services as the app's own do.
     */
    private static void libraries(RepoFiles repo, AppDraft d, JsonNode pkg, String workspaceRoot) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String f : repo.files()) {
            String dir = RepoFiles.parent(f);
            if (FileKinds.name(f).equals("package.json") && RepoFiles.inside(dir, workspaceRoot) && !dir.equals(workspaceRoot)
                    && !dir.equals(d.dir) && !f.contains("node_modules/") && !Code.isTest(f)) {
                String name = Manifests.text(packageJson(repo, dir), "name");
                if (name != null) {
                    byName.putIfAbsent(name, dir);
                }
            }
        }
        List<String> found = new ArrayList<>();
        java.util.ArrayDeque<JsonNode> todo = new java.util.ArrayDeque<>(List.of(pkg));
        while (!todo.isEmpty()) {
            todo.pop().path("dependencies").fieldNames().forEachRemaining(dep -> {
                String dir = byName.get(dep);
                JsonNode lib = dir == null ? null : packageJson(repo, dir);
                if (lib != null && !found.contains(dir) && !isWorkspaceApp(lib)) {
                    found.add(dir);
                    todo.add(lib);
                }
            });
        }
        if (found.isEmpty()) {
            return;
        }
        List<String> sources = new ArrayList<>(d.sources);
        for (String f : repo.files()) {
            if (found.stream().anyMatch(dir -> RepoFiles.inside(f, dir)) && !Code.isTest(f) && !f.contains("node_modules/")
                    && !sources.contains(f)) {
                sources.add(f);
            }
        }
        d.sources = sources;
        d.evidence("workspace packages the app imports (their code runs in it): " + String.join(", ", found));
        for (String dir : found) {
            JsonNode lib = packageJson(repo, dir);
            String manifest = RepoFiles.join(dir, "package.json");
            lib.path("dependencies").fieldNames().forEachRemaining(dep -> {
                String type = SERVICES.get(dep);
                if (type != null) {
                    d.service(type, type + " from " + manifest + " dependency '" + dep + "' (a workspace package the app imports)");
                }
            });
            prismaService(repo, d, prismaSchema(repo, dir, lib));
        }
    }

    /**
     * The Prisma schema: package.json {@code prisma.schema} (node-express-realworld-example-app keeps it in
     * src/prisma), else prisma/schema.prisma or schema.prisma, Prisma's own defaults; null when none exists.
     */
    private static String prismaSchema(RepoFiles repo, String dir, JsonNode pkg) {
        List<String> candidates = new ArrayList<>();
        String stated = Manifests.text(pkg, "prisma", "schema");
        if (stated != null && !stated.isBlank() && !stated.startsWith("/") && !stated.contains("..")) {
            candidates.add(stated.startsWith("./") ? stated.substring(2) : stated);
        }
        candidates.add("prisma/schema.prisma");
        candidates.add("schema.prisma");
        for (String c : candidates) {
            String f = RepoFiles.join(dir, c);
            if (repo.exists(f)) {
                return f;
            }
        }
        return null;
    }

    private static void buildTool(RepoFiles repo, AppDraft d, JsonNode pkg, String manifest, String workspaceRoot) {
        String pm = Manifests.text(pkg, "packageManager");
        if (pm != null) {
            String tool = pm.contains("@") ? pm.substring(0, pm.indexOf('@')) : pm;
            if (Language.NODE.buildTools().contains(tool)) {
                d.buildTool = tool;
                d.evidence(tool + " from " + manifest + " packageManager \"" + pm + "\"");
                return;
            }
        }
        List<String> dirs = new ArrayList<>(List.of(d.dir));
        if (workspaceRoot != null && !dirs.contains(workspaceRoot)) {
            dirs.add(workspaceRoot);
        }
        if (!dirs.contains(".")) {
            dirs.add(".");
        }
        for (String dir : dirs) {
            for (String[] lock : new String[][] {{"pnpm-lock.yaml", "pnpm"}, {"yarn.lock", "yarn"},
                    {"package-lock.json", "npm"}}) {
                String f = RepoFiles.join(dir, lock[0]);
                if (repo.exists(f)) {
                    d.buildTool = lock[1];
                    d.evidence(lock[1] + " from " + f);
                    return;
                }
            }
        }
        d.buildTool = "npm";
        d.evidence("npm (no packageManager field or lockfile)");
    }

    private static void version(RepoFiles repo, AppDraft d, JsonNode pkg, String manifest, String workspaceRoot) {
        List<String> dirs = ".".equals(d.dir) ? List.of(".") : List.of(d.dir, ".");
        for (String dir : dirs) {
            for (String name : List.of(".nvmrc", ".node-version")) {
                String f = RepoFiles.join(dir, name);
                if (repo.exists(f)) {
                    String raw = firstLine(repo.text(f));
                    if (!raw.isEmpty()) {
                        setVersion(d, normalize(raw), f);
                        return;
                    }
                }
            }
            String tv = RepoFiles.join(dir, ".tool-versions");
            if (repo.exists(tv)) {
                for (String line : repo.text(tv).split("\\R")) {
                    String[] parts = line.trim().split("\\s+");
                    if (parts.length >= 2 && (parts[0].equals("nodejs") || parts[0].equals("node"))) {
                        setVersion(d, normalize(parts[1]), tv);
                        return;
                    }
                }
            }
        }
        String volta = Manifests.text(pkg, "volta", "node");
        String engines = Manifests.text(pkg, "engines", "node");
        if (volta == null && engines == null && workspaceRoot != null && !workspaceRoot.equals(d.dir)) {
            // a workspace package states no version of its own: the workspaces root's pins the whole repository
            JsonNode root = packageJson(repo, workspaceRoot);
            if (root != null && (Manifests.text(root, "volta", "node") != null || Manifests.text(root, "engines", "node") != null)) {
                pkg = root;
                manifest = RepoFiles.join(workspaceRoot, "package.json");
                volta = Manifests.text(pkg, "volta", "node");
                engines = Manifests.text(pkg, "engines", "node");
            }
        }
        if (volta != null) {
            setVersion(d, normalize(volta), manifest + " volta.node");
            return;
        }
        if (engines != null) {
            String v = lowestMajor(engines);
            if (v != null && Integer.parseInt(v) < OLDEST_BOOKWORM && !engines.contains("<") && !engines.contains("||")
                    && engines.trim().startsWith(">")) {
                d.version = DEFAULT_VERSION;
                d.evidence("node " + DEFAULT_VERSION + " from " + manifest + " engines.node \"" + engines
                        + "\" (its floor " + v + " is end-of-life and has no Debian bookworm image; the range allows "
                        + DEFAULT_VERSION + ")");
                return;
            }
            String upper = v != null && Integer.parseInt(v) < OLDEST_BOOKWORM && !engines.contains("||") ? highestMajor(engines) : null;
            if (upper != null && Integer.parseInt(upper) >= OLDEST_BOOKWORM) {
                // ">=14 <=18": the floor has no image; the newest major the range allows does
                d.version = upper;
                d.evidence("node " + upper + " from " + manifest + " engines.node \"" + engines + "\" (its floor " + v
                        + " is end-of-life and has no Debian bookworm image; the newest the range allows)");
                return;
            }
            if (v != null) {
                d.version = v;
                d.evidence("node " + v + " from " + manifest + " engines.node \"" + engines + "\"");
                return;
            }
        }
        d.version = DEFAULT_VERSION;
        d.versionDefault = true;
        d.evidence("node " + DEFAULT_VERSION + " (default: current Active LTS; no version file or engines field)");
    }

    private static void setVersion(AppDraft d, String v, String source) {
        if (v == null) {
            d.version = DEFAULT_VERSION;
            d.versionDefault = true;
            d.evidence("node " + DEFAULT_VERSION + " (default: " + source + " names no fixed version)");
        } else {
            d.version = v;
            d.evidence("node " + v + " from " + source);
        }
    }

    private static String firstLine(String text) {
        for (String line : text.split("\\R")) {
            String t = line.replaceAll("#.*", "").trim();
            if (!t.isEmpty()) {
                return t;
            }
        }
        return "";
    }

    /** "v20.11.0" → "20", "lts/iron" → "20"; "lts/*", "node", "latest" → null (use the default). */
    static String normalize(String raw) {
        String v = raw.trim().toLowerCase(java.util.Locale.ROOT);
        if (v.startsWith("lts/")) {
            return LTS.get(v.substring(4));
        }
        if (v.equals("node") || v.equals("latest") || v.equals("stable") || v.equals("current")) {
            return null;
        }
        return lowestMajor(v);
    }

    /**
     * The highest major version a range without alternatives allows ({@code "<=18.x.x"} → 18, {@code "<19"} and
     * {@code "<19.0.0"} → 18, {@code "<18.5"} → 18), or null when it has no upper bound.
     */
    static String highestMajor(String range) {
        Integer best = null;
        for (String c : range.trim().replaceAll("(<=|<)\\s+", "$1").split("\\s+")) {
            Matcher m = Pattern.compile("^(<=|<)v?(\\d+)(?:\\.(\\d+|x|\\*))?(?:\\.(\\d+|x|\\*))?$").matcher(c);
            if (!m.matches()) {
                continue;
            }
            int major = Integer.parseInt(m.group(2));
            boolean exclusiveAtMajor = "<".equals(m.group(1)) && (m.group(3) == null || "0".equals(m.group(3)))
                    && (m.group(4) == null || "0".equals(m.group(4)));
            int high = exclusiveAtMajor ? major - 1 : major;
            best = best == null ? high : Math.min(best, high);
        }
        return best == null ? null : String.valueOf(best);
    }

    /**
     * The lowest major version a semver range allows: ">=18" → "18", "^20.10" → "20", ">18" → "19".
     * With alternatives ("18 || 20") the highest alternative wins: the newest version the project says it
     * supports. Null when the range sets no lower bound ("*", "<20").
     */
    static String lowestMajor(String range) {
        Integer best = null;
        for (String alt : range.split("\\|\\|")) {
            String a = alt.trim().replaceAll("(>=|<=|>|<|=|\\^|~)\\s+", "$1");
            if (a.contains(" - ")) {
                a = a.substring(0, a.indexOf(" - "));
            }
            Integer low = null;
            for (String c : a.split("\\s+")) {
                Matcher m = Pattern.compile("^(>=|>|\\^|~|=)?v?(\\d+)(\\.(?:\\d+|x|\\*))?(\\.(?:\\d+|x|\\*))?").matcher(c);
                if (c.startsWith("<") || !m.find()) {
                    continue;
                }
                int major = Integer.parseInt(m.group(2));
                if (">".equals(m.group(1)) && m.group(3) == null) {
                    major++;
                }
                low = low == null ? major : Math.max(low, major);
            }
            if (low != null && (best == null || low > best)) {
                best = low;
            }
        }
        return best == null ? null : String.valueOf(best);
    }

    private static void start(RepoFiles repo, AppDraft d, JsonNode pkg, String manifest) {
        String containerStart = containerScript(pkg, START_FOR_CONTAINERS);
        if (containerStart != null) {
            d.start = List.of(d.buildTool, "run", containerStart);
            d.evidence("start '" + d.buildTool + " run " + containerStart + "' from " + manifest + " scripts."
                    + containerStart + " (meant for containers)");
            return;
        }
        String script = Manifests.text(pkg, "scripts", "start");
        if (script != null) {
            // "npm run build && node dist/server.js": the image is built already, so only the last step runs
            String[] steps = script.trim().split("\\s*&&\\s*");
            Matcher m = START_NODE.matcher(steps[steps.length - 1]);
            if (m.matches()) {
                d.start = List.of("node", m.group(1));
                d.evidence("start 'node " + m.group(1) + "' from " + manifest + " scripts.start");
                return;
            }
            // "nodemon app.js": a watcher that restarts node on changes; in an image the file runs under node itself
            Matcher w = START_WATCHER.matcher(steps[steps.length - 1]);
            if (w.matches() && repo.exists(RepoFiles.join(d.dir, w.group(1)))) {
                d.start = List.of("node", w.group(1));
                d.evidence("start 'node " + w.group(1) + "' from " + manifest + " scripts.start \"" + script.trim()
                        + "\" (a file watcher; the image runs the file with node)");
                return;
            }
        }
        if ("nest".equals(d.framework)) {
            d.start = List.of("node", "dist/main.js");
            d.evidence("start 'node dist/main.js' (NestJS build output)");
            return;
        }
        if ("next".equals(d.framework)) {
            d.start = List.of("npx", "next", "start");
            d.evidence("start 'npx next start' (Next.js)");
            return;
        }
        if (script != null && !DEV_SERVER.matcher(script).find() && !script.contains("&&")
                && !START_NODE.matcher(script.trim()).find() && !script.trim().matches("^(ts-node|tsx|babel-node)\\b.*")) {
            // a start script that runs the app's own server CLI (medusa start, strapi start): what docker init runs too
            d.start = List.of(d.buildTool, "run", "start");
            d.evidence("start '" + d.buildTool + " run start' from " + manifest + " scripts.start \"" + script + "\"");
            return;
        }
        String main = Manifests.text(pkg, "main");
        if (main != null && !main.isBlank()) {
            // main must name a file the image will have: one in the repository, or one the build step writes
            if (!d.build.isEmpty() || mainExists(repo, d.dir, main)) {
                d.start = List.of("node", main);
                d.evidence("start 'node " + main + "' from " + manifest + " main");
                return;
            }
            d.evidence("not 'node " + main + "' from " + manifest + " main: " + RepoFiles.join(d.dir, main)
                    + " does not exist and nothing builds it");
        }
        for (String c : List.of("server.js", "index.js", "app.js", "src/index.js", "src/server.js")) {
            if (repo.exists(RepoFiles.join(d.dir, c))) {
                d.start = List.of("node", c);
                d.evidence("start 'node " + c + "' (" + RepoFiles.join(d.dir, c) + " exists)");
                return;
            }
        }
        if (d.build != null && builtEntry(repo, d)) {
            return;
        }
        d.evidence("no start command found (no scripts.start 'node FILE', main field or server.js/index.js)");
    }

    /**
     * The health route, at the path it is served at: a route on a router counts with the prefixes the router
     * is mounted under; one on a router that nothing found mounts is skipped (its path is unknown, and a
     * healthcheck on a path that does not exist keeps the app unhealthy: the TCP check is used instead).
     */
    private static void healthcheck(RepoFiles repo, AppDraft d, List<String> sources) {
        NodeMounts mounts = new NodeMounts(repo, sources);
        for (Code.Hit h : Code.healthRoutes(repo, sources, CODE)) {
            String full = mounts.fullPath(h.file(), h.line(), h.value());
            if (full == null) {
                d.evidence("not healthcheck " + h.value() + " from route at " + h.where()
                        + ": it is on a router whose mount path was not found");
                continue;
            }
            d.healthcheck = full;
            d.evidence("healthcheck " + full + " from route at " + h.where()
                    + (full.equals(h.value()) ? "" : " (" + h.value() + " on a router mounted at "
                            + full.substring(0, full.length() - h.value().length()) + ")"));
            return;
        }
    }

    /** Whether package.json's {@code main} resolves to a file as node resolves it (FILE, FILE.js, FILE/index.js). */
    private static boolean mainExists(RepoFiles repo, String dir, String main) {
        String m = main.startsWith("./") ? main.substring(2) : main;
        for (String c : List.of(m, m + ".js", m + ".cjs", m + ".mjs", m + "/index.js")) {
            if (repo.exists(RepoFiles.join(dir, c))) {
                return true;
            }
        }
        return false;
    }

    private static final List<String> TS_ENTRIES = List.of("src/main.ts", "src/index.ts", "src/server.ts", "src/app.ts",
            "main.ts", "index.ts", "server.ts", "app.ts");

    /**
     * The compiled entry point of a TypeScript app with a build step: an Nx project.json build target's
     * {@code outputPath} + {@code main} (node-express-realworld-example-app), else tsconfig.json's
     * {@code outDir} (under {@code rootDir}) + the first of src/main.ts, src/index.ts … that exists.
     */
    private static boolean builtEntry(RepoFiles repo, AppDraft d) {
        String nx = RepoFiles.join(d.dir, "project.json");
        if (repo.exists(nx)) {
            JsonNode options = Manifests.jsonc(repo, nx).path("targets").path("build").path("options");
            String out = Manifests.text(options, "outputPath");
            String main = Manifests.text(options, "main");
            if (out != null && main != null && main.matches("[\\w./-]+\\.[mc]?tsx?")) {
                String js = trimSlash(out) + "/" + main.substring(main.lastIndexOf('/') + 1).replaceAll("\\.([mc]?)tsx?$", ".$1js");
                d.start = List.of("node", js);
                d.evidence("start 'node " + js + "' from " + nx + " targets.build.options outputPath and main");
                return true;
            }
        }
        String tsconfig = RepoFiles.join(d.dir, "tsconfig.json");
        if (!repo.exists(tsconfig)) {
            return false;
        }
        JsonNode compiler = Manifests.jsonc(repo, tsconfig).path("compilerOptions");
        String outDir = Manifests.text(compiler, "outDir");
        if (outDir == null || outDir.contains("..")) {
            return false;
        }
        String rootDir = Manifests.text(compiler, "rootDir");
        String root = rootDir == null ? "" : trimSlash(rootDir);
        for (String entry : TS_ENTRIES) {
            if (repo.exists(RepoFiles.join(d.dir, entry)) && (root.isEmpty() || root.equals(".") || entry.startsWith(root + "/"))) {
                String rel = root.isEmpty() || root.equals(".") ? entry : entry.substring(root.length() + 1);
                String js = trimSlash(outDir) + "/" + rel.replaceAll("\\.ts$", ".js");
                d.start = List.of("node", js);
                d.evidence("start 'node " + js + "' from " + tsconfig + " compilerOptions.outDir and " + entry);
                return true;
            }
        }
        return false;
    }

    private static String trimSlash(String path) {
        String p = path.startsWith("./") ? path.substring(2) : path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
