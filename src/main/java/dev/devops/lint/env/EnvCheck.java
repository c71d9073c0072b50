package dev.devops.lint.env;

import dev.devops.core.VariableNames;
import dev.devops.compose.ComposeLoader;
import dev.devops.compose.ComposeProject;
import dev.devops.compose.ComposeService;
import dev.devops.descriptor.App;
import dev.devops.descriptor.EnvVar;
import dev.devops.detect.EnvReference;
import dev.devops.detect.EnvScanner;
import dev.devops.detect.ServiceWiring;
import dev.devops.files.FileKinds;
import dev.devops.files.Gitignore;
import dev.devops.lint.Check;
import dev.devops.lint.CheckFailure;
import dev.devops.lint.Finding;
import dev.devops.lint.LintContext;
import dev.devops.lint.RuleInfo;
import dev.devops.lint.compose.ComposeCheck;
import dev.devops.lint.dockerfile.Dockerfile;
import dev.devops.lint.dockerfile.DockerfileParser;
import dev.devops.lint.dockerfile.Instruction;
import dev.devops.lint.secrets.Filters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The env-parity check (category "env", rules ENV0001–ENV0023). It extracts what each part of the
 * repository reads — code through {@link EnvScanner}, shell scripts through {@link ShellReads}, compose
 * interpolation through {@link ComposeRefs} — and what each part defines — dotenv files, Dockerfile
 * ENV/ARG, compose {@code environment} and {@code env_file}, devops.yaml — then compares the two sides
 * and lints every dotenv file's syntax ({@link DotenvFile}). Every cross-file finding names both sides.
 *
 * <p>Scope: a read is documented by the .env.example files in its own directory or an ancestor, by the example a
 * compose {@code env_file} points to, or by any committed env file of the repository that lists it (an example of
 * any name, a tracked {@code .env.development}). Reads in test and vendored code count as uses but are never
 * reported as undocumented. Runtime-version and generated-file drift live in
 * {@link DriftCheck} (category "drift").
 */
public final class EnvCheck implements Check {
    /** Source languages the scanner cannot read: with them present "never used" cannot be decided. */
    private static final Pattern UNSCANNED_SOURCE = Pattern.compile(
            ".*\\.(rb|php|cs|rs|ex|exs|scala|clj|swift|dart|lua|pl|erb|cr|fs|hs|groovy|r|jl|nim|zig)$");
    private static final long MAX_BYTES = 1_000_000;
    private static final Pattern UPPER_WORD = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b|\\b[A-Z]{3,}\\b");
    /** Configuration files whose mention of a name counts as a use (Kubernetes manifests, pm2, Terraform …). */
    private static final Pattern CONFIG_FILE = Pattern.compile(".*\\.(ya?ml|json|toml|ini|conf|cfg|properties|tf|hcl|xml)$");

    @Override
    public String category() {
        return "env";
    }

    @Override
    public List<RuleInfo> rules() {
        return EnvRules.env();
    }

    @Override
    public void run(LintContext context, Consumer<Finding> out) {
        new Run(context, out).run();
    }

    /** Set by the platform or by a front-end build tool: the app reading it needs no documentation. */
    static boolean isPlatform(String name) {
        return VariableNames.isPlatform(name) || VariableNames.isBundlerBuiltin(name);
    }

    /** A place a variable is read or defined. */
    record Site(String path, int line, int column) {
        String where() {
            return path + ":" + line;
        }
    }

    /** A read: code, script or compose. */
    record Read(String name, Site at, boolean hasDefault, boolean script, boolean test) {
    }

    /** next.config.js / .mjs / .cjs / .ts. */
    private static final Pattern NEXT_CONFIG = Pattern.compile("next\\.config\\.(?:js|mjs|cjs|ts)");
    /** The {@code env:} object of a Next.js config. */
    private static final Pattern NEXT_ENV = Pattern.compile("(?m)(?:^|[\\s,{])env\\s*:\\s*\\{");

    /** One run over one repository. */
    private static final class Run {
        private final LintContext ctx;
        private final Consumer<Finding> out;
        private final Path root;
        private final Map<String, DotenvFile> dotenvs = new TreeMap<>();
        private final List<Read> reads = new ArrayList<>();
        private final List<Read> bareComposeReads = new ArrayList<>();
        /** compose file → its interpolations. */
        private final Map<String, List<ComposeRefs.Ref>> composeRefs = new TreeMap<>();
        /** Names set to a literal for a container (Dockerfile ENV/ARG, compose environment) → where. */
        private final Map<String, Site> literalDefs = new LinkedHashMap<>();
        /** Every name something defines (dotenv keys, compose environment keys, Dockerfile ENV/ARG) → where. */
        private final Map<String, Site> defs = new LinkedHashMap<>();
        /** Names passed with env_file to a service without build (a third-party image's configuration). */
        private final Set<String> imageConfig = new LinkedHashSet<>();
        private final Set<String> usedElsewhere = new LinkedHashSet<>();
        /**
         * UPPER_SNAKE words written anywhere in code and configuration: a name mentioned there is not
         * "never used", even when it is read through a schema (Joi, zod, envalid, pydantic) or a loop.
         */
        private final Set<String> mentioned = new java.util.HashSet<>();
        private boolean unscannedSources;
        /** Whether anything that can use a variable was read (code, script, Dockerfile, compose, devops.yaml). */
        private boolean anyInputs;
        private boolean anyComposeFile;
        /** Example env files that a compose env_file points to: documentation for the whole stack. */
        private final Set<String> stackExamples = new LinkedHashSet<>();

