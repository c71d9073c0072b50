package dev.devops.lint.dockerfile;

import dev.devops.lint.RuleInfo;
import dev.devops.lint.Severity;

/**
 * One Dockerfile rule: its metadata and its check. Each rule is one unit ({@code DF0014ShellForm}: a
 * {@code RULE} constant made with {@link #of} and the check beside it), registered by one line in
 * {@link DockerfileRules}; the helpers below are for writing rules.
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

    /** Where hadolint explains its rules (the DLxxxx a rule matches is named in its explanation). */
    static final String HADOLINT = "https://github.com/hadolint/hadolint/wiki/";

    interface CommandTest {
        boolean test(ShellCommand c);
    }

    interface CommandText {
        String text(ShellCommand c);
    }

    /** Reports each RUN command matching {@code test}, once per RUN. */
    static void eachCommand(DockerfileScope s, Reporter o, CommandTest test, CommandText message, String hint) {
        for (Stage st : s.stages()) {
            for (Instruction i : st.body()) {
                if (!i.is("RUN")) {
                    continue;
                }
                for (ShellCommand c : s.commands(i)) {
                    if (test.test(c)) {
                        o.report(i.line(), message.text(c), hint);
                        break;
                    }
                }
            }
        }
    }

    /** A Dockerfile path is absolute: /app, $HOME/app, a Windows drive path. */
    static boolean isAbsolutePath(String p) {
        return p.startsWith("/") || p.startsWith("$") || p.matches("(?i)[a-z]:[\\\\/].*") || p.startsWith("\\");
    }

    /** {@code s} without one pair of surrounding double or single quotes. */
    static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
