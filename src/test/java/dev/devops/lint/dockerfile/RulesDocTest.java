package dev.devops.lint.dockerfile;

import dev.devops.lint.compose.ComposeCheck;
import dev.devops.lint.testing.RulesDoc;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** docs/RULES.md lists every DF and DC rule with the explanation the rule object carries. */
class RulesDocTest {
    @Test
    void dockerfileRulesAreDocumented() throws IOException {
        RulesDoc.assertDocumented("dockerfile rules", "Dockerfile rules (DF)", new DockerfileCheck().rules());
    }

    @Test
    void composeRulesAreDocumented() throws IOException {
        RulesDoc.assertDocumented("compose rules", "Compose rules (DC)", new ComposeCheck().rules());
    }
}
