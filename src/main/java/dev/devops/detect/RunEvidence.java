package dev.devops.detect;

import dev.devops.compose.ShellWords;
import dev.devops.files.FileKinds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * What a repository already says about running an app, beyond its manifests: its own Dockerfiles (in the
 * app directory, {@code docker/} or {@code src/main/docker/}), its Procfile, the compose files that build it,
 * {@code .tool-versions} and the GitHub Actions setup steps. {@link #apply} uses them where the stack
 * detector had to fall back to a default, and for the processes the stack cannot see (workers, schedulers).
 *
 * <p>Runtime version, in order: the stack's manifests and version files (package.json engines, .nvmrc,
 * pom.xml, go.mod, .python-version, requires-python, runtime.txt …), then {@code .tool-versions} (app
 * directory, then repository root), then the base image of the repo's own Dockerfile for the app
 * ({@code FROM python:3.11-slim}), then {@code actions/setup-*} in {@code .github/workflows} (the first
 * version of a matrix), then the default. Files devops generated itself are never evidence.
 */
final class RunEvidence {
    /** Programs that serve a Python web app in production. */
    static final List<String> PYTHON_SERVERS = List.of("gunicorn", "uwsgi", "uvicorn", "hypercorn", "daphne",
            "waitress-serve", "granian");
    /** Words in a command that mark a development server or a one-off task, not a production process. */
    private static final Pattern DEV_COMMAND = Pattern.compile(
            "--reload\\b|\\brunserver\\b|\\bflask\\s+run\\b|--debug\\b|\\bnodemon\\b|\\b(pytest|test|tests|migrate|makemigrations|collectstatic)\\b|\\bwatch\\b|\\b(npm|yarn|pnpm)\\s+(run\\s+)?dev\\b");
    /** Procfile entries that run once per release, not continuously. */
    private static final List<String> ONE_OFF = List.of("release", "postdeploy", "predeploy", "migrate", "test");
    private static final Pattern PROCFILE_LINE = Pattern.compile("^([A-Za-z0-9_-]+)\\s*:\\s*(.+)$");
    private static final Pattern ENV_ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");
    private static final Pattern PORT_VAR = Pattern.compile("\\$\\{?PORT\\}?");

    private RunEvidence() {
    }

    /** One Dockerfile of the app: its base images (ARG defaults substituted), and the final stage's EXPOSE, ENTRYPOINT and CMD. */
    record ImageFile(String path, List<String> images, Integer expose, List<String> entrypoint, List<String> cmd,
            Integer envPort) {
    }

    /** A compose service that builds the app's directory: its name, command (argv) and container port. */
    record ComposeUse(String file, String service, List<String> command, Integer port) {
    }

    /** A variable that sets the address the app's own server listens on (not a client's address of another service). */
    private static final Pattern LISTEN_NAME = Pattern.compile(
            "^((SERVER|HTTP|APP|WEB|API|LISTEN|BIND|GRPC|HTTP_SERVER|GRPC_SERVER)_)?(HOST|BIND|LISTEN|ADDR|ADDRESS|BIND_ADDR|BIND_ADDRESS|LISTEN_ADDR|LISTEN_ADDRESS|INTERFACE)$");
    private static final Pattern LOOPBACK = Pattern.compile("^(127\\.0\\.0\\.1|localhost)(:\\d{1,5})?$");

    /**
     * A server that binds 127.0.0.1 by default cannot be reached through the container's published port: its
     * listen variable ({@code HOST}, {@code SERVER_ADDRESS}, {@code BIND_ADDR} … with a loopback default) gets
     * 0.0.0.0 (same port) as its value in the stack.
     */
    static dev.devops.descriptor.EnvVar listenOnAllInterfaces(dev.devops.descriptor.EnvVar v) {
        Matcher m = v.defaultValue() == null ? null : LOOPBACK.matcher(v.defaultValue().trim());
        if (v.from() != null || m == null || !m.matches() || !LISTEN_NAME.matcher(v.name()).matches()) {
            return v;
        }
        String value = "0.0.0.0" + (m.group(2) == null ? "" : m.group(2));
        return new dev.devops.descriptor.EnvVar(v.name(), (v.description() == null ? "" : v.description() + "; ")
                + "the code's default " + v.defaultValue() + " is unreachable from outside the container", false, v.secret(),
                value, null);
    }

    /**
     * A Go server that listens on the address a variable holds, read without a default ({@code app.Listen(os.Getenv(
     * "SERVER_URL"))}): unset, it listens on a random port (or fails), never on the one compose publishes. The stack
     * sets it to {@code 0.0.0.0:PORT}, which the user may override.
     */
    static dev.devops.descriptor.EnvVar listenAddress(RepoFiles repo, dev.devops.descriptor.EnvVar v, List<EnvReference> reads,
            Integer port) {
        if (v.defaultValue() != null || v.from() != null || port == null || !EnvOptions.listenArgument(repo, reads)) {
            return v;
        }
        return new dev.devops.descriptor.EnvVar(v.name(), (v.description() == null ? "" : v.description() + "; ")
                + "the address the app's server listens on", false, v.secret(), "0.0.0.0:" + port, null);
    }

    /**
     * The app's own listen-port variable other than PORT ({@code WEB_PORT}, {@code SERVER_PORT} …) read without a
     * default: the stack sets it to the app's port (PORT itself is set that way by {@link DescriptorAssembly}).
     */
    static dev.devops.descriptor.EnvVar listenPort(dev.devops.descriptor.EnvVar v, Integer port) {
        if (port == null || "PORT".equals(v.name()) || v.defaultValue() != null || v.from() != null
                || !LISTEN_PORT_NAME.matcher(v.name()).matches()) {
            return v;
        }
        return new dev.devops.descriptor.EnvVar(v.name(), (v.description() == null ? "" : v.description() + "; ")
                + "the port the app listens on", false, v.secret(), String.valueOf(port), null);
    }

