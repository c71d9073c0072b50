package dev.devops.lint;

import dev.devops.core.InputFiles;
import dev.devops.core.SourceLocation;
import dev.devops.core.UserError;
import dev.devops.descriptor.Descriptor;
import dev.devops.descriptor.DescriptorLoader;
import dev.devops.git.AddedLines;
import dev.devops.git.GitException;
import dev.devops.git.GitRepository;
import dev.devops.yaml.Suggest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs checks over a repository: finds where it stands ({@link Workspace}: the repository root, the
 * project root with its devops.yaml, the paths to report on), collects the files (git's view, or a plain
 * walk outside git), runs the selected categories, keeps the findings in scope, drops what inline
 * comments, the devops.yaml allowlist and the baseline suppress, and returns a sorted {@link Report}
 * whose paths are relative to the repository root. Text checks ({@link TextCheck}) read only the files
 * in scope, and in staged, history and stdin modes loose text (the added lines); the other checks read
 * the whole project as context (in staged mode: what the commit would hold) and report on the files in
 * scope (in staged mode: the staged files). History and stdin have no whole files: those checks sit out.
 */
public final class LintRunner {
    /** What to lint. */
    public enum Mode { WORKTREE, STAGED, HISTORY, STDIN }

    /**
     * @param root           directory to lint when {@code paths} is empty
     * @param mode           what to read
     * @param since          history only: a start revision (REV..HEAD) or a range A..B; null for all commits
     * @param stdinName      stdin only: the file name the text stands for
     * @param stdin          stdin only: the bytes
     * @param only           categories to run (empty: all)
     * @param skip           categories not to run
     * @param maxFileSize    bytes; larger files are skipped and counted
     * @param baseline       report only findings not in this baseline, or null
     * @param writeBaseline  write the fingerprints of every finding here, or null
     * @param paths          files and directories to report on (the repository is the context); empty: {@code root}
     */
    public record Options(Path root, Mode mode, String since, String stdinName, byte[] stdin, Set<String> only,
            Set<String> skip, long maxFileSize, Path baseline, Path writeBaseline, List<Path> paths) {
        public Options {
            only = only == null ? Set.of() : Set.copyOf(only);
            skip = skip == null ? Set.of() : Set.copyOf(skip);
            mode = mode == null ? Mode.WORKTREE : mode;
            paths = paths == null || paths.isEmpty() ? List.of(root == null ? Path.of(".") : root) : List.copyOf(paths);
        }

        public Options(Path root, Mode mode, String since, String stdinName, byte[] stdin, Set<String> only,
                Set<String> skip, long maxFileSize, Path baseline, Path writeBaseline) {
            this(root, mode, since, stdinName, stdin, only, skip, maxFileSize, baseline, writeBaseline, null);
        }

        public static Options worktree(Path root) {
            return new Options(root, Mode.WORKTREE, null, null, null, Set.of(), Set.of(),
                    LintContext.DEFAULT_MAX_FILE_SIZE, null, null);
        }
    }

    private final List<Check> checks;
    private java.util.function.IntConsumer commitsSeen = n -> { };