        Run(LintContext ctx, Consumer<Finding> out) {
            this.ctx = ctx;
            this.out = out;
            this.root = ctx.root().toAbsolutePath().normalize();
        }

        void run() {
            for (String f : ctx.files()) {
                try {
                    collect(f);
                } catch (IOException | java.io.UncheckedIOException e) {
                    // an unreadable file is the secrets check's and the file's own problem; never end the run
                } catch (RuntimeException | StackOverflowError e) {
                    // a bug while reading one file: say so (the runner's shape) and go on with the others
                    out.accept(CheckFailure.finding("env", null, f, e));
                }
            }
            loadCompose();
            if (ctx.descriptor() != null) {
                for (App a : ctx.descriptor().apps()) {
                    usedElsewhere.addAll(a.env().keySet());
                }
            }
            tracked();
            notIgnored();
            syntax();
            undocumented();
            unused();
            localVsExample();
            environments();
            compose();
            required();
            unwiredServices();
        }

        /** ENV0024: a service an app depends on that no variable of the app points at ({@link ServiceWiring}). */
        private void unwiredServices() {
            if (ctx.descriptor() == null) {
                return;
            }
            String yaml = text("devops.yaml");
            for (App a : ctx.descriptor().apps()) {
                if (a.runtime() != null && a.runtime().staticSite()) {
                    continue;
                }
                String code = null;
                for (String s : a.dependsOn()) {
                    dev.devops.descriptor.Service svc = ctx.descriptor().services().get(s);
                    if (svc == null || ServiceWiring.viaVariable(s, a.env().values())) {
                        continue;
                    }
                    if (code == null) {
                        code = appCode(a);
                    }
                    if (ServiceWiring.atLiteralHost(s, code)) {
                        continue;
                    }
                    int line = lineOf(yaml, "^\\s*" + Pattern.quote(a.name()) + "\\s*:");
                    emit(EnvRules.UNWIRED_SERVICE, "devops.yaml", line, 0, "app " + a.name() + " depends on service " + s
                            + " but no variable of the app points at it (no 'from: " + s + ".…') and its code does not "
                            + "reach the host '" + s + "': the app cannot reach the service", ServiceWiring.advice(s, svc.type()), s);
                }
            }
        }

        /** The text of the app's source files (what EnvScanner reads), up to 4 MB, for the literal-host check. */
        private String appCode(App a) {
            StringBuilder sb = new StringBuilder();
            String dir = a.path() == null || ".".equals(a.path()) ? "" : a.path().replaceAll("/$", "") + "/";
            for (String f : ctx.files()) {
                if (sb.length() > 4_000_000 || !f.startsWith(dir) || !EnvScanner.supports(f) || FileKinds.isTest(f)) {
                    continue;
                }
                sb.append(text(f)).append('\n');
            }
            return sb.toString();
        }

