package dev.devops.lint.env;

import dev.devops.core.VariableNames;
import dev.devops.descriptor.App;
import dev.devops.files.FileKinds;
import dev.devops.detect.RuntimeVersions.Stated;
import dev.devops.detect.RuntimeVersions;
import dev.devops.files.FileKinds;
import dev.devops.lint.Check;
import dev.devops.lint.Finding;
import dev.devops.lint.LintContext;
import dev.devops.lint.RuleInfo;
import dev.devops.lint.dockerfile.Dockerfile;
import dev.devops.lint.dockerfile.DockerfileParser;
import dev.devops.lint.dockerfile.Stage;
import dev.devops.scaffold.GeneratedFiles;
import dev.devops.scaffold.Scaffolder;
import dev.devops.scaffold.TemplateSource;
import dev.devops.scaffold.UnifiedDiff;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The drift check (category "drift"): runtime versions that disagree between the project's version
 * files ({@link RuntimeVersions}), the Dockerfile's base images, GitHub workflow setup actions and
 * devops.yaml (DRIFT0003–DRIFT0006), and generated files that no longer match what devops.yaml renders
 * (DRIFT0001–DRIFT0002, through {@link Scaffolder#drift}). A Dockerfile or workflow is compared with the
 * version files of its own directory or the nearest ancestor that has some for that language.
 */
public final class DriftCheck implements Check {
    private static final int DIFF_LINES = 12;

    @Override
    public String category() {
        return "drift";
    }

    @Override
    public List<RuleInfo> rules() {
        return EnvRules.drift();
    }

    /**
     * Its findings are on version files, Dockerfiles, CI workflows, devops.yaml and the files devops.yaml renders
     * (Dockerfile, .dockerignore, the compose file, .env.example).
     */
    @Override
    public boolean reportsOn(String path) {
        return RuntimeVersions.isVersionFile(path) || FileKinds.isDockerfile(path) || FileKinds.isDockerignore(path)
                || FileKinds.isYaml(path) || FileKinds.isCi(path) || FileKinds.dotenv(path) == FileKinds.Dotenv.EXAMPLE;
    }

    @Override
    public void run(LintContext context, Consumer<Finding> out) {
        Path root = context.root().toAbsolutePath().normalize();
        Map<String, List<Stated>> byDir = new TreeMap<>();
        List<String> dockerfiles = new ArrayList<>();
        List<String> workflows = new ArrayList<>();
        for (String f : context.files()) {
            if (RuntimeVersions.isVersionFile(f)) {
                String text = text(root, f);
                if (text != null) {
                    byDir.computeIfAbsent(EnvCheck.dir(f), k -> new ArrayList<>()).addAll(RuntimeVersions.read(f, text));
                }
            } else if (FileKinds.isDockerfile(f)) {
                dockerfiles.add(f);
            } else if (f.startsWith(".github/workflows/") && (f.endsWith(".yml") || f.endsWith(".yaml"))) {
                workflows.add(f);
            }
        }
        versionFiles(byDir, out);
        for (String f : dockerfiles) {
            String text = text(root, f);
            if (text != null) {
                dockerfile(f, text, byDir, out);
            }
        }
        for (String f : workflows) {
            String text = text(root, f);
            if (text != null) {
                workflow(f, text, byDir, out);
            }
        }
        if (context.descriptor() != null) {
            descriptorVersions(context, root, byDir, out);
            generated(context, root, out);
        }
    }

    /** The statements for {@code language} of {@code dir} or its nearest ancestor that has some. */
    private static List<Stated> stated(Map<String, List<Stated>> byDir, String dir, String language) {
        String d = dir;
        while (true) {
            List<Stated> here = byDir.getOrDefault(d, List.of()).stream().filter(s -> s.language().equals(language)).toList();
            if (!here.isEmpty()) {
                return here;
            }
            if (d.isEmpty()) {
                return List.of();
            }
            d = EnvCheck.dir(d);
        }
    }

    /**
     * The statements a repository-wide file (a CI workflow) is compared with: the root's, else those of
     * the only directory that states a version of {@code language}.
     */
    private static List<Stated> projectWide(Map<String, List<Stated>> byDir, String language) {
        List<Stated> root = stated(byDir, "", language);
        if (!root.isEmpty()) {
            return root;
        }
        List<String> dirs = byDir.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(s -> s.language().equals(language))).map(Map.Entry::getKey).toList();
        return dirs.size() == 1 ? stated(byDir, dirs.get(0), language) : List.of();
    }

    /** The statement to compare others against: the first exact one, else the first floor. */
    private static Stated primary(List<Stated> list) {
        return list.stream().filter(s -> !s.floor()).findFirst().orElse(list.isEmpty() ? null : list.get(0));
    }

    private static void versionFiles(Map<String, List<Stated>> byDir, Consumer<Finding> out) {
        for (List<Stated> list : byDir.values()) {
            for (String language : List.of("node", "java", "python", "go")) {
                List<Stated> l = list.stream().filter(s -> s.language().equals(language)).toList();
                Stated p = primary(l);
                for (Stated s : l) {
                    if (s == p || (s.floor() && p.floor())) {
                        continue;
                    }
                    boolean ok = s.floor() ? RuntimeVersions.satisfies(s, p.version()) : RuntimeVersions.satisfies(p, s.version());
                    if (!ok) {
                        emit(out, EnvRules.VERSION_FILES, s.path(), s.line(), s.source() + " at " + s.where() + " says " + language
                                + " " + describe(s) + " but " + p.source() + " at " + p.where() + " says " + describe(p),
                                "keep one source of truth for the " + language + " version and make the others agree", language);
                    }
                }
            }
        }
    }

    private static String describe(Stated s) {
        return s.floor() ? ">= " + s.version() : s.version();
    }

    private static void dockerfile(String f, String text, Map<String, List<Stated>> byDir, Consumer<Finding> out) {
        Dockerfile df = DockerfileParser.parse(f, text);
        List<String> stageNames = new ArrayList<>();
        for (Stage st : df.stages()) {
            if (st.name() != null) {
                stageNames.add(st.name());
            }
            if (!st.resolved() || st.parentStage() >= 0 || st.image() == null) {
                continue;
            }
            String[] lv = RuntimeVersions.ofImage(st.image());
            if (lv == null || lv[1] == null) {
                continue;
            }
            Stated p = primary(stated(byDir, EnvCheck.dir(f), lv[0]));
            if (p == null || RuntimeVersions.satisfies(p, lv[1])) {
                continue;
            }
            int line = st.from().line();
            emit(out, EnvRules.IMAGE_VERSION, f, line, "FROM " + st.image() + " at " + f + ":" + line + " runs " + lv[0] + " "
                    + lv[1] + " but " + p.source() + " at " + p.where() + " says " + lv[0] + " " + describe(p),
                    "change the FROM tag to " + lv[0] + " " + p.version() + " or update " + p.path(), st.image());
        }
    }

    private static void workflow(String f, String text, Map<String, List<Stated>> byDir, Consumer<Finding> out) {
        for (RuntimeVersions.WorkflowSetup w : RuntimeVersions.workflowSetups(text)) {
            if (w.fromMatrix()) {
                continue; // a matrix tests several versions on purpose
            }
            String language = w.language();
            String raw = w.raw();
            String v = w.version();
            Stated p = primary(projectWide(byDir, language));
            if (v != null && p != null && !RuntimeVersions.satisfies(p, v)) {
                emit(out, EnvRules.CI_VERSION, f, w.line(), "actions/setup-" + language + " at " + f + ":" + w.line() + " uses "
                        + language + " " + raw + " but " + p.source() + " at " + p.where() + " says " + describe(p),
                        "use " + language + "-version: " + p.version() + (language.equals("node") || language.equals("python")
                                ? " (or " + language + "-version-file: " + p.path() + ")" : ""), language + ":" + raw);
            }
        }
    }

    private static void descriptorVersions(LintContext context, Path root, Map<String, List<Stated>> byDir,
            Consumer<Finding> out) {
        String yaml = text(root, "devops.yaml");
        for (App a : context.descriptor().apps()) {
            if (a.runtime() == null || a.runtime().version() == null || a.runtime().language() == null) {
                continue;
            }
            String language = a.runtime().language().id();
            String dir = ".".equals(a.path()) || a.path() == null ? "" : a.path().replaceAll("^\\./", "").replaceAll("/$", "");
            Stated p = primary(stated(byDir, dir, language));
            String v = RuntimeVersions.normalize(language, a.runtime().version());
            if (p == null || v == null || RuntimeVersions.satisfies(p, v)) {
                continue;
            }
            int line = yaml == null ? 0 : versionLine(yaml, a.name(), a.runtime().version());
            emit(out, EnvRules.DESCRIPTOR_VERSION, "devops.yaml", line, "devops.yaml" + (line > 0 ? ":" + line : "") + " pins app "
                    + a.name() + " to " + language + " " + a.runtime().version() + " but " + p.source() + " at " + p.where()
                    + " says " + describe(p), "set apps." + a.name() + ".runtime.version to " + p.version()
                    + " and run devops render, or update " + p.path(), a.name());
        }
    }

    /** The line of {@code version: V} after the app's key in devops.yaml, else the first such line, else 0. */
    static int versionLine(String yaml, String app, String version) {
        String re = "^\\s*version:\\s*['\"]?" + Pattern.quote(version);
        int appLine = EnvCheck.lineOf(yaml, "^\\s+" + Pattern.quote(app) + ":\\s*$");
        if (appLine > 0) {
            String[] lines = yaml.split("\n", -1);
            String rest = String.join("\n", java.util.Arrays.copyOfRange(lines, appLine, lines.length));
            int l = EnvCheck.lineOf(rest, re);
            if (l > 0) {
                return appLine + l;
            }
        }
        return EnvCheck.lineOf(yaml, re);
    }

    private static void generated(LintContext context, Path root, Consumer<Finding> out) {
        List<Scaffolder.Drift> drifts;
        try {
            drifts = Scaffolder.drift(context.descriptor(), root, TemplateSource.builtIn());
        } catch (dev.devops.core.UserError e) {
            return; // a descriptor that does not render is reported by devops render / validate
        }
        for (Scaffolder.Drift d : drifts) {
            String path = d.relativePath();
            if (path.endsWith(".gitignore") || path.equals("devops.yaml")) {
                continue; // .gitignore without .env is an ENV concern; devops.yaml is the source
            }
            if (d.missing()) {
                if (!Scaffolder.adopted(context.descriptor(), root)) {
                    continue; // devops.yaml without any rendered file: the files are the user's own (or not wanted)
                }
                emit(out, EnvRules.GENERATED_MISSING, path, 0, path + " is rendered from devops.yaml but does not exist",
                        "run devops render", path);
                continue;
            }
            String text = text(root, path);
            if (text == null || !generatedHeader(text)) {
                continue; // a hand-written file is the user's, not drift
            }
            String diff = d.diff() == null ? "" : UnifiedDiff.redact(d.diff(), VariableNames::isSecret);
            String[] dl = diff.split("\n");
            String head = String.join("\n", java.util.Arrays.copyOfRange(dl, 0, Math.min(DIFF_LINES, dl.length)));
            int headerLine = Math.max(1, EnvCheck.lineOf(text, "Generated by devops"));
            out.accept(new Finding(EnvRules.GENERATED_DRIFT.info(), EnvRules.GENERATED_DRIFT.severity(), path, headerLine, 0,
                    path + " was generated from devops.yaml but differs from what devops.yaml renders now:\n" + head
                            + (dl.length > DIFF_LINES ? "\n… (" + (dl.length - DIFF_LINES) + " more diff lines)" : ""),
                    GeneratedFiles.origin(text) == GeneratedFiles.Origin.DEVOPS
                            ? "run devops render (the file is still as devops wrote it: no --force needed)"
                            : "run devops render --force (or edit devops.yaml)", null,
                    Finding.fingerprint(EnvRules.GENERATED_DRIFT.id(), path, "drift"), Map.of("diff", diff)));
        }
    }

    /** Whether the file starts (within its first lines) with the generated-by notice. */
    static boolean generatedHeader(String text) {
        return GeneratedFiles.hasNotice(text);
    }

    private static String text(Path root, String rel) {
        try {
            Path p = root.resolve(rel);
            if (!Files.isRegularFile(p) || Files.size(p) > 1_000_000) {
                return null;
            }
            byte[] b = Files.readAllBytes(p);
            String s = new String(b, StandardCharsets.UTF_8);
            return s.indexOf('\0') >= 0 ? null : s;
        } catch (IOException | java.io.UncheckedIOException | SecurityException e) {
            return null;
        }
    }

    private static void emit(Consumer<Finding> out, EnvRules.Rule rule, String path, int line, String message, String hint,
            String subject) {
        out.accept(new Finding(rule.info(), rule.severity(), path, line, 0, message, hint, null,
                Finding.fingerprint(rule.id(), path, subject), Map.of()));
    }
}
