package dev.devops.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devops.core.UserError;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Angular apps: {@code @angular/core} with the Angular CLI or one of its build packages, and an angular.json.
 * They are static sites; what nginx serves is read from the build target of the workspace's default project:
 * the application builder (Angular 17+) writes the browser files to {@code <outputPath>/browser} (or the
 * {@code browser} subdirectory an object-form outputPath names), the older browser builders straight to
 * {@code outputPath}; without an outputPath the builders use {@code dist/<project>}.
 */
final class AngularBuild {
    static final String FRAMEWORK = "angular";
    /** Packages that build an Angular app; one must be a dependency beside @angular/core. */
    static final List<String> TOOLS = List.of("@angular/cli", "@angular-devkit/build-angular", "@angular/build");

    private AngularBuild() {
    }

    /**
     * Sets framework {@value #FRAMEWORK} and the output directory on {@code d} when the app in {@code d.dir} is an
     * Angular app; leaves {@code d} alone otherwise. Throws {@link UserError} when angular.json is not valid JSON
     * or its output path leaves the app directory.
     */
    static void detect(RepoFiles repo, AppDraft d, JsonNode pkg, String manifest) {
        if (!hasDependency(pkg, "@angular/core")) {
            return;
        }
        String tool = TOOLS.stream().filter(t -> hasDependency(pkg, t)).findFirst().orElse(null);
        String file = RepoFiles.join(d.dir, "angular.json");
        if (tool == null || !repo.exists(file)) {
            d.evidence("@angular/core in " + manifest + " but " + (tool == null ? "none of " + String.join(", ", TOOLS)
                    : "no " + file) + ": not built as an Angular CLI app");
            return;
        }
        JsonNode workspace = Manifests.jsonc(repo, file);
        d.framework = FRAMEWORK;
        d.evidence("static site: framework angular from " + manifest + " dependencies '@angular/core' and '" + tool
                + "' and " + file + "; its build output is served by nginx on port 8080");

        JsonNode projects = workspace.path("projects");
        String project = project(workspace, projects);
        if (project == null) {
            throw UserError.at(Path.of(file), 1, 1, "angular.json has no application in 'projects'",
                    "add the app's project to angular.json, or set 'output:' in devops.yaml by hand");
        }
        JsonNode target = projects.path(project).path("architect").path("build");
        String targetKey = "architect";
        if (target.isMissingNode()) {
            target = projects.path(project).path("targets").path("build");
            targetKey = "targets";
        }
        String builder = Manifests.text(target, "builder");
        boolean application = builder != null && builder.endsWith(":application");
        String where = file + " projects." + project + "." + targetKey + ".build";

        JsonNode outputPath = target.path("options").path("outputPath");
        String config = Manifests.text(target, "defaultConfiguration");
        String from = where + ".options.outputPath";
        if (config != null && target.path("configurations").path(config).has("outputPath")) {
            outputPath = target.path("configurations").path(config).path("outputPath");
            from = where + ".configurations." + config + ".outputPath";
        }
        String base;
        String browser = application ? "browser" : "";
        if (outputPath.isTextual()) {
            base = outputPath.asText();
        } else if (outputPath.isObject()) {
            base = outputPath.path("base").isTextual() ? outputPath.path("base").asText() : "dist/" + project;
            if (outputPath.path("browser").isTextual()) {
                browser = outputPath.path("browser").asText();
            } else {
                browser = "browser";
            }
        } else {
            base = "dist/" + project;
            from = "default dist/" + project + " (no outputPath in " + where + ".options)";
        }
        String out = normalize(base + "/" + browser);
        if (out == null) {
            throw UserError.at(Path.of(file), line(repo.text(file), project), 1, "the build output of project '" + project + "' (" + from + " \""
                    + base + "\") is outside the app directory " + d.dir + ", where the Dockerfile builds it",
                    "set outputPath to a directory inside the project, e.g. \"dist/" + project + "\"");
        }
        d.output = out;
        d.evidence("output " + out + " from " + from + (outputPath.isTextual() || outputPath.isObject()
                ? " " + outputPath : "") + " with builder '" + (builder == null ? "none" : builder) + "'"
                + (application ? " (browser files in " + (browser.isEmpty() ? "the base directory" : browser + "/") + ")"
                        : ""));
        JsonNode options = target.path("options");
        boolean ssr = options.path("ssr").isObject() || options.path("ssr").asBoolean(false)
                || options.path("server").isTextual();
        if (application && ssr) {
            d.evidence("angular.json configures server-side rendering; only the browser files are served (nginx)");
        }
    }

    /** The line of the first "outputPath" after the project's key, else 1. */
    private static int line(String text, String project) {
        int key = text.indexOf("\"" + project + "\"");
        int at = text.indexOf("\"outputPath\"", Math.max(0, key));
        return at < 0 ? 1 : new SourceLexer.Lines(text).line(at);
    }

    /** defaultProject when it names a project, else the first application, else the first project; null if none. */
    private static String project(JsonNode workspace, JsonNode projects) {
        if (!projects.isObject() || projects.isEmpty()) {
            return null;
        }
        String def = Manifests.text(workspace, "defaultProject");
        if (def != null && projects.has(def)) {
            return def;
        }
        String first = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = projects.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (first == null) {
                first = e.getKey();
            }
            if ("application".equals(Manifests.text(e.getValue(), "projectType"))) {
                return e.getKey();
            }
        }
        return first;
    }

    /** "./dist/app/" → "dist/app"; null when the path is absolute or leaves the directory (or is the directory). */
    static String normalize(String path) {
        String p = path.replace('\\', '/').replaceAll("/+", "/");
        if (p.startsWith("/") || p.matches("^[A-Za-z]:.*")) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String part : p.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                return null;
            }
            sb.append(sb.length() == 0 ? "" : "/").append(part);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static boolean hasDependency(JsonNode pkg, String name) {
        return pkg.path("dependencies").has(name) || pkg.path("devDependencies").has(name);
    }
}