        private void collect(String f) throws IOException {
            String name = f.substring(f.lastIndexOf('/') + 1);
            if (UNSCANNED_SOURCE.matcher(name.toLowerCase()).matches()) {
                unscannedSources = true;
            }
            if (FileKinds.isDotenv(f)) {
                byte[] bytes = read(f);
                if (bytes != null) {
                    DotenvFile d = DotenvFile.parse(f, bytes);
                    dotenvs.put(f, d);
                    d.keys().forEach((k, line) -> defs.putIfAbsent(k, new Site(f, line, 1)));
                }
                return;
            }
            if (ctx.composeFiles().contains(f)) {
                anyComposeFile = true;
                anyInputs = true;
                byte[] bytes = read(f);
                if (bytes != null) {
                    composeRefs.put(f, ComposeRefs.scan(new String(bytes, StandardCharsets.UTF_8)));
                }
                return;
            }
            if (FileKinds.isDockerfile(f)) {
                anyInputs = true;
                byte[] bytes = read(f);
                if (bytes != null) {
                    dockerfile(f, new String(bytes, StandardCharsets.UTF_8));
                }
                return;
            }
            if (EnvScanner.supports(f) || CONFIG_FILE.matcher(name.toLowerCase()).matches()) {
                mention(f);
            }
            if (NEXT_CONFIG.matcher(name).matches()) {
                byte[] bytes = read(f);
                if (bytes != null) {
                    nextConfigEnv(f, new String(bytes, StandardCharsets.UTF_8));
                }
            }
            if (EnvScanner.supports(f)) {
                anyInputs = true;
                boolean test = FileKinds.isTest(f) || FileKinds.isVendored(f);
                for (EnvReference r : EnvScanner.scan(root, f)) {
                    reads.add(new Read(r.name(), new Site(f, r.line(), r.column()), r.defaultValue() != null || r.optional(),
                            false, test));
                }
                return;
            }
            if (name.endsWith(".sh") || name.endsWith(".bash") || !name.contains(".")) {
                byte[] bytes = read(f);
                if (bytes == null) {
                    return;
                }
                String text = new String(bytes, StandardCharsets.UTF_8);
                if (text.indexOf('\0') >= 0) {
                    return;
                }
                int nl = text.indexOf('\n');
                if (ShellReads.isScript(f, nl < 0 ? text : text.substring(0, nl))) {
                    anyInputs = true;
                    boolean test = FileKinds.isTest(f) || FileKinds.isVendored(f);
                    for (ShellReads.Read r : ShellReads.scan(text)) {
                        reads.add(new Read(r.name(), new Site(f, r.line(), r.column()), r.hasDefault(), true, test));
                    }
                }
            }
        }

        private void mention(String f) throws IOException {
            byte[] bytes = read(f);
            if (bytes != null && bytes.length > 0) {
                String text = new String(bytes, StandardCharsets.UTF_8);
                if (text.indexOf('\0') < 0) {
                    UPPER_WORD.matcher(text).results().forEach(m -> mentioned.add(m.group()));
                }
            }
        }

        private byte[] read(String f) throws IOException {
            Path p = root.resolve(f);
            if (!Files.isRegularFile(p) || Files.size(p) > MAX_BYTES) {
                return null;
            }
            return Files.readAllBytes(p);
        }

        private void dockerfile(String f, String text) {
            Dockerfile df = DockerfileParser.parse(f, text);
            for (Instruction in : df.instructions()) {
                if (!in.is("ENV") && !in.is("ARG")) {
                    continue;
                }
                for (String[] kv : pairs(in.rest(), in.is("ENV"))) {
                    Site at = new Site(f, in.line(), 1);
                    defs.putIfAbsent(kv[0], at);
                    if (kv[1] != null && !kv[1].contains("$")) {
                        literalDefs.putIfAbsent(kv[0], at);
                    }
                    usedElsewhere.add(kv[0]);
                }
                for (var m : java.util.regex.Pattern.compile("\\$\\{?([A-Z_][A-Z0-9_]*)").matcher(in.rest()).results().toList()) {
                    usedElsewhere.add(m.group(1));
                }
            }
        }

        /** ENV/ARG arguments as {name, value-or-null}; the legacy {@code ENV key value} form included. */
        private static List<String[]> pairs(String rest, boolean env) {
            List<String[]> out = new ArrayList<>();
            List<String> words = words(rest);
            if (env && !words.isEmpty() && !words.get(0).contains("=")) {
                out.add(new String[] {words.get(0), String.join(" ", words.subList(1, words.size()))});
                return out;
            }
            for (String w : words) {
                int eq = w.indexOf('=');
                String name = eq < 0 ? w : w.substring(0, eq);
                if (name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    out.add(new String[] {name, eq < 0 ? null : w.substring(eq + 1)});
                }
            }
            return out;
        }

        private static List<String> words(String s) {
            List<String> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            char q = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (q != 0) {
                    if (c == q) {
                        q = 0;
                    } else {
                        cur.append(c);
                    }
                } else if (c == '"' || c == '\'') {
                    q = c;
                } else if (c == '\\' && i + 1 < s.length()) {
                    cur.append(s.charAt(++i));
                } else if (Character.isWhitespace(c)) {
                    if (cur.length() > 0) {
                        out.add(cur.toString());
                        cur.setLength(0);
                    }
                } else {
                    cur.append(c);
                }
            }
            if (cur.length() > 0) {
                out.add(cur.toString());
            }
            return out;
        }

