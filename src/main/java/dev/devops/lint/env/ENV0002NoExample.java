package dev.devops.lint.env;

import static dev.devops.lint.Severity.INFO;

import java.util.List;
import java.util.Map;

/** ENV0002: The repository reads variables but has no .env.example. */
final class ENV0002NoExample {
    private ENV0002NoExample() {
    }

    static final EnvRule RULE = EnvRule.of("ENV0002", INFO, "The repository reads variables but has no .env.example", """
            The code reads environment variables and nothing documents them. A .env.example (committed, with \
            placeholder values) is the conventional list of what must be set; `devops init` writes one. \
            Reported once, naming the first variables read.""",
            ENV0002NoExample::noExample);

    private static void noExample(EnvScope s, EnvRule.Reporter o) {
        Map<String, List<EnvScope.Read>> byName = s.undocumentedCandidates();
        if (s.demandsDocumentation() || byName.isEmpty()) {
            return; // ENV0001 and ENV0010 report each variable
        }
        EnvScope.Read first = byName.values().iterator().next().get(0);
        List<String> some = byName.keySet().stream().limit(8).toList();
        o.report(first.at().path(), first.at().line(), first.at().column(),
                "the code reads " + byName.size() + " environment variable" + (byName.size() == 1 ? "" : "s") + " ("
                        + String.join(", ", some) + (byName.size() > some.size() ? ", …" : "") + "; first at "
                        + first.at().where() + ") but the repository has no .env.example documenting them",
                "add a .env.example listing each variable with a placeholder value (`devops init` writes one)",
                "no-example");
    }
}
