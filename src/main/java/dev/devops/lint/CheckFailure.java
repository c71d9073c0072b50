package dev.devops.lint;

import java.util.Map;

/**
 * A check, or one rule of it, that threw: a bug in devops, never the user's input (input a check cannot
 * read is that check's own finding: DF0000, DC0000, ENV0022 …). Every family reports it the same way, as
 * one LINT0000 error finding, so a run whose checks did not all finish never passes silently: the
 * {@link LintRunner} turns an exception out of any {@link Check#run} or {@link TextCheck#scan} into it,
 * and a family that runs its rules one by one (Dockerfile, compose) or its files one by one (env) makes
 * the same finding for the rule or file that failed and goes on with the rest.
 */
public final class CheckFailure {
    private CheckFailure() {
    }

    public static final RuleInfo RULE = new RuleInfo("LINT0000", "A lint check failed (a bug in devops)", Severity.ERROR,
            "lint", "A check (or one rule of it) stopped with an unexpected error, so its findings for the file named are "
                    + "missing: the lint result is incomplete, and the run fails whatever --fail-on says. The other "
                    + "checks and files were linted. Please report it as a bug in devops with the message (it names the "
                    + "check, the rule and the error) and, if you can, the shape of the file; meanwhile --skip CATEGORY "
                    + "lints the rest.");

    /**
     * The finding for a failure.
     *
     * @param category the family (dockerfile, compose, env, drift, secrets …)
     * @param rule     the rule that failed, or null when the whole check (or its pass over a file) did
     * @param path     the file being linted (repository-relative), or "." for the whole run
     * @param error    what was thrown
     */
    public static Finding finding(String category, String rule, String path, Throwable error) {
        String what = "the " + category + " check" + (rule == null ? "" : "'s rule " + rule);
        String where = ".".equals(path) ? "" : " on this file";
        return new Finding(RULE, Severity.ERROR, path, 0, 0,
                what + " failed" + where + " (" + describe(error) + "); its findings" + (where.isEmpty() ? "" : " for this file")
                        + " are missing",
                "please report this as a bug in devops; --skip " + category + " lints the rest meanwhile", null,
                Finding.fingerprint(RULE.id(), path, category, rule == null ? "" : rule), Map.of("category", category));
    }

    private static String describe(Throwable e) {
        String s = e.toString();
        s = s.replaceAll("[\\r\\n]+", " ");
        return s.length() > 200 ? s.substring(0, 199) + "…" : s;
    }
}
