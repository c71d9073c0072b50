package dev.devops.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devops.descriptor.Language;
import dev.devops.files.FileKinds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Python apps: requirements.txt, pyproject.toml (PEP 621, Poetry, uv), Pipfile; Flask, FastAPI, Django. */
final class PythonStack {
    static final String DEFAULT_VERSION = Language.PYTHON.defaultVersion();
    static final List<String> MANIFESTS = List.of("pyproject.toml", "requirements.txt", "Pipfile");
    private static final Map<String, String> SERVICES = new LinkedHashMap<>();

    static {
        for (String d : List.of("psycopg2", "psycopg2-binary", "psycopg", "psycopg-binary", "asyncpg")) {
            SERVICES.put(d, "postgres");
        }
        for (String d : List.of("pymysql", "mysqlclient", "mysql-connector-python", "aiomysql")) {
            SERVICES.put(d, "mysql");
        }
        for (String d : List.of("pymongo", "motor", "mongoengine")) {
            SERVICES.put(d, "mongodb");
        }
        SERVICES.put("redis", "redis");
        SERVICES.put("pika", "rabbitmq");
        SERVICES.put("aio-pika", "rabbitmq");
        for (String d : List.of("kafka-python", "confluent-kafka", "aiokafka")) {
            SERVICES.put(d, "kafka");
        }
    }

