package dev.devops.lint.compose;

import dev.devops.compose.ComposeProject;
import dev.devops.core.SourceLocation;
import dev.devops.lint.RuleInfo;
import dev.devops.lint.Severity;

/**
 * One compose rule: its metadata and its check over the typed, merged {@link ComposeProject}. Each rule is one
 * unit ({@code DC0016MissingEnvFile}: a {@code RULE} constant made with {@link #of} and the check beside it),
 * registered by one line in {@link ComposeRules}; what a rule sees and the queries rules share are on
 * {@link ComposeScope}.
 *
 * @param info  id, title, default severity and the explanation {@code devops rules ID} prints
 * @param check the check itself
 */
public record ComposeRule(RuleInfo info, Body check) {
    /** The check of a rule. */
    @FunctionalInterface
    public interface Body {
        void run(ComposeScope scope, Reporter out);
    }

    /** Where a rule reports; the location carries the file (an override file when the entry came from one). */
    public interface Reporter {
        void report(SourceLocation at, String message, String hint);

        void report(SourceLocation at, Severity severity, String message, String hint);
    }

    static ComposeRule of(String id, Severity severity, String title, String explanation, Body body) {
        return new ComposeRule(new RuleInfo(id, title, severity, "compose", explanation), body);
    }
}
