package dev.devops.lint.dockerfile;

import static dev.devops.lint.Severity.ERROR;
import static dev.devops.lint.Severity.WARNING;

import dev.devops.core.VariableNames;
import dev.devops.lint.secrets.Filters;
import java.util.List;
import java.util.Locale;

/** DF0020: Secret-looking ENV or ARG. */
final class DF0020SecretEnv {
    private DF0020SecretEnv() {
    }

    static final DockerfileRule RULE = DockerfileRule.of("DF0020", ERROR, "Secret-looking ENV or ARG",
            "ENV values are stored in the image config and shown by docker inspect; ARG values are "
                    + "recorded in docker history. A password, token or key set this way is readable by "
                    + "anyone who can pull the image. Pass secrets at run time (environment, compose secrets) "
                    + "or at build time with RUN --mount=type=secret. ENV with a random-looking literal value is "
                    + "an error, a development default (changeme) a warning, a placeholder or a connection URL "
                    + "without a password (a build step's dummy DATABASE_URL) not reported; ARG in a stage is a warning (a global ARG before the first FROM only feeds FROM lines and is not recorded). A front-end "
                    + "bundler's public variables (VITE_…, NEXT_PUBLIC_…, REACT_APP_…) are inlined into the browser's code and not reported.",
            DF0020SecretEnv::secretEnv);

    private static void secretEnv(DockerfileScope s, DockerfileRule.Reporter o) {
        boolean inStage = false;
        for (Instruction i : s.dockerfile().instructions()) {
            inStage |= i.is("FROM");
            if (i.is("ENV")) {
                List<String[]> pairs = i.envPairs();
                for (String[] kv : pairs) {
                    String v = kv[1] == null ? "" : kv[1];
                    if (VariableNames.isSecret(kv[0]) && !VariableNames.isPublicBundled(kv[0]) && !v.isEmpty()) {
                        int at = i.arguments().indexOf(kv[0]);
                        int line = at < 0 ? i.line() : i.lineAt(at);
                        boolean literal = !v.strip().matches("\\$\\{?[A-Za-z_][A-Za-z0-9_]*(:?[-+][^}]*)?}?");
                        if (literal) {
                            // the secrets severity model: a placeholder or a URL without a password is no secret, a
                            // development default a warning, a live-looking value an error
                            Filters.Strength strength = Filters.strength(unquote(v.strip()));
                            if (strength == Filters.Strength.NONE) {
                                continue; // ENV DATABASE_URL="postgresql://placeholder:placeholder@…" for a build step
                            }
                            boolean live = strength == Filters.Strength.LIVE;
                            o.report(line, live ? ERROR : WARNING, "ENV " + kv[0] + " sets a " + (live ? "secret-looking"
                                    : "development default") + " value that anyone with the image can read",
                                    "remove it from the Dockerfile and pass it at run time (compose environment or secrets)");
                        } else {
                            o.report(line, WARNING, "ENV " + kv[0] + " copies a build argument into the image config",
                                    "pass the secret at run time instead, or use RUN --mount=type=secret at build time");
                        }
                    }
                }
            } else if (i.is("ARG") && inStage) {
                // an ARG before the first FROM is global: only FROM lines can read it, no layer records it; a stage
                // that declares it again is reported there
                for (String[] kv : DockerfileParser.argPairs(i.rest())) {
                    if (VariableNames.isSecret(kv[0]) && !VariableNames.isPublicBundled(kv[0])) {
                        // a bundler's public variable (VITE_SENTRY_DSN) is inlined into the browser's JavaScript anyway
                        o.report(i.line(), WARNING, "ARG " + kv[0] + (kv[1] == null ? "" : " has a default and")
                                + " is recorded in the image history (docker history)",
                                "use RUN --mount=type=secret,id=" + kv[0].toLowerCase(Locale.ROOT) + " for build secrets");
                    }
                }
            }
        }
    }

    private static String unquote(String t) {
        return t.length() >= 2 && (t.charAt(0) == '"' || t.charAt(0) == '\'') && t.charAt(t.length() - 1) == t.charAt(0)
                ? t.substring(1, t.length() - 1) : t;
    }
}
