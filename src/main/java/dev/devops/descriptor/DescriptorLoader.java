package dev.devops.descriptor;

import dev.devops.core.UserError;
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
    static final List<String> APP_KEYS = List.of("path", "runtime", "port", "build", "start", "healthcheck", "output",
            "dependsOn", "env", "processes");
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

    static Descriptor fromYaml(YNode root) {
        if (root.isNull()) {
            throw new UserError(null, root.file() + ": the file is empty",
                    "run 'devops init' to write one, or add at least 'name:' and 'apps:'");
        }
        YMap top = root.asMap(TOP_KEYS);
        String name = name(top.require("name", "add 'name: my-project' (lowercase letters, digits, '-')"));

        List<App> apps = new ArrayList<>();
        Set<String> names = new HashSet<>();
        YNode appsNode = top.require("apps", "list at least one app, e.g. 'apps: {web: {runtime: {language: node}}}'");
        YMap appsMap = appsNode.asMap();
        if (appsMap.keys().isEmpty()) {
            throw appsNode.error("'apps' is empty", "add at least one app");
        }
        for (String appName : appsMap.keys()) {
            checkName(appsMap.keyNode(appName), appName, "app");
            names.add(appName);
            apps.add(app(appName, appsMap.get(appName)));
        }

        Map<String, Service> services = new LinkedHashMap<>();
        YMap servicesMap = top.opt("services").map(YNode::asMap).orElse(null);
        if (servicesMap != null) {
            for (String svcName : servicesMap.keys()) {
                checkName(servicesMap.keyNode(svcName), svcName, "service");
                if (!names.add(svcName)) {
                    throw servicesMap.keyNode(svcName).error("service '" + svcName + "' has the same name as an app",
                            "rename one of them: compose service names must be unique");
                }
                services.put(svcName, service(svcName, servicesMap.get(svcName)));
            }
        }

        Map<String, Environment> environments = new LinkedHashMap<>();
        YMap envsMap = top.opt("environments").map(YNode::asMap).orElse(null);
        if (envsMap != null) {
            for (String envName : envsMap.keys()) {
                checkName(envsMap.keyNode(envName), envName, "environment");
                environments.put(envName, environment(envName, envsMap.get(envName)));
            }
        }

        LintSettings lint = top.opt("lint").map(DescriptorLoader::lint).orElse(LintSettings.EMPTY);
        Descriptor d = new Descriptor(name, apps, services, environments, lint);
        checkReferences(d, appsMap, servicesMap);
        return d;
    }

    private static String name(YNode node) {
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

    private static App app(String name, YNode node) {
        YMap m = node.isNull() ? null : node.asMap(APP_KEYS);
        if (m == null) {
            throw node.error("app '" + name + "' has no settings", "add at least 'runtime: {language: node}'");
        }
        String path = m.string("path").orElse(".");
        if (path.startsWith("/") || path.contains("..")) {
            throw m.get("path").error("'apps." + name + ".path' must be a relative path inside the repository",
                    "write it relative to devops.yaml, e.g. 'services/api'");
        }
        if (!APP_PATH.matcher(path).matches()) {
            throw m.get("path").error("'apps." + name + ".path' may not hold control characters, quotes, backslashes"
                    + " or the shell characters $ ` ; & | < >", "rename the directory (the generated files write the path"
                    + " into shell lines)");
        }
        Runtime runtime = runtime(m.require("runtime", "add 'runtime: {language: node|java|python|go}'"));
        Integer port = m.opt("port").map(n -> n.asInt(1, 65535)).orElse(null);
        List<String> build = m.opt("build").map(YNode::asStringList).orElse(List.of());
        List<String> start = m.opt("start").map(YNode::asStringList).orElse(List.of());
        String health = m.string("healthcheck").orElse(null);
        if (health != null && !health.startsWith("/")) {
            throw m.get("healthcheck").error("'apps." + name + ".healthcheck' must be an HTTP path",
                    "write a path starting with '/', e.g. /health");
        }
        if (health != null && !HEALTH_PATH.matcher(health).matches()) {
            throw m.get("healthcheck").error("'apps." + name + ".healthcheck' may hold only the characters of a URL path"
                    + " (no spaces, quotes, backslashes, backticks or '%')", "write a plain path such as /health");
        }
        if (health != null && port == null) {
            throw m.get("healthcheck").error("'apps." + name + ".healthcheck' needs a port to check",
                    "add 'port:' to the app or remove 'healthcheck:'");
        }
        String output = output(name, m, runtime);
        List<String> dependsOn = m.opt("dependsOn").map(YNode::asStringList).orElse(List.of());
        Map<String, EnvVar> env = new LinkedHashMap<>();
        YMap envMap = m.opt("env").map(YNode::asMap).orElse(null);
        if (envMap != null) {
            for (String var : envMap.keys()) {
                env.put(var, envVar(var, envMap.keyNode(var), envMap.get(var)));
            }
        }
        Map<String, List<String>> processes = new LinkedHashMap<>();
        YMap procMap = m.opt("processes").map(YNode::asMap).orElse(null);
        if (procMap != null) {
            for (String proc : procMap.keys()) {
                checkName(procMap.keyNode(proc), proc, "process");
                YNode c = procMap.get(proc);
                // a command line runs through the shell; a list is exec form
                List<String> command = c.isList() ? c.asStringList() : List.of("sh", "-c", c.asText());
                if (command.isEmpty()) {
                    throw procMap.get(proc).error("'apps." + name + ".processes." + proc + "' has no command",
                            "write the command it runs, e.g. [celery, -A, proj, worker]");
                }
                processes.put(proc, command);
            }
        }
        return new App(name, path, runtime, port, build, start, health, output, dependsOn, env, processes);
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

    private static Runtime runtime(YNode node) {
        YMap m = node.asMap(RUNTIME_KEYS);
        YNode langNode = m.require("language", "write one of: " + String.join(", ", Language.ids()));
        Language lang = Language.of(langNode.asEnum(Language.ids()));
        String version = m.opt("version").map(n -> {
            String v = n.asText();
            if (!VERSION.matcher(v).matches()) {
                throw n.error("runtime version '" + v + "' is not a valid image tag part",
                        "write a version such as \"20\", \"3.12\" or \"1.22\" (quoted)");
            }
            return v;
        }).orElse(null);
        String tool = m.opt("buildTool").map(n -> n.asEnum(lang.buildTools())).orElse(lang.buildTools().get(0));
        String framework = m.string("framework").orElse(null);
        return new Runtime(lang, version, tool, framework);
    }

    private static Service service(String name, YNode node) {
        YMap m = node.isNull() ? null : node.asMap(SERVICE_KEYS);
        String type = name;
        if (m != null && m.has("type")) {
            type = m.get("type").asEnum(ServiceCatalog.types());
        } else if (ServiceCatalog.get(name) == null) {
            throw node.error("service '" + name + "' has no type and its name is not a known service",
                    "add 'type:' with one of: " + String.join(", ", ServiceCatalog.types()));
        }
        String version = ServiceCatalog.get(type).version();
        if (m != null && m.has("version")) {
            YNode v = m.get("version");
            version = v.asText();
            if (!VERSION.matcher(version).matches()) {
                throw v.error("version '" + version + "' is not a valid image tag",
                        "write a tag such as \"16\" or \"7.4\" (quoted)");
            }
            if ("latest".equals(version)) {
                throw v.error("version 'latest' is not pinned", "write the version you test with, e.g. \""
                        + ServiceCatalog.get(type).version() + "\"");
            }
        }
        boolean publish = m != null && m.opt("publish").map(YNode::asBool).orElse(false);
        return new Service(name, type, version, publish);
    }

    private static EnvVar envVar(String name, YNode keyNode, YNode node) {
        if (!ENV_NAME.matcher(name).matches()) {
            throw keyNode.error("'" + name + "' is not a valid environment variable name",
                    "use letters, digits and '_', not starting with a digit");
        }
        if (node.isNull()) {
            return new EnvVar(name, null, false, false, null, null);
        }
        YMap m = node.asMap(ENV_KEYS);
        boolean secret = m.opt("secret").map(YNode::asBool).orElse(false);
        String def = m.string("default").orElse(null);
        if (secret && def != null) {
            throw m.get("default").error("secret variable '" + name + "' must not have a default",
                    "remove 'default:' and put the value in your untracked .env file");
        }
        if (def != null && !EnvVar.renderableDefault(def)) {
            throw m.get("default").error("the default of '" + name + "' contains '}' or a control character, which"
                    + " the compose file cannot carry in ${" + name + ":-…}", "put the value in .env instead");
        }
        String from = m.string("from").orElse(null);
        return new EnvVar(name, m.string("description").orElse(null),
                m.opt("required").map(YNode::asBool).orElse(false), secret, def, from);
    }

    private static Environment environment(String name, YNode node) {
        if (node.isNull()) {
            return new Environment(name, Map.of());
        }
        YMap m = node.asMap(ENVIRONMENT_KEYS);
        Map<String, String> env = new LinkedHashMap<>();
        YMap e = m.opt("env").map(YNode::asMap).orElse(null);
        if (e != null) {
            for (String k : e.keys()) {
                YNode v = e.get(k);
                env.put(k, v.isNull() ? "" : v.asText());
            }
        }
        return new Environment(name, env);
    }

    private static LintSettings lint(YNode node) {
        YMap m = node.asMap(LINT_KEYS);
        YMap a = m.opt("allowlist").map(n -> n.asMap(ALLOWLIST_KEYS)).orElse(null);
        YMap paths = m.opt("paths").map(n -> n.asMap(LINT_PATH_KEYS)).orElse(null);
        List<String> tests = paths == null ? List.of() : paths.opt("tests").map(YNode::asStringList).orElse(List.of());
        List<String> docs = paths == null ? List.of() : paths.opt("docs").map(YNode::asStringList).orElse(List.of());
        if (a == null) {
            return new LintSettings(List.of(), List.of(), List.of(), List.of(), tests, docs);
        }
        List<String> values = a.opt("values").map(YNode::asStringList).orElse(List.of());
        if (a.has("values")) {
            List<YNode> nodes = a.get("values").isList() ? a.get("values").asList() : List.of(a.get("values"));
            for (YNode v : nodes) {
                try {
                    Pattern.compile(v.asText());
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw v.error("'" + v.asText() + "' is not a valid regular expression: " + e.getDescription(),
                            "fix the pattern (Java regex syntax)");
                }
            }
        }
        return new LintSettings(
                a.opt("paths").map(YNode::asStringList).orElse(List.of()),
                a.opt("rules").map(YNode::asStringList).orElse(List.of()),
                values,
                a.opt("stopwords").map(YNode::asStringList).orElse(List.of()), tests, docs);
    }

    private static void checkReferences(Descriptor d, YMap appsMap, YMap servicesMap) {
        Set<String> known = new HashSet<>(d.services().keySet());
        d.apps().forEach(a -> known.add(a.name()));
        for (App a : d.apps()) {
            for (String p : a.processes().keySet()) {
                if (known.contains(a.name() + "-" + p)) {
                    YMap am = appsMap.get(a.name()).asMap();
                    throw am.get("processes").asMap().keyNode(p).error("process '" + p + "' of app '" + a.name()
                            + "' runs as compose service '" + a.name() + "-" + p + "', which is already an app or service",
                            "rename the process");
                }
            }
        }
        for (App a : d.apps()) {
            YMap am = appsMap.get(a.name()).asMap();
            for (String dep : a.dependsOn()) {
                if (!known.contains(dep) || dep.equals(a.name())) {
                    throw am.get("dependsOn").error("app '" + a.name() + "' depends on '" + dep + "', which is not defined",
                            "define it under 'services:' or 'apps:', or remove it (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
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
                Service s = d.services().get(svc);
                if (s == null) {
                    throw fromNode.error("'" + v.from() + "' names service '" + svc + "', which is not defined",
                            "write SERVICE.ATTRIBUTE with a service from 'services:'");
                }
                if (!s.catalog().attributes().containsKey(attr)) {
                    throw fromNode.error("service type '" + s.type() + "' has no attribute '" + attr + "'",
                            "allowed: " + String.join(", ", s.catalog().attributes().keySet()));
                }
            }
        }
    }
}
