package dev.devops.lint.env;

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
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input never crashes the env and drift checks: every character prefix of every fixture file
 * (dotenv, compose, scripts, code, Dockerfiles, version files, workflows), and random bytes under each
 * of those names.
 */
class RobustnessTest {
    @TempDir
    Path dir;

    private void runBoth(List<String> files, List<String> failures, String what) {
        LintContext ctx = new LintContext(dir, files, Set.of(), null);
        List<Finding> out = new ArrayList<>();
        try {
            new EnvCheck().run(ctx, out::add);
            new DriftCheck().run(ctx, out::add);
        } catch (RuntimeException e) {
            failures.add(what + ": " + e);
        }
        // a file the checks cannot handle is reported, not swallowed: that report must not appear either
        out.stream().filter(f -> f.rule().id().equals(dev.devops.lint.CheckFailure.RULE.id()))
                .forEach(f -> failures.add(what + ": " + f.message()));
    }

    @Test
    void everyPrefixOfEveryFixtureFileIsHandled() throws IOException {
        List<String> failures = new ArrayList<>();
        int runs = 0;
        for (String group : List.of("env", "drift")) {
            for (Path fixture : FixtureAssert.cases(FixtureAssert.fixtures(group))) {
                for (String name : FixtureAssert.files(fixture)) {
                    String text = Files.readString(fixture.resolve(name), StandardCharsets.ISO_8859_1);
                    String flat = name.substring(name.lastIndexOf('/') + 1);
                    if (flat.equals("devops.yaml")) {
                        continue; // the descriptor is loaded (and validated) before lint runs
                    }
                    Path target = dir.resolve(name.startsWith(".github/") ? name : flat);
                    Files.createDirectories(target.getParent());
                    String rel = dir.relativize(target).toString().replace('\\', '/');
                    int step = Math.max(1, text.length() / 40);
                    for (int n = 0; n <= text.length(); n += step) {
                        Files.writeString(target, text.substring(0, n), StandardCharsets.ISO_8859_1);
                        runs++;
                        runBoth(List.of(rel), failures, group + "/" + fixture.getFileName() + "/" + name + " first " + n);
                    }
                    Files.delete(target);
                }
            }
        }
        assertTrue(runs > 1000, "ran " + runs);
        assertTrue(failures.isEmpty(), String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
    }

    @Test
    void randomBytesUnderEveryNameAreHandled() throws IOException {
        List<String> names = List.of(".env", ".env.example", ".env.production", "compose.yaml", "Dockerfile", "run.sh",
                "index.js", "app.py", "main.go", "App.java", ".nvmrc", "package.json", "pom.xml", "go.mod",
                "pyproject.toml", ".tool-versions", "build.gradle", ".github/workflows/ci.yml");
        Random random = new Random(7);
        List<String> failures = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            for (String n : names) {
                byte[] b = new byte[random.nextInt(3000)];
                random.nextBytes(b);
                Files.createDirectories(dir.resolve(n).getParent());
                Files.write(dir.resolve(n), b);
            }
            runBoth(names, failures, "round " + round);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
