package dev.devops.lint.secrets.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/SECRET-RULES.md must list exactly the built-in rules. Regenerate with -Ddevops.regenerate=true. */
class SecretRulesDocTest {
    @Test
    void committedRuleListIsUpToDate() throws IOException {
        Path doc = Path.of(System.getProperty("devops.project.dir", "."), "docs", "SECRET-RULES.md");
        String expected = SecretRulesDoc.markdown(RuleLoader.builtin(), RuleLoader.builtinSources());
        if (Boolean.getBoolean("devops.regenerate")) {
            Files.createDirectories(doc.getParent());
            Files.writeString(doc, expected, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(doc), doc + " is missing; run: mvn -o test -Dtest=SecretRulesDocTest -Ddevops.regenerate=true");
        assertEquals(expected, Files.readString(doc, StandardCharsets.UTF_8),
                doc + " is out of date; run: mvn -o test -Dtest=SecretRulesDocTest -Ddevops.regenerate=true");
    }

    @Test
    void everyRuleAppearsOnceWithItsSource() {
        String md = SecretRulesDoc.markdown(RuleLoader.builtin(), RuleLoader.builtinSources());
        for (SecretRule r : RuleLoader.builtin()) {
            assertEquals(1, md.split("\\| " + r.id() + " \\|", -1).length - 1, r.id());
        }
        for (String file : RuleLoader.builtinSources().values()) {
            assertTrue(md.contains("\n## " + file + "\n"), file);
        }
    }
}