        private void loadCompose() {
            Map<String, List<String>> byDir = new TreeMap<>();
            List<String> alone = new ArrayList<>();
            for (String f : composeRefs.keySet()) {
                if (FileKinds.isComposeName(f)) {
                    byDir.computeIfAbsent(dir(f), k -> new ArrayList<>()).add(f.substring(f.lastIndexOf('/') + 1));
                } else {
                    alone.add(f); // a compose file by content (deploy/compose/basic.yml): a project of its own
                }
            }
            for (String f : alone) {
                try {
                    ComposeProject p = ComposeLoader.load(new ComposeLoader.Options(List.of(Path.of(FileKinds.name(f))),
                            root.resolve(dir(f)), null, List.of(), Map.of(), true));
                    services(dir(f), p);
                } catch (dev.devops.core.UserError ex) {
                    // DC0000 reports a compose project that does not load
                } catch (RuntimeException | StackOverflowError ex) {
                    out.accept(CheckFailure.finding("env", null, f, ex));
                }
            }
            for (var e : byDir.entrySet()) {
                Path dir = root.resolve(e.getKey());
                List<String> names = e.getValue();
                String base = ComposeLoader.DEFAULT_FILES.stream().filter(names::contains).findFirst().orElse(null);
                List<List<String>> groups = new ArrayList<>();
                if (base == null) {
                    names.forEach(n -> groups.add(List.of(n)));
                } else {
                    for (String n : names) {
                        if (!n.equals(base)) {
                            groups.add(List.of(base, n));
                        }
                    }
                    if (groups.isEmpty()) {
                        groups.add(List.of(base));
                    }
                }
                for (List<String> g : groups) {
                    try {
                        ComposeProject p = ComposeLoader.load(new ComposeLoader.Options(g.stream().map(Path::of).toList(),
                                dir, null, List.of(), Map.of(), true));
                        services(e.getKey(), p);
                    } catch (dev.devops.core.UserError ex) {
                        // DC0000 reports a compose project that does not load
                    } catch (RuntimeException | StackOverflowError ex) {
                        out.accept(CheckFailure.finding("env", null, join(e.getKey(), g.get(0)), ex));
                    }
                }
            }
        }

        private void services(String dir, ComposeProject p) {
            for (ComposeService s : p.services().values()) {
                for (ComposeService.EnvEntry en : s.environment().values()) {
                    Site at = site(en.at() == null ? null : en.at().file(), en.at() == null ? 0 : en.at().line());
                    defs.putIfAbsent(en.name(), at);
                    usedElsewhere.add(en.name());
                    if (en.source() == null) {
                        bareComposeReads.add(new Read(en.name(), at, false, false, false));
                    } else if (!en.interpolated()) {
                        literalDefs.putIfAbsent(en.name(), at);
                    }
                }
                for (ComposeService.EnvFileRef ref : s.envFiles()) {
                    String rel = join(dir, ref.path());
                    stackExamples(rel);
                    DotenvFile d = dotenvs.get(rel);
                    if (d != null && s.build() == null) {
                        imageConfig.addAll(d.keys().keySet());
                    }
                    if (d != null && FileKinds.dotenv(rel) == FileKinds.Dotenv.NAMED) {
                        // a committed config file (docker/app.env) sets its keys for the container
                        d.keys().forEach((k, line) -> literalDefs.putIfAbsent(k, new Site(rel, line, 1)));
                    }
                }
            }
        }

        /**
         * The example files that document what a compose {@code env_file} passes: the file itself when it is an
         * example ({@code env_file: .env.example}), else the example beside it ({@code app.env.example},
         * {@code .env.example} in its directory). They document those variables for the whole stack, wherever
         * the code that reads them lives.
         */
        private void stackExamples(String envFile) {
            List<String> candidates = List.of(envFile, envFile + ".example", join(dir(envFile), ".env.example"));
            for (String c : candidates) {
                DotenvFile d = dotenvs.get(c);
                if (d != null && !d.binary() && FileKinds.dotenv(c) == FileKinds.Dotenv.EXAMPLE) {
                    stackExamples.add(c);
                }
            }
        }

        /**
         * next.config's {@code env: {KEY: …}}: Next.js inlines each KEY into the bundle at build time, so
         * {@code process.env.KEY} in the app is defined by the build, not read from the runtime environment.
         */
        private void nextConfigEnv(String f, String text) {
            Matcher m = NEXT_ENV.matcher(text);
            if (!m.find()) {
                return;
            }
            int depth = 1;
            int lineNo = 1 + (int) text.substring(0, m.end()).chars().filter(c -> c == '\n').count();
            int keyFrom = m.end();
            String key = null;
            int keyLine = 0;
            int valueFrom = 0;
            for (int i = m.end(); i < text.length() && depth > 0; i++) {
                char c = text.charAt(i);
                if (c == '\n') {
                    lineNo++;
                } else if (c == '{' || c == '(' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ')' || c == ']') {
                    depth--;
                }
                if (depth == 1 && c == ':' && key == null) {
                    key = text.substring(keyFrom, i).strip().replaceAll("^['\"`]|['\"`]$", "");
                    keyLine = lineNo;
                    valueFrom = i + 1;
                } else if (depth == 1 && c == ',' || depth == 0) {
                    if (key != null && key.matches("[A-Za-z_][A-Za-z0-9_]*")
                            && !text.substring(valueFrom, i).contains("env." + key)) {
                        // KEY: 'value' or KEY: process.env.OTHER defines KEY; KEY: process.env.KEY passes it through
                        Site at = new Site(f, keyLine, 1);
                        literalDefs.putIfAbsent(key, at);
                        defs.putIfAbsent(key, at);
                    }
                    key = null;
                    keyFrom = i + 1;
                }
            }
        }

