package dev.devops.lint.env;

import static dev.devops.lint.Severity.ERROR;

import dev.devops.core.InputFiles;
import dev.devops.core.VariableNames;
import dev.devops.files.FileKinds;
import dev.devops.files.Gitignore;
import dev.devops.lint.Severity;
import dev.devops.lint.secrets.Filters;
import java.io.IOException;
import java.nio.file.Files;
import java.util.TreeSet;

/** ENV0004: .env file tracked by git. */
final class ENV0004Tracked {
    private ENV0004Tracked() {
    }

    static final EnvRule RULE = EnvRule.of("ENV0004", ERROR, ".env file tracked by git", """
            A .env (or .env.<environment>, .env.local) file is committed. These files hold real local \
            values, often secrets; once committed they are in the history for good. Severity follows what \
            the file holds (docs/SECRET-RULES.md): error when it sets a credential to a live-looking value, \
            warning when its credentials are development defaults (change-me, postgres), info when it sets \
            no credential (plain settings) or is a test environment (.env.test). Fix: `git rm --cached \
            <file>`, add it to .gitignore, commit, and rotate every secret it held. Example files \
            (.env.example, .env.sample, .env.template, .env.dist) are meant to be committed and are not \
            reported, nor is a tracked symbolic link (apps/web/.env -> ../../.env: git stores the path, the \
            values stay in the file it points to, reported itself when tracked). When .gitignore already lists the file it was added before the ignore rule: \
            ignoring does not untrack it. Some frameworks (Next.js, Vite) commit .env.development /             .env.production holding only public defaults on purpose; if that is your case, keep secrets             out of them and suppress this finding for those paths in devops.yaml.""",
            ENV0004Tracked::tracked);

    private static void tracked(EnvScope s, EnvRule.Reporter o) {
        for (String f : new TreeSet<>(s.context().tracked())) {
            if (!FileKinds.dotenv(f).holdsValues() || Files.isSymbolicLink(s.root().resolve(f))) {
                // a tracked symbolic link (apps/web/.env -> ../../.env) commits a path, not values: the file it
                // points to is reported under its own name when it is tracked too
                continue;
            }
            String ignoredBy = Gitignore.listedBy(s.root(), f);
            String message = ignoredBy == null
                    ? f + " is tracked by git; it holds local values (often secrets) that every clone and the history now have"
                    : f + " is tracked by git although " + ignoredBy + " lists it (it was committed before the ignore rule; "
                            + "ignoring does not untrack a file)";
            String hint = "run `git rm --cached " + f + "`" + (ignoredBy == null ? ", add it to .gitignore" : "")
                    + ", commit, and rotate every secret it held (the history keeps the old values)";
            // a tracked file of plain settings is ordinary 12-factor practice (info); one that sets a
            // credential is the finding: an error for a live-looking value, a warning for development defaults
            Severity severity = trackedSeverity(s, f);
            String what = severity == Severity.ERROR ? "" : severity == Severity.WARNING
                    ? " (its credentials are development defaults)" : " (no credential in it today)";
            o.report(severity, f, 0, 0, message + what, hint, f);
        }
    }

    private static final java.util.regex.Pattern ASSIGNMENT = java.util.regex.Pattern.compile(
            "(?m)^[ \\t]*(?:export[ \\t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \\t]*=[ \\t]*(\"[^\"\\n]*\"|'[^'\\n]*'|[^#\\n]*)");

    /** ERROR when the file sets a credential to a live-looking value, WARNING for defaults only, INFO for none. */
    private static Severity trackedSeverity(EnvScope s, String f) {
        if (FileKinds.isTest(f) || FileKinds.isTestDotenv(f)) {
            return Severity.INFO; // .env.test: the test run's dummy values
        }
        boolean ciRun = FileKinds.isCiDotenv(f); // .env.ci: the CI test run's credentials, a warning at most
        String text;
        try {
            text = InputFiles.readText(s.root().resolve(f), InputFiles.MAX_CONFIG_BYTES);
        } catch (IOException | java.io.UncheckedIOException e) {
            return RULE.info().severity(); // unreadable: report as before (syntax rules say why)
        }
        boolean anyCredential = false;
        java.util.regex.Matcher m = ASSIGNMENT.matcher(text);
        while (m.find()) {
            String v = m.group(2).strip();
            if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'')) {
                v = v.substring(1, v.length() - 1);
            }
            if (v.isEmpty() || !VariableNames.isSecret(m.group(1)) || VariableNames.isPublicBundled(m.group(1))) {
                continue; // NEXT_PUBLIC_…_KEY, NX_REACT_APP_…_KEY: inlined into the browser's code, no credential
            }
            Filters.Strength strength = Filters.strength(v);
            if (strength == Filters.Strength.LIVE && !ciRun) {
                return Severity.ERROR;
            }
            anyCredential |= strength != Filters.Strength.NONE;
        }
        return anyCredential ? Severity.WARNING : Severity.INFO;
    }
}
