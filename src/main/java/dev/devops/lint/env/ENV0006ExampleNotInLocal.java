package dev.devops.lint.env;

import static dev.devops.lint.Severity.INFO;

/** ENV0006: Key in .env.example missing from .env. */
final class ENV0006ExampleNotInLocal {
    private ENV0006ExampleNotInLocal() {
    }

    static final EnvRule RULE = EnvRule.of("ENV0006", INFO, "Key in .env.example missing from .env", """
            .env.example documents a variable your local .env does not set; the app may fail or fall back to \
            a default locally. Info, because optional variables are often left out on purpose. Fix: copy \
            the key into .env and give it a value.""",
            ENV0006ExampleNotInLocal::exampleNotInLocal);

    private static void exampleNotInLocal(EnvScope s, EnvRule.Reporter o) {
        s.eachLocalWithExample((local, ex) -> {
            for (var k : ex.keys().entrySet()) {
                if (!local.keys().containsKey(k.getKey())) {
                    o.report(ex.path(), k.getValue(), 1, k.getKey() + " is documented at "
                            + ex.path() + ":" + k.getValue() + " but missing from your " + local.path(),
                            "set " + k.getKey() + " in " + local.path() + " (or leave it out if it is optional)", k.getKey());
                }
            }
        });
    }
}