        private Site site(Path file, int line) {
            if (file == null) {
                return new Site("?", line, 0);
            }
            Path abs = file.toAbsolutePath().normalize();
            String rel = (abs.startsWith(root) ? root.relativize(abs) : abs).toString().replace('\\', '/');
            return new Site(rel, line, 0);
        }

        // ---------------------------------------------------------------- findings

        private void tracked() {
            for (String f : new TreeSet<>(ctx.tracked())) {
                if (!FileKinds.dotenv(f).holdsValues()) {
                    continue;
                }
                String ignoredBy = Gitignore.listedBy(root, f);
                String message = ignoredBy == null
                        ? f + " is tracked by git; it holds local values (often secrets) that every clone and the history now have"
                        : f + " is tracked by git although " + ignoredBy + " lists it (it was committed before the ignore rule; "
                                + "ignoring does not untrack a file)";
                String hint = "run `git rm --cached " + f + "`" + (ignoredBy == null ? ", add it to .gitignore" : "")
                        + ", commit, and rotate every secret it held (the history keeps the old values)";
                // a tracked file of plain settings is ordinary 12-factor practice (info); one that sets a
                // credential is the finding: an error for a live-looking value, a warning for development defaults
                dev.devops.lint.Severity severity = trackedSeverity(f);
                String what = severity == dev.devops.lint.Severity.ERROR ? "" : severity == dev.devops.lint.Severity.WARNING
                        ? " (its credentials are development defaults)" : " (no credential in it today)";
                emitSeverity(EnvRules.TRACKED, severity, f, 0, 0, message + what, hint, f);
            }
        }

        private static final java.util.regex.Pattern ASSIGNMENT = java.util.regex.Pattern.compile(
                "(?m)^[ \\t]*(?:export[ \\t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \\t]*=[ \\t]*(\"[^\"\\n]*\"|'[^'\\n]*'|[^#\\n]*)");

