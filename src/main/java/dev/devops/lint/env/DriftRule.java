package dev.devops.lint.env;

import dev.devops.lint.RuleInfo;
import dev.devops.lint.Severity;
import java.util.Map;

/**
 * One drift rule: its metadata and its check over what {@link DriftScope} collected. Each rule is one unit
 * ({@code DRIFT0003ImageVersion}: a {@code RULE} constant made with {@link #of} and the check beside it), registered
 * by one line in {@link DriftRules}; {@link DriftCheck} runs them, makes the findings (fingerprint from rule, path
 * and subject) and reports a rule that throws as LINT0000.
 *
 * @param info  id, title, default severity and the explanation {@code devops rules ID} prints
 * @param check the check itself
 */
record DriftRule(RuleInfo info, Body check) {
    /** The check of a rule. */
    @FunctionalInterface
    interface Body {
        void run(DriftScope scope, Reporter out);
    }

    /** Where a rule reports; {@code subject} identifies the finding for its fingerprint. */
    interface Reporter {
        default void report(String path, int line, String message, String hint, String subject) {
            report(path, line, message, hint, subject, Map.of());
        }

        /** Reports with extra machine-readable {@code properties} (DRIFT0001's diff). */
        void report(String path, int line, String message, String hint, String subject, Map<String, String> properties);
    }

    static DriftRule of(String id, Severity severity, String title, String explanation, Body body) {
        return new DriftRule(new RuleInfo(id, title, severity, "drift", explanation.strip()), body);
    }

    String id() {
        return info.id();
    }
}
