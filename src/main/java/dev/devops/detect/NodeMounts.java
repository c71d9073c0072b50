package dev.devops.detect;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URL path a Node route is served at, through the routers it is mounted on: a health route
 * {@code router.get('/ready')} in a router module that {@code app.js} mounts with
 * {@code api.use('/healthcheck', healthRoutes)} and {@code app.use('/api', api)} is served at
 * {@code /api/healthcheck/ready}. Express routers ({@code express.Router()}, {@code Router()}) and koa-router
 * ({@code new Router({prefix})}) are followed through {@code use(PATH, …, X)} calls in the same file and
 * through the files that import the router module ({@code import X from './r.js'}, {@code require('./r')}).
 */
final class NodeMounts {
    private static final int MAX_DEPTH = 6;
    private static final Pattern ROUTER_CREATED = Pattern.compile(
            "\\b(?:const|let|var)\\s+(\\w+)\\s*=\\s*(?:new\\s+)?"
                    + "(?:require\\s*\\(\\s*['\"][^'\"]+['\"]\\s*\\)\\s*\\.\\s*|\\w+\\s*\\.\\s*)?Router\\s*\\(([^)]*)\\)");
    private static final Pattern KOA_PREFIX = Pattern.compile("prefix\\s*:\\s*['\"`]([^'\"`]*)['\"`]");
    private static final Pattern IMPORT = Pattern.compile(
            "\\bimport\\s+(\\w+)\\s+from\\s+['\"](\\.[^'\"]*)['\"]"
                    + "|\\b(?:const|let|var)\\s+(\\w+)\\s*=\\s*require\\s*\\(\\s*['\"](\\.[^'\"]*)['\"]\\s*\\)");
    private static final List<String> EXTENSIONS = List.of("", ".js", ".ts", ".mjs", ".cjs", "/index.js", "/index.ts");

    private final RepoFiles repo;
    private final List<String> sources;

    NodeMounts(RepoFiles repo, List<String> sources) {
        this.repo = repo;
        this.sources = sources;
    }

    /**
     * The full path of the route {@code path} registered in {@code file} at {@code line}: the path itself when
     * it is registered on an app (or on an object this class cannot trace), the mount prefixes joined in front
     * of it when it is registered on a router, or null when it is on a router that nothing found mounts (its
     * path is then unknown).
     */
    String fullPath(String file, int line, String path) {
        String text = repo.source(file);
        if (text == null) {
            return path;
        }
        String[] lines = text.split("\n", -1);
        String lineText = line >= 1 && line <= lines.length ? lines[line - 1] : "";
        Matcher on = Pattern.compile("(\\w+)\\s*\\.\\s*(?:get|all|head|use|route)\\s*\\(\\s*['\"`]"
                + Pattern.quote(path)).matcher(lineText);
        if (!on.find()) {
            return path;
        }
        String prefix = prefix(file, on.group(1), 0);
        return prefix == null ? null : join(prefix, path);
    }

    /** The prefix under which object {@code name} of {@code file} serves its routes; "" for an app; null when unknown. */
    private String prefix(String file, String name, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        String text = repo.source(file);
        Matcher created = ROUTER_CREATED.matcher(text);
        String own = null;
        while (created.find()) {
            if (created.group(1).equals(name)) {
                Matcher p = KOA_PREFIX.matcher(created.group(2));
                own = p.find() ? p.group(1) : "";
            }
        }
        if (own == null) {
            return "";   // an app (express(), new Koa(), fastify()) or something not traced: the path as written
        }
        // mounted on another object of the same file: outer.use('/p', …, name)
        Mount m = mountOf(text, name);
        if (m != null) {
            String outer = prefix(file, m.on, depth + 1);
            return outer == null ? null : join(join(outer, m.path), own);
        }
        // exported and mounted by the files that import this one
        for (String importer : sources) {
            if (importer.equals(file)) {
                continue;
            }
            String it = repo.source(importer);
            if (it == null) {
                continue;
            }
            Matcher imp = IMPORT.matcher(it);
            while (imp.find()) {
                String ident = imp.group(1) != null ? imp.group(1) : imp.group(3);
                String rel = imp.group(1) != null ? imp.group(2) : imp.group(4);
                if (!file.equals(resolve(RepoFiles.parent(importer), rel))) {
                    continue;
                }
                Mount mm = mountOf(it, ident);
                if (mm != null) {
                    String outer = prefix(importer, mm.on, depth + 1);
                    if (outer != null) {
                        return join(join(outer, mm.path), own);
                    }
                }
            }
        }
        return null;
    }

    private record Mount(String on, String path) {
    }

    /** {@code on.use('/path', …, name)} or {@code on.use(name…)} in {@code text}, or null. */
    private static Mount mountOf(String text, String name) {
        Matcher m = Pattern.compile("(\\w+)\\s*\\.\\s*use\\s*\\(\\s*(?:['\"`]([^'\"`]*)['\"`]\\s*,)?[^;()]*?\\b"
                + Pattern.quote(name) + "\\b").matcher(text);
        while (m.find()) {
            if (!m.group(1).equals(name)) {
                return new Mount(m.group(1), m.group(2) == null ? "" : m.group(2));
            }
        }
        return null;
    }

    /** The source file an import of {@code rel} from a file in {@code dir} names, or null. */
    private String resolve(String dir, String rel) {
        Deque<String> parts = new ArrayDeque<>();
        if (!".".equals(dir)) {
            for (String p : dir.split("/")) {
                parts.addLast(p);
            }
        }
        for (String p : rel.split("/")) {
            if (p.isEmpty() || ".".equals(p)) {
                continue;
            }
            if ("..".equals(p)) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(p);
            }
        }
        String base = String.join("/", parts);
        for (String ext : EXTENSIONS) {
            if (repo.exists(base + ext)) {
                return base + ext;
            }
        }
        // TypeScript sources import their compiled name: './routes/health.js' is routes/health.ts
        String stripped = base.replaceAll("\\.[mc]?js$", "");
        for (String ext : List.of(".ts", ".mts", ".cts")) {
            if (!stripped.equals(base) && repo.exists(stripped + ext)) {
                return stripped + ext;
            }
        }
        return null;
    }

    private static String join(String a, String b) {
        String left = a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
        if (b.isEmpty() || "/".equals(b)) {
            return left.isEmpty() ? (b.isEmpty() ? "" : "/") : left;
        }
        return left + (b.startsWith("/") ? b : "/" + b);
    }
}
