package dev.devops.lint.dockerfile;

import dev.devops.lint.RuleInfo;
import dev.devops.lint.Severity;

/**
 * One Dockerfile rule: its metadata and its check. Rules are listed in {@link DockerfileRules}.
 *
 * @param info  id, title, default severity and the explanation {@code devops rules ID} prints
 * @param check the check itself
 */
public record DockerfileRule(RuleInfo info, Body check) {
    /** The check of a rule: reports problems of one Dockerfile through {@code out}. */
    @FunctionalInterface
    public interface Body {
        void run(DockerfileScope scope, Reporter out);
    }

    /** Where a rule reports. */
    public interface Reporter {
        void report(int line, String message, String hint);

        /** Reports with a severity other than the rule's default. */
        void report(int line, Severity severity, String message, String hint);
    }

    static DockerfileRule of(String id, Severity severity, String title, String explanation, Body body) {
        return new DockerfileRule(new RuleInfo(id, title, severity, "dockerfile", explanation), body);
    }
}
