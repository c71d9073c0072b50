package dev.devops.lint;

import java.util.List;
import java.util.function.Consumer;

/** One family of lint checks (secrets, env parity, Dockerfile, compose, drift). */
public interface Check {
    /** The category name used by --only / --skip: secrets, env, dockerfile, compose, drift. */
    String category();

    /** Every rule this check can report. */
    List<RuleInfo> rules();

    /**
     * Whether a finding of this check can land on {@code path} (relative to the project root, forward slashes).
     * A run that reports on some files only ({@code lint --staged}, {@code lint FILE…}) does not run a check
     * that reports on none of them: a one-file commit of app code loads no Dockerfile parser or template
     * engine. Must hold for every finding the check makes (the fixture tests and {@link LintRunner} assert it);
     * a finding on a file that does not exist (a missing {@code .dockerignore}) counts too. Default: every path.
     */
    default boolean reportsOn(String path) {
        return true;
    }

    /** Runs over the repository and reports findings; must be safe to call from one thread. */
    void run(LintContext context, Consumer<Finding> out);
}
