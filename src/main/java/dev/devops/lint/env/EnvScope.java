package dev.devops.lint.env;

import dev.devops.core.InputFiles;
import dev.devops.compose.ComposeLoader;
import dev.devops.compose.ComposeProject;
import dev.devops.compose.ComposeService;
import dev.devops.core.VariableNames;
import dev.devops.descriptor.App;
import dev.devops.detect.EnvReference;
import dev.devops.detect.EnvScanner;
import dev.devops.files.FileKinds;
import dev.devops.lint.LintContext;
import dev.devops.lint.dockerfile.Dockerfile;
import dev.devops.lint.dockerfile.DockerfileParser;
import dev.devops.lint.dockerfile.Instruction;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an env rule sees: one pass over the repository collects what each part reads — code through
 * {@link EnvScanner}, shell scripts through {@link ShellReads}, compose interpolation through {@link ComposeRefs} —
 * and what each part defines — dotenv files ({@link DotenvFile}), Dockerfile ENV/ARG, compose {@code environment}
 * and {@code env_file}, next.config's {@code env:}, devops.yaml; the queries several rules share (which example
 * files document a path, whether a name is documented anywhere, a near-miss name) sit here too.
 *
 * <p>Scope: a read is documented by the .env.example files in its own directory or an ancestor, by the example a
 * compose {@code env_file} points to, or by any committed env file of the repository that lists it (an example of
 * any name, a tracked {@code .env.development}). Reads in test and vendored code count as uses but are never
 * reported as undocumented.
 */
final class EnvScope {
    /** Source languages the scanner cannot read: with them present "never used" cannot be decided. */
    private static final Pattern UNSCANNED_SOURCE = Pattern.compile(
            ".*\\.(rb|php|cs|rs|ex|exs|scala|clj|swift|dart|lua|pl|erb|cr|fs|hs|groovy|r|jl|nim|zig)$");

    private static final long MAX_BYTES = 1_000_000;

    private static final Pattern UPPER_WORD = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b|\\b[A-Z]{3,}\\b");

    /** Configuration files whose mention of a name counts as a use (Kubernetes manifests, pm2, Terraform …). */
    private static final Pattern CONFIG_FILE = Pattern.compile(".*\\.(ya?ml|json|toml|ini|conf|cfg|properties|tf|hcl|xml)$");

    /** next.config.js / .mjs / .cjs / .ts, and Nuxt's nuxt.config of the same suffixes. */
    private static final Pattern NEXT_CONFIG = Pattern.compile("(?:next|nuxt)\\.config\\.(?:js|mjs|cjs|ts)");

    /** The {@code env:} object of a Next.js or Nuxt config. */
    private static final Pattern NEXT_ENV = Pattern.compile("(?m)(?:^|[\\s,{])env\\s*:\\s*\\{");

    private final LintContext ctx;
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