    public LintRunner(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /** Told the number of commits read so far, as a history scan goes (for progress on a terminal); returns this. */
    public LintRunner onCommit(java.util.function.IntConsumer listener) {
        this.commitsSeen = listener == null ? n -> { } : listener;
        return this;
    }

    /** The checks --only/--skip select, in order; unknown category names are a UserError. */
    public List<Check> select(Set<String> only, Set<String> skip) {
        Set<String> known = new LinkedHashSet<>();
        checks.forEach(c -> known.add(c.category()));
        for (Set<String> names : List.of(only, skip)) {
            for (String n : names) {
                if (!known.contains(n)) {
                    String near = Suggest.closest(n, known);
                    throw new UserError(null, "unknown lint category '" + n + "'"
                            + (near != null ? " (did you mean '" + near + "'?)" : ""),
                            "use one of: " + String.join(", ", known));
                }
            }
        }
        List<Check> out = new ArrayList<>();
        for (Check c : checks) {
            if ((only.isEmpty() || only.contains(c.category())) && !skip.contains(c.category())) {
                out.add(c);
            }
        }
        return out;
    }

    public Report run(Options o) {
        long t0 = System.nanoTime();
        if (o.baseline() != null && o.writeBaseline() != null && sameFile(o.baseline(), o.writeBaseline())) {
            throw new UserError(SourceLocation.of(o.writeBaseline()), "--baseline and --write-baseline name the same file",
                    "to refresh a baseline, run --write-baseline alone; to check against it, --baseline alone");
        }
        List<Check> selected = select(o.only(), o.skip());
        if (selected.isEmpty()) {
            throw new UserError(null, "--only and --skip leave no check to run",
                    "drop the categories from --skip that --only names");
        }
        if (o.mode() == Mode.STDIN || o.mode() == Mode.HISTORY) {
            Path p = o.paths().get(0);
            if (!Files.isDirectory(p)) {
                throw new UserError(SourceLocation.of(p), "not a directory", "give the directory to lint");
            }
        }
        boolean wholeRepository = o.mode() == Mode.STAGED || o.mode() == Mode.HISTORY;
        Workspace ws = Workspace.find(o.paths(), o.mode() != Mode.STDIN, wholeRepository);
        Path root = ws.projectRoot();
        GitRepository git = ws.git();
        if (wholeRepository && git == null) {
            throw new UserError(SourceLocation.of(root), "not inside a git work tree",
                    "--" + o.mode().name().toLowerCase(java.util.Locale.ROOT) + " reads git; run it in a repository");
        }
        Descriptor descriptor = null;
        Path descriptorFile = root.resolve(DescriptorLoader.FILE_NAME);
        if (Files.isRegularFile(descriptorFile)) {
            descriptor = DescriptorLoader.load(descriptorFile);
        }
        Allowlist allow = Allowlist.of(descriptor == null ? null : descriptor.lint());
        List<String> files;
        Set<String> tracked;
        List<String> staged = List.of();
        List<Check> running = selected;
        Path checkRoot = root;
        Path snapshot = null;
        try {
            if (o.mode() == Mode.WORKTREE) {
                if (git != null) {
                    GitRepository.WorkFiles wf = git.files();
                    files = new ArrayList<>(wf.all());
                    tracked = wf.tracked();
                } else {
                    files = FileFeed.walk(root); // the files as they are listed, to checks that take them so
                    tracked = Set.of();
                }
                if (!ws.scopeFiles().isEmpty()) {
                    files = new ArrayList<>(files);
                    Set<String> listed = new java.util.HashSet<>(files);
                    for (String f : ws.scopeFiles()) { // a file named on the command line is linted even if git ignores it
                        if (!listed.contains(f) && Files.isRegularFile(root.resolve(f))) {
                            files.add(f);
                        }
                    }
                }
            } else if (o.mode() == Mode.STAGED) {
                // the whole-file checks read what a commit of the index would hold: the work tree when it
                // has no unstaged changes (pre-commit stashes them), else a copy of the index
                files = git.indexFiles();
                tracked = Set.copyOf(files);
                staged = git.stagedPaths();
                running = reportingOn(selected, inScope(ws, staged));
                if (running.stream().anyMatch(c -> !(c instanceof TextCheck)) && git.hasUnstagedChanges()) {
                    snapshot = Files.createTempDirectory("devops-index-");
                    git.checkoutIndex(snapshot);
                    checkRoot = snapshot.resolve(ws.prefix());
                }
            } else {
                files = List.of();
                tracked = Set.of();
            }
        } catch (GitException e) {
            throw new UserError(SourceLocation.of(root), "git: " + e.getMessage(), null);
        } catch (IOException e) {
            throw new UserError(SourceLocation.of(root), "cannot copy the index: " + e.getMessage(), null);
        }
        try {
            if (o.mode() == Mode.WORKTREE && !ws.whole()) {
                running = reportingOn(selected, files.stream().filter(ws::inScope).toList());
            }
            return lint(o, ws, selected, running, checkRoot, files, tracked, staged, descriptor, allow, git, t0);
        } finally {
            if (snapshot != null) {
                deleteTree(snapshot);
            }
        }
    }

    /** The project-relative paths of {@code staged} (repository-relative) that are in scope. */
    private static Set<String> inScope(Workspace ws, List<String> staged) {
        String prefix = ws.prefix();
        Set<String> inScope = new LinkedHashSet<>();
        for (String p : staged) {
            if (p.startsWith(prefix) && ws.inScope(p.substring(prefix.length()))) {
                inScope.add(p.substring(prefix.length()));
            }
        }
        return inScope;
    }

    /**
     * The checks that can report on one of {@code paths} ({@link Check#reportsOn}): a scoped run skips the
     * others, which have nothing to say about these files (and would load their parsers for nothing).
     */
    static List<Check> reportingOn(List<Check> checks, java.util.Collection<String> paths) {
        return checks.stream().filter(c -> paths.stream().anyMatch(c::reportsOn)).toList();
    }

    private Report lint(Options o, Workspace ws, List<Check> selected, List<Check> running, Path root, List<String> files,
            Set<String> tracked, List<String> stagedPaths, Descriptor descriptor, Allowlist allow, GitRepository git, long t0) {
        FileStats stats = new FileStats();
        LintContext ctx = new LintContext(root, files, tracked, descriptor, o.maxFileSize(), stats);
        // text checks lint exactly the files in scope; the others need the whole project and are filtered after
        LintContext scoped = ws.whole() ? ctx : new LintContext(root, files.stream().filter(ws::inScope).toList(),
                tracked, descriptor, o.maxFileSize(), stats);
        // asked only of findings outside the scope (a run over part of the project): the set is made at the first such
        // question, not for every run (15,000 paths of a large tree on the path to the first scan)
        java.util.function.Predicate<String> existing = new java.util.function.Predicate<>() {
            private Set<String> set;

            @Override
            public boolean test(String path) {
                if (set == null) {
                    set = new java.util.HashSet<>(files);
                }
                return set.contains(path);
            }
        };
        ConcurrentLinkedQueue<Finding> whole = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Finding> loose = new ConcurrentLinkedQueue<>();
        // a check that threw (CheckFailure): reported whatever the scope, the allowlist or the baseline say
        ConcurrentLinkedQueue<Finding> failures = new ConcurrentLinkedQueue<>();
        List<TextCheck> textChecks = running.stream().filter(TextCheck.class::isInstance).map(TextCheck.class::cast).toList();
        switch (o.mode()) {
            case WORKTREE -> running.forEach(c -> runCheck(c, c instanceof TextCheck ? scoped : ctx, f -> {
                assert c.reportsOn(f.path()) : c.category() + " reported " + f.rule().id() + " on " + f.path()
                        + ", a path its reportsOn denies";
                whole.add(f);
            }, failures::add));
            case STDIN -> {
                String name = o.stdinName() == null ? "<stdin>" : o.stdinName();
                byte[] in = o.stdin() == null ? new byte[0] : o.stdin();
                if (LintContext.isBinary(in, in.length)) {
                    stats.binary(name);
                } else if (in.length > o.maxFileSize()) {
                    stats.tooLarge(name);
                } else {
                    stats.scanned(name);
                    TextUnit u = new TextUnit(name, new String(in, java.nio.charset.StandardCharsets.UTF_8), null, Map.of());
                    textChecks.forEach(c -> scanUnit(c, u, ctx, loose::add, failures::add));
                }
            }
            case STAGED -> {
                String prefix = ws.prefix();
                Set<String> inScope = inScope(ws, stagedPaths);
                if (!inScope.isEmpty()) {
                    Workspace stagedScope = new Workspace(ws.repoRoot(), ws.projectRoot(), git, inScope, Set.of());
                    List<Check> fileChecks = running.stream().filter(c -> !(c instanceof TextCheck)).toList();
                    ConcurrentLinkedQueue<Finding> all = new ConcurrentLinkedQueue<>();
                    fileChecks.forEach(c -> runCheck(c, ctx, all::add, failures::add));
                    all.stream().filter(f -> stagedScope.findingInScope(f.path(), existing)).forEach(whole::add);
                    scanChanges(git, o, ctx, textChecks, f -> failures.add(f.path().startsWith(prefix) ? rebase(f, prefix, false) : f), f -> {
                        if (f.path().startsWith(prefix) && inScope.contains(f.path().substring(prefix.length()))) {
                            loose.add(rebase(f, prefix, false));
                        }
                    });
                }
            }
            case HISTORY -> scanChanges(git, o, ctx, textChecks, failures::add, loose::add);
        }
        // inline suppression for whole-file findings (secret checks apply it themselves, on the text they scan)
        int before = whole.size() + loose.size();
        List<Finding> kept = new ArrayList<>();
        Map<String, String> texts = new HashMap<>();
        for (Finding f : whole) {
            if (!ws.findingInScope(f.path(), existing) || thirdParty(f)) {
                before--; // out of scope, or another project's code: not suppressed, just not asked for
                continue;
            }
            if (allow.path(f.path()) || allow.rule(f.rule().id())) {
                continue;
            }
            if (f.line() > 0) {
                String text = texts.computeIfAbsent(f.path(), p -> {
                    try {
                        return InputFiles.readText(root.resolve(p), InputFiles.MAX_CONFIG_BYTES);
                    } catch (IOException | RuntimeException e) {
                        return "";
                    }
                });
                if (Suppression.mayContain(text) && Suppression.suppressed(text, f.line(), f.rule().id())) {
                    continue;
                }
            }
            kept.add(f);
        }
        for (Finding f : loose) {
            if (!allow.path(f.path()) && !allow.rule(f.rule().id())) {
                kept.add(f);
            }
        }
        int suppressed = before - kept.size();
        kept = withoutSuperseded(kept);
        String prefix = ws.prefix();
        if (!prefix.isEmpty()) {
            kept.replaceAll(f -> rebase(f, prefix, true));
        }
        for (Finding f : failures) {
            // "." (the whole run) stays ".": the run's root, whichever directory the report is relative to
            kept.add(prefix.isEmpty() || f.path().equals(".") ? f : rebase(f, prefix, true));
        }
        kept.sort(ORDER);
        kept = Baseline.located(kept);
        // read before writing: the two may be one file (the command refuses that; a library caller gets sense)
        Baseline b = o.baseline() == null ? null : Baseline.read(locate(o.baseline(), ws));
        if (o.writeBaseline() != null) {
            Baseline.write(o.writeBaseline(), kept);
        }
        int baselined = 0;
        if (b != null) {
            List<Finding> fresh = new ArrayList<>();
            for (Finding f : kept) {
                if (b.contains(f) && !f.rule().id().equals(CheckFailure.RULE.id())) {
                    baselined++;
                } else {
                    fresh.add(f);
                }
            }
            kept = fresh;
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new Report(ws.repoRoot().toString(), kept, new RuleCatalogue(selected, kept),
                new Report.Stats(stats.scannedCount(), stats.binaryCount(), stats.tooLargeCount(), stats.unreadableCount(),
                        suppressed, baselined, millis));
    }

    /**
     * Whether a finding is about vendored or bundled third-party code ({@link dev.devops.files.FileKinds#isVendored}:
     * {@code vendor/}, {@code node_modules/}, {@code third_party/}, minified and {@code dist/} bundles): the one place
     * that keeps every family's rules off code the project does not write (a vendored library's Dockerfile, compose
     * file or env reads). The secrets family decides for itself: a live provider token is a leak wherever it sits.
     */
    static boolean thirdParty(Finding f) {
        return !"secrets".equals(f.rule().category()) && dev.devops.files.FileKinds.isVendored(f.path());
    }

    /** A finding's path made repository-relative ({@code add}) or project-relative (not {@code add}). */
    private static Finding rebase(Finding f, String prefix, boolean add) {
        if (prefix.isEmpty()) {
            return f;
        }
        String path = add ? prefix + f.path() : f.path().substring(prefix.length());
        return new Finding(f.rule(), f.severity(), path, f.line(), f.column(), f.message(), f.hint(), f.redacted(),
                f.fingerprint(), f.properties());
    }

    /**
     * A relative baseline path that does not exist here is looked up at the project root, then the
     * repository root (a baseline is written once, at the root, and read from wherever the run starts).
     */
    static Path locate(Path baseline, Workspace ws) {
        if (baseline.isAbsolute() || Files.exists(baseline)) {
            return baseline;
        }
        for (Path dir : List.of(ws.projectRoot(), ws.repoRoot())) {
            if (Files.exists(dir.resolve(baseline))) {
                return dir.resolve(baseline);
            }
        }
        return baseline;
    }

    private static void deleteTree(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // fall back to the names
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** path, then line, column, rule id, then commit (history lists the same line of several commits). */
    /**
     * Where two checks report the same problem, the more specific one wins: a hard-coded password in a
     * compose {@code environment} is DC0003 (with a compose hint), not also SEC0030/SEC0031/SEC0020 on that
     * line; a tracked .env file is ENV0004 (which knows about .gitignore), not also SEC0050 for that file;
     * in devops check, render --check's RENDER0001/RENDER0002 cover DRIFT0001/DRIFT0002 of the same file.
     * A check run alone (--only secrets, --staged) still reports its own finding.
     */
    static final Map<String, Set<String>> SUPERSEDES_ON_LINE = Map.of("DC0003", Set.of("SEC0030", "SEC0031", "SEC0020"));
    static final Map<String, Set<String>> SUPERSEDES_IN_FILE = Map.of("ENV0004", Set.of("SEC0050"),
            "RENDER0001", Set.of("DRIFT0001"), "RENDER0002", Set.of("DRIFT0002"));

    static List<Finding> withoutSuperseded(List<Finding> findings) {
        Set<String> covered = new java.util.HashSet<>();
        for (Finding f : findings) {
            for (String id : SUPERSEDES_ON_LINE.getOrDefault(f.rule().id(), Set.of())) {
                covered.add(id + "\u0000" + f.path() + "\u0000" + f.line());
            }
            for (String id : SUPERSEDES_IN_FILE.getOrDefault(f.rule().id(), Set.of())) {
                covered.add(id + "\u0000" + f.path());
            }
        }
        if (covered.isEmpty()) {
            return findings;
        }
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            String id = f.rule().id() + "\u0000" + f.path();
            if (!covered.contains(id) && !covered.contains(id + "\u0000" + f.line())) {
                out.add(f);
            }
        }
        return out;
    }

    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::path)
            .thenComparingInt(Finding::line).thenComparingInt(Finding::column)
            .thenComparing(f -> f.rule().id())
            .thenComparing(f -> f.properties().getOrDefault("date", ""));

    /**
     * Runs one check over the project. A check that throws (a bug; a {@link UserError} is the user's and goes
     * on up) gives one {@link CheckFailure} finding and the other checks run: every family reports a crash
     * this one way.
     */
    public static void runCheck(Check check, LintContext ctx, Consumer<Finding> out, Consumer<Finding> failures) {
        try {
            check.run(ctx, out);
        } catch (UserError e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            failures.accept(CheckFailure.finding(check.category(), null, ".", e));
        }
    }

    /** Scans one text unit with one text check; a throw becomes a {@link CheckFailure} finding for the unit's path. */
    public static void scanUnit(TextCheck check, TextUnit unit, LintContext ctx, Consumer<Finding> out,
            Consumer<Finding> failures) {
        try {
            check.scan(unit, ctx, out);
        } catch (UserError e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            Finding f = CheckFailure.finding(check.category(), null, unit.path(), e);
            failures.accept(unit.properties().isEmpty() ? f : new Finding(f.rule(), f.severity(), f.path(), f.line(),
                    f.column(), f.message(), f.hint(), f.redacted(), f.fingerprint(), withAll(f.properties(), unit.properties())));
        }
    }

    private static Map<String, String> withAll(Map<String, String> a, Map<String, String> b) {
        Map<String, String> m = new LinkedHashMap<>(a);
        m.putAll(b);
        return m;
    }

    private void scanChanges(GitRepository git, Options o, LintContext ctx, List<TextCheck> checks,
            Consumer<Finding> failed, Consumer<Finding> sink) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = o.mode() == Mode.HISTORY && threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "lint-history");
            t.setDaemon(true);
            return t;
        }) : null;
        Semaphore inFlight = new Semaphore(256);
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        String[] lastCommit = {null};
        int[] commits = {0};
        Consumer<AddedLines> onChange = a -> {
            if (a.commit() != null && !a.commit().equals(lastCommit[0])) {
                lastCommit[0] = a.commit();
                commitsSeen.accept(++commits[0]);
            }
            String key = a.commit() == null ? a.path() : a.commit() + ":" + a.path();
            if (a.binary()) {
                ctx.stats().binary(key);
                return;
            }
            if (a.text().length() > o.maxFileSize()) {
                ctx.stats().tooLarge(key);
                return;
            }
            ctx.stats().scanned(a.blob() != null ? a.blob() : key);
            Map<String, String> props = new LinkedHashMap<>();
            if (a.commit() != null) {
                props.put("commit", a.commit());
            }
            if (a.author() != null) {
                props.put("author", a.author());
            }
            if (a.date() != null) {
                props.put("date", a.date());
            }
            TextUnit u = new TextUnit(a.path(), a.text(), a.lines(), props);
            if (pool == null) {
                checks.forEach(c -> scanUnit(c, u, ctx, sink, failed));
                return;
            }
            inFlight.acquireUninterruptibly();
            pool.execute(() -> {
                try {
                    checks.forEach(c -> scanUnit(c, u, ctx, sink, failed));
                } catch (RuntimeException | Error e) {
                    failures.add(e);
                } finally {
                    inFlight.release();
                }
            });
        };
        try {
            if (o.mode() == Mode.STAGED) {
                git.stagedAdditions(onChange);
            } else {
                git.history(o.since(), onChange);
            }
        } catch (GitException e) {
            throw new UserError(SourceLocation.of(ctx.root()), "git: " + e.getMessage(),
                    o.since() != null ? "give --since an existing commit, tag or branch, or a range A..B" : null);
        } finally {
            if (pool != null) {
                pool.shutdown();
                try {
                    pool.awaitTermination(1, TimeUnit.DAYS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (!failures.isEmpty()) {
            Throwable t = failures.get(0);
            throw t instanceof RuntimeException r ? r : new IllegalStateException(t);
        }
    }

    /** Sorted, distinct category names of {@code checks}. */
    public static Set<String> categories(List<Check> checks) {
        Set<String> s = new TreeSet<>();
        checks.forEach(c -> s.add(c.category()));
        return s;
    }
}