    /** Improves {@code d} with what the repository's own container files, Procfile and CI say. */
    static void apply(RepoFiles repo, AppDraft d) {
        String dir = d.moduleDir != null ? d.moduleDir : d.dir;
        List<ImageFile> images = new ArrayList<>(dockerfiles(repo, dir));
        ImageFile own = ownImage(repo, d);
        if (own != null) {
            d.ownDockerfile = own.path();
            d.evidence("built with the repository's own " + own.path() + " from the " + (d.workspaceRoot != null
                    ? "workspace root" : "module root") + " (it builds this " + (d.workspaceRoot != null ? "package" : "program") + ")");
            images.removeIf(f -> f.path().equals(own.path()));
            images.add(0, own);
        }
        Map<String, String> procfile = procfile(repo, dir);
        List<ComposeUse> compose = composeUses(repo, dir, images.stream().map(ImageFile::path).toList());
        version(repo, d, images);
        port(repo, d, images, compose);
        start(repo, d, images, procfile, compose);
        processes(repo, d, procfile, compose);
        RuntimeNeeds.apply(repo, d);
    }

    private static void version(RepoFiles repo, AppDraft d, List<ImageFile> images) {
        if (!d.versionDefault) {
            return;
        }
        String lang = d.language.id();
        for (String dir : ".".equals(d.dir) ? List.of(".") : List.of(d.dir, ".")) {
            String tv = RepoFiles.join(dir, ".tool-versions");
            if (repo.exists(tv)) {
                for (RuntimeVersions.Stated s : RuntimeVersions.read(tv, repo.text(tv))) {
                    if (s.language().equals(lang) && s.version() != null) {
                        setVersion(d, s.version(), ".tool-versions at " + s.where());
                        return;
                    }
                }
            }
        }
        for (ImageFile f : images) {
            for (String image : f.images()) {
                String[] lv = RuntimeVersions.ofImage(image);
                if (lv != null && lv[0].equals(lang) && lv[1] != null) {
                    setVersion(d, lv[1], "FROM " + image + " in " + f.path());
                    return;
                }
            }
        }
        for (String f : repo.files()) {
            if (f.startsWith(".github/workflows/") && FileKinds.isYaml(f)) {
                String v = workflowVersion(repo.text(f), lang);
                if (v != null) {
                    setVersion(d, v, "actions/setup-" + lang + " in " + f);
                    return;
                }
            }
        }
    }

    private static void setVersion(AppDraft d, String v, String source) {
        d.evidence(d.language.id() + " " + v + " from " + source + " (instead of the default " + d.version + ")");
        d.version = v;
        d.versionDefault = false;
    }

    /** The first version an {@code actions/setup-LANG} step of the workflow installs, or null. */
    static String workflowVersion(String text, String language) {
        return RuntimeVersions.workflowSetups(text).stream().filter(w -> w.language().equals(language) && w.version() != null)
                .map(RuntimeVersions.WorkflowSetup::version).findFirst().orElse(null);
    }

    private static void port(RepoFiles repo, AppDraft d, List<ImageFile> images, List<ComposeUse> compose) {
        if (d.port != null && !d.portDefault) {
            return; // a port the code or config states (a program without one may still serve: EXPOSE says so)
        }
        Integer before = d.port;
        portFromImagesOrCompose(d, images, compose);
        if (d.portDefault) {
            portFromExampleEnv(repo, d);
        }
        if (before != null && d.port != null && !before.equals(d.port)) {
            // the stack's start command bound the default port: it binds the app's port now
            List<String> moved = new ArrayList<>();
            for (String a : d.start) {
                moved.add(a.equals(String.valueOf(before)) ? String.valueOf(d.port)
                        : a.replaceAll("^(0\\.0\\.0\\.0|\\[::\\]|):" + before + "$", "$1:" + d.port));
            }
            d.start = moved;
        }
    }

    /** The app's own listen-port variable ({@code PORT}, {@code SERVER_PORT} …). */
    private static final Pattern LISTEN_PORT_NAME = Pattern.compile("^((SERVER|HTTP|APP|WEB|API|LISTEN)_)?PORT$");

    /**
     * The code reads its listen port from a variable without a default (a Go {@code os.Getenv("SERVER_PORT")}) and the
     * repository's example env file documents it ({@code SERVER_PORT=5000}): that value is the port.
     */
    private static void portFromExampleEnv(RepoFiles repo, AppDraft d) {
        for (String f : repo.under(d.dir)) {
            if (!RepoFiles.parent(f).equals(d.dir) || FileKinds.dotenv(f) != FileKinds.Dotenv.EXAMPLE) {
                continue;
            }
            String text = repo.source(f);
            if (text == null) {
                continue;
            }
            for (Map.Entry<String, String> kv : dev.devops.compose.DotEnv.parse(text, n -> null).values().entrySet()) {
                Integer port = LISTEN_PORT_NAME.matcher(kv.getKey()).matches() ? Code.port(kv.getValue().trim()) : null;
                if (port != null && readByCode(repo, d, kv.getKey())) {
                    d.evidence("port " + port + " from " + kv.getKey() + " in " + f + " (the code reads it without a default"
                            + (d.port == null ? "" : "; instead of the default " + d.port) + ")");
                    d.port = port;
                    d.portDefault = false;
                    return;
                }
            }
        }
    }

    private static boolean readByCode(RepoFiles repo, AppDraft d, String name) {
        for (String f : d.sources) {
            String text = FileKinds.dotenv(f) == FileKinds.Dotenv.NONE && !FileKinds.isTest(f) ? repo.source(f) : null;
            if (text != null && (text.contains("\"" + name + "\"") || text.contains("'" + name + "'")
                    || text.contains("env." + name))) {
                return true;
            }
        }
        return false;
    }

