package dev.devops.lint.env;

import static dev.devops.lint.Severity.INFO;

import dev.devops.descriptor.App;
import dev.devops.descriptor.EnvVar;
import dev.devops.files.FileKinds;
import java.util.Set;
import java.util.regex.Pattern;

/** ENV0009: Required variable missing from the local .env. */
final class ENV0009RequiredUnset {
    private ENV0009RequiredUnset() {
    }

    static final EnvRule RULE = EnvRule.of("ENV0009", INFO, "Required variable missing from the local .env", """
            A variable is required — ${X:?message} in compose, or `required: true` in devops.yaml — and \
            the local .env exists but does not set it, while no default or compose environment entry gives \
            it a value: `devops up` (and docker compose) will stop with the error message. Reported only \
            when a .env exists: a repository as committed (no .env at all) is the normal state, and CI \
            or the deploy environment sets the value. Fix: add X=… to your .env (copy the line from \
            .env.example).""",
            ENV0009RequiredUnset::required);

    private static void required(EnvScope s, EnvRule.Reporter o) {
        Set<String> done = new java.util.HashSet<>();
        for (var e : s.composeRefs().entrySet()) {
            String file = e.getKey();
            DotenvFile local = s.localEnv(FileKinds.dir(file));
            for (ComposeRefs.Ref r : e.getValue()) {
                if (local == null || r.mode() != ComposeRefs.Mode.REQUIRED || local.keys().containsKey(r.name())
                        || !done.add(r.name())) {
                    continue;
                }
                o.report(file, r.line(), r.column(), r.name() + " is required at " + file + ":" + r.line()
                        + " (${" + r.name() + ":?…}) but " + EnvScope.join(FileKinds.dir(file), ".env") + " does not set it and nothing gives "
                        + "it a default", r.name() + " must be set (in .env or the deploy environment) before `devops up` or a "
                        + "deploy", r.name());
            }
        }
        if (s.context().descriptor() == null) {
            return;
        }
        DotenvFile local = s.localEnv("");
        if (local == null) {
            return; // no local .env: the committed state, where required values come from CI or the deploy
        }
        String yaml = s.text("devops.yaml");
        for (App a : s.context().descriptor().apps()) {
            for (EnvVar v : a.env().values()) {
                if (!v.required() || v.defaultValue() != null || v.from() != null || done.contains(v.name())
                        || local.keys().containsKey(v.name()) || s.definedLiterally(v.name())) {
                    continue;
                }
                done.add(v.name());
                int line = EnvScope.lineOf(yaml, "^\\s*" + Pattern.quote(v.name()) + "\\s*:");
                o.report("devops.yaml", line, 0, v.name() + " is required by app " + a.name()
                                + " (devops.yaml" + (line > 0 ? ":" + line : "") + ") but no .env, default or compose entry gives it a value",
                        v.name() + " must be set (in .env or the deploy environment) before `devops up` or a deploy", v.name());
            }
        }
    }
}
