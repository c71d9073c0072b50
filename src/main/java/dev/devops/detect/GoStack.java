package dev.devops.detect;

import dev.devops.files.FileKinds;

import dev.devops.descriptor.Language;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go apps: go.mod (go and toolchain directives, requires), the main package, port literals. */
final class GoStack {
    static final String DEFAULT_VERSION = Language.GO.defaultVersion();
    /**
     * The oldest Go with a golang:X-bookworm image. A go directive only states a minimum, so an older one is
     * built with this release (Go keeps old modules building).
     */
    static final String OLDEST_IMAGE = "1.20";
    /** module path prefix → service type */
    private static final Map<String, String> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("github.com/lib/pq", "postgres");
        SERVICES.put("github.com/jackc/pgx", "postgres");
        SERVICES.put("github.com/go-sql-driver/mysql", "mysql");
        SERVICES.put("go.mongodb.org/mongo-driver", "mongodb");
        SERVICES.put("github.com/redis/go-redis", "redis");
        SERVICES.put("github.com/go-redis/redis", "redis");
        SERVICES.put("github.com/gomodule/redigo", "redis");
        SERVICES.put("github.com/rabbitmq/amqp091-go", "rabbitmq");
        SERVICES.put("github.com/streadway/amqp", "rabbitmq");
        SERVICES.put("github.com/segmentio/kafka-go", "kafka");
        SERVICES.put("github.com/IBM/sarama", "kafka");
        SERVICES.put("github.com/Shopify/sarama", "kafka");
        SERVICES.put("github.com/confluentinc/confluent-kafka-go", "kafka");
    }

    /** Words a file must contain before the port pattern runs on it. */
    private static final String[] KEYWORDS = {"Listen", "Addr", "addr", ".Run(", ".Start(", "port", "Port", "PORT", "Host"};
    static final Predicate<String> CODE = Code.ext("go");
    private static final Pattern GO_DIRECTIVE = Pattern.compile("(?m)^go\\s+(\\d+\\.\\d+)");
    private static final Pattern TOOLCHAIN = Pattern.compile("(?m)^toolchain\\s+go(\\d+\\.\\d+)");
    private static final Pattern REQUIRE_BLOCK = Pattern.compile("(?ms)^require\\s*\\((.*?)^\\)");
    private static final Pattern REQUIRE_LINE = Pattern.compile("(?m)^require\\s+([^(\\s].*)$");
    private static final Pattern MAIN_PACKAGE = Pattern.compile("(?m)^package\\s+main\\b");
    private static final Pattern PORT = Pattern.compile(
            "(?:ListenAndServe(?:TLS)?\\(|\\.Run\\(|\\.Listen\\(|\\.Start\\()\\s*\"[\\w.]*:(\\d{2,5})\""
            + "|(?i:port)\\s*:?=\\s*\"(\\d{2,5})\""
            // a server's Addr field or a listen-address variable: ":8080" or "0.0.0.0:8080"; "localhost:6379" in
            // redis.Options{Addr: …} or an HTTP client's base address is another service's, not the app's port
            + "|(?:\\bAddr\\s*:|(?i:addr(?:ess)?)\\s*:?=)\\s*\"(?:0\\.0\\.0\\.0)?:(\\d{2,5})\""
            // a config struct field's default tag (caarlos0/env envDefault, cleanenv env-default, envconfig/ardanlabs
            // conf default) on the server's own port or listen address, not a client's (DB_PORT, REDIS_ADDR):
            // `env:"PORT" envDefault:"8080"`, `APIHost string `conf:"default:0.0.0.0:3000"``
            + "|`[^`\\n]*?\\b(?:env|envconfig)[:=]\"(?:HTTP_|SERVER_|API_|WEB_|APP_)?(?:PORT|ADDR|ADDRESS|LISTEN|LISTEN_ADDR)\""
            + "[^`\\n]*?\\b(?:envDefault|env-default|default)[:=]\"?(?:0\\.0\\.0\\.0)?:?(\\d{2,5})\\b"
            + "|\\b(?:HTTP|Http|Server|API|Api|Web|App)(?:Port\\s+[\\w.]+\\s+`[^`\\n]*?\\bdefault[:=]\"?(\\d{2,5})\\b"
            + "|(?:Host|Addr|Listen)\\s+[\\w.]+\\s+`[^`\\n]*?\\bdefault[:=]\"?(?:0\\.0\\.0\\.0)?:(\\d{2,5})\\b)"
            // the app's own HTTP server config built with a literal port: &http.Config{…, Port: 8080} (its package
            // http, or a *ServerConfig / HTTPOptions type); a database's Config{Port: 5432} is not one
            + "|\\b(?:(?:http|server|web|api)\\.\\w*|\\w*(?:HTTP|Http|Server|Web)\\w*(?:Config|Options|Settings|Conf))\\s*\\{"
            + "[^{}]{0,400}?\\bPort\\s*:\\s*(\\d{2,5})\\b");

    private GoStack() {
    }

    /**
     * Detects the Go app in {@code dir}: a module (go.mod), or an old GOPATH-style program without go.mod (a main
     * package at {@code dir} or in cmd/*), which is reported as needing {@code go mod init} before it builds.
     */
    static AppDraft detect(RepoFiles repo, String dir, List<String> sources) {
        AppDraft d = new AppDraft(dir, Language.GO);
        d.sources = sources;
        d.buildTool = "go";
        String gomod = RepoFiles.join(dir, "go.mod");
        String text = repo.exists(gomod) ? repo.text(gomod) : "";
        SourceLexer.Lines lines = new SourceLexer.Lines(text);
        Matcher tc = TOOLCHAIN.matcher(text);
        Matcher go = GO_DIRECTIVE.matcher(text);
        if (!repo.exists(gomod)) {
            d.version = DEFAULT_VERSION;
            d.versionDefault = true;
            d.evidence("go " + DEFAULT_VERSION + " (default; no " + gomod + ")");
        } else if (tc.find()) {
            d.version = tc.group(1);
            d.evidence("go " + d.version + " from " + gomod + ":" + lines.line(tc.start()) + " toolchain directive");
        } else if (go.find()) {
            d.version = go.group(1);
            d.evidence("go " + d.version + " from " + gomod + ":" + lines.line(go.start()) + " go directive");
            if (older(d.version, OLDEST_IMAGE)) {
                d.evidence("go " + OLDEST_IMAGE + " instead of " + d.version + ": the go directive is a minimum and "
                        + "golang:" + d.version + "-bookworm does not exist (the oldest bookworm image is " + OLDEST_IMAGE + ")");
                d.version = OLDEST_IMAGE;
            }
        } else {
            d.version = DEFAULT_VERSION;
            d.versionDefault = true;
            d.evidence("go " + DEFAULT_VERSION + " (default; " + gomod + " has no go directive)");
        }

        String mainPkg = mainPackage(repo, dir, sources);
        List<String> shipped = mainPkg == null || ".".equals(mainPkg) ? List.of() : shippedPrograms(repo, dir, sources);
        if (shipped.size() > 1) {
            // the repository ships several of its cmd/ programs as images of their own (a service each)
            d.modules = shipped;
            d.evidence("main packages the repository's own Dockerfiles build: " + String.join(", ", shipped.stream()
                    .map(x -> "./" + x).toList()) + " (one app each)");
            mainPkg = null;
        }
        d.evidence(!shipped.isEmpty() && shipped.size() > 1 ? "main packages " + String.join(", ", shipped.stream()
                .map(x -> "./" + x).toList()) : mainPkg == null ? "no main package found (no .go file declaring package main in "
                + (".".equals(dir) ? "the app directory" : dir) + " or " + RepoFiles.join(dir, "cmd/*") + ")"
                : "main package " + mainPkg + " (build with 'go build " + mainPkg + "')");
        String tags = buildTags(repo, dir, sources, d);
        if (tags != null && (mainPkg == null || ".".equals(mainPkg))) {
            d.build = goBuild(tags, "."); // the programs of a split module take their tags from here
        }
        if (mainPkg != null && !".".equals(mainPkg)) {
            // the template's default builds "."; a cmd/NAME program needs the whole command, same flags
            d.build = goBuild(tags, mainPkg);
        }
        if (mainPkg == null && d.modules.isEmpty()) {
            List<String> servers = deepServers(repo, dir, sources);
            if (servers.size() == 1) {
                mainPkg = "./" + servers.get(0);
                d.build = goBuild(tags, mainPkg);
                d.evidence("main package " + mainPkg + ": the only main package that serves (build with 'go build " + mainPkg + "')");
                String only = RepoFiles.join(dir, servers.get(0));
                d.sources = sources.stream().filter(f -> RepoFiles.inside(f, only) || !inMainPackage(repo, f, dir)).toList();
                sources = d.sources;
            } else if (servers.size() > 1) {
                d.modules = servers;
                d.evidence("main packages that serve: " + String.join(", ", servers.stream().map(x -> "./" + x).toList())
                        + " (one app each; main packages that do not listen — tools, admin, migrations — are not apps)");
            }
        }
        List<String> split = d.modules.stream().map(m -> RepoFiles.join(dir, m)).toList();
        List<String> others = otherPrograms(repo, dir, sources, mainPkg).stream().filter(o -> !split.contains(o)).toList();
        if (!others.isEmpty()) {
            // a CLI or dev tool beside the server: its ports, routes and variables are not the app's
            d.sources = sources.stream().filter(f -> others.stream().noneMatch(o -> RepoFiles.inside(f, o))).toList();
            sources = d.sources;
            d.evidence("other main packages not built: " + String.join(", ", others.stream()
                    .map(o -> "./" + (".".equals(dir) ? o : o.substring(dir.length() + 1))).toList())
                    + " (add an app with its own 'build' for each one that runs as a service)");
        }
        if (!repo.exists(gomod)) {
            d.evidence("no " + gomod + ": a GOPATH-style program, which 'go build' no longer builds; run 'go mod init "
                    + "<module path>' and 'go mod tidy' in " + (".".equals(dir) ? "the app directory" : dir)
                    + " first");
        }

        Code.Hit port = Code.first(repo, sources, CODE, PORT, KEYWORDS);
        if (port != null && Code.port(port.value()) != null) {
            d.port = Code.port(port.value());
            d.evidence("port " + d.port + " from " + port.where());
            loopbackWarning(repo, d, sources);
        } else {
            d.port = 8080;
            d.portDefault = true;
            d.evidence("port 8080 (Go default; no listen address literal found)");
        }
        Code.Hit health = Code.health(repo, sources, CODE);
        if (health != null) {
            d.healthcheck = health.value();
            d.evidence("healthcheck " + health.value() + " from route at " + health.where());
        }

        StringBuilder requires = new StringBuilder();
        Matcher block = REQUIRE_BLOCK.matcher(text);
        while (block.find()) {
            requires.append(block.group(1)).append('\n');
        }
        Matcher single = REQUIRE_LINE.matcher(text);
        while (single.find()) {
            requires.append(single.group(1)).append('\n');
        }
        for (String line : requires.toString().split("\\R")) {
            String module = line.trim().split("\\s+")[0];
            if (module.isEmpty() || module.startsWith("//")) {
                continue;
            }
            if (line.matches(".*//\\s*indirect\\b.*")) {
                // needed by a dependency (gorm v1 requires every SQL driver), not imported by the app
                continue;
            }
            for (Map.Entry<String, String> e : SERVICES.entrySet()) {
                if (module.equals(e.getKey()) || module.startsWith(e.getKey())) {
                    d.service(e.getValue(), e.getValue() + " from " + gomod + " require " + module);
                }
            }
        }
        return d;
    }

    /**
     * The main package of the app in {@code dir} as a 'go build' argument: "." when a .go file directly in
     * {@code dir} (main.go first) declares package main, else "./cmd/NAME" for the cmd/NAME directory that most
     * looks like the service ({@link #serverRank}, then by name); null when there is none. Test files do not count.
     */
    static String mainPackage(RepoFiles repo, String dir, List<String> files) {
        String rootMain = RepoFiles.join(dir, "main.go");
        if (repo.exists(rootMain) && isMain(repo, rootMain)) {
            return ".";
        }
        String cmd = RepoFiles.join(dir, "cmd/");
        String found = null;
        for (String f : files) {
            if (!f.endsWith(".go") || f.endsWith("_test.go")) {
                continue;
            }
            String parent = RepoFiles.parent(f);
            boolean atRoot = parent.equals(dir);
            boolean inCmd = f.startsWith(cmd) && parent.length() > cmd.length() && parent.indexOf('/', cmd.length()) < 0;
            if ((atRoot || inCmd) && isMain(repo, f)) {
                if (atRoot) {
                    return ".";
                }
                String pkg = "./" + parent.substring(".".equals(dir) ? 0 : dir.length() + 1);
                if (found == null || serverRank(repo, dir, pkg) < serverRank(repo, dir, found)) {
                    found = pkg;
                }
            }
        }
        return found;
    }

    private static final Pattern MODULE = Pattern.compile("(?m)^module\\s+\"?([^\\s\"]+)");
    private static final Pattern SERVER_NAME = Pattern.compile(
            "(?:.*[-_])?(?:server|api|app|web|service|svc|daemon|backend|gateway)");

    /**
     * How much ./cmd/NAME looks like the program to containerize (lower is better): 0 for the module's daemon
     * (NAME is the module's last path element plus "d" or "-server"), 1 for a server-like name (server, api,
     * app, …), 2 for NAME equal to the module's name (often the CLI), 3 otherwise.
     */
    static int serverRank(RepoFiles repo, String dir, String pkg) {
        String name = pkg.substring(pkg.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        String gomod = RepoFiles.join(dir, "go.mod");
        Matcher m = repo.exists(gomod) ? MODULE.matcher(repo.text(gomod)) : null;
        String base = m != null && m.find() ? m.group(1).replaceAll("/v\\d+$", "") : "";
        base = base.substring(base.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        if (!base.isEmpty() && (name.equals(base + "d") || name.equals(base + "-server"))) {
            return 0;
        }
        if (SERVER_NAME.matcher(name).matches()) {
            return 1;
        }
        return name.equals(base) ? 2 : 3;
    }

    /** The cmd/NAME directories (repo-relative) holding a main package other than {@code mainPkg}. */
    private static List<String> otherPrograms(RepoFiles repo, String dir, List<String> files, String mainPkg) {
        String cmd = RepoFiles.join(dir, "cmd/");
        String chosen = mainPkg == null || ".".equals(mainPkg) ? null : RepoFiles.join(dir, mainPkg.substring(2));
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (String f : files) {
            String parent = RepoFiles.parent(f);
            if (f.endsWith(".go") && !f.endsWith("_test.go") && f.startsWith(cmd) && parent.length() > cmd.length()
                    && parent.indexOf('/', cmd.length()) < 0 && !parent.equals(chosen) && !out.contains(parent)
                    && isMain(repo, f)) {
                out.add(parent);
            }
        }
        return List.copyOf(out);
    }

    /** "1.15" older than "1.20" (major.minor compared as numbers). */
    static boolean older(String version, String than) {
        String[] a = version.split("\\.");
        String[] b = than.split("\\.");
        for (int i = 0; i < 2; i++) {
            int x = i < a.length ? Integer.parseInt(a[i]) : 0;
            int y = i < b.length ? Integer.parseInt(b[i]) : 0;
            if (x != y) {
                return x < y;
            }
        }
        return false;
    }

    /** A program that serves: an HTTP/gRPC listen, a framework's Run/Start with an address, or an http.Server. */
    private static final Pattern SERVES = Pattern.compile(
            "\\bListenAndServe(?:TLS)?\\(|\\.Serve\\(|\\bnet\\.Listen\\(|\\bhttp\\.Server\\s*\\{|\\.(?:Run|Start)\\(\\s*(?:\"|[\\w.]*(?:[Aa]ddr|[Pp]ort|[Hh]ost))");
    /** Directories whose programs are tools, not services. */
    private static final Pattern TOOL_DIR = Pattern.compile(
            "(?i)(?:^|.*/)(?:vendor|tools?|tooling|scripts?|hack|examples?|_?test(?:s|data)?|migrations?)(?:/.*|$)");

    /**
     * Main packages below {@code dir} (up to four levels; not in cmd/*, vendor, tools, examples …) whose files serve:
     * the apps of a module that keeps its programs in api/services/NAME or similar. Relative to {@code dir}, sorted.
     */
    private static List<String> deepServers(RepoFiles repo, String dir, List<String> files) {
        java.util.Set<String> mains = new java.util.TreeSet<>();
        java.util.Set<String> serving = new java.util.TreeSet<>();
        for (String f : files) {
            if (!f.endsWith(".go") || f.endsWith("_test.go")) {
                continue;
            }
            String parent = RepoFiles.parent(f);
            String rel = ".".equals(dir) ? parent : parent.equals(dir) ? "." : parent.substring(dir.length() + 1);
            if (".".equals(rel) || RepoFiles.depth(rel) > 3 || TOOL_DIR.matcher(rel).matches()) {
                continue;
            }
            String text = repo.source(f);
            if (text == null) {
                continue;
            }
            if (MAIN_PACKAGE.matcher(text).find()) {
                mains.add(rel);
                if (SERVES.matcher(text).find()) {
                    serving.add(rel);
                }
            }
        }
        serving.retainAll(mains);
        return List.copyOf(serving);
    }

    private static final Pattern IMPORT_BLOCK = Pattern.compile("(?ms)^import\\s*\\((.*?)^\\)");
    private static final Pattern IMPORT_LINE = Pattern.compile("(?m)^import\\s+(?:[\\w.]+\\s+)?\"([^\"]+)\"");
    private static final Pattern IMPORT_SPEC = Pattern.compile("(?m)^\\s*(?:[\\w.]+\\s+)?\"([^\"]+)\"");

    /** The import graph of a module's packages (directories), and what each imports from outside the module. */
    record Imports(Map<String, java.util.Set<String>> internal, Map<String, java.util.Set<String>> externalByDir) {
        static Imports of(RepoFiles repo, String dir, List<String> files) {
            String gomod = RepoFiles.join(dir, "go.mod");
            Matcher mod = repo.exists(gomod) ? MODULE.matcher(repo.text(gomod)) : null;
            if (mod == null || !mod.find()) {
                return new Imports(null, null);
            }
            String module = mod.group(1);
            Map<String, java.util.Set<String>> internal = new java.util.HashMap<>();
            Map<String, java.util.Set<String>> external = new java.util.HashMap<>();
            for (String f : files) {
                String text = CODE.test(f) && !f.endsWith("_test.go") ? repo.source(f) : null;
                if (text == null) {
                    continue;
                }
                List<String> paths = new ArrayList<>();
                Matcher b = IMPORT_BLOCK.matcher(text);
                while (b.find()) {
                    Matcher spec = IMPORT_SPEC.matcher(b.group(1));
                    while (spec.find()) {
                        paths.add(spec.group(1));
                    }
                }
                Matcher l = IMPORT_LINE.matcher(text);
                while (l.find()) {
                    paths.add(l.group(1));
                }
                String pkg = RepoFiles.parent(f);
                for (String path : paths) {
                    if (path.equals(module) || path.startsWith(module + "/")) {
                        String rel = path.equals(module) ? "." : path.substring(module.length() + 1);
                        internal.computeIfAbsent(pkg, k -> new java.util.HashSet<>()).add(RepoFiles.join(dir, rel));
                    } else {
                        external.computeIfAbsent(pkg, k -> new java.util.HashSet<>()).add(path);
                    }
                }
            }
            return new Imports(internal, external);
        }

        /** The package directories {@code programDir} imports, itself included; null without a module path. */
        java.util.Set<String> reachable(String programDir) {
            if (internal == null) {
                return null;
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(programDir));
            while (!todo.isEmpty()) {
                String d = todo.pop();
                if (seen.add(d)) {
                    todo.addAll(internal.getOrDefault(d, java.util.Set.of()));
                }
            }
            return seen;
        }

        /** What the packages {@code dirs} import from outside the module. */
        java.util.Set<String> external(java.util.Set<String> dirs) {
            java.util.Set<String> out = new java.util.HashSet<>();
            dirs.forEach(d -> out.addAll(externalByDir.getOrDefault(d, java.util.Set.of())));
            return out;
        }
    }

    /** A listen call on a literal loopback address: {@code e.Start("127.0.0.1:8585")}, {@code ListenAndServe("localhost:80", …)}. */
    private static final Pattern LOOPBACK_LISTEN = Pattern.compile(
            "(?:ListenAndServe(?:TLS)?\\(|\\.Run\\(|\\.Listen\\(|\\.Start\\(|\\bAddr\\s*:)\\s*\"(127\\.0\\.0\\.1|localhost):(\\d{2,5})\"");

    /**
     * A server that listens on a literal loopback address cannot be reached through the port compose publishes, and
     * no variable changes it: init says so (the code must listen on 0.0.0.0 or ":PORT").
     */
    private static void loopbackWarning(RepoFiles repo, AppDraft d, List<String> files) {
        for (String f : files) {
            String text = CODE.test(f) && !f.endsWith("_test.go") ? repo.source(f) : null;
            Matcher m = text == null ? null : LOOPBACK_LISTEN.matcher(text);
            if (m != null && m.find()) {
                d.evidence("warning: the app listens on " + m.group(1) + ":" + m.group(2) + " (" + f + ":"
                        + new SourceLexer.Lines(text).line(m.start()) + "), which is unreachable through the port compose "
                        + "publishes; make it listen on \":" + m.group(2) + "\" or 0.0.0.0:" + m.group(2));
                return;
            }
        }
    }

    /** Whether the app's Go code imports lib/pq, whose default sslmode is require. */
    static boolean usesLibpq(RepoFiles repo, List<String> files) {
        for (String f : files) {
            String text = CODE.test(f) && !f.endsWith("_test.go") ? repo.source(f) : null;
            if (text != null && text.contains("\"github.com/lib/pq\"")) {
                return true;
            }
        }
        return false;
    }

    /** Whether any of {@code files} (a program's own) serves ({@link #SERVES}). */
    private static boolean serves(RepoFiles repo, List<String> files) {
        for (String f : files) {
            String text = CODE.test(f) && !f.endsWith("_test.go") ? repo.source(f) : null;
            if (text != null && SERVES.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The cmd/NAME main packages (relative to {@code dir}, sorted) that a production Dockerfile of the repository
     * builds ({@link RunEvidence#goProgramDockerfiles}): the programs it ships as images of their own.
     */
    static List<String> shippedPrograms(RepoFiles repo, String dir, List<String> files) {
        String cmd = RepoFiles.join(dir, "cmd/");
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (String f : files) {
            String parent = RepoFiles.parent(f);
            if (f.endsWith(".go") && !f.endsWith("_test.go") && f.startsWith(cmd) && parent.length() > cmd.length()
                    && parent.indexOf('/', cmd.length()) < 0 && !out.contains(parent.substring(".".equals(dir) ? 0 : dir.length() + 1))
                    && isMain(repo, f) && !RunEvidence.goProgramDockerfiles(repo, dir, parent).isEmpty()) {
                out.add(parent.substring(".".equals(dir) ? 0 : dir.length() + 1));
            }
        }
        return List.copyOf(out);
    }

    /** The build command of the template, with {@code -tags TAGS} when the module needs a build tag. */
    static List<String> goBuild(String tags, String pkg) {
        List<String> out = new ArrayList<>(List.of("go", "build", "-trimpath"));
        if (tags != null) {
            out.add("-tags");
            out.add(tags);
        }
        out.addAll(List.of("-ldflags=-s -w", "-o", "/out/app", pkg));
        return List.copyOf(out);
    }

    private static String tagsOf(List<String> build) {
        int i = build.indexOf("-tags");
        return i >= 0 && i + 1 < build.size() ? build.get(i + 1) : null;
    }

    /** {@code //go:build EXPR} or {@code // +build EXPR} before the package clause. */
    private static final Pattern CONSTRAINT = Pattern.compile("(?m)^//\\s*(?:go:build|\\+build)\\s+(.+)$");
    private static final Pattern PACKAGE_CLAUSE = Pattern.compile("(?m)^package\\s+\\w+");
    /** Build constraint words that are no custom tag: GOOS, GOARCH, cgo, go1.N, ignore. */
    private static final Pattern PLATFORM_TAG = Pattern.compile("(?i)(?:aix|android|darwin|dragonfly|freebsd|hurd|illumos|ios|js|"
            + "linux|nacl|netbsd|openbsd|plan9|solaris|wasip1|windows|zos|unix|386|amd64|amd64p32|arm|arm64|arm64be|armbe|loong64|"
            + "mips|mipsle|mips64|mips64le|mips64p32|mips64p32le|ppc|ppc64|ppc64le|riscv|riscv64|s390|s390x|sparc|sparc64|wasm|"
            + "cgo|gc|gccgo|ignore|go1\\.\\d+)");
    /** Tags that name the production variant of a package kept in one file per environment. */
    private static final Pattern PRODUCTION_TAG = Pattern.compile("(?i)prod|production|release|live");

    /**
     * The build tag the module needs: a package of the app whose every file is guarded by a single custom tag, with
     * different files for different tags (config_dev.go {@code //go:build dev}, config_prod.go {@code //go:build prod}
     * …), does not exist in a plain 'go build'. The production variant's tag (prod, production, release) is chosen,
     * else the first by name; null when no package is kept that way.
     */
    static String buildTags(RepoFiles repo, String dir, List<String> files, AppDraft d) {
        Map<String, java.util.Set<String>> tagsByDir = new java.util.TreeMap<>();
        java.util.Set<String> unguarded = new java.util.HashSet<>();
        for (String f : files) {
            if (!CODE.test(f) || f.endsWith("_test.go") || FileKinds.isVendored(f) || Code.isTest(f)) {
                continue;
            }
            String text = repo.source(f);
            if (text == null) {
                continue;
            }
            Matcher pkg = PACKAGE_CLAUSE.matcher(text);
            String head = pkg.find() ? text.substring(0, pkg.start()) : text;
            Matcher c = CONSTRAINT.matcher(head);
            String tag = null;
            if (c.find()) {
                String expr = c.group(1).trim();
                tag = expr.matches("[A-Za-z_][\\w.]*") && !PLATFORM_TAG.matcher(expr).matches() ? expr : "";
            }
            String parent = RepoFiles.parent(f);
            if (tag == null) {
                unguarded.add(parent);
            } else if (!tag.isEmpty()) {
                tagsByDir.computeIfAbsent(parent, k -> new java.util.TreeSet<>()).add(tag);
            } else {
                unguarded.add(parent); // a platform file: the package builds without a custom tag
            }
        }
        String chosen = null;
        String where = null;
        for (Map.Entry<String, java.util.Set<String>> e : tagsByDir.entrySet()) {
            if (unguarded.contains(e.getKey()) || e.getValue().size() < 2) {
                continue;
            }
            String pick = e.getValue().stream().filter(t -> PRODUCTION_TAG.matcher(t).matches()).findFirst()
                    .orElse(e.getValue().iterator().next());
            if (chosen == null) {
                chosen = pick;
                where = e.getKey() + " (" + String.join(", ", e.getValue()) + ")";
            }
        }
        if (chosen != null) {
            d.evidence("build tag " + chosen + ": every file of " + where + " needs one of these tags, so a plain "
                    + "'go build' does not compile it");
        }
        return chosen;
    }

    private static boolean inMainPackage(RepoFiles repo, String f, String dir) {
        return f.endsWith(".go") && !RepoFiles.parent(f).equals(dir) && isMain(repo, f);
    }

    /**
     * One app per serving program when a module has several ({@link AppDraft#modules}); else {@code base} alone. Each
     * app builds its package from the module root, and takes its port and healthcheck from its own package; its
     * variables are read in its package and in the module's shared (non-main) packages.
     */
    static List<AppDraft> perProgram(RepoFiles repo, AppDraft base) {
        if (base.modules.size() < 2) {
            return List.of(base);
        }
        List<String> programDirs = base.modules.stream().map(m -> RepoFiles.join(base.dir, m)).toList();
        Imports imports = Imports.of(repo, base.dir, base.sources);
        List<AppDraft> out = new ArrayList<>();
        for (String m : base.modules) {
            String programDir = RepoFiles.join(base.dir, m);
            AppDraft p = new AppDraft(base.dir, Language.GO);
            p.name = m.substring(m.lastIndexOf('/') + 1);
            p.version = base.version;
            p.versionDefault = base.versionDefault;
            p.buildTool = base.buildTool;
            p.moduleDir = programDir;
            p.build = goBuild(base.build.isEmpty() ? null : tagsOf(base.build), "./" + m);
            List<String> own = base.sources.stream().filter(f -> RepoFiles.inside(f, programDir)).toList();
            // the module's packages this program imports (transitively): their reads and clients are its own; a
            // shared package only another program imports is not (without a module path: every shared package)
            java.util.Set<String> reached = imports.reachable(programDir);
            p.sources = base.sources.stream().filter(f -> RepoFiles.inside(f, programDir)
                    || (programDirs.stream().noneMatch(o -> RepoFiles.inside(f, o)) && !inMainPackage(repo, f, base.dir)
                    && (reached == null || !CODE.test(f) || reached.contains(RepoFiles.parent(f)))))
                    .toList();
            for (String line : base.evidence) {
                if (line.startsWith("go ") || line.startsWith("main packages that serve")
                        || line.startsWith("main packages the repository's own Dockerfiles build")
                        || line.startsWith("build tag ")) {
                    p.evidence(line);
                }
            }
            p.evidence("app for ./" + m + " (one app per main package that serves)");
            Code.Hit port = Code.first(repo, own, CODE, PORT, KEYWORDS);
            if (port != null && Code.port(port.value()) != null) {
                p.port = Code.port(port.value());
                p.evidence("port " + p.port + " from " + port.where());
            } else if (!serves(repo, own)) {
                // a worker the repository ships (a queue consumer): no port unless its image EXPOSEs one
                p.portDefault = true;
                p.evidence("no port: ./" + m + " does not listen (a worker)");
            } else {
                p.port = 8080;
                p.portDefault = true;
                p.evidence("port 8080 (Go default; no listen address literal found in ./" + m + ")");
            }
            Code.Hit health = Code.health(repo, own, CODE);
            if (health != null) {
                p.healthcheck = health.value();
                p.evidence("healthcheck " + health.value() + " from route at " + health.where());
            }
            java.util.Set<String> external = reached == null ? null : imports.external(reached);
            base.services.forEach((type, why) -> {
                List<String> clients = SERVICES.entrySet().stream().filter(e -> e.getValue().equals(type)).map(Map.Entry::getKey).toList();
                boolean byRequire = why.contains(" require ");
                if (external == null || !byRequire || external.stream().anyMatch(i -> clients.stream().anyMatch(i::startsWith))) {
                    p.service(type, why);
                } else {
                    p.evidence("not adding " + type + ": ./" + m + " does not import its client (" + why + ")");
                }
            });
            out.add(p);
        }
        return out;
    }

    private static final Pattern LOCAL_REPLACE = Pattern.compile("(?m)=>\\s*(\\.\\.?/[^\\s]*)\\s*$");

    /**
     * The directories of Go modules that another module of the repository replaces with a local path
     * ({@code replace github.com/acme/x => ./x}): they are that module's libraries. Maps each to the go.mod that
     * replaces it.
     */
    static Map<String, String> localReplaces(RepoFiles repo, List<String> moduleDirs) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String dir : moduleDirs) {
            String gomod = RepoFiles.join(dir, "go.mod");
            String text = repo.source(gomod);
            if (text == null) {
                continue;
            }
            Matcher m = LOCAL_REPLACE.matcher(text);
            while (m.find()) {
                String target = java.nio.file.Path.of(".".equals(dir) ? "" : dir).resolve(m.group(1)).normalize().toString()
                        .replace('\\', '/');
                if (!target.isEmpty() && !target.startsWith("..") && !target.equals(dir)) {
                    out.putIfAbsent(target, gomod);
                }
            }
        }
        return out;
    }

    /** Whether any production .go file of the module in {@code dir} (not a test, not vendored) declares package main. */
    static boolean hasMainPackage(RepoFiles repo, String dir) {
        String prefix = ".".equals(dir) ? "" : dir + "/";
        for (String f : repo.files()) {
            if (f.startsWith(prefix) && f.endsWith(".go") && !Code.isTest(f) && !FileKinds.isVendored(f) && isMain(repo, f)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMain(RepoFiles repo, String f) {
        String text = repo.source(f);
        return text != null && MAIN_PACKAGE.matcher(text).find();
    }
}
