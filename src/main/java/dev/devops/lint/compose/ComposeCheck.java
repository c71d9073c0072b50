package dev.devops.lint.compose;

import dev.devops.files.FileKinds;
import dev.devops.compose.ComposeLoader;
import dev.devops.compose.ComposeProject;
import dev.devops.core.SourceLocation;
import dev.devops.core.UserError;
import dev.devops.lint.Check;
import dev.devops.lint.CheckFailure;
import dev.devops.lint.Finding;
import dev.devops.lint.LintContext;
import dev.devops.lint.RuleInfo;
import dev.devops.lint.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The compose check. Compose files are grouped by directory and loaded the way docker compose would
 * run them: the default file merged with its override file ({@code docker-compose.override.yml}), and
 * each variant ({@code docker-compose.prod.yml}) merged onto the default file, so an override is never
 * linted alone. Interpolation uses the directory's {@code .env} only (not the shell of whoever runs
 * lint), in lenient mode. A project that does not load gives one DC0000 finding with file, line and
 * column.
 */
public final class ComposeCheck implements Check {
    @Override
    public String category() {
        return "compose";
    }

    @Override
    public List<RuleInfo> rules() {
        return ComposeRules.all().stream().map(ComposeRule::info).toList();
    }

    /** Its findings are on compose files (YAML, any name) and the dotenv files they read. */
    @Override
    public boolean reportsOn(String path) {
        return FileKinds.isYaml(path) || FileKinds.isDotenv(path);
    }

    /**
     * True for the compose file names ({@code compose.yaml}, {@code docker-compose.prod.yml}): these load as
     * a directory's base file and its overlays. Compose files recognised by content ({@link LintContext#composeFiles})
     * load alone.
     */
    public static boolean isComposeFile(String path) {
        return FileKinds.isComposeName(path);
    }

    @Override
    public void run(LintContext context, Consumer<Finding> out) {
        Map<String, List<String>> byDir = new TreeMap<>();
        Map<String, List<List<String>>> alone = new TreeMap<>();
        for (String f : context.composeFiles()) {
            String dir = f.contains("/") ? f.substring(0, f.lastIndexOf('/')) : "";
            String name = f.substring(f.lastIndexOf('/') + 1);
            if (isComposeFile(f)) {
                byDir.computeIfAbsent(dir, k -> new ArrayList<>()).add(name);
            } else {
                // a compose file by content (app.yml, docker-compose-mysql.yml): a project of its own, not an overlay
                alone.computeIfAbsent(dir, k -> new ArrayList<>()).add(List.of(name));
            }
        }
        Path root = context.root().toAbsolutePath().normalize();
        Set<String> reported = new HashSet<>();
        Consumer<Finding> dedup = f -> {
            if (reported.add(f.rule().id() + "\0" + f.path() + "\0" + f.line() + "\0" + f.message())) {
                out.accept(f);
            }
        };
        for (var e : byDir.entrySet()) {
            Path dir = root.resolve(e.getKey());
            for (List<String> group : groups(e.getValue())) {
                lintProject(root, dir, group, dedup);
            }
        }
        for (var e : alone.entrySet()) {
            for (List<String> group : e.getValue()) {
                lintProject(root, root.resolve(e.getKey()), group, dedup);
            }
        }
    }

    /** The load groups of one directory: [base, override] and [base, variant] for each variant. */
    static List<List<String>> groups(List<String> names) {
        String base = null;
        for (String d : ComposeLoader.DEFAULT_FILES) {
            if (names.contains(d)) {
                base = d;
                break;
            }
        }
        List<List<String>> out = new ArrayList<>();
        if (base == null) {
            names.forEach(n -> out.add(List.of(n)));
            return out;
        }
        String stem = base.substring(0, base.lastIndexOf('.'));
        List<String> main = new ArrayList<>(List.of(base));
        for (String n : names) {
            if (n.equals(stem + ".override.yml") || n.equals(stem + ".override.yaml")) {
                main.add(n);
                break;
            }
        }
        out.add(main);
        for (String n : names) {
            if (!main.contains(n) && !ComposeLoader.DEFAULT_FILES.contains(n)) {
                out.add(List.of(base, n));
            } else if (!main.contains(n)) {
                out.add(List.of(n)); // a second default name in the same directory: lint it alone
            }
        }
        return out;
    }

    private void lintProject(Path root, Path dir, List<String> files, Consumer<Finding> out) {
        ComposeProject project;
        try {
            project = ComposeLoader.load(new ComposeLoader.Options(files.stream().map(Path::of).toList(), dir, null,
                    List.of(), Map.of(), true));
        } catch (UserError e) {
            SourceLocation at = e.location();
            String path = at != null && at.file() != null ? relative(root, at.file())
                    : relative(root, dir.resolve(files.get(files.size() - 1)));
            String message = e.getMessage();
            // messages without a location start with the absolute path; keep them short and repo-relative
            message = message.replace(dir.resolve(files.get(0)).toString(), relative(root, dir.resolve(files.get(0))));
            out.accept(finding(ComposeRules.PARSE.info(), null, path, at == null ? 0 : at.line(),
                    at == null ? 0 : at.column(), message, e.hint(), root));
            return;
        } catch (RuntimeException | StackOverflowError e) {
            out.accept(CheckFailure.finding(category(), null, relative(root, dir.resolve(files.get(0))), e));
            return;
        }
        ComposeRule.Scope scope = new ComposeRule.Scope(project, root);
        for (ComposeRule rule : ComposeRules.all()) {
            try {
                runRule(rule, scope, root, dir, files, out);
            } catch (RuntimeException | StackOverflowError e) {
                // a bug in one rule must not end the lint run: the other rules still run on this project
                out.accept(CheckFailure.finding(category(), rule.info().id(), relative(root, dir.resolve(files.get(0))), e));
            }
        }
    }

    private static void runRule(ComposeRule rule, ComposeRule.Scope scope, Path root, Path dir, List<String> files,
            Consumer<Finding> out) {
        rule.check().run(scope, new ComposeRule.Reporter() {
            @Override
            public void report(SourceLocation at, String message, String hint) {
                report(at, null, message, hint);
            }

            @Override
            public void report(SourceLocation at, Severity severity, String message, String hint) {
                Path file = at.file() == null ? dir.resolve(files.get(0)) : at.file();
                out.accept(finding(rule.info(), severity, relative(root, file), at.line(), at.column(), message, hint, root));
            }
        });
    }

    static String relative(Path root, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return (abs.startsWith(root) ? root.relativize(abs) : abs).toString().replace('\\', '/');
    }

    private static Finding finding(RuleInfo rule, Severity severity, String path, int line, int column, String message,
            String hint, Path root) {
        return new Finding(rule, severity == null ? rule.severity() : severity, path, line, column, message, hint, null,
                Finding.fingerprint(rule.id(), path, lineText(root.resolve(path), line)), Map.of());
    }

    private static String lineText(Path file, int line) {
        if (line <= 0) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return line <= lines.size() ? lines.get(line - 1).strip() : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

}