    private static void portFromImagesOrCompose(AppDraft d, List<ImageFile> images, List<ComposeUse> compose) {
        for (ImageFile f : images) {
            // EXPOSE, else the final stage's ENV PORT=…: a server that reads PORT (remix-serve, next start, most
            // Node and Python apps) listens there in the repo's image, which compose must publish when init keeps it
            Integer p = f.expose() != null ? f.expose() : f.envPort();
            if (p != null) {
                d.evidence("port " + p + " from " + (f.expose() != null ? "EXPOSE" : "ENV PORT") + " in " + f.path()
                        + (d.port == null ? "" : " (instead of the default " + d.port + ")"));
                d.port = p;
                d.portDefault = false;
                return;
            }
        }
        for (ComposeUse c : compose) {
            if (c.port() != null) {
                d.evidence("port " + c.port() + " from service '" + c.service() + "' in " + c.file()
                        + (d.port == null ? "" : " (instead of the default " + d.port + ")"));
                d.port = c.port();
                d.portDefault = false;
                return;
            }
        }
    }

    private static void start(RepoFiles repo, AppDraft d, List<ImageFile> images, Map<String, String> procfile,
            List<ComposeUse> compose) {
        List<Candidate> candidates = new ArrayList<>();
        String web = procfile.get("web");
        if (web != null) {
            candidates.add(new Candidate(argv(web), "Procfile web"));
        }
        for (ImageFile f : images) {
            List<String> run = new ArrayList<>(f.entrypoint());
            run.addAll(f.cmd());
            if (!run.isEmpty()) {
                candidates.add(new Candidate(run, "ENTRYPOINT/CMD of " + f.path()));
            }
        }
        for (ComposeUse c : compose) {
            if (c.port() != null && !c.command().isEmpty()) {
                candidates.add(new Candidate(c.command(), "service '" + c.service() + "' in " + c.file()));
            }
        }
        for (Candidate c : candidates) {
            if (d.language == dev.devops.descriptor.Language.PYTHON && c.argv().contains("--reload") && !c.argv().isEmpty()
                    && PYTHON_SERVERS.contains(c.argv().get(0).substring(c.argv().get(0).lastIndexOf('/') + 1))) {
                // uvicorn app.main:app --reload: a production server with a development flag still names the app
                c = new Candidate(c.argv().stream().filter(a -> !a.equals("--reload")).toList(), c.source() + ", without --reload");
            }
            if (c.argv().isEmpty() || DEV_COMMAND.matcher(String.join(" ", c.argv())).find()) {
                continue;
            }
            List<String> cmd = switch (d.language) {
                case PYTHON -> {
                    List<String> direct = pythonStart(repo, d, c.argv());
                    Script script = direct != null ? null : scriptServer(repo, d, c.argv());
                    if (script != null && DEV_COMMAND.matcher(String.join(" ", script.server())).find()) {
                        script = null;
                    }
                    if (script != null) {
                        d.evidence("the server " + script.path() + " starts: '" + String.join(" ", script.server()) + "'");
                    }
                    yield direct != null ? direct : script == null ? null : pythonStart(repo, d, script.server());
                }
                case GO -> goStart(d, c.argv());
                case NODE -> nodeStart(repo, d, c.argv());
                default -> null;
            };
            if (cmd != null) {
                d.start = cmd;
                d.evidence("start '" + String.join(" ", cmd) + "' from " + c.source());
                return;
            }
        }
    }

    private record Candidate(List<String> argv, String source) {
    }

    private record Script(String path, List<String> server) {
    }