    EnvScope(LintContext ctx) {
        this.ctx = ctx;
        this.root = ctx.root().toAbsolutePath().normalize();
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

    // ---------------------------------------------------------------- what the rules see

    LintContext context() {
        return ctx;
    }

    /** The repository root, absolute. */
    Path root() {
        return root;
    }

    /** Every dotenv file of the repository, by path. */
    java.util.Collection<DotenvFile> dotenvs() {
        return dotenvs.values();
    }

    /** The reads of code and scripts, in file order. */
    List<Read> reads() {
        return reads;
    }

    /** Compose file → its interpolations. */
    Map<String, List<ComposeRefs.Ref>> composeRefs() {
        return composeRefs;
    }

    /** Whether a Dockerfile, compose environment, committed env_file or next.config sets {@code name} to a literal. */
    boolean definedLiterally(String name) {
        return literalDefs.containsKey(name);
    }

    /** Whether a source language the scanner cannot read is present: then "never used" cannot be decided. */
    boolean unscannedSources() {
        return unscannedSources;
    }

    /** Whether anything that can use a variable was read (code, script, Dockerfile, compose, devops.yaml). */
    boolean anyInputs() {
        return anyInputs;
    }

    boolean anyComposeFile() {
        return anyComposeFile;
    }

    /**
     * Every name something uses: reads of code, scripts and compose (interpolation and bare environment entries),
     * Dockerfile ENV/ARG, compose environment keys, devops.yaml app variables, keys passed to a third-party image
     * with env_file, and UPPER_SNAKE words mentioned in code and configuration.
     */
    Set<String> usedNames() {
        Set<String> used = new LinkedHashSet<>(usedElsewhere);
        reads.forEach(r -> used.add(r.name()));
        bareComposeReads.forEach(r -> used.add(r.name()));
        composeRefs.values().forEach(l -> l.forEach(r -> used.add(r.name())));
        used.addAll(imageConfig);
        used.addAll(mentioned);
        return used;
    }

    /**
     * The reads that need documentation, by name in first-read order: not in test or vendored code, not platform
     * variables, not set to a literal for the container (ENV0001, ENV0002, ENV0010).
     */
    Map<String, List<Read>> undocumentedCandidates() {
        Map<String, List<Read>> byName = new LinkedHashMap<>();
        for (Read r : reads) {
            if (r.test() || isPlatform(r.name()) || literalDefs.containsKey(r.name())) {
                continue;
            }
            byName.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
        }
        return byName;
    }

    /**
     * Whether one of the reads of {@code name} sits beside a notice that the variable is deprecated: a line within two
     * of the read says so of it by name ({@code "env STORAGE is deprecated …"}, {@code "[Deprecated] env STORAGE"}).
     * The code reads the old name only to carry it over to its replacement; documenting it would invite new use. The
     * replacement the notice names ("… use APP_STORE_PROVIDER instead") is not deprecated. Reads the files of the
     * reads only, and only for a variable about to be reported.
     */
    boolean readAsDeprecated(String name, List<Read> reads) {
        String n = "['\"`]?" + Pattern.quote(name) + "(?![A-Za-z0-9_])['\"`]?";
        Pattern notice = Pattern.compile("(?i)(?<![A-Za-z0-9_])" + n + "\\s+(?:is|was|has\\s+been|are)\\s+(?:now\\s+)?deprecat"
                + "|deprecated\\]?:?\\s+(?:env(?:ironment)?\\s+)?(?:var(?:iable)?\\s+)?" + n);
        for (Read r : reads) {
            String text = ctx.readText(r.at().path());
            if (text == null) {
                continue;
            }
            for (String line : text.lines().skip(Math.max(0, r.at().line() - 3)).limit(5).toList()) {
                if (notice.matcher(line).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the repository is expected to document what it reads: it has an example env file, a compose file or
     * a devops.yaml. Otherwise one ENV0002 finding stands for all of ENV0001.
     */
    boolean demandsDocumentation() {
        return !examples().isEmpty() || anyComposeFile || ctx.descriptor() != null;
    }

    List<DotenvFile> examples() {
        return dotenvs.values().stream().filter(d -> !d.binary() && FileKinds.dotenv(d.path()) == FileKinds.Dotenv.EXAMPLE)
                .toList();
    }

    /**
     * The example files that document variables read in {@code path}: those in its directory or above, and
     * those a compose env_file points to (see {@link #stackExamples}).
     */
    List<DotenvFile> examplesFor(String path) {
        return examples().stream().filter(d -> isAncestor(FileKinds.dir(d.path()), path) || stackExamples.contains(d.path()))
                .toList();
    }

    /**
     * Whether a committed env file anywhere in the repository lists {@code name}: an example file of any
     * name ({@code apps/api/.example.env}, {@code docker/.env.example}, {@code env.sample}) or a tracked
     * env file of values ({@code .env.development}, {@code .env.test}, a committed {@code .env}). A monorepo's
     * shared library reads what each app's example documents; the variable is documented, only elsewhere.
     * A developer's untracked {@code .env} documents nothing (a clone does not have it).
     */
    boolean documentedInRepository(String name) {
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

    /**
     * Whether a committed env file beside a compose file, under another name than .env ({@code deploy.env},
     * {@code dev.env}: AppFlowy-Cloud's "cp deploy.env .env", or {@code docker compose --env-file dev.env}), sets or
     * lists {@code name}: the variable is documented where the stack's own instructions start it from.
     */
    boolean setBesideCompose(String dir, String name) {
        for (DotenvFile d : dotenvs.values()) {
            if (d.binary() || !FileKinds.dir(d.path()).equals(dir) || !(d.keys().containsKey(name) || d.commentedKeys().contains(name))) {
                continue;
            }
            if (ctx.tracked().contains(d.path()) || !ctx.isGitRepository() && FileKinds.dotenv(d.path()) != FileKinds.Dotenv.LOCAL) {
                return true;
            }
        }
        return false;
    }

    /** Keys of the env files a directory's README copies to .env, by directory (read at the first question about it). */
    private final Map<String, Set<String>> copiedToEnv = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@code cp sample.conf .env}, {@code cp -n env.sample ./.env}, {@code --env-file my.conf} in a README. */
    private static final Pattern COPIED_TO_ENV = Pattern.compile(
            "\\bcp\\s+(?:-\\S+\\s+)*([\\w./-]+)\\s+(?:\\./)?\\.env\\b(?![\\w.-])|--env-file[= ]+([\\w./-]+)");

    private static final Pattern ENV_KEY = Pattern.compile("(?m)^[ \\t]*(?:export[ \\t]+)?([A-Za-z_][A-Za-z0-9_.]*)[ \\t]*=");

    /**
     * Whether the env file that the README beside a compose file tells its user to copy to {@code .env} (or to pass with
     * {@code --env-file}) sets {@code name}, whatever that file is called ({@code sample.conf}, {@code env.dist},
     * {@code defaults.env}): compose is then started with it set, and the file documents it.
     */
    boolean setByCopiedEnvFile(String dir, String name) {
        return copiedToEnv.computeIfAbsent(dir, d -> {
            Set<String> keys = new java.util.HashSet<>();
            for (String n : List.of("README.md", "readme.md", "Readme.md", "README", "README.rst", "README.txt", "INSTALL.md")) {
                Matcher m = COPIED_TO_ENV.matcher(text(join(d, n)));
                while (m.find()) {
                    String source = m.group(1) != null ? m.group(1) : m.group(2);
                    if (source.startsWith("./")) {
                        source = source.substring(2);
                    }
                    if (source.equals(".env") || source.contains("..") || source.startsWith("/")) {
                        continue;
                    }
                    Matcher k = ENV_KEY.matcher(text(join(d, source)));
                    while (k.find()) {
                        keys.add(k.group(1));
                    }
                }
            }
            return keys;
        }).contains(name);
    }

    /** Keys of the env files CI workflows load into their jobs' environment (read at the first question). */
    private volatile Set<String> ciLoaded;

    /**
     * A workflow step that appends a committed file to the job's environment: {@code cat ci/env >> $GITHUB_ENV},
     * {@code grep -v '^#' test/e2e/env >> "$GITHUB_ENV"}. Group 1 is the file.
     */
    private static final Pattern LOADED_INTO_CI_ENV = Pattern.compile(
            "(?m)\\b(?:cat|grep(?:\\s+(?:-\\S+|'[^'\\n]*'|\"[^\"\\n]*\"))+)\\s+\"?([\\w./-]+)\"?\\s*>>\\s*\"?\\$\\{?GITHUB_ENV\\b");

    /**
     * Whether an env file that the repository's CI workflows append to {@code $GITHUB_ENV} sets {@code name}: every later
     * step of the job (the compose stacks its tests start) runs with it set, and the file documents it.
     */
    boolean setByCiLoadedEnvFile(String name) {
        Set<String> keys = ciLoaded;
        if (keys == null) {
            keys = new java.util.HashSet<>();
            for (String f : ctx.files()) {
                if (!FileKinds.isCi(f)) {
                    continue;
                }
                String t = text(f);
                if (!t.contains("GITHUB_ENV")) {
                    continue;
                }
                Matcher m = LOADED_INTO_CI_ENV.matcher(t);
                while (m.find()) {
                    String source = m.group(1).startsWith("./") ? m.group(1).substring(2) : m.group(1);
                    if (source.contains("..") || source.startsWith("/")) {
                        continue;
                    }
                    Matcher k = ENV_KEY.matcher(text(source));
                    while (k.find()) {
                        keys.add(k.group(1));
                    }
                }
            }
            ciLoaded = keys;
        }
        return keys.contains(name);
    }

    /** Makefile texts by directory, read at the first question about the directory (only when a finding is about to be made). */
    private final Map<String, String> makefiles = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Whether the Makefile beside a compose file exports {@code name} ({@code export BUILD_NUMBER ?= local},
     * {@code export PROJECT_NAME = chat}): make sets it for the compose commands its targets run, so the stack is
     * started with it set.
     */
    boolean exportedByMakefile(String dir, String name) {
        String text = makefiles.computeIfAbsent(dir, d -> {
            for (String n : List.of("Makefile", "makefile", "GNUmakefile")) {
                String t = text(join(d, n));
                if (!t.isEmpty()) {
                    return t;
                }
            }
            return "";
        });
        if (text.isEmpty() || !text.contains(name)) {
            return false;
        }
        return java.util.regex.Pattern.compile("(?m)^export[ \\t]+" + java.util.regex.Pattern.quote(name) + "[ \\t]*[?:+!]?=")
                .matcher(text).find();
    }

    /** The Terraform text of a directory (its *.tf files joined), read at the first question about it (only for a finding). */
    private final Map<String, String> terraformByDir = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Whether a Terraform file in the directory of {@code path} gives {@code name} to a function it deploys from that
     * directory: an {@code environment { variables = { TARGET_GROUP_ARN = aws_lb_target_group.redis.arn } }} block of an
     * AWS Lambda (or the same map of another provider's function) that packages the code beside it. The deployment
     * sets it; a dotenv example would document nothing.
     */
    boolean setByTerraformBeside(String path, String name) {
        String text = terraformByDir.computeIfAbsent(FileKinds.dir(path), d -> {
            StringBuilder b = new StringBuilder();
            try (var files = Files.list(d.isEmpty() ? root : root.resolve(d))) {
                files.filter(f -> f.getFileName().toString().endsWith(".tf") && Files.isRegularFile(f)).sorted()
                        .forEach(f -> b.append(text(root.relativize(f).toString().replace('\\', '/'))).append('\n'));
            } catch (IOException | RuntimeException e) {
                return "";
            }
            return b.toString();
        });
        if (!text.contains(name) || !text.contains("variables")) {
            return false;
        }
        java.util.regex.Matcher block = TF_FUNCTION_VARIABLES.matcher(text);
        java.util.regex.Pattern key = java.util.regex.Pattern.compile("(?m)^[ \\t]*\"?" + java.util.regex.Pattern.quote(name) + "\"?[ \\t]*=");
        while (block.find()) {
            int open = text.indexOf('{', block.end() - 1);
            int depth = 0;
            int end = open;
            for (; end < text.length(); end++) {
                char c = text.charAt(end);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    break;
                }
            }
            if (key.matcher(text).region(open, Math.min(end, text.length())).find()) {
                return true;
            }
        }
        return false;
    }

    /** The variables map of a Terraform function resource's environment block (aws_lambda_function and the like). */
    private static final java.util.regex.Pattern TF_FUNCTION_VARIABLES = java.util.regex.Pattern.compile(
            "\\benvironment\\s*\\{\\s*variables\\s*=\\s*\\{");

    /** Invoke task files by directory, read at the first question about the directory (only for a finding). */
    private final Map<String, String> taskFiles = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Whether an Invoke task file ({@code tasks.py}) beside the compose file or in a directory above it, one that runs
     * compose, passes {@code name} in the environment of the commands it runs ({@code env.update({"NAUTOBOT_VER": …})},
     * {@code context.run(cmd, env={"APP_VER": v})}): the task that starts the stack sets it.
     */
    boolean setByTaskFile(String dir, String name) {
        for (String d = dir; ; d = FileKinds.dir(d)) {
            String text = taskFiles.computeIfAbsent(d, x -> text(join(x, "tasks.py")));
            if (text.contains(name) && text.contains("compose") && text.contains("env")
                    && java.util.regex.Pattern.compile("[\"']" + java.util.regex.Pattern.quote(name) + "[\"'][ \\t]*:")
                            .matcher(text).find()) {
                return true;
            }
            if (d.isEmpty()) {
                return false;
            }
        }
    }

    /** Shell scripts that mention compose and export variables, by path: read during the walk, asked only for a finding. */
    private final Map<String, String> composeWrappers = new TreeMap<>();

    /**
     * Whether a shell script of the repository that names the compose file {@code composeFile} (its repository path,
     * or its bare name from a script beside it: {@code export COMPOSE_FILE=$ROOT/docker/dev/docker-compose.yml},
     * {@code docker compose -f docker/dev/docker-compose.yml up}) exports {@code name}: the wrapper that starts the
     * stack sets it ({@code export APP_ROOT_UID=1001}), so compose never sees it unset.
     */
    boolean exportedByWrapperScript(String composeFile, String name) {
        String dir = FileKinds.dir(composeFile);
        String base = composeFile.substring(composeFile.lastIndexOf('/') + 1);
        java.util.regex.Pattern export = null;
        for (var e : composeWrappers.entrySet()) {
            String text = e.getValue();
            if (!text.contains(name)) {
                continue;
            }
            if (!text.contains(composeFile) && !(FileKinds.dir(e.getKey()).equals(dir) && text.contains(base))) {
                continue;
            }
            if (export == null) {
                export = java.util.regex.Pattern.compile("(?m)^[ \\t]*export[ \\t]+(?:-\\w+[ \\t]+)*"
                        + java.util.regex.Pattern.quote(name) + "(?:=|[ \\t]*$)");
            }
            if (export.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    static String names(List<DotenvFile> files) {
        return files.isEmpty() ? ".env.example" : String.join(" / ", files.stream().map(DotenvFile::path).toList());
    }

    static boolean documented(List<DotenvFile> files, String name) {
        // a commented-out "# NAME=" documents an optional variable (devops init writes them so)
        return files.stream().anyMatch(d -> d.keys().containsKey(name) || d.commentedKeys().contains(name));
    }

    /** A defined name almost equal to {@code name}, when {@code name} itself is defined nowhere. */
    Map.Entry<String, Site> nearMiss(String name) {
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

    DotenvFile localEnv(String dir) {
        return dotenvs.get(join(dir, ".env"));
    }

    String text(String rel) {
        try {
            Path p = root.resolve(rel);
            return Files.isRegularFile(p) ? InputFiles.readText(p, InputFiles.MAX_CONFIG_BYTES) : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * Whether {@code name}, read in {@code path}, is documented: by an example file for that path
     * ({@link #examplesFor}, a commented-out {@code # NAME=} included) or by a committed env file anywhere
     * ({@link #documentedInRepository}).
     */
    boolean isDocumented(String path, String name) {
        return documented(examplesFor(path), name) || documentedInRepository(name);
    }

    /** " (and N more places)" after the first of several reads, else "". */
    static String more(List<Read> reads) {
        return reads.size() > 1 ? " (and " + (reads.size() - 1) + " more place" + (reads.size() > 2 ? "s" : "") + ")" : "";
    }

    /** Calls {@code f} with each local {@code .env} and the example file of its directory, when there is one. */
    void eachLocalWithExample(java.util.function.BiConsumer<DotenvFile, DotenvFile> f) {
        for (DotenvFile local : dotenvs.values()) {
            if (local.binary() || !local.path().endsWith(".env") || !local.path().substring(local.path().lastIndexOf('/') + 1)
                    .equals(".env")) {
                continue;
            }
            String dir = FileKinds.dir(local.path());
            DotenvFile ex = examples().stream().filter(d -> FileKinds.dir(d.path()).equals(dir)).findFirst().orElse(null);
            if (ex != null) {
                f.accept(local, ex);
            }
        }
    }

    /** Reports the syntax problems {@link DotenvFile} found for rule {@code id} (ENV0011–ENV0021), file by file. */
    void reportSyntax(String id, EnvRule.Reporter out) {
        for (DotenvFile d : dotenvs.values()) {
            if (d.binary()) {
                continue; // ENV0022
            }
            for (DotenvFile.Problem p : d.problems()) {
                if (p.rule().equals(id)) {
                    out.report(p.severity(), d.path(), p.line(), 0, p.message(), p.hint(), p.line() + ":" + p.message());
                }
            }
        }
    }

    // ---------------------------------------------------------------- collecting (EnvCheck calls these)

    void collect(String f) throws IOException {
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
            boolean test = FileKinds.isTest(f) || FileKinds.isVendored(f) || FileKinds.isGeneratorTemplate(f);
            for (EnvReference r : EnvScanner.scan(root, f)) {
                // code of CI or release tooling (.github/scripts/x.py, release/lib.mjs) reads its own knobs, as a shell
                // script does: a use, not the app's configuration (build configs such as vite.config still count)
                reads.add(new Read(r.name(), new Site(f, r.line(), r.column()), r.defaultValue() != null || r.optional(),
                        FileKinds.isCiOrReleaseTooling(f), test));
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
                if (text.contains("compose") && text.contains("export")) {
                    composeWrappers.put(f, text); // may start a compose stack with variables it exports
                }
                boolean test = FileKinds.isTest(f) || FileKinds.isVendored(f) || FileKinds.isGeneratorTemplate(f);
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

    /**
     * Loads the repository's compose projects (each compose file with its directory's base file) for the names their
     * services set; a project that throws is passed to {@code crashed} with its file and skipped.
     */
    void loadCompose(java.util.function.BiConsumer<String, Throwable> crashed) {
        Map<String, List<String>> byDir = new TreeMap<>();
        List<String> alone = new ArrayList<>();
        for (String f : composeRefs.keySet()) {
            if (FileKinds.isComposeName(f)) {
                byDir.computeIfAbsent(FileKinds.dir(f), k -> new ArrayList<>()).add(f.substring(f.lastIndexOf('/') + 1));
            } else {
                alone.add(f); // a compose file by content (deploy/compose/basic.yml): a project of its own
            }
        }
        for (String f : alone) {
            try {
                ComposeProject p = ComposeLoader.load(new ComposeLoader.Options(List.of(Path.of(FileKinds.name(f))),
                        root.resolve(FileKinds.dir(f)), null, List.of(), Map.of(), true));
                services(FileKinds.dir(f), p);
            } catch (dev.devops.core.UserError ex) {
                // DC0000 reports a compose project that does not load
            } catch (RuntimeException | StackOverflowError ex) {
                crashed.accept(f, ex);
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
                    crashed.accept(join(e.getKey(), g.get(0)), ex);
                }
            }
        }
    }

    /** The names devops.yaml's apps set count as used. */
    void addDescriptorNames() {
        if (ctx.descriptor() != null) {
            for (App a : ctx.descriptor().apps()) {
                usedElsewhere.addAll(a.env().keySet());
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
        List<String> candidates = List.of(envFile, envFile + ".example", join(FileKinds.dir(envFile), ".env.example"));
        for (String c : candidates) {
            DotenvFile d = dotenvs.get(c);
            if (d != null && !d.binary() && FileKinds.dotenv(c) == FileKinds.Dotenv.EXAMPLE) {
                stackExamples.add(c);
            }
        }
    }

    /**
     * next.config's {@code env: {KEY: …}}: Next.js inlines each KEY into the bundle at build time, so
     * {@code process.env.KEY} in the app is defined by the build, not read from the runtime environment. Nuxt's
     * nuxt.config {@code env: {serverUrl: …}} does the same.
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

    static String join(String dir, String rel) {
        String p = dir.isEmpty() ? rel : dir + "/" + rel;
        return Path.of(p).normalize().toString().replace('\\', '/');
    }

    /** Whether directory {@code dir} ("" for the root) contains {@code path}. */
    static boolean isAncestor(String dir, String path) {
        return dir.isEmpty() || path.startsWith(dir + "/");
    }
}