        /** ERROR when the file sets a credential to a live-looking value, WARNING for defaults only, INFO for none. */
        private dev.devops.lint.Severity trackedSeverity(String f) {
            if (FileKinds.isTest(f) || FileKinds.isTestDotenv(f)) {
                return dev.devops.lint.Severity.INFO; // .env.test: the test run's dummy values
            }
            String text;
            try {
                text = Files.readString(root.resolve(f), StandardCharsets.UTF_8);
            } catch (IOException | java.io.UncheckedIOException e) {
                return EnvRules.TRACKED.severity(); // unreadable: report as before (syntax rules say why)
            }
            boolean anyCredential = false;
            java.util.regex.Matcher m = ASSIGNMENT.matcher(text);
            while (m.find()) {
                String v = m.group(2).strip();
                if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'')) {
                    v = v.substring(1, v.length() - 1);
                }
                if (v.isEmpty() || !VariableNames.isSecret(m.group(1))) {
                    continue;
                }
                Filters.Strength strength = Filters.strength(v);
                if (strength == Filters.Strength.LIVE) {
                    return dev.devops.lint.Severity.ERROR;
                }
                anyCredential |= strength == Filters.Strength.DEFAULT;
            }
            return anyCredential ? dev.devops.lint.Severity.WARNING : dev.devops.lint.Severity.INFO;
        }

        private void notIgnored() {
            if (!ctx.isGitRepository()) {
                return;
            }
            for (String f : ctx.files()) {
                if (FileKinds.dotenv(f).holdsValues() && !ctx.tracked().contains(f)
                        && Gitignore.listedBy(root, f) == null) {
                    emit(EnvRules.NOT_IGNORED, f, 0, 0, f + " is not tracked yet, but no .gitignore rule covers it: "
                            + "`git add .` would commit its values", "add " + f.substring(f.lastIndexOf('/') + 1)
                            + " to " + join(dir(f), ".gitignore") + " (or .env and .env.* with !.env.example at the root)", f);
                }
            }
        }

        private void syntax() {
            for (DotenvFile d : dotenvs.values()) {
                if (d.binary()) {
                    emit(EnvRules.BINARY, d.path(), 0, 0, d.path() + " is binary or not valid UTF-8 text, so no tool can read "
                            + "its variables", "save it as UTF-8 text (not UTF-16), or rename it if it is not an env file", d.path());
                    continue;
                }
                for (DotenvFile.Problem p : d.problems()) {
                    emitSeverity(rule(p.rule()), p.severity(), d.path(), p.line(), 0, p.message(), p.hint(),
                            p.line() + ":" + p.message());
                }
            }
        }

        private static EnvRules.Rule rule(String id) {
            for (EnvRules.Rule r : List.of(EnvRules.DUPLICATE_KEY, EnvRules.LOWERCASE_KEY, EnvRules.SPACES_AROUND_EQUALS,
                    EnvRules.INVALID_KEY, EnvRules.UNQUOTED_SPACES, EnvRules.WHITESPACE, EnvRules.FINAL_NEWLINE,
                    EnvRules.QUOTES, EnvRules.EXPORT, EnvRules.BLANK_LINES, EnvRules.SUBSTITUTION)) {
                if (r.id().equals(id)) {
                    return r;
                }
            }
            throw new IllegalArgumentException(id);
        }

        private List<DotenvFile> examples() {
            return dotenvs.values().stream().filter(d -> !d.binary() && FileKinds.dotenv(d.path()) == FileKinds.Dotenv.EXAMPLE)
                    .toList();
        }

        /**
         * The example files that document variables read in {@code path}: those in its directory or above, and
         * those a compose env_file points to (see {@link #stackExamples}).
         */
        private List<DotenvFile> examplesFor(String path) {
            return examples().stream().filter(d -> isAncestor(dir(d.path()), path) || stackExamples.contains(d.path()))
                    .toList();
        }

        /**
         * Whether a committed env file anywhere in the repository lists {@code name}: an example file of any
         * name ({@code apps/api/.example.env}, {@code docker/.env.example}, {@code env.sample}) or a tracked
         * env file of values ({@code .env.development}, {@code .env.test}, a committed {@code .env}). A monorepo's
         * shared library reads what each app's example documents; the variable is documented, only elsewhere.
         * A developer's untracked {@code .env} documents nothing (a clone does not have it).
         */
        private boolean documentedInRepository(String name) {
            for (DotenvFile d : dotenvs.values()) {
                if (d.binary() || !(d.keys().containsKey(name) || d.commentedKeys().contains(name))) {
                    continue;
                }
                FileKinds.Dotenv kind = FileKinds.dotenv(d.path());
                if (kind == FileKinds.Dotenv.EXAMPLE || ctx.tracked().contains(d.path())
                        || !ctx.isGitRepository() && kind != FileKinds.Dotenv.LOCAL) {
                    return true;
                }
            }
            return false;
        }

        private static String names(List<DotenvFile> files) {
            return files.isEmpty() ? ".env.example" : String.join(" / ", files.stream().map(DotenvFile::path).toList());
        }

        private static boolean documented(List<DotenvFile> files, String name) {
            // a commented-out "# NAME=" documents an optional variable (devops init writes them so)
            return files.stream().anyMatch(d -> d.keys().containsKey(name) || d.commentedKeys().contains(name));
        }

        private void undocumented() {
            boolean anyExample = !examples().isEmpty();
            boolean demanding = anyExample || anyComposeFile || ctx.descriptor() != null;
            Map<String, List<Read>> byName = new LinkedHashMap<>();
            for (Read r : reads) {
                if (r.test() || isPlatform(r.name()) || literalDefs.containsKey(r.name())) {
                    continue;
                }
                byName.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
            }
            if (!demanding) {
                if (!byName.isEmpty()) {
                    Read first = byName.values().iterator().next().get(0);
                    List<String> some = byName.keySet().stream().limit(8).toList();
                    emit(EnvRules.NO_EXAMPLE, first.at().path(), first.at().line(), first.at().column(),
                            "the code reads " + byName.size() + " environment variable" + (byName.size() == 1 ? "" : "s") + " ("
                                    + String.join(", ", some) + (byName.size() > some.size() ? ", …" : "") + "; first at "
                                    + first.at().where() + ") but the repository has no .env.example documenting them",
                            "add a .env.example listing each variable with a placeholder value (`devops init` writes one)",
                            "no-example");
                }
                return;
            }
            for (var e : byName.entrySet()) {
                String name = e.getKey();
                List<Read> rs = e.getValue();
                Read first = rs.get(0);
                List<DotenvFile> ex = examplesFor(first.at().path());
                if (documented(ex, name) || documentedInRepository(name)) {
                    continue;
                }
                String more = rs.size() > 1 ? " (and " + (rs.size() - 1) + " more place" + (rs.size() > 2 ? "s" : "") + ")" : "";
                Map.Entry<String, Site> near = nearMiss(name);
                if (near != null) {
                    emit(EnvRules.NEAR_MISS, first.at().path(), first.at().line(), first.at().column(),
                            name + " is read at " + first.at().where() + more + " but nothing defines it, while "
                                    + near.getKey() + " is defined at " + near.getValue().where() + " — a typo on one side?",
                            "use the same name in the code and in " + near.getValue().path(), "near:" + name);
                    continue;
                }
                if (rs.stream().allMatch(Read::script)) {
                    continue; // tooling scripts read their own knobs (CACHE_DIR, MIRROR …): not the app's configuration
                }
                boolean soft = rs.stream().allMatch(r -> r.hasDefault() || r.script());
                String where = !ex.isEmpty() ? "missing from " + names(ex)
                        : anyExample ? "no .env.example in its directory or above documents it"
                        : "the repository has no .env.example to document it";
                emitSeverity(EnvRules.UNDOCUMENTED, soft ? dev.devops.lint.Severity.INFO : null, first.at().path(),
                        first.at().line(), first.at().column(),
                        name + " is read at " + first.at().where() + more + " but " + where,
                        "add " + name + "= (with a placeholder value and a comment) to "
                                + (ex.isEmpty() ? ".env.example" : ex.get(0).path()), name);
            }
        }

        /** A defined name almost equal to {@code name}, when {@code name} itself is defined nowhere. */
        private Map.Entry<String, Site> nearMiss(String name) {
            if (defs.containsKey(name)) {
                return null;
            }
            for (var d : defs.entrySet()) {
                if (NearMiss.similar(name, d.getKey())) {
                    return d;
                }
            }
            return null;
        }

        private void unused() {
            if (unscannedSources || !(anyInputs || ctx.descriptor() != null)) {
                return;
            }
            Set<String> used = new LinkedHashSet<>(usedElsewhere);
            reads.forEach(r -> used.add(r.name()));
            bareComposeReads.forEach(r -> used.add(r.name()));
            composeRefs.values().forEach(l -> l.forEach(r -> used.add(r.name())));
            used.addAll(imageConfig);
            used.addAll(mentioned);
            for (DotenvFile ex : examples()) {
                for (var k : ex.keys().entrySet()) {
                    String name = k.getKey();
                    if (used.contains(name) || isPlatform(name)) {
                        continue;
                    }
                    emit(EnvRules.UNUSED, ex.path(), k.getValue(), 1, name + " is documented at " + ex.path() + ":" + k.getValue()
                            + " but no code, script, Dockerfile, compose or configuration file in the repository mentions it",
                            "delete it from " + ex.path() + ", or check the name the code reads", name);
                }
            }
        }

        private void localVsExample() {
            for (DotenvFile local : dotenvs.values()) {
                if (local.binary() || !local.path().endsWith(".env") || !local.path().substring(local.path().lastIndexOf('/') + 1)
                        .equals(".env")) {
                    continue;
                }
                String dir = dir(local.path());
                DotenvFile ex = examples().stream().filter(d -> dir(d.path()).equals(dir)).findFirst().orElse(null);
                if (ex == null) {
                    continue;
                }
                for (var k : local.keys().entrySet()) {
                    if (!ex.keys().containsKey(k.getKey())) {
                        emit(EnvRules.LOCAL_NOT_IN_EXAMPLE, local.path(), k.getValue(), 1, k.getKey() + " is set in "
                                + local.path() + ":" + k.getValue() + " but missing from " + ex.path(),
                                "add " + k.getKey() + "= with a placeholder to " + ex.path() + " (never the real value)", k.getKey());
                    }
                }
                for (var k : ex.keys().entrySet()) {
                    if (!local.keys().containsKey(k.getKey())) {
                        emit(EnvRules.EXAMPLE_NOT_IN_LOCAL, ex.path(), k.getValue(), 1, k.getKey() + " is documented at "
                                + ex.path() + ":" + k.getValue() + " but missing from your " + local.path(),
                                "set " + k.getKey() + " in " + local.path() + " (or leave it out if it is optional)", k.getKey());
                    }
                }
            }
        }

        private void environments() {
            Map<String, List<DotenvFile>> byDir = new TreeMap<>();
            for (DotenvFile d : dotenvs.values()) {
                if (!d.binary() && FileKinds.dotenv(d.path()) == FileKinds.Dotenv.ENVIRONMENT) {
                    byDir.computeIfAbsent(dir(d.path()), k -> new ArrayList<>()).add(d);
                }
            }
            for (List<DotenvFile> group : byDir.values()) {
                if (group.size() < 2) {
                    continue;
                }
                for (DotenvFile d : group) {
                    Map<String, String> missing = new TreeMap<>();
                    for (DotenvFile other : group) {
                        for (var k : other.keys().entrySet()) {
                            if (!d.keys().containsKey(k.getKey())) {
                                missing.putIfAbsent(k.getKey(), other.path() + ":" + k.getValue());
                            }
                        }
                    }
                    if (!missing.isEmpty()) {
                        List<String> parts = missing.entrySet().stream().map(m -> m.getKey() + " (set at " + m.getValue() + ")")
                                .toList();
                        emit(EnvRules.ENVIRONMENT_KEYS, d.path(), 0, 0, d.path() + " lacks " + String.join(", ", parts),
                                "set the same keys in every .env.<environment> file (an empty value is explicit)",
                                String.join(",", missing.keySet()));
                    }
                }
            }
        }

        private DotenvFile localEnv(String dir) {
            return dotenvs.get(join(dir, ".env"));
        }

        private void compose() {
            for (var e : composeRefs.entrySet()) {
                String file = e.getKey();
                DotenvFile local = localEnv(dir(file));
                Set<String> reported = new java.util.HashSet<>();
                for (ComposeRefs.Ref r : e.getValue()) {
                    if (r.mode() != ComposeRefs.Mode.PLAIN || isPlatform(r.name()) || ShellReads.isSystem(r.name())) {
                        continue;
                    }
                    List<DotenvFile> ex = examplesFor(file);
                    if (documented(ex, r.name()) || (local != null && local.keys().containsKey(r.name()))
                            || !reported.add(r.name())) {
                        continue;
                    }
                    emit(EnvRules.COMPOSE_UNSET, file, r.line(), r.column(), file + ":" + r.line() + " interpolates ${" + r.name()
                            + "} with no default, but neither " + (ex.isEmpty() ? ".env.example" : names(ex)) + " nor "
                            + join(dir(file), ".env") + " sets " + r.name() + " (compose will substitute an empty string)",
                            "add " + r.name() + "= to " + (ex.isEmpty() ? join(dir(file), ".env.example") : ex.get(0).path())
                                    + ", or write ${" + r.name() + ":-default} / ${" + r.name() + ":?" + r.name() + " must be set}"
                                    + " (or $$" + r.name() + " if the container's shell should expand it)",
                            r.name());
                }
            }
        }

        private void required() {
            Set<String> done = new java.util.HashSet<>();
            for (var e : composeRefs.entrySet()) {
                String file = e.getKey();
                DotenvFile local = localEnv(dir(file));
                for (ComposeRefs.Ref r : e.getValue()) {
                    if (local == null || r.mode() != ComposeRefs.Mode.REQUIRED || local.keys().containsKey(r.name())
                            || !done.add(r.name())) {
                        continue;
                    }
                    emit(EnvRules.REQUIRED_UNSET, file, r.line(), r.column(), r.name() + " is required at " + file + ":" + r.line()
                            + " (${" + r.name() + ":?…}) but " + join(dir(file), ".env") + " does not set it and nothing gives "
                            + "it a default", r.name() + " must be set (in .env or the deploy environment) before `devops up` or a "
                            + "deploy", r.name());
                }
            }
            if (ctx.descriptor() == null) {
                return;
            }
            DotenvFile local = localEnv("");
            if (local == null) {
                return; // no local .env: the committed state, where required values come from CI or the deploy
            }
            String yaml = text("devops.yaml");
            for (App a : ctx.descriptor().apps()) {
                for (EnvVar v : a.env().values()) {
                    if (!v.required() || v.defaultValue() != null || v.from() != null || done.contains(v.name())
                            || local.keys().containsKey(v.name()) || literalDefs.containsKey(v.name())) {
                        continue;
                    }
                    done.add(v.name());
                    int line = lineOf(yaml, "^\\s*" + Pattern.quote(v.name()) + "\\s*:");
                    emit(EnvRules.REQUIRED_UNSET, "devops.yaml", line, 0, v.name() + " is required by app " + a.name()
                                    + " (devops.yaml" + (line > 0 ? ":" + line : "") + ") but no .env, default or compose entry gives it a value",
                            v.name() + " must be set (in .env or the deploy environment) before `devops up` or a deploy", v.name());
                }
            }
        }

        private String text(String rel) {
            try {
                Path p = root.resolve(rel);
                return Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
            } catch (IOException | RuntimeException e) {
                return "";
            }
        }

        private void emit(EnvRules.Rule rule, String path, int line, int column, String message, String hint, String subject) {
            emitSeverity(rule, null, path, line, column, message, hint, subject);
        }

        private void emitSeverity(EnvRules.Rule rule, dev.devops.lint.Severity severity, String path, int line, int column,
                String message, String hint, String subject) {
            out.accept(new Finding(rule.info(), severity == null ? rule.severity() : severity, path, line, column, message,
                    hint, null, Finding.fingerprint(rule.id(), path, subject),
                    subject.matches("(near:)?[A-Za-z_][A-Za-z0-9_]*") ? Map.of("variable", subject.replace("near:", ""))
                            : Map.of()));
        }
    }

    static int lineOf(String text, String regex) {
        java.util.regex.Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        if (!m.find()) {
            return 0;
        }
        int line = 1;
        for (int i = 0; i < m.start(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    static String dir(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String join(String dir, String rel) {
        String p = dir.isEmpty() ? rel : dir + "/" + rel;
        return Path.of(p).normalize().toString().replace('\\', '/');
    }

    /** Whether directory {@code dir} ("" for the root) contains {@code path}. */
    static boolean isAncestor(String dir, String path) {
        return dir.isEmpty() || path.startsWith(dir + "/");
    }

}
