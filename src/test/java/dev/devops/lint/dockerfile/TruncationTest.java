package dev.devops.lint.dockerfile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.lint.Severity;
import dev.devops.lint.testing.FixtureAssert;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every prefix of every fixture Dockerfile parses and lints without an exception in any rule. */
class TruncationTest {
    @Test
    void everyPrefixOfEveryFixtureIsHandled() throws IOException {
        List<String> failures = new ArrayList<>();
        int runs = 0;
        for (Path fixture : FixtureAssert.cases(FixtureAssert.fixtures("dockerfile"))) {
            Path file = fixture.resolve("Dockerfile");
            if (!Files.isRegularFile(file)) {
                continue;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            for (int cut = 0; cut <= text.length(); cut += 2) {
                String prefix = text.substring(0, cut);
                runs++;
                try {
                    Dockerfile df = DockerfileParser.parse("Dockerfile", prefix);
                    if (!df.errors().isEmpty()) {
                        continue;
                    }
                    DockerfileScope scope = new DockerfileScope(df, fixture);
                    for (DockerfileRule rule : DockerfileRules.all()) {
                        rule.check().run(scope, new DockerfileRule.Reporter() {
                            @Override
                            public void report(int line, String message, String hint) {
                                assertTrue(line >= 0 && message != null);
                            }

                            @Override
                            public void report(int line, Severity severity, String message, String hint) {
                                assertTrue(line >= 0 && message != null && severity != null);
                            }
                        });
                    }
                } catch (RuntimeException e) {
                    failures.add(fixture.getFileName() + " cut at " + cut + ": " + e);
                }
            }
        }
        assertTrue(runs > 1000, "ran " + runs);
        assertTrue(failures.isEmpty(), String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
    }
}
