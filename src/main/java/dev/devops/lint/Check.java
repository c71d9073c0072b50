package dev.devops.lint;

import java.util.List;
import java.util.function.Consumer;

/** One family of lint checks (secrets, env parity, Dockerfile, compose, drift). */
public interface Check {
    /** The category name used by --only / --skip: secrets, env, dockerfile, compose, drift. */
    String category();

    /** Every rule this check can report. */
    List<RuleInfo> rules();

    /** Runs over the repository and reports findings; must be safe to call from one thread. */
    void run(LintContext context, Consumer<Finding> out);
}
