package dev.devops.lint.env;

import dev.devops.lint.RuleInfo;
import dev.devops.lint.Severity;

/**
 * One env-parity rule: its metadata and its check over what {@link EnvScope} collected. Each rule is one unit
 * ({@code ENV0008ComposeUnset}: a {@code RULE} constant made with {@link #of} and the check beside it), registered
 * by one line in {@link EnvRules}; {@link EnvCheck} runs them, makes the findings (fingerprint from rule, path and
 * subject) and reports a rule that throws as LINT0000.
 *
 * <p>Severities: error for what leaks or breaks now (a tracked .env, an unreadable or unparsable assignment);
 * warning for drift that makes "works on my machine" happen (an undocumented read, a compose variable nobody sets,
 * a near-miss name); info for hygiene and for what is normal in a repository but worth knowing (secrets that must
 * be set before deploy, unused example keys, style).
 *
 * @param info  id, title, default severity and the explanation {@code devops rules ID} prints
 * @param check the check itself
 */
record EnvRule(RuleInfo info, Body check) {
    /** The check of a rule. */
    @FunctionalInterface
    interface Body {
        void run(EnvScope scope, Reporter out);
    }

    /** Where a rule reports; {@code subject} (a variable, a file) identifies the finding for its fingerprint. */
    interface Reporter {
        default void report(String path, int line, int column, String message, String hint, String subject) {
            report(null, path, line, column, message, hint, subject);
        }

        /** Reports with {@code severity}, or the rule's default when it is null. */
        void report(Severity severity, String path, int line, int column, String message, String hint, String subject);
    }

    static EnvRule of(String id, Severity severity, String title, String explanation, Body body) {
        return new EnvRule(new RuleInfo(id, title, severity, "env", explanation.strip()), body);
    }

    String id() {
        return info.id();
    }
}
