package dev.devops.lint;

import java.util.function.Consumer;

/** A check that can also lint loose text: staged changes, history, standard input (e.g. secrets). */
public interface TextCheck extends Check {
    /** Lints one unit; may be called from several threads at once. */
    void scan(TextUnit unit, LintContext context, Consumer<Finding> out);
}
