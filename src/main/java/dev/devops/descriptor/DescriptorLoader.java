package dev.devops.descriptor;

import dev.devops.core.UserError;
import dev.devops.core.UserErrors;
import dev.devops.yaml.YMap;
import dev.devops.yaml.YNode;
import dev.devops.yaml.YamlDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads and validates devops.yaml. Every problem is a {@link UserError} with file, line and column,
 * what is wrong, and what is allowed.
 */
public final class DescriptorLoader {
    public static final String FILE_NAME = "devops.yaml";

    static final List<String> TOP_KEYS = List.of("name", "apps", "services", "environments", "lint");
    static final List<String> APP_KEYS = List.of("path", "dockerfile", "runtime", "port", "build", "start", "healthcheck",
            "output", "dependsOn", "env", "processes", "files", "migrate");
    static final List<String> MIGRATE_KEYS = List.of("command", "image", "mount");
    static final List<String> RUNTIME_KEYS = List.of("language", "version", "buildTool", "framework");
    static final List<String> SERVICE_KEYS = List.of("type", "version", "publish");
    static final List<String> ENV_KEYS = List.of("description", "required", "secret", "default", "from");
    static final List<String> ENVIRONMENT_KEYS = List.of("env");
    static final List<String> LINT_KEYS = List.of("allowlist", "paths");
    static final List<String> LINT_PATH_KEYS = List.of("tests", "docs");
    static final List<String> ALLOWLIST_KEYS = List.of("paths", "rules", "values", "stopwords");