    /** Words a file must contain before the port pattern runs on it. */
    private static final String[] KEYWORDS = {".run(", "PORT"};
    static final Predicate<String> CODE = Code.ext("py");
    private static final Pattern REQ_NAME = Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)");
    private static final Pattern FLASK_APP = Pattern.compile("(?m)^(\\w+)\\s*=\\s*Flask\\(");
    private static final Pattern FLASK_FACTORY = Pattern.compile("(?m)^def\\s+(create_app)\\s*\\(");
    private static final Pattern FASTAPI_APP = Pattern.compile("(?m)^(\\w+)\\s*=\\s*FastAPI\\(");
    private static final Pattern PORT = Pattern.compile(
            "\\.run\\([^)\\n]*\\bport\\s*=\\s*(\\d{2,5})"
            + "|['\"]PORT['\"]\\s*,\\s*['\"]?(\\d{2,5})");

    private PythonStack() {
    }

    /** A dependency named in a manifest. */
    private record Dep(String name, String file, int line) {
        String where() {
            return line > 0 ? file + ":" + line : file;
        }
    }

    static AppDraft detect(RepoFiles repo, String dir, List<String> sources) {
        AppDraft d = new AppDraft(dir, Language.PYTHON);
        d.sources = sources;
        String pyprojectFile = RepoFiles.join(dir, "pyproject.toml");
        String requirements = RepoFiles.join(dir, "requirements.txt");
        String pipfileFile = RepoFiles.join(dir, "Pipfile");
        JsonNode pyproject = repo.exists(pyprojectFile) ? Manifests.toml(repo, pyprojectFile) : null;
        JsonNode pipfile = repo.exists(pipfileFile) ? Manifests.toml(repo, pipfileFile) : null;

        List<Dep> deps = new ArrayList<>();
        if (pyproject != null && pyproject.path("tool").has("poetry")) {
            d.buildTool = "poetry";
            d.evidence("poetry from " + pyprojectFile + " [tool.poetry]");
        } else if (repo.exists(RepoFiles.join(dir, "uv.lock"))) {
            d.buildTool = "uv";
            d.evidence("uv from " + RepoFiles.join(dir, "uv.lock"));
        } else if (pipfile != null) {
            d.buildTool = "pipenv";
            d.evidence("pipenv from " + pipfileFile);
        } else {
            d.buildTool = "pip";
            d.evidence("pip from " + (repo.exists(requirements) ? requirements : pyprojectFile));
        }
        if (pyproject != null) {
            pyproject.path("project").path("dependencies")
                    .forEach(n -> deps.add(new Dep(depName(n.asText()), pyprojectFile, 0)));
            pyproject.path("tool").path("poetry").path("dependencies").fieldNames()
                    .forEachRemaining(n -> deps.add(new Dep(depName(n), pyprojectFile, 0)));
        }
        if (pipfile != null) {
            pipfile.path("packages").fieldNames().forEachRemaining(n -> deps.add(new Dep(depName(n), pipfileFile, 0)));
        }
        if (repo.exists(requirements)) {
            requirements(repo, requirements, deps, new java.util.HashSet<>());
        }
        List<String> names = deps.stream().map(Dep::name).toList();

        version(repo, d, pyproject, pyprojectFile, pipfile, pipfileFile);

        for (String fw : List.of("django", "fastapi", "flask")) {
            for (Dep dep : deps) {
                if (dep.name().equals(fw) && d.framework == null) {
                    d.framework = fw;
                    d.evidence("framework " + fw + " from " + dep.where());
                }
            }
        }

        Code.Hit port = Code.first(repo, sources, CODE, PORT, KEYWORDS);
        if (port != null && Code.port(port.value()) != null && Code.port(port.value()) < 1024 && d.framework != null) {
            // the image runs as a non-root user, which cannot bind a privileged port; the start command we write
            // (gunicorn, uvicorn, flask run, runserver) takes the port as an argument, so it can move
            d.port = 8000;
            d.evidence("port 8000: " + port.where() + " asks for privileged port " + Code.port(port.value())
                    + ", which the image's non-root user cannot bind");
        } else if (port != null && Code.port(port.value()) != null) {
            d.port = Code.port(port.value());
            if (d.framework != null && underMainGuard(repo.text(port.file()), port.line())) {
                // app.run(port=4000) under `if __name__ == "__main__":` is the development entry point: the
                // repository's image or compose file, which run a production server, may state another port
                d.portDefault = true;
                d.evidence("port " + d.port + " from " + port.where() + " (the development server under __main__)");
            } else {
                d.evidence("port " + d.port + " from " + port.where());
            }
        } else if (d.framework != null) {
            d.port = 8000;
            d.portDefault = true;
            d.evidence("port 8000 (Python default; no port literal found)");
        } else {
            d.port = null;
            d.evidence("no port: no web framework and no port literal (a worker)");
        }
        start(repo, d, names.contains("gunicorn"));
        Code.Hit health = Code.health(repo, sources, CODE);
        if (health != null) {
            d.healthcheck = health.value();
            d.evidence("healthcheck " + health.value() + " from route at " + health.where());
        }
        for (Dep dep : deps) {
            String type = SERVICES.get(dep.name());
            if (type != null) {
                d.service(type, type + " from " + dep.where() + " dependency '" + dep.name() + "'");
            }
        }
        if ("django".equals(d.framework)) {
            djangoDatabase(repo, d);
        }
        return d;
    }

    /** A Django DATABASES entry's engine: {@code "ENGINE": "django.db.backends.postgresql"} (also PostGIS, MySQL). */
    private static final Pattern DJANGO_ENGINE = Pattern.compile(
            "['\"]ENGINE['\"]\\s*:\\s*['\"]django\\.(?:contrib\\.gis\\.)?db\\.backends\\.(postgresql\\w*|postgis|mysql\\w*)['\"]");
    /** dj-database-url's default connection: {@code dj_database_url.config(default="postgres://…")}. */
    private static final Pattern DJ_DATABASE_URL = Pattern.compile(
            "\\bdj_database_url\\.(?:config|parse)\\([^)]*?['\"](postgres(?:ql)?|postgis|mysql|mysql2)://");

    /**
     * Django: the database its settings choose is a need, whatever the manifest lists: a literal DATABASES engine
     * ({@code django.db.backends.postgresql}) or the scheme of dj-database-url's default URL; the first one found in
     * the app's settings (a settings module selected by a variable, such as a docker.py reading SQL_ENGINE, names no
     * engine literally and decides nothing).
     */
    private static void djangoDatabase(RepoFiles repo, AppDraft d) {
        for (String f : d.sources) {
            if (!CODE.test(f) || FileKinds.isBuildScript(f)) {
                continue;
            }
            String text = repo.source(f);
            if (text == null || !(text.contains("ENGINE") || text.contains("dj_database_url"))) {
                continue;
            }
            for (Pattern p : List.of(DJANGO_ENGINE, DJ_DATABASE_URL)) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    int ls = text.lastIndexOf('\n', m.start()) + 1;
                    if (text.substring(ls, m.start()).contains("#")) {
                        continue;
                    }
                    String type = m.group(1).startsWith("mysql") ? "mysql" : "postgres";
                    if (!d.services.containsKey(type)) {
                        d.service(type, type + " from the Django settings at " + f + ":" + (text.substring(0, m.start())
                                .split("\n", -1).length) + " (" + (p == DJANGO_ENGINE ? "DATABASES engine " : "dj_database_url default ")
                                + m.group(1) + ")");
                    }
                    return;
                }
            }
        }
    }

    private static final Pattern INCLUDE = Pattern.compile("^\\s*(?:-r|--requirement)[=\\s]\\s*(\\S+)");

    /** The dependencies of a requirements file and of the files it includes ({@code -r base.txt}, relative to it). */
    private static void requirements(RepoFiles repo, String file, List<Dep> deps, java.util.Set<String> seen) {
        if (!seen.add(file) || !repo.exists(file)) {
            return;
        }
        String[] lines = repo.text(file).split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].replaceAll("(^|\\s)#.*", "");
            Matcher inc = INCLUDE.matcher(l);
            if (inc.find()) {
                String target = java.nio.file.Path.of(RepoFiles.parent(file)).resolve(inc.group(1)).normalize().toString()
                        .replace('\\', '/');
                requirements(repo, target.isEmpty() ? "." : target, deps, seen);
                continue;
            }
            Matcher m = REQ_NAME.matcher(l);
            if (!l.trim().startsWith("-") && m.find()) {
                deps.add(new Dep(depName(m.group(1)), file, i + 1));
            }
        }
    }

    /** "Flask[async]>=2" → "flask"; "psycopg2_binary" → "psycopg2-binary". */
    static String depName(String spec) {
        Matcher m = REQ_NAME.matcher(spec);
        String n = m.find() ? m.group(1) : spec.trim();
        return n.toLowerCase(Locale.ROOT).replace('_', '-').replace('.', '-');
    }

    private static void version(RepoFiles repo, AppDraft d, JsonNode pyproject, String pyprojectFile,
            JsonNode pipfile, String pipfileFile) {
        for (String dir : ".".equals(d.dir) ? List.of(".") : List.of(d.dir, ".")) {
            String f = RepoFiles.join(dir, ".python-version");
            if (repo.exists(f)) {
                String v = majorMinor(repo.text(f).trim().split("\\R")[0]);
                if (v != null) {
                    set(d, v, f);
                    return;
                }
            }
        }
        if (pyproject != null) {
            String req = Manifests.text(pyproject, "project", "requires-python");
            String v = lowerBound(req);
            if (v != null) {
                set(d, v, pyprojectFile + " requires-python \"" + req + "\"");
                return;
            }
            req = Manifests.text(pyproject, "tool", "poetry", "dependencies", "python");
            v = lowerBound(req);
            if (v != null) {
                set(d, v, pyprojectFile + " tool.poetry.dependencies.python \"" + req + "\"");
                return;
            }
        }
        String runtime = RepoFiles.join(d.dir, "runtime.txt");
        if (repo.exists(runtime)) {
            Matcher m = Pattern.compile("python-(\\d+\\.\\d+)").matcher(repo.text(runtime));
            if (m.find()) {
                set(d, m.group(1), runtime);
                return;
            }
        }
        if (pipfile != null) {
            for (String key : List.of("python_version", "python_full_version")) {
                String v = majorMinor(Manifests.text(pipfile, "requires", key));
                if (v != null) {
                    set(d, v, pipfileFile + " [requires] " + key);
                    return;
                }
            }
        }
        d.version = DEFAULT_VERSION;
        d.versionDefault = true;
        d.evidence("python " + DEFAULT_VERSION + " (default; no .python-version, requires-python or runtime.txt)");
    }

    private static void set(AppDraft d, String v, String source) {
        d.version = v;
        d.evidence("python " + v + " from " + source);
    }

    /** "3.11.4" → "3.11", "python-3.11" → "3.11"; null when no major.minor. */
    static String majorMinor(String raw) {
        if (raw == null) {
            return null;
        }
        Matcher m = Pattern.compile("(\\d+)\\.(\\d+)").matcher(raw);
        return m.find() ? m.group(1) + "." + m.group(2) : null;
    }

    /** The lower bound of a version specifier: ">=3.10,<4" → "3.10", "^3.11" → "3.11", "~=3.9" → "3.9". */
    static String lowerBound(String spec) {
        if (spec == null) {
            return null;
        }
        String best = null;
        for (String part : spec.split("[,|]")) {
            String p = part.trim();
            if (p.startsWith("<") || p.startsWith("!=")) {
                continue;
            }
            String v = majorMinor(p);
            if (v != null && (best == null || compare(v, best) > 0)) {
                best = v;
            }
        }
        return best;
    }

    private static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int c = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return c != 0 ? c : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }

    /** Whether line {@code line} (1-based) of a Python file is inside an {@code if __name__ == "__main__":} block. */
    static boolean underMainGuard(String text, int line) {
        if (text == null) {
            return false;
        }
        String[] lines = text.split("\\R", -1);
        if (line < 1 || line > lines.length) {
            return false;
        }
        int indent = indent(lines[line - 1]);
        for (int i = line - 2; i >= 0 && indent > 0; i--) {
            String l = lines[i];
            if (l.isBlank() || l.trim().startsWith("#")) {
                continue;
            }
            int in = indent(l);
            if (in < indent) {
                if (in == 0 && MAIN_GUARD.matcher(l.trim()).find()) {
                    return true;
                }
                indent = in;
            }
        }
        return false;
    }

    private static int indent(String l) {
        int i = 0;
        while (i < l.length() && (l.charAt(i) == ' ' || l.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static void start(RepoFiles repo, AppDraft d, boolean gunicorn) {
        String port = String.valueOf(d.port);
        if ("django".equals(d.framework)) {
            String project = null;
            for (String f : d.sources) {
                // the project package: wsgi.py beside its settings module, or beside a settings package (settings/base.py …)
                String pkg = RepoFiles.parent(f);
                if (f.endsWith("/wsgi.py") && !pkg.equals(d.dir) && (repo.exists(RepoFiles.join(pkg, "settings.py"))
                        || repo.exists(RepoFiles.join(pkg, "settings/__init__.py")))) {
                    project = module(d.dir, RepoFiles.join(RepoFiles.parent(f), "__init__.py"));
                    break;
                }
            }
            if (gunicorn && project != null) {
                d.start = List.of("gunicorn", "--bind", "0.0.0.0:" + port, project + ".wsgi");
                d.evidence("start 'gunicorn " + project + ".wsgi' (Django project " + project + ", gunicorn in dependencies)");
            } else {
                d.start = List.of("python", "manage.py", "runserver", "0.0.0.0:" + port);
                d.evidence("start 'python manage.py runserver' (Django" + (gunicorn ? ", no wsgi.py found" : ", no gunicorn") + ")");
            }
            return;
        }
        if ("fastapi".equals(d.framework)) {
            String target = appTarget(repo, d, FASTAPI_APP, null);
            d.start = List.of("uvicorn", target, "--host", "0.0.0.0", "--port", port);
            d.evidence("start 'uvicorn " + target + "' (FastAPI)");
            return;
        }
        if ("flask".equals(d.framework)) {
            String target = appTarget(repo, d, FLASK_APP, FLASK_FACTORY);
            if (gunicorn) {
                d.start = List.of("gunicorn", "--bind", "0.0.0.0:" + port, target);
                d.evidence("start 'gunicorn " + target + "' (Flask, gunicorn in dependencies)");
            } else {
                String module = target.substring(0, target.indexOf(':'));
                d.start = List.of("python", "-m", "flask", "--app", module, "run", "--host", "0.0.0.0", "--port", port);
                d.evidence("start 'python -m flask --app " + module + " run' (Flask without gunicorn)");
            }
            return;
        }
        for (String c : List.of("main.py", "app.py", "server.py", "run.py")) {
            if (repo.exists(RepoFiles.join(d.dir, c))) {
                d.start = List.of("python", c);
                d.evidence("start 'python " + c + "' (" + RepoFiles.join(d.dir, c) + " exists)");
                return;
            }
        }
        // a service directory often ships a test client beside its server (email_client.py, client.py): the server runs
        List<String> scripts = new ArrayList<>(d.sources);
        scripts.sort(java.util.Comparator.comparing((String f) -> f.substring(f.lastIndexOf('/') + 1).contains("client")));
        for (String f : scripts) {
            if (RepoFiles.parent(f).equals(d.dir) && f.endsWith(".py")) {
                String text = repo.source(f);
                if (text != null && MAIN_GUARD.matcher(text).find()) {
                    String file = ".".equals(d.dir) ? f : f.substring(d.dir.length() + 1);
                    d.start = List.of("python", file);
                    d.evidence("start 'python " + file + "' (" + f + " has an if __name__ == \"__main__\" block)");
                    return;
                }
            }
        }
        d.evidence("no start command found (no web framework, no main.py/app.py, no __main__ block)");
    }

    private static final Pattern MAIN_GUARD = Pattern.compile("(?m)^if\\s+__name__\\s*==\\s*['\"]__main__['\"]\\s*:");

    /** "module:var" of the file that creates the app object, e.g. "app:app" or "src.main:app". */
    private static String appTarget(RepoFiles repo, AppDraft d, Pattern app, Pattern factory) {
        for (Pattern p : factory == null ? List.of(app) : List.of(app, factory)) {
            for (String f : d.sources) {
                String text = CODE.test(f) ? repo.source(f) : null;
                Matcher m = text == null ? null : p.matcher(text);
                if (m != null && m.find()) {
                    String target = module(d.dir, f) + ":" + m.group(1) + (p == factory ? "()" : "");
                    d.evidence("app object " + target + " from " + f + ":" + new SourceLexer.Lines(text).line(m.start()));
                    return target;
                }
            }
        }
        // app = get_application(): a module-level variable set by a factory of the same file that builds the app
        String cls = app == FASTAPI_APP ? "FastAPI(" : "Flask(";
        for (String f : d.sources) {
            String text = CODE.test(f) ? repo.source(f) : null;
            if (text == null || !text.contains(cls)) {
                continue;
            }
            Matcher m = FACTORY_CALL.matcher(text);
            while (m.find()) {
                if (Pattern.compile("(?m)^def\\s+" + Pattern.quote(m.group(2)) + "\\s*\\(").matcher(text).find()) {
                    String target = module(d.dir, f) + ":" + m.group(1);
                    d.evidence("app object " + target + " from " + f + ":" + new SourceLexer.Lines(text).line(m.start())
                            + " (built by " + m.group(2) + "())");
                    return target;
                }
            }
        }
        d.evidence("no app object found; assuming app:app");
        return "app:app";
    }

    /** A module-level {@code app = make_app()}. */
    private static final Pattern FACTORY_CALL = Pattern.compile("(?m)^(\\w+)\\s*=\\s*(\\w+)\\(\\s*\\)\\s*$");

    /** The dotted module name of a .py file relative to the app directory ("pkg/__init__.py" → "pkg"). */
    private static String module(String dir, String file) {
        String rel = ".".equals(dir) ? file : file.substring(dir.length() + 1);
        rel = rel.substring(0, rel.length() - 3);
        if (rel.endsWith("/__init__")) {
            rel = rel.substring(0, rel.length() - "/__init__".length());
        }
        return rel.replace('/', '.');
    }

    /** A pyproject.toml that only declares a uv workspace ({@code [tool.uv.workspace]}, no {@code [project]} or Poetry table). */
    static boolean workspaceRootOnly(RepoFiles repo, String dir) {
        JsonNode p = Manifests.toml(repo, RepoFiles.join(dir, "pyproject.toml"));
        return p.path("tool").path("uv").has("workspace") && !p.has("project") && !p.path("tool").has("poetry");
    }
}
