package dev.devops.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devops.descriptor.Language;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Directories with a manifest that are input of a generator, not apps (issue 9 class 4): a scaffolder's templates,
 * an app template's setup hook. Decided by what the repository shows, not by directory names:
 * <ul>
 * <li>template placeholders in the directory's path or manifest ({@code {{cookiecutter.slug}}}, {@code <%= name %>},
 * {@code "name": "{{name}}"}): the file is filled in by a generator before anything can run it;</li>
 * <li>data a CLI package publishes: an enclosing package.json with a {@code bin} lists the directory in its
 * {@code files} (create-* starters copy their templates/ from the installed package);</li>
 * <li>a helper package inside a Node app: no start or build script, no server framework and no
 * {@code listen(…)} of its own (remix.init, the setup hook a Remix stack runs once when it is created).</li>
 * </ul>
 */
final class TemplateInputs {
    private TemplateInputs() {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*[\\w.-]+\\s*}}|<%=?\\s*[\\w.]+|\\$\\{\\{\\s*[\\w.]+\\s*}}");
    private static final Pattern LISTEN = Pattern.compile("\\.listen\\s*\\(|createServer\\s*\\(");

    /** Why the app directory {@code dir} is generator input rather than an app, or null when it is not. */
    static String reason(RepoFiles repo, String dir, Map<String, Language> appDirs) {
        if (PLACEHOLDER.matcher(dir).find()) {
            return dir + " is a template (its path is a placeholder a generator fills in), not an app";
        }
        for (String m : AppDiscovery.MANIFESTS) {
            String f = RepoFiles.join(dir, m);
            String text = repo.exists(f) ? repo.text(f) : null;
            if (text != null && PLACEHOLDER.matcher(text.replaceAll("\\$\\{\\{[^}]*}}", "")).find()) {
                return dir + " is a template (" + f + " holds placeholders a generator fills in), not an app";
            }
        }
        for (String up = RepoFiles.parent(dir); !".".equals(dir); up = RepoFiles.parent(up)) {
            String manifest = RepoFiles.join(up, "package.json");
            JsonNode pkg = repo.exists(manifest) ? Manifests.json(repo, manifest) : null;
            if (pkg != null && pkg.has("bin") && pkg.path("files").isArray()) {
                String rel = ".".equals(up) ? dir : dir.substring(up.length() + 1);
                for (JsonNode entry : pkg.path("files")) {
                    String e = entry.asText().replaceFirst("^\\./", "").replaceAll("/\\*+$|/$", "");
                    if (!e.isEmpty() && !e.contains("*") && (rel.equals(e) || rel.startsWith(e + "/"))) {
                        return dir + " is data of the CLI package in " + up + " (its package.json publishes '" + e
                                + "' with its bin), not an app";
                    }
                }
            }
            if (".".equals(up)) {
                break;
            }
        }
        if (appDirs.get(dir) == Language.NODE) {
            String owner = appDirs.entrySet().stream()
                    .filter(e -> e.getValue() == Language.NODE && !e.getKey().equals(dir) && RepoFiles.inside(dir, e.getKey())
                            && NodeStack.workspaces(repo, e.getKey()).isEmpty())
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            JsonNode pkg = NodeStack.packageJson(repo, dir);
            if (owner != null && pkg != null && !NodeStack.isWorkspaceApp(pkg)
                    && Manifests.text(pkg, "scripts", "build") == null && !NodeStack.hasServerFramework(pkg)
                    && !listens(repo, dir)) {
                return dir + " is a helper package of the Node app in " + owner
                        + " (no start or build script, server framework or listen(…) of its own), not an app";
            }
        }
        return null;
    }

    private static boolean listens(RepoFiles repo, String dir) {
        for (String f : repo.files()) {
            if (RepoFiles.inside(f, dir) && NodeStack.CODE.test(f) && !Code.isTest(f) && !f.contains("node_modules/")) {
                String text = repo.source(f);
                if (text != null && LISTEN.matcher(text).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Removes the app directories {@link #reason} finds to be generator input, noting why. */
    static void remove(RepoFiles repo, Map<String, Language> appDirs, List<String> notes) {
        for (String dir : new java.util.ArrayList<>(appDirs.keySet())) {
            String why = reason(repo, dir, appDirs);
            if (why != null) {
                appDirs.remove(dir);
                notes.add(why);
            }
        }
    }
}
