package dev.devops.lint.secrets;

import dev.devops.lint.Allowlist;
import dev.devops.lint.CheckFailure;
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
        java.util.Set<String> envFiles = context.composeEnvFiles();
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), files.size() / 8 + 1));
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            byte[] buffer = new byte[64 * 1024];
            int i;
            while ((i = next.getAndIncrement()) < files.size()) {
                String path = files.get(i);
                if (allow.path(path)) {
                    continue;
                }
                List<Finding> found;
                try {
                    LintContext.Bytes bytes = context.readBytes(path, buffer, Keystores::isKeystore);
                    if (bytes == null) {
                        continue;
                    }
                    buffer = bytes.array();
                    boolean committed = context.tracked().contains(path);
                    found = scanner().scanFile(path, bytes.array(), bytes.length(), allow, committed, envFiles.contains(path));
                } catch (RuntimeException | StackOverflowError e) {
                    // a bug on one file: reported the runner's way, and the other files are still scanned
                    found = List.of(CheckFailure.finding(category(), null, path, e));
                }
                found.forEach(out);
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