    /** Compose service names and project names: lowercase letters, digits, dash and underscore. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /**
     * A static site's output directory as the generated Dockerfile uses it, unquoted in a COPY line: no spaces,
     * quotes, '$', ';' or control characters, which would end or change the line it is written into.
     */
    static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9._@+/-]+");
    /**
     * An app's directory: quoted in the compose file, but a Java module's path is also part of a shell line in the
     * Dockerfile. No control characters, quotes, backslashes or shell metacharacters ($ ` ; & | < >); spaces are
     * fine.
     */
    static final Pattern APP_PATH = Pattern.compile("[^\\p{Cntrl}\"'\\\\$`;&|<>]+");
    /**
     * An HTTP path as the generated healthchecks use it: inside a quoted JavaScript, Python or shell string and a
     * printf format, so no quotes, backslashes, backticks, '%', spaces or control characters ('$' is escaped where it matters).
     */
    static final Pattern HEALTH_PATH = Pattern.compile("/[A-Za-z0-9._~!$&()*+,;=:@/?#-]*");

    private DescriptorLoader() {
    }

    public static Descriptor load(Path file) {
        return fromYaml(YamlDocument.read(file));
    }

    public static Descriptor parse(Path file, String text) {
        return fromYaml(YamlDocument.parse(file, text));
    }

    /**
     * The problems found so far: each part of the file (the name, each app and each of its settings, each service,
     * environment and variable, the lint settings, each reference) is checked on its own, so one run reports every
     * problem of the file, each at its file:line:column, not the first only.
     */
    private static final class Problems {
        final List<UserError> list = new ArrayList<>();

        /** The value {@code part} reads, or null after noting its problem. */
        <T> T get(java.util.function.Supplier<T> part) {
            try {
                return part.get();
            } catch (UserError e) {
                list.add(e);
                return null;
            }
        }

        void check(Runnable part) {
            get(() -> {
                part.run();
                return null;
            });
        }

        void add(UserError e) {
            list.add(e);
        }
    }

    static Descriptor fromYaml(YNode root) {
        if (root.isNull()) {
            throw new UserError(null, root.file() + ": the file is empty",
                    "run 'devops init' to write one, or add at least 'name:' and 'apps:'");
        }
        Problems problems = new Problems();
        YMap top = root.asMap(TOP_KEYS, problems::add);
        String name = problems.get(() -> name(top.require("name", "add 'name: my-project' (lowercase letters, digits, '-')")));

        List<App> apps = new ArrayList<>();
        Set<String> names = new HashSet<>();
        YMap appsMap = problems.get(() -> {
            YNode appsNode = top.require("apps", "list at least one app, e.g. 'apps: {web: {runtime: {language: node}}}'");
            YMap m = appsNode.asMap();
            if (m.keys().isEmpty()) {
                throw appsNode.error("'apps' is empty", "add at least one app");
            }
            return m;
        });
        if (appsMap != null) {
            for (String appName : appsMap.keys()) {
                problems.check(() -> checkName(appsMap.keyNode(appName), appName, "app"));
                names.add(appName);
                App a = app(appName, appsMap.get(appName), problems);
                if (a != null) {
                    apps.add(a);
                }
            }
        }

        Map<String, Service> services = new LinkedHashMap<>();
        YMap servicesMap = problems.get(() -> top.opt("services").map(YNode::asMap).orElse(null));
        if (servicesMap != null) {
            for (String svcName : servicesMap.keys()) {
                problems.check(() -> checkName(servicesMap.keyNode(svcName), svcName, "service"));
                if (!names.add(svcName)) {
                    problems.add(servicesMap.keyNode(svcName).error("service '" + svcName + "' has the same name as an app",
                            "rename one of them: compose service names must be unique"));
                    continue;
                }
                Service svc = problems.get(() -> service(svcName, servicesMap.get(svcName), problems));
                if (svc != null) {
                    services.put(svcName, svc);
                }
            }
        }

        Map<String, Environment> environments = new LinkedHashMap<>();
        YMap envsMap = problems.get(() -> top.opt("environments").map(YNode::asMap).orElse(null));
        if (envsMap != null) {
            for (String envName : envsMap.keys()) {
                problems.check(() -> checkName(envsMap.keyNode(envName), envName, "environment"));
                Environment e = problems.get(() -> environment(envName, envsMap.get(envName), problems));
                if (e != null) {
                    environments.put(envName, e);
                }
            }
        }

        LintSettings lint = problems.get(() -> top.opt("lint").map(n -> lint(n, problems)).orElse(LintSettings.EMPTY));
        checkReferences(apps, services, appsMap, servicesMap, problems);
        if (problems.list.isEmpty()) {
            return new Descriptor(name, apps, services, environments, lint);
        }
        throw UserErrors.of(problems.list);
    }

    private static String name(YNode node) {
        if (node.isScalar() && !node.isText()) {
            throw node.error("'name' must be a string, found " + node.asText(), "quote it, e.g. name: \"" + node.asText() + "\"");
        }
        String v = node.asText();
        if (!NAME.matcher(v).matches()) {
            throw node.error("name '" + v + "' is not a valid project name",
                    "use lowercase letters, digits, '-' and '_', starting with a letter or digit");
        }
        return v;
    }

    private static void checkName(YNode keyNode, String v, String what) {
        if (!NAME.matcher(v).matches()) {
            throw keyNode.error(what + " name '" + v + "' is not valid",
                    "use lowercase letters, digits, '-' and '_', starting with a letter or digit");
        }
    }

    /** The app, or null when a problem leaves nothing to build it from (its problems are in {@code problems}). */
    private static App app(String name, YNode node, Problems problems) {
        YMap m = problems.get(() -> {
            YMap map = node.isNull() ? null : node.asMap(APP_KEYS, problems::add);
            if (map == null) {
                throw node.error("app '" + name + "' has no settings", "add at least 'runtime: {language: node}'");
            }
            return map;
        });
        if (m == null) {
            return null;
        }
        int before = problems.list.size();
        String path = problems.get(() -> {
            String p = m.string("path").orElse(".");
            if (p.startsWith("/") || p.contains("..")) {
                throw m.get("path").error("'apps." + name + ".path' must be a relative path inside the repository",
                        "write it relative to devops.yaml, e.g. 'services/api'");
            }
            if (!APP_PATH.matcher(p).matches()) {
                throw m.get("path").error("'apps." + name + ".path' may not hold control characters, quotes, backslashes"
                        + " or the shell characters $ ` ; & | < >", "rename the directory (the generated files write the path"
                        + " into shell lines)");
            }
            return p;
        });
        String dockerfile = problems.get(() -> {
            String f = m.string("dockerfile").orElse(null);
            if (f != null && (f.startsWith("/") || f.matches("(.*/)?\\.\\.(/.*)?") || !APP_PATH.matcher(f).matches()
                    || f.endsWith("/"))) {
                throw m.get("dockerfile").error("'apps." + name + ".dockerfile' must be the path of a file inside the repository,"
                        + " without quotes, backslashes or shell characters", "write it relative to devops.yaml, e.g. 'docker/Dockerfile'");
            }
            return f;
        });
        Runtime runtime = problems.get(() -> runtime(m.require("runtime", "add 'runtime: {language: node|java|python|go}'"),
                problems));
        Integer port = problems.get(() -> m.opt("port").map(n -> n.asInt(1, 65535)).orElse(null));
        List<String> build = problems.get(() -> m.opt("build").map(YNode::asStringList).orElse(List.of()));
        List<String> start = problems.get(() -> m.opt("start").map(YNode::asStringList).orElse(List.of()));
        String health = problems.get(() -> {
            String h = m.string("healthcheck").orElse(null);
            if (h != null && !h.startsWith("/")) {
                throw m.get("healthcheck").error("'apps." + name + ".healthcheck' must be an HTTP path",
                        "write a path starting with '/', e.g. /health");
            }
            if (h != null && !HEALTH_PATH.matcher(h).matches()) {
                throw m.get("healthcheck").error("'apps." + name + ".healthcheck' may hold only the characters of a URL path"
                        + " (no spaces, quotes, backslashes, backticks or '%')", "write a plain path such as /health");
            }
            if (h != null && m.opt("port").isEmpty()) {
                throw m.get("healthcheck").error("'apps." + name + ".healthcheck' needs a port to check",
                        "add 'port:' to the app or remove 'healthcheck:'");
            }
            return h;
        });
        String output = runtime == null ? null : problems.get(() -> output(name, m, runtime));
        List<String> dependsOn = problems.get(() -> m.opt("dependsOn").map(YNode::asStringList).orElse(List.of()));
        Map<String, EnvVar> env = new LinkedHashMap<>();
        YMap envMap = problems.get(() -> m.opt("env").map(YNode::asMap).orElse(null));
        if (envMap != null) {
            for (String var : envMap.keys()) {
                EnvVar v = problems.get(() -> envVar(var, envMap.keyNode(var), envMap.get(var), problems));
                if (v != null) {
                    env.put(var, v);
                }
            }
        }
        Map<String, List<String>> processes = new LinkedHashMap<>();
        YMap procMap = problems.get(() -> m.opt("processes").map(YNode::asMap).orElse(null));
        if (procMap != null) {
            for (String proc : procMap.keys()) {
                problems.check(() -> checkName(procMap.keyNode(proc), proc, "process"));
                List<String> command = problems.get(() -> {
                    YNode c = procMap.get(proc);
                    // a command line runs through the shell; a list is exec form
                    List<String> cmd = c.isList() ? c.asStringList() : List.of("sh", "-c", c.asText());
                    if (cmd.isEmpty()) {
                        throw procMap.get(proc).error("'apps." + name + ".processes." + proc + "' has no command",
                                "write the command it runs, e.g. [celery, -A, proj, worker]");
                    }
                    return cmd;
                });
                if (command != null) {
                    processes.put(proc, command);
                }
            }
        }
        List<String> files = problems.get(() -> {
            List<String> fs = m.opt("files").map(YNode::asStringList).orElse(List.of());
            for (String f : fs) {
                if (!relativeInside(f)) {
                    throw m.get("files").error("'apps." + name + ".files' entry '" + f + "' must be a relative path inside the app",
                            "write it relative to the app's directory, e.g. config/app.yml");
                }
            }
            return fs;
        });
        Migrate migrate = problems.get(() -> m.opt("migrate").map(n -> migrate(name, n)).orElse(null));
        if (problems.list.size() > before) {
            return null;
        }
        return new App(name, path, runtime, port, build, start, health, output, dependsOn, env, processes, files, migrate,
                dockerfile);
    }

    /** A relative path that stays inside its directory and holds no shell or quote characters. */
    private static boolean relativeInside(String p) {
        return !p.isEmpty() && !p.startsWith("/") && !p.matches("(.*/)?\\.\\.(/.*)?") && APP_PATH.matcher(p).matches();
    }

    /** 'migrate': a command list (run in the app's image), or {command, image, mount}. */
    private static Migrate migrate(String name, YNode n) {
        if (n.isList()) {
            List<String> cmd = n.asStringList();
            if (cmd.isEmpty()) {
                throw n.error("'apps." + name + ".migrate' has no command", "write the command, e.g. [alembic, upgrade, head]");
            }
            return Migrate.inAppImage(cmd);
        }
        YMap mm = n.asMap(MIGRATE_KEYS);
        List<String> cmd = mm.require("command", "add 'command: [...]', e.g. [alembic, upgrade, head]").asStringList();
        if (cmd.isEmpty()) {
            throw mm.get("command").error("'apps." + name + ".migrate.command' is empty", "write the command it runs");
        }
        String mount = mm.string("mount").orElse(null);
        if (mount != null && !relativeInside(mount)) {
            throw mm.get("mount").error("'apps." + name + ".migrate.mount' must be a relative directory inside the app",
                    "write it relative to the app's directory, e.g. migrations");
        }
        return new Migrate(cmd, mm.string("image").orElse(null), mount);
    }

    /** 'output': a relative directory inside the app, only for static sites; required where there is no default. */
    private static String output(String name, YMap m, Runtime runtime) {
        String output = m.string("output").orElse(null);
        if (output == null) {
            if (runtime.staticSite() && runtime.staticOutput() == null) {
                throw m.node().error("'apps." + name + "' (framework " + runtime.framework()
                        + ") needs 'output', the directory its build writes the files to serve to",
                        "add e.g. 'output: dist/" + name + "/browser' (the outputPath of angular.json, plus /browser with"
                        + " the application builder)");
            }
            return null;
        }
        if (!runtime.staticSite()) {
            throw m.get("output").error("'apps." + name + ".output' is only used by static sites (framework "
                    + String.join(", ", Runtime.STATIC_SITES.keySet()) + ")", "remove 'output:'");
        }
        String norm = output.replace('\\', '/');
        while (norm.startsWith("./")) {
            norm = norm.substring(2);
        }
        while (norm.endsWith("/") && norm.length() > 1) {
            norm = norm.substring(0, norm.length() - 1);
        }
        if (norm.isEmpty() || norm.equals(".") || norm.startsWith("/") || Arrays.asList(norm.split("/")).contains("..")
                || norm.matches("^[A-Za-z]:.*") || !SAFE_PATH.matcher(norm).matches()) {
            throw m.get("output").error("'apps." + name + ".output' must be a directory inside the app",
                    "write it relative to the app's path with letters, digits and . _ - + @ /, e.g. 'dist/" + name + "/browser'");
        }
        return norm;
    }

    /** The runtime, or null when part of it has a problem (noted in {@code problems}). */
    private static Runtime runtime(YNode node, Problems problems) {
        YMap m = node.asMap(RUNTIME_KEYS, problems::add);
        YNode langNode = m.require("language", "write one of: " + String.join(", ", Language.ids()));
        Language lang = Language.of(langNode.asEnum(Language.ids()));
        String version = problems.get(() -> m.opt("version").map(n -> version(n, "runtime version '%s' is not a valid image"
                + " tag part", "write a version such as 20, \"3.12\" or \"1.22\"")).orElse(null));
        String tool = problems.get(() -> m.opt("buildTool").map(n -> n.asEnum(lang.buildTools())).orElse(lang.buildTools().get(0)));
        String framework = problems.get(() -> m.string("framework").orElse(null));
        if (version == null && m.has("version") || tool == null || framework == null && m.has("framework")) {
            return null; // its problems are noted
        }
        return new Runtime(lang, version, tool, framework);
    }

    /**
     * A version (an image tag, or part of one): a string, or a number as written ({@code version: 20},
     * {@code version: 3.10} is "3.10", not 3.1: the text of the scalar is read, never its numeric value).
     */
    private static String version(YNode n, String message, String hint) {
        String v = n.asText();
        if (n.isBool() || !VERSION.matcher(v).matches()) {
            throw n.error(String.format(message, v), hint);
        }
        return v;
    }

    /** The service, or null when it has a problem (noted in {@code problems}). */
    private static Service service(String name, YNode node, Problems problems) {
        YMap m = node.isNull() ? null : node.asMap(SERVICE_KEYS, problems::add);
        int before = problems.list.size();
        String type = name;
        if (m != null && m.has("type")) {
            type = problems.get(() -> m.get("type").asEnum(ServiceCatalog.types()));
        } else if (ServiceCatalog.get(name) == null) {
            problems.add(node.error("service '" + name + "' has no type and its name is not a known service",
                    "add 'type:' with one of: " + String.join(", ", ServiceCatalog.types())));
            type = null;
        }
        String pinned = type == null ? null : ServiceCatalog.get(type).version();
        String version = m == null || !m.has("version") ? pinned : problems.get(() -> {
            String v = version(m.get("version"), "version '%s' is not a valid image tag", "write a tag such as 16 or \"7.4\"");
            if ("latest".equals(v)) {
                throw m.get("version").error("version 'latest' is not pinned", "write the version you test with"
                        + (pinned == null ? "" : ", e.g. \"" + pinned + "\""));
            }
            return v;
        });
        Boolean publish = m == null ? Boolean.FALSE : problems.get(() -> m.opt("publish").map(YNode::asBool).orElse(false));
        return problems.list.size() > before ? null : new Service(name, type, version, publish);
    }

    /** The variable, or null when it has a problem (noted in {@code problems}). */
    private static EnvVar envVar(String name, YNode keyNode, YNode node, Problems problems) {
        int before = problems.list.size();
        if (!ENV_NAME.matcher(name).matches()) {
            problems.add(keyNode.error("'" + name + "' is not a valid environment variable name",
                    "use letters, digits and '_', not starting with a digit"));
        }
        if (node.isNull()) {
            return problems.list.size() > before ? null : new EnvVar(name, null, false, false, null, null);
        }
        YMap m = node.asMap(ENV_KEYS, problems::add);
        Boolean secret = problems.get(() -> m.opt("secret").map(YNode::asBool).orElse(false));
        String def = problems.get(() -> m.string("default").orElse(null));
        if (Boolean.TRUE.equals(secret) && def != null) {
            problems.add(m.get("default").error("secret variable '" + name + "' must not have a default",
                    "remove 'default:' and put the value in your untracked .env file"));
        }
        if (def != null && !EnvVar.renderableDefault(def)) {
            problems.add(m.get("default").error("the default of '" + name + "' contains '}' or a control character, which"
                    + " the compose file cannot carry in ${" + name + ":-…}", "put the value in .env instead"));
        }
        String from = problems.get(() -> m.string("from").orElse(null));
        String description = problems.get(() -> m.string("description").orElse(null));
        Boolean required = problems.get(() -> m.opt("required").map(YNode::asBool).orElse(false));
        return problems.list.size() > before ? null : new EnvVar(name, description, required, secret, def, from);
    }

    private static Environment environment(String name, YNode node, Problems problems) {
        if (node.isNull()) {
            return new Environment(name, Map.of());
        }
        YMap m = node.asMap(ENVIRONMENT_KEYS, problems::add);
        Map<String, String> env = new LinkedHashMap<>();
        YMap e = m.opt("env").map(YNode::asMap).orElse(null);
        if (e != null) {
            for (String k : e.keys()) {
                YNode v = e.get(k);
                String value = v.isNull() ? "" : problems.get(v::asText);
                if (value != null) {
                    env.put(k, value);
                }
            }
        }
        return new Environment(name, env);
    }

    /** The lint settings, or null when they have a problem (noted in {@code problems}). */
    private static LintSettings lint(YNode node, Problems problems) {
        int before = problems.list.size();
        YMap m = node.asMap(LINT_KEYS, problems::add);
        YMap a = problems.get(() -> m.opt("allowlist").map(n -> n.asMap(ALLOWLIST_KEYS, problems::add)).orElse(null));
        YMap paths = problems.get(() -> m.opt("paths").map(n -> n.asMap(LINT_PATH_KEYS, problems::add)).orElse(null));
        List<String> tests = paths == null ? List.of() : problems.get(() -> paths.opt("tests").map(YNode::asStringList).orElse(List.of()));
        List<String> docs = paths == null ? List.of() : problems.get(() -> paths.opt("docs").map(YNode::asStringList).orElse(List.of()));
        if (a == null) {
            return problems.list.size() > before ? null : new LintSettings(List.of(), List.of(), List.of(), List.of(), tests, docs);
        }
        List<String> values = problems.get(() -> a.opt("values").map(YNode::asStringList).orElse(List.of()));
        if (values != null && a.has("values")) {
            List<YNode> nodes = a.get("values").isList() ? a.get("values").asList() : List.of(a.get("values"));
            for (YNode v : nodes) {
                try {
                    Pattern.compile(v.asText());
                } catch (java.util.regex.PatternSyntaxException e) {
                    problems.add(v.error("'" + v.asText() + "' is not a valid regular expression: " + e.getDescription(),
                            "fix the pattern (Java regex syntax)"));
                }
            }
        }
        List<String> allowPaths = problems.get(() -> a.opt("paths").map(YNode::asStringList).orElse(List.of()));
        List<String> rules = problems.get(() -> a.opt("rules").map(YNode::asStringList).orElse(List.of()));
        List<String> stopwords = problems.get(() -> a.opt("stopwords").map(YNode::asStringList).orElse(List.of()));
        return problems.list.size() > before ? null : new LintSettings(allowPaths, rules, values, stopwords, tests, docs);
    }

    /**
     * References between parts: dependsOn, from, process service names. Checked over the apps that loaded, against
     * every name the file defines (an app or service with a problem of its own is still defined).
     */
    private static void checkReferences(List<App> apps, Map<String, Service> services, YMap appsMap, YMap servicesMap,
            Problems problems) {
        Set<String> known = new HashSet<>(appsMap == null ? Set.of() : appsMap.keys());
        if (servicesMap != null) {
            known.addAll(servicesMap.keys());
        }
        for (App a : apps) {
            for (String p : a.processes().keySet()) {
                if (known.contains(a.name() + "-" + p)) {
                    YMap am = appsMap.get(a.name()).asMap();
                    problems.add(am.get("processes").asMap().keyNode(p).error("process '" + p + "' of app '" + a.name()
                            + "' runs as compose service '" + a.name() + "-" + p + "', which is already an app or service",
                            "rename the process"));
                }
            }
        }
        for (App a : apps) {
            YMap am = appsMap.get(a.name()).asMap();
            for (String dep : a.dependsOn()) {
                if (!known.contains(dep) || dep.equals(a.name())) {
                    problems.add(am.get("dependsOn").error("app '" + a.name() + "' depends on '" + dep + "', which is not defined",
                            "define it under 'services:' or 'apps:', or remove it (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")"));
                }
            }
            for (EnvVar v : a.env().values()) {
                if (v.from() == null) {
                    continue;
                }
                YNode fromNode = am.get("env").asMap().get(v.name()).asMap().get("from");
                int dot = v.from().indexOf('.');
                String svc = dot < 0 ? v.from() : v.from().substring(0, dot);
                String attr = dot < 0 ? "" : v.from().substring(dot + 1);
                Service s = services.get(svc);
                if (s == null) {
                    if (servicesMap == null || !servicesMap.has(svc)) {
                        problems.add(fromNode.error("'" + v.from() + "' names service '" + svc + "', which is not defined",
                                "write SERVICE.ATTRIBUTE with a service from 'services:'"));
                    }
                    continue; // a defined service with a problem of its own: reported there
                }
                if (!s.catalog().attributes().containsKey(attr)) {
                    problems.add(fromNode.error("service type '" + s.type() + "' has no attribute '" + attr + "'",
                            "allowed: " + String.join(", ", s.catalog().attributes().keySet())));
                }
            }
        }
    }
}
