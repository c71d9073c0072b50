package dev.devops.lint.secrets;

import dev.devops.lint.Allowlist;
import dev.devops.lint.CheckFailure;
import dev.devops.lint.FileFeed;
import dev.devops.lint.Finding;
import dev.devops.lint.LintContext;
import dev.devops.lint.RuleInfo;
import dev.devops.lint.TextCheck;
import dev.devops.lint.TextUnit;
import dev.devops.lint.secrets.rules.RuleLoader;
import dev.devops.lint.secrets.rules.SecretRule;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The "secrets" category: every file of the working tree, in parallel, or loose text (staged, history, stdin). */
public final class SecretsCheck implements TextCheck {
    /** The scanner; null: the built-in one, taken at first use ({@link #scanner()}). */
    private final SecretScanner own;

    public SecretsCheck(List<SecretRule> providerRules) {
        this(new SecretScanner(providerRules));
    }

    private SecretsCheck(SecretScanner scanner) {
        this.own = scanner;
    }

    /**
     * The scanner. The built-in one is taken when a file is first scanned, not when the check is made: a run makes
     * its checks before it reads the repository (git, devops.yaml, the other checks), and waiting there for
     * {@link #preload} to finish put the whole build of the rules in front of that work.
     */
    private SecretScanner scanner() {
        return own != null ? own : Builtin.SCANNER;
    }

    /** The scanner of the built-in rules: built once (it is immutable), on first use or by {@link #preload}. */
    private static final class Builtin {
        static final SecretScanner SCANNER = new SecretScanner(RuleLoader.builtin());
    }

    /** With the built-in provider rules. */
    public static SecretsCheck builtin() {
        return new SecretsCheck((SecretScanner) null);
    }

    /**
     * Starts building the built-in scanner (rules, keyword automaton) on a daemon thread, so that a command
     * overlaps it with its own start (argument parsing, git, the other checks); the first scan waits for it.
     */
    public static void preload() {
        Thread t = new Thread(() -> {
            SecretScanner ignored = Builtin.SCANNER;
        }, "secret-rules-preload");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public String category() {
        return GenericRules.CATEGORY;
    }

    @Override
    public List<RuleInfo> rules() {
        return scanner().rules();
    }

    @Override
    public void run(LintContext context, Consumer<Finding> out) {
        Allowlist allow = allowlist(context);
        List<String> files = context.files();
        // a plain directory still being walked: its files are scanned as the walk lists them. A configuration file
        // waits for the end of the walk, when the compose files are known: an env_file entry makes it an env file
        FileFeed feed = files instanceof FileFeed f ? f : null;
        java.util.Set<String> envFiles = feed == null ? context.composeEnvFiles() : null;
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = feed != null ? Math.max(1, cores) : Math.max(1, Math.min(cores, files.size() / 8 + 1));
        AtomicInteger next = new AtomicInteger();
        java.util.Queue<String> deferred = new java.util.concurrent.ConcurrentLinkedQueue<>();
        Runnable worker = () -> {
            // each file is one call of scanNext: a method called per file is compiled after a few hundred files, where
            // this loop, run once per thread, would be interpreted throughout
            byte[][] buffer = {new byte[64 * 1024]};
            while (scanNext(context, allow, feed, files, envFiles, next, deferred, buffer, out)) {
                // the next file
            }
            if (feed != null) { // the walk has ended; each worker empties the queue after its own last deferral
                java.util.Set<String> env = context.composeEnvFiles();
                String path;
                while ((path = deferred.poll()) != null) {
                    buffer[0] = scan(context, allow, path, FileKind.CONFIG, env.contains(path), -1, buffer[0], out);
                }
            }
        };
        if (threads == 1) {
            worker.run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "lint-secrets");
            t.setDaemon(true);
            return t;
        });
        List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
        for (int k = 0; k < threads; k++) {
            futures.add(pool.submit(worker));
        }
        pool.shutdown();
        try {
            for (var f : futures) {
                f.get();
            }
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException r ? r : new IllegalStateException(c);
        }
    }

    /**
     * Takes the next file of the tree ({@code feed} while the walk lists them, else {@code files}) and scans it, or defers
     * a configuration file to the end of the walk; false when there is none left. {@code buffer[0]}: the read buffer.
     */
    private boolean scanNext(LintContext context, Allowlist allow, FileFeed feed, List<String> files,
            java.util.Set<String> envFiles, AtomicInteger next, java.util.Queue<String> deferred, byte[][] buffer,
            Consumer<Finding> out) {
        int i = next.getAndIncrement();
        if (feed != null) {
            String path = feed.awaitListed(i);
            if (path == null) {
                return false;
            }
            FileKind kind = FileKind.of(path);
            if (kind == FileKind.CONFIG) {
                deferred.add(path);
            } else {
                buffer[0] = scan(context, allow, path, kind, false, feed.listedSize(i), buffer[0], out);
            }
            return true;
        }
        if (i >= files.size()) {
            return false;
        }
        String path = files.get(i);
        buffer[0] = scan(context, allow, path, null, envFiles.contains(path), -1, buffer[0], out);
        return true;
    }

    /**
     * Scans one file of the tree into {@code out} ({@code kind}: its path's kind when known, else null; {@code size}: its
     * size as the walk listed it, else -1); returns the read buffer to use next (it grows for a large file).
     */
    private byte[] scan(LintContext context, Allowlist allow, String path, FileKind kind, boolean envFile, long size,
            byte[] buffer, Consumer<Finding> out) {
        if (allow.path(path)) {
            return buffer;
        }
        List<Finding> found;
        try {
            LintContext.Bytes bytes = context.readBytes(path, buffer, Keystores::isKeystore, size);
            if (bytes == null) {
                return buffer;
            }
            buffer = bytes.array();
            boolean committed = context.tracked().contains(path);
            found = scanner().scanFile(path, kind != null ? kind : FileKind.of(path), bytes.array(), bytes.length(), allow,
                    committed, envFile);
        } catch (RuntimeException | StackOverflowError e) {
            // a bug on one file: reported the runner's way, and the other files are still scanned
            found = List.of(CheckFailure.finding(category(), null, path, e));
        }
        found.forEach(out);
        return buffer;
    }

    @Override
    public void scan(TextUnit unit, LintContext context, Consumer<Finding> out) {
        Allowlist allow = allowlist(context);
        if (allow.path(unit.path())) {
            return;
        }
        scanner().scan(unit.path(), unit.text(), unit.lineNumbers(), unit.properties(), allow, true).forEach(out);
    }

    private record Cached(LintContext context, Allowlist allow) {
    }

    private volatile Cached cached;

    private Allowlist allowlist(LintContext context) {
        Cached c = cached;
        if (c != null && c.context == context) {
            return c.allow;
        }
        Allowlist a = context.descriptor() == null ? Allowlist.NONE : Allowlist.of(context.descriptor().lint());
        cached = new Cached(context, a);
        return a;
    }
}
