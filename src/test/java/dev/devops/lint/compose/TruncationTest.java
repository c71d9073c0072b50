package dev.devops.lint.compose;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.lint.Finding;
import dev.devops.lint.LintContext;
import dev.devops.lint.testing.FixtureAssert;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every line prefix of every fixture compose file loads or gives DC0000; nothing throws, no rule fails. */
class TruncationTest {
    @TempDir
    Path dir;

    @Test
    void everyLinePrefixIsHandled() throws IOException {
        List<String> failures = new ArrayList<>();
        int runs = 0;
        for (Path fixture : FixtureAssert.cases(FixtureAssert.fixtures("compose"))) {
            for (String name : FixtureAssert.files(fixture)) {
                if (!ComposeCheck.isComposeFile(name) || name.contains("/")) {
                    continue;
                }
                String[] lines = Files.readString(fixture.resolve(name), StandardCharsets.UTF_8).split("\n", -1);
                for (int n = 0; n <= lines.length; n++) {
                    Files.writeString(dir.resolve("compose.yaml"), String.join("\n", java.util.Arrays.copyOf(lines, n)));
                    List<Finding> out = new ArrayList<>();
                    runs++;
                    try {
                        new ComposeCheck().run(new LintContext(dir, List.of("compose.yaml"), Set.of(), null), out::add);
                    } catch (RuntimeException e) {
                        failures.add(fixture.getFileName() + "/" + name + " first " + n + " lines: " + e);
                    }
                    for (Finding f : out) {
                        if (f.rule().id().equals(dev.devops.lint.CheckFailure.RULE.id())) {
                            failures.add(fixture.getFileName() + "/" + name + " first " + n + " lines: " + f.message());
                        }
                    }
                }
            }
        }
        assertTrue(runs > 500, "ran " + runs);
        assertTrue(failures.isEmpty(), String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
    }
}
