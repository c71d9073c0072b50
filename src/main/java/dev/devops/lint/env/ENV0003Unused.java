package dev.devops.lint.env;

import static dev.devops.lint.Severity.INFO;

import dev.devops.lint.dockerfile.Dockerfile;
import java.util.Set;

/** ENV0003: Key in .env.example that nothing uses. */
final class ENV0003Unused {
    private ENV0003Unused() {
    }

    static final EnvRule RULE = EnvRule.of("ENV0003", INFO, "Key in .env.example that nothing uses", """
            .env.example lists a variable that no code, script, Dockerfile, compose file (interpolation or \
            environment entry), devops.yaml or other configuration file (YAML, JSON, TOML, properties …) \
            even mentions — a name written anywhere there counts as used, so reads through a schema \
            (Joi, zod, envalid, pydantic-settings) are not reported. Stale entries make people hunt for values that do \
            nothing. Keys passed with env_file to a third-party image (no build) count as used. Not \
            reported when the repository has source code in a language the scanner cannot read. Fix: \
            delete the key, or fix the name the code reads.""",
            ENV0003Unused::unused);

    private static void unused(EnvScope s, EnvRule.Reporter o) {
        if (s.unscannedSources() || !(s.anyInputs() || s.context().descriptor() != null)) {
            return;
        }
        Set<String> used = s.usedNames();
        for (DotenvFile ex : s.examples()) {
            for (var k : ex.keys().entrySet()) {
                String name = k.getKey();
                if (used.contains(name) || EnvScope.isPlatform(name)) {
                    continue;
                }
                o.report(ex.path(), k.getValue(), 1, name + " is documented at " + ex.path() + ":" + k.getValue()
                        + " but no code, script, Dockerfile, compose or configuration file in the repository mentions it",
                        "delete it from " + ex.path() + ", or check the name the code reads", name);
            }
        }
    }
}
