package dev.devops.lint.env;

import dev.devops.lint.testing.RulesDoc;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** docs/RULES.md lists every ENV and DRIFT rule with the explanation the rule carries. */
class EnvRulesDocTest {
    @Test
    void envRulesAreDocumented() throws IOException {
        RulesDoc.assertDocumented("env rules", "Env parity rules (ENV)", new EnvCheck().rules());
    }

    @Test
    void driftRulesAreDocumented() throws IOException {
        RulesDoc.assertDocumented("drift rules", "Drift rules (DRIFT)", new DriftCheck().rules());
    }
}
