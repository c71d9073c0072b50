package dev.devops.lint.env;

import static dev.devops.lint.Severity.WARNING;

/** ENV0005: Key in .env missing from .env.example. */
final class ENV0005LocalNotInExample {
    private ENV0005LocalNotInExample() {
    }

    static final EnvRule RULE = EnvRule.of("ENV0005", WARNING, "Key in .env missing from .env.example", """
            Your local .env sets a variable .env.example does not document, so the next person's setup \
            lacks it. Values are never printed. Fix: add the key (with a placeholder) to .env.example, or \
            delete it from .env if nothing needs it.""",
            ENV0005LocalNotInExample::localNotInExample);

    private static void localNotInExample(EnvScope s, EnvRule.Reporter o) {
        s.eachLocalWithExample((local, ex) -> {
            for (var k : local.keys().entrySet()) {
                if (!ex.keys().containsKey(k.getKey())) {
                    o.report(local.path(), k.getValue(), 1, k.getKey() + " is set in "
                            + local.path() + ":" + k.getValue() + " but missing from " + ex.path(),
                            "add " + k.getKey() + "= with a placeholder to " + ex.path() + " (never the real value)", k.getKey());
                }
            }
        });
    }
}
