package dev.devops.lint.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.devops.lint.RuleInfo;
import dev.devops.lint.testing.RulesDoc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/RULES.md lists every ENV and DRIFT rule with the explanation the rule carries. */
class EnvRulesDocTest {
    private static void check(String name, String heading, List<RuleInfo> rules) throws IOException {
        String expected = RulesDoc.render(heading, rules);
        if (Boolean.getBoolean("devops.updateDocs")) {
            RulesDoc.update(name, expected);
        }
        String doc = Files.readString(RulesDoc.file(), StandardCharsets.UTF_8);
        String section = RulesDoc.section(doc, name);
        assertNotNull(section, "docs/RULES.md has no '" + name + "' section; run the test with -Ddevops.updateDocs=true");
        assertEquals(expected, section, "docs/RULES.md is out of date; run the test with -Ddevops.updateDocs=true");
    }

    @Test
    void envRulesAreDocumented() throws IOException {
        check("env rules", "Env parity rules (ENV)", new EnvCheck().rules());
    }

    @Test
    void driftRulesAreDocumented() throws IOException {
        check("drift rules", "Drift rules (DRIFT)", new DriftCheck().rules());
    }
}