    private static final Pattern SHELLS = Pattern.compile("(?:/usr)?(?:/bin/)?(?:ba|da)?sh|(?:/usr)?(?:/s?bin/)?(?:tini|dumb-init)");
    private static final Pattern SCRIPT_ASSIGNMENT = Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_]\\w*)=(\\S*)\\s*(?:#.*)?$");
    private static final Pattern SHELL_VAR = Pattern.compile("\\$\\{(\\w+)(?::?-([^}]*))?\\}|\\$(\\w+)");

    /**
     * A shell script of the repository that the Procfile or the repository's image runs ({@code bash Procfile.sh},
     * {@code /opt/app/docker-entrypoint.sh}, a path in that image's layout whose tail is a file of the app): the
     * production server its last server line starts ({@code exec gunicorn …}), with the script's own
     * {@code ${X:-default}} values put in, options whose value stays a variable dropped, and a unix-socket bind
     * (served by the image's own nginx) dropped so that the server listens on the app's port. What the script runs
     * before (migrations, collectstatic) is done by the stack's migrate step and the image build.
     */
    private static Script scriptServer(RepoFiles repo, AppDraft d, List<String> argv) {
        int i = 0;
        while (i < argv.size() && (SHELLS.matcher(argv.get(i)).matches() || argv.get(i).equals("--")
                || (i > 0 && argv.get(i).startsWith("-") && !argv.get(i).equals("-c")))) {
            i++;
        }
        if (i >= argv.size()) {
            return null;
        }
        String path = repoPath(repo, d.dir, argv.get(i));
        String text = path == null ? null : repo.text(path);
        if (text == null || !(path.endsWith(".sh") || text.startsWith("#!"))) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String l : text.split("\\R")) {
            if (l.endsWith("\\")) {
                cur.append(l, 0, l.length() - 1).append(' ');
                continue;
            }
            lines.add(cur.append(l).toString());
            cur.setLength(0);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String l : lines) {
            Matcher m = SCRIPT_ASSIGNMENT.matcher(l);
            if (m.matches()) {
                String v = m.group(2).replaceAll("^[\"']|[\"']$", "");
                Matcher ref = SHELL_VAR.matcher(v);
                if (ref.matches() && ref.group(1) != null && ref.group(1).equals(m.group(1)) && ref.group(2) != null) {
                    v = ref.group(2).replaceAll("^[\"']|[\"']$", ""); // X="${X:-3}": its default
                }
                if (!v.contains("$")) {
                    values.put(m.group(1), v);
                }
            }
        }
        for (int k = lines.size() - 1; k >= 0; k--) {
            String l = lines.get(k).trim();
            if (l.startsWith("#")) {
                continue;
            }
            String[] parts = l.split("&&|;");
            String last = parts[parts.length - 1].trim().replaceFirst("^exec\\s+", "");
            List<String> words;
            try {
                words = ShellWords.split(last);
            } catch (RuntimeException e) {
                continue;
            }
            if (words.isEmpty() || !PYTHON_SERVERS.contains(words.get(0).substring(words.get(0).lastIndexOf('/') + 1))) {
                continue;
            }
            List<String> out = new ArrayList<>();
            for (String w : words) {
                Matcher m = SHELL_VAR.matcher(w);
                StringBuilder sb = new StringBuilder();
                boolean unresolved = false;
                while (m.find()) {
                    String name = m.group(1) != null ? m.group(1) : m.group(3);
                    String v = "PORT".equals(name) ? m.group() : values.getOrDefault(name, m.group(2));
                    unresolved |= v == null;
                    m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? "" : v));
                }
                m.appendTail(sb);
                String value = sb.toString();
                boolean unixBind = value.startsWith("unix:");
                if (unresolved || unixBind) {
                    if (!out.isEmpty() && out.get(out.size() - 1).startsWith("-") && !out.get(out.size() - 1).contains("=")) {
                        out.remove(out.size() - 1); // the option of that value
                    }
                    continue;
                }
                if (value.matches("--?[\\w-]+=unix:.*")) {
                    continue;
                }
                out.add(value);
            }
            return new Script(path, out);
        }
        return null;
    }

    /**
     * The repository file a command names: relative to the app, or an absolute path of someone's image layout
     * ({@code /opt/CTFd/docker-entrypoint.sh}) whose longest tail is a file of the app; null if none.
     */
    private static String repoPath(RepoFiles repo, String dir, String arg) {
        if (!arg.startsWith("/")) {
            String f = RepoFiles.join(dir, arg.replaceFirst("^\\./", ""));
            return repo.exists(f) ? f : null;
        }
        String[] segs = arg.substring(1).split("/");
        for (int i = 1; i < segs.length; i++) {
            String f = RepoFiles.join(dir, String.join("/", java.util.Arrays.copyOfRange(segs, i, segs.length)));
            if (repo.exists(f)) {
                return f;
            }
        }
        return null;
    }

    /** A production server command (gunicorn, uwsgi, uvicorn …) or a script of the app, made to listen on 0.0.0.0:PORT. */
    private static List<String> pythonStart(RepoFiles repo, AppDraft d, List<String> argv) {
        List<String> cmd = new ArrayList<>();
        for (String a : argv) {
            cmd.add(d.port == null ? a : PORT_VAR.matcher(a).replaceAll(String.valueOf(d.port)));
        }
        if (d.framework == null && cmd.size() >= 2 && cmd.get(0).startsWith("python") && cmd.get(1).endsWith(".py")
                && repo.exists(RepoFiles.join(d.dir, cmd.get(1).replaceFirst("^\\./", "")))) {
            return cmd;
        }
        String program = cmd.get(0).substring(cmd.get(0).lastIndexOf('/') + 1);
        if (!PYTHON_SERVERS.contains(program)) {
            return null;
        }
        for (String a : cmd.subList(1, cmd.size())) {
            // a config file or app module given by absolute path in someone's image layout is not ours
            if (a.startsWith("/") && a.matches(".*\\.(ini|py|conf|cfg|toml|ya?ml)$") && !repo.exists(RepoFiles.join(d.dir, a.substring(1)))) {
                return null;
            }
        }
        cmd.set(0, program);
        appDir(repo, d, program, cmd);
        if (d.port != null) {
            bind(repo, d, program, cmd);
        }
        return cmd;
    }

    private static final Pattern APP_TARGET = Pattern.compile("^([A-Za-z_][\\w.]*):[A-Za-z_]\\w*(?:\\(.*\\))?$");

    /**
     * The server's app module as the repository's image lays it out ({@code COPY ./src/app /code/app}, then
     * {@code uvicorn app.main:app}) is found in the app's tree ({@code src/app/main.py}): the server is told to import
     * from that directory ({@code --app-dir src}, gunicorn's {@code --chdir src}), since the generated image copies
     * the app's whole tree.
     */
    private static void appDir(RepoFiles repo, AppDraft d, String program, List<String> cmd) {
        String option = switch (program) {
            case "uvicorn" -> "--app-dir";
            case "gunicorn" -> "--chdir";
            default -> null;
        };
        if (option == null || cmd.contains(option) || cmd.stream().anyMatch(a -> a.startsWith(option + "="))) {
            return;
        }
        for (String a : cmd.subList(1, cmd.size())) {
            Matcher m = APP_TARGET.matcher(a);
            if (!m.matches()) {
                continue;
            }
            String root = importRoot(repo, d, m.group(1));
            if (root != null) {
                cmd.addAll(1, List.of(option, root));
                d.evidence("the app module " + m.group(1) + " is under " + root + ": the server imports from there");
            }
            return;
        }
    }

    /** Makes a server that would bind 127.0.0.1 by default listen on all interfaces, on the app's port. */
    private static void bind(RepoFiles repo, AppDraft d, String program, List<String> cmd) {
        String all = String.join(" ", cmd);
        String port = String.valueOf(d.port);
        switch (program) {
            case "gunicorn" -> {
                String conf = RepoFiles.join(d.dir, "gunicorn.conf.py");
                boolean confBinds = !all.contains("-c ") && !all.contains("--config") && repo.exists(conf)
                        && repo.text(conf).matches("(?s).*(?m)^\\s*bind\\s*=.*");
                if (!confBinds && !all.matches(".*(\\s-b|--bind)[\\s=].*")) {
                    cmd.addAll(1, List.of("--bind", "0.0.0.0:" + port));
                }
            }
            case "uvicorn" -> {
                // each of --host and --port that is missing: uvicorn binds 127.0.0.1:8000 by default
                if (!all.contains("--host") && !all.contains("--uds") && !all.contains("--fd")) {
                    cmd.addAll(List.of("--host", "0.0.0.0"));
                }
                if (!all.contains("--port") && !all.contains("--uds") && !all.contains("--fd")) {
                    cmd.addAll(List.of("--port", port));
                }
            }
            case "hypercorn", "daphne" -> {
                if (!all.contains("--host") && !all.contains("--bind") && !all.matches(".*\\s-b\\s.*")) {
                    cmd.addAll("hypercorn".equals(program) ? List.of("--bind", "0.0.0.0:" + port)
                            : List.of("-b", "0.0.0.0", "-p", port));
                }
            }
            default -> {
            }
        }
    }

    private static final Pattern NODE_RUNNER = Pattern.compile("npm|yarn|pnpm");

    /**
     * A script of the app's package.json run by its package manager ({@code npm run prod}, {@code yarn start:prod}),
     * as the app's own build tool runs it: the command the repository's image or Procfile starts in production.
     * A script that runs a development server or watcher is not one, nor is a shell script of someone's image layout.
     */
    private static List<String> nodeStart(RepoFiles repo, AppDraft d, List<String> argv) {
        if (argv.size() < 2 || !NODE_RUNNER.matcher(argv.get(0)).matches()) {
            return null;
        }
        List<String> rest = argv.subList(1, argv.size());
        String script = "run".equals(rest.get(0)) && rest.size() > 1 ? rest.get(1) : rest.get(0);
        if (rest.size() > ("run".equals(rest.get(0)) ? 2 : 1)) {
            return null; // extra arguments: someone's image layout, not only a script of the app
        }
        var pkg = NodeStack.packageJson(repo, d.dir);
        String body = pkg == null ? null : Manifests.text(pkg, "scripts", script);
        if (body == null || NodeStack.DEV_SERVER.matcher(body).find() || DEV_COMMAND.matcher(body).find()) {
            return null;
        }
        if ("start".equals(script)) {
            return null; // the stack read scripts.start already (and runs its node FILE directly where it can)
        }
        // "node dist/main": the file itself, as for scripts.start (the build may write it)
        String[] steps = body.trim().split("\\s*&&\\s*");
        Matcher node = NodeStack.START_NODE.matcher(steps[steps.length - 1]);
        if (node.matches()) {
            return List.of("node", node.group(1));
        }
        return List.of(d.buildTool, "run", script);
    }


    /** The repo's arguments to its Go binary ({@code shiori server}): the image's binary with them. */
    private static List<String> goStart(AppDraft d, List<String> argv) {
        List<String> args = argv.subList(1, argv.size());
        if (args.isEmpty() || args.get(0).startsWith("/") || args.get(0).contains(".sh")) {
            return null;
        }
        List<String> base = d.start.isEmpty() ? List.of("/app") : List.of(d.start.get(0));
        List<String> cmd = new ArrayList<>(base);
        for (String a : args) {
            cmd.add(d.port == null ? a : PORT_VAR.matcher(a).replaceAll(String.valueOf(d.port)));
        }
        return cmd;
    }

    /** Procfile entries other than web and one-off tasks, and other compose services built from the app's directory. */
    private static void processes(RepoFiles repo, AppDraft d, Map<String, String> procfile, List<ComposeUse> compose) {
        if (dev.devops.descriptor.Runtime.STATIC_SITES.containsKey(d.framework)) {
            return;
        }
        String startLine = String.join(" ", d.start);
        procfile.forEach((name, command) -> {
            if (!"web".equals(name) && !ONE_OFF.contains(name.toLowerCase(Locale.ROOT))) {
                add(d, name, argv(command), "Procfile " + name, startLine);
            }
        });
        for (ComposeUse c : compose) {
            if (c.port() == null && !c.command().isEmpty()) {
                add(d, c.service(), c.command(), "service '" + c.service() + "' in " + c.file(), startLine);
            }
        }
        if (d.language != dev.devops.descriptor.Language.PYTHON) {
            return;
        }
        // a worker's module as the repository's image lays it out (arq app.core.worker.Settings from src/): the
        // process imports from that directory of the app's tree
        for (Map.Entry<String, List<String>> p : d.processes.entrySet()) {
            List<String> cmd = p.getValue();
            if (cmd.isEmpty() || cmd.get(0).equals("env") || cmd.get(0).equals("sh")) {
                continue;
            }
            for (String a : cmd.subList(1, cmd.size())) {
                Matcher m = DOTTED_MODULE.matcher(a);
                String root = m.matches() ? importRoot(repo, d, m.group(1)) : null;
                if (root != null) {
                    List<String> with = new ArrayList<>(List.of("env", "PYTHONPATH=" + root));
                    with.addAll(cmd);
                    p.setValue(with);
                    d.evidence("process " + p.getKey() + ": its module " + m.group(1) + " is under " + root + " (PYTHONPATH)");
                    break;
                }
            }
        }
    }

    /** A dotted module argument ({@code app.core.worker.settings.WorkerSettings}, {@code proj.tasks}, {@code app.main:app}). */
    private static final Pattern DOTTED_MODULE = Pattern.compile("^([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)+)(?::[\\w.()]+)?$");

    /**
     * The directory of the app's tree that a module is imported from when it is not importable from the app's own
     * directory ({@code app.main} found as {@code src/app/main.py}: {@code src}); null when it is importable there or
     * is not found in the tree. Only the module's first segment is looked for, as a package or a file.
     */
    static String importRoot(RepoFiles repo, AppDraft d, String module) {
        String first = module.split("\\.")[0];
        if (repo.exists(RepoFiles.join(d.dir, first + ".py")) || repo.exists(RepoFiles.join(d.dir, first + "/__init__.py"))) {
            return null;
        }
        String prefix = ".".equals(d.dir) ? "" : d.dir + "/";
        String best = null;
        for (String f : repo.under(d.dir)) {
            if (!f.startsWith(prefix) || FileKinds.isTest(f)) {
                continue;
            }
            for (String tail : List.of("/" + first + "/__init__.py", "/" + first + ".py")) {
                if (f.endsWith(tail)) {
                    String root = f.substring(prefix.length(), f.length() - tail.length());
                    String rest = module.substring(first.length()).replace('.', '/');
                    boolean whole = rest.isEmpty() || repo.exists(RepoFiles.join(d.dir, root + "/" + first + rest + ".py"))
                            || repo.exists(RepoFiles.join(d.dir, root + "/" + first + rest + "/__init__.py"))
                            || repo.exists(RepoFiles.join(d.dir, root + "/" + first + rest.substring(0, Math.max(0, rest.lastIndexOf('/'))) + ".py"));
                    if (whole && (best == null || root.length() < best.length())) {
                        best = root;
                    }
                }
            }
        }
        return best;
    }

    private static void add(AppDraft d, String rawName, List<String> command, String source, String startLine) {
        String joined = String.join(" ", command);
        if (command.isEmpty() || joined.equals(startLine) || DEV_COMMAND.matcher(joined).find()
                || d.processes.values().stream().anyMatch(c -> String.join(" ", c).equals(joined))) {
            return;
        }
        String name = DescriptorAssembly.sanitize(rawName);
        for (int i = 2; d.processes.containsKey(name); i++) {
            name = DescriptorAssembly.sanitize(rawName) + "-" + i;
        }
        d.processes.put(name, command);
        d.evidence("process " + name + " '" + joined + "' from " + source);
    }

    /**
     * A Procfile or compose command line as argv. Leading VAR=value assignments are kept with {@code env}, and
     * a line with shell syntax (pipes, &&, redirections) runs under {@code sh -c}.
     */
    static List<String> argv(String line) {
        String s = line.trim();
        if (s.matches(".*(\\|\\||&&|[|;<>`]|\\$\\().*")) {
            return List.of("sh", "-c", s);
        }
        List<String> words;
        try {
            words = ShellWords.split(s);
        } catch (RuntimeException e) {
            return List.of("sh", "-c", s);
        }
        if (!words.isEmpty() && ENV_ASSIGNMENT.matcher(words.get(0)).matches()) {
            List<String> out = new ArrayList<>(List.of("env"));
            out.addAll(words);
            return out;
        }
        return words;
    }

    /** The Procfile of the app directory: process name → command line. */
    static Map<String, String> procfile(RepoFiles repo, String dir) {
        Map<String, String> out = new LinkedHashMap<>();
        String f = RepoFiles.join(dir, "Procfile");
        if (!repo.exists(f)) {
            return out;
        }
        for (String line : repo.text(f).split("\\R")) {
            Matcher m = PROCFILE_LINE.matcher(line.trim());
            if (m.matches() && !line.trim().startsWith("#")) {
                out.putIfAbsent(m.group(1), m.group(2).trim());
            }
        }
        return out;
    }

    /**
     * The app's own Dockerfiles: in its directory, {@code docker/} and {@code src/main/docker/}, production
     * ones first; development, test, CI and debug variants and files devops generated are left out.
     */
    static List<ImageFile> dockerfiles(RepoFiles repo, String dir) {
        List<String> found = new ArrayList<>();
        for (String f : repo.files()) {
            String parent = RepoFiles.parent(f);
            if (!FileKinds.isDockerfile(f) || !(parent.equals(dir) || parent.equals(RepoFiles.join(dir, "docker"))
                    || parent.equals(RepoFiles.join(dir, "src/main/docker")))) {
                continue;
            }
            String name = FileKinds.name(f).toLowerCase(Locale.ROOT);
            // Dockerfile, Containerfile, Dockerfile.prod, production.Dockerfile: the app's image; maildev.Dockerfile,
            // Dockerfile.alpine or local.Dockerfile build another image or a variant for other uses
            boolean appImage = name.equals("dockerfile") || name.equals("containerfile") || name.contains("prod")
                    || name.contains("release");
            if (!appImage || name.matches(".*\\b(dev|develop|development|local|test|tests|e2e|ci|debug)\\b.*")) {
                continue;
            }
            found.add(f);
        }
        found.sort(Comparator.comparing((String f) -> !FileKinds.name(f).toLowerCase(Locale.ROOT).contains("prod"))
                .thenComparing(f -> !FileKinds.name(f).equalsIgnoreCase("Dockerfile")).thenComparing(f -> f));
        List<ImageFile> out = new ArrayList<>();
        for (String f : found) {
            String text = repo.text(f);
            if (text != null && !text.contains("Generated by devops")) {
                out.add(parseDockerfile(f, text));
            }
        }
        return out;
    }

    private static final Pattern ROOT_COPY = Pattern.compile(
            "(?mi)^\\s*COPY\\s+(?:--\\S+\\s+)*(?:\\.|\\./|package\\.json|package-lock\\.json|yarn\\.lock|pnpm-lock\\.yaml|pnpm-workspace\\.yaml)(?:\\s|$)");

    /**
     * The repository's own Dockerfile that builds the workspace package {@code d} from the workspace root: anywhere in
     * the repository (docker/, .docker/, deploy/ or the package's directory), a production one (not a dev, test or CI
     * variant) that copies the root's manifests or whole tree and names this package — its name after a workspace
     * filter ({@code turbo prune --scope=@acme/web}, {@code --filter=@acme/web...}, {@code npm run build -w @acme/web},
     * {@code pnpm --filter @acme/web}) or its directory ({@code COPY apps/web}, {@code WORKDIR /app/apps/web}); one in
     * the package's own directory first. Null when there is none.
     */
    static ImageFile workspaceDockerfile(RepoFiles repo, AppDraft d) {
        if (d.workspaceRoot == null || d.language != dev.devops.descriptor.Language.NODE) {
            return null;
        }
        var pkg = NodeStack.packageJson(repo, d.dir);
        String name = pkg == null ? null : Manifests.text(pkg, "name");
        String member = ".".equals(d.workspaceRoot) ? d.dir : d.dir.substring(d.workspaceRoot.length() + 1);
        List<Pattern> mine = new ArrayList<>(List.of(Pattern.compile("(?<![\\w./-])" + Pattern.quote(member) + "(?![\\w.-])")));
        if (name != null && !name.isBlank()) {
            mine.add(Pattern.compile("(?:--scope|--filter|-F|--workspace|-w|prune)[=\\s]+['\"]?" + Pattern.quote(name)
                    + "(?![\\w/-])"));
        }
        List<String> found = new ArrayList<>();
        for (String f : repo.files()) {
            String fileName = FileKinds.name(f).toLowerCase(Locale.ROOT);
            if (!FileKinds.isDockerfile(f) || !RepoFiles.inside(f, d.workspaceRoot) || FileKinds.isTest(f) || f.contains("node_modules/")
                    || !(fileName.equals("dockerfile") || fileName.equals("containerfile") || fileName.contains("prod"))
                    || fileName.matches(".*\\b(dev|develop|development|local|test|tests|e2e|ci|debug)\\b.*")
                    || f.matches("(?i).*/(dev|development|local|test|testing|e2e|ci)/[^/]*$")) {
                continue;
            }
            String text = repo.text(f);
            if (text == null || text.contains("Generated by devops") || !ROOT_COPY.matcher(text).find()) {
                continue;
            }
            if (mine.stream().anyMatch(p -> p.matcher(text).find())) {
                found.add(f);
            }
        }
        found.sort(Comparator.comparing((String f) -> !RepoFiles.parent(f).equals(d.dir)).thenComparing(f -> f));
        return found.isEmpty() ? null : parseDockerfile(found.get(0), repo.text(found.get(0)));
    }

    /** A go build or go install command: its arguments up to the end of the shell command. */
    private static final Pattern ANY_GO_BUILD = Pattern.compile("\\bgo\\s+(?:build|install)\\b([^\\n&;|]*)");

    /** {@link #workspaceDockerfile}, or the repository's own image of one of several programs of a Go module. */
    private static ImageFile ownImage(RepoFiles repo, AppDraft d) {
        ImageFile own = workspaceDockerfile(repo, d);
        if (own == null && d.language == dev.devops.descriptor.Language.GO && d.moduleDir != null) {
            List<String> built = goProgramDockerfiles(repo, d.dir, d.moduleDir);
            own = built.isEmpty() ? null : parseDockerfile(built.get(0), repo.text(built.get(0)));
        }
        return own;
    }

    /**
     * The repository's production Dockerfiles (any directory; Dockerfile, Dockerfile-NAME, Dockerfile.NAME, NAME.Dockerfile,
     * not a dev, test or CI variant) that copy the module root {@code moduleDir} and build the Go program in
     * {@code programDir} ({@code go build -o /bin/app ./cmd/counter}, {@code go install ./cmd/counter}), sorted by path.
     */
    static List<String> goProgramDockerfiles(RepoFiles repo, String moduleDir, String programDir) {
        String rel = ".".equals(moduleDir) ? programDir : programDir.substring(moduleDir.length() + 1);
        Pattern builds = Pattern.compile("(?m)\\bgo\\s+(?:build|install)\\b[^\\n]*?\\s(?:\\./)?" + Pattern.quote(rel)
                + "/?(?:\\s|$|&&|;)");
        List<String> found = new ArrayList<>();
        for (String f : repo.files()) {
            String name = FileKinds.name(f).toLowerCase(Locale.ROOT);
            if (!FileKinds.isDockerfile(f) || !RepoFiles.inside(f, moduleDir) || FileKinds.isTest(f)
                    || name.matches(".*\\b(dev|develop|development|local|test|tests|e2e|ci|debug)\\b.*")
                    || f.matches("(?i).*/(dev|development|local|test|testing|e2e|ci)/[^/]*$")) {
                continue;
            }
            String text = repo.text(f);
            if (text == null || text.contains("Generated by devops") || !ROOT_COPY.matcher(text).find()) {
                continue;
            }
            String joined = text.replace("\\\n", " ");
            if (builds.matcher(joined).find()) {
                // an image of this program alone: one that builds several (app + migrate) is not one per program
                java.util.Set<String> programs = new java.util.HashSet<>();
                Matcher any = ANY_GO_BUILD.matcher(joined);
                while (any.find()) {
                    String[] args = any.group(1).trim().split("\\s+");
                    for (int i = 0; i < args.length; i++) {
                        if (args[i].equals("-o")) {
                            i++; // the output file
                        } else if (!args[i].startsWith("-") && (args[i].startsWith(".") || args[i].contains("/"))) {
                            programs.add(args[i].replaceAll("^\\./|/$", ""));
                        }
                    }
                }
                if (programs.size() == 1) {
                    found.add(f);
                }
            }
        }
        java.util.Collections.sort(found);
        return found;
    }

    /** {@code ENV KEY=value …} pairs (the legacy {@code ENV KEY value} form is not a substitution source). */
    private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|'[^']*'|\\S+)");
    private static final Pattern ARG = Pattern.compile("(?i)^ARG\\s+([A-Za-z_][A-Za-z0-9_]*)=(\\S+)");
    private static final Pattern VAR = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)\\}?");

    /** The parts of a Dockerfile {@link #apply} reads; continuation lines joined, comments dropped. */
    static ImageFile parseDockerfile(String path, String text) {
        Map<String, String> args = new LinkedHashMap<>();
        List<String> images = new ArrayList<>();
        Integer expose = null;
        Integer envPort = null;
        List<String> entrypoint = List.of();
        List<String> cmd = List.of();
        StringBuilder joined = new StringBuilder();
        List<String> instructions = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (joined.length() == 0 && (line.startsWith("#") || line.isEmpty())) {
                continue;
            }
            if (line.endsWith("\\")) {
                joined.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            joined.append(line);
            instructions.add(joined.toString().strip());
            joined.setLength(0);
        }
        for (String ins : instructions) {
            String[] kw = ins.split("\\s+", 2);
            String rest = kw.length > 1 ? kw[1].strip() : "";
            switch (kw[0].toUpperCase(Locale.ROOT)) {
                case "ARG" -> {
                    Matcher m = ARG.matcher(ins);
                    if (m.find()) {
                        args.putIfAbsent(m.group(1), m.group(2).replaceAll("^['\"]|['\"]$", ""));
                    }
                }
                case "FROM" -> {
                    String image = rest.replaceAll("--platform=\\S+\\s+", "").split("\\s+")[0];
                    Matcher v = VAR.matcher(image);
                    StringBuilder sb = new StringBuilder();
                    while (v.find()) {
                        v.appendReplacement(sb, Matcher.quoteReplacement(args.getOrDefault(v.group(1), v.group())));
                    }
                    v.appendTail(sb);
                    images.add(sb.toString());
                    expose = null;
                    envPort = null;
                    entrypoint = List.of();
                    cmd = List.of();
                }
                case "ENV" -> {
                    Matcher m = ENV_PAIR.matcher(rest);
                    while (m.find()) {
                        String value = m.group(2).replaceAll("^['\"]|['\"]$", "");
                        args.put(m.group(1), value);
                        if ("PORT".equals(m.group(1)) && value.matches("\\d{2,5}")) {
                            envPort = Code.port(value);
                        }
                    }
                }
                case "EXPOSE" -> {
                    // EXPOSE $PORT_ARG: the ARG's (or ENV's) default, as docker build substitutes it
                    Matcher v = VAR.matcher(rest.split("\\s+")[0]);
                    StringBuilder port = new StringBuilder();
                    while (v.find()) {
                        v.appendReplacement(port, Matcher.quoteReplacement(args.getOrDefault(v.group(1), v.group())));
                    }
                    v.appendTail(port);
                    Matcher p = Pattern.compile("^(\\d{2,5})(/tcp)?$").matcher(port.toString());
                    if (expose == null && p.find()) {
                        expose = Code.port(p.group(1));
                    }
                }
                case "ENTRYPOINT" -> entrypoint = execOrShell(rest);
                case "CMD" -> cmd = execOrShell(rest);
                default -> {
                }
            }
        }
        return new ImageFile(path, images, expose, entrypoint, cmd, envPort);
    }

    private static List<String> execOrShell(String rest) {
        if (rest.startsWith("[")) {
            List<String> out = new ArrayList<>();
            Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(rest);
            while (m.find()) {
                out.add(m.group(1).replace("\\\"", "\""));
            }
            return out;
        }
        return argv(rest);
    }

    /**
     * Services of compose files (in the app directory or the repository root) that build the app directory
     * with the default Dockerfile or one of {@code dockerfiles} (another Dockerfile there builds another image).
     */
    static List<ComposeUse> composeUses(RepoFiles repo, String dir, List<String> dockerfiles) {
        List<ComposeUse> out = new ArrayList<>();
        for (String f : repo.files()) {
            String parent = RepoFiles.parent(f);
            if (!FileKinds.isComposeName(f) || !(parent.equals(dir) || ".".equals(parent))
                    || FileKinds.name(f).toLowerCase(Locale.ROOT).matches(".*\\b(test|tests|e2e|ci|debug)\\b.*")) {
                continue;
            }
            Object doc;
            try {
                doc = new Load(LoadSettings.builder().build()).loadFromString(repo.text(f));
            } catch (RuntimeException e) {
                continue;
            }
            if (!(doc instanceof Map<?, ?> top) || !(top.get("services") instanceof Map<?, ?> services)) {
                continue;
            }
            // services that build the app's image, then services that run that image by name (image: web)
            java.util.Set<String> builtImages = new java.util.HashSet<>();
            for (int pass = 0; pass < 2; pass++) {
                for (Map.Entry<?, ?> e : services.entrySet()) {
                    if (!(e.getValue() instanceof Map<?, ?> svc)) {
                        continue;
                    }
                    Object build = svc.get("build");
                    if (pass == 1) {
                        if (build == null && svc.get("image") != null && builtImages.contains(String.valueOf(svc.get("image")))) {
                            out.add(new ComposeUse(f, String.valueOf(e.getKey()), command(svc.get("command")), containerPort(svc)));
                        }
                        continue;
                    }
                    Object context = build instanceof Map<?, ?> b ? b.get("context") : build;
                    if (context == null) {
                        continue;
                    }
                    String c = String.valueOf(context).replaceFirst("^\\./", "").replaceAll("/$", "");
                    String ctx = c.isEmpty() || ".".equals(c) ? parent : RepoFiles.join(parent, c);
                    Object df = build instanceof Map<?, ?> b ? b.get("dockerfile") : null;
                    if (!ctx.equals(dir) || df != null && !dockerfiles.contains(RepoFiles.join(ctx, String.valueOf(df)
                            .replaceFirst("^\\./", ""))) && !"Dockerfile".equals(String.valueOf(df))) {
                        continue;
                    }
                    if (svc.get("image") != null) {
                        builtImages.add(String.valueOf(svc.get("image")));
                    }
                    out.add(new ComposeUse(f, String.valueOf(e.getKey()), command(svc.get("command")), containerPort(svc)));
                }
            }
        }
        return out;
    }

    private static List<String> command(Object command) {
        return command instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                : command == null ? List.of() : argv(String.valueOf(command));
    }

    /** The container port of a service's first published port ("8004:8000" → 8000), or null. */
    private static Integer containerPort(Map<?, ?> svc) {
        if (svc.get("ports") instanceof List<?> ports && !ports.isEmpty()) {
            Object p = ports.get(0);
            String spec = p instanceof Map<?, ?> pm ? String.valueOf(pm.get("target")) : String.valueOf(p);
            spec = spec.replaceAll("/\\w+$", "");
            return Code.port(spec.substring(spec.lastIndexOf(':') + 1));
        }
        if (svc.get("expose") instanceof List<?> expose && !expose.isEmpty()) {
            // exposed to the stack only (a reverse proxy in front publishes it): still the port the app serves on
            return Code.port(String.valueOf(expose.get(0)).replaceAll("/\\w+$", ""));
        }
        return null;
    }
}
