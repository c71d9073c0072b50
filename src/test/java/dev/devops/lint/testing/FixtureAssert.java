package dev.devops.lint.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.devops.lint.Check;
import dev.devops.lint.Finding;
import dev.devops.lint.LintContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fixture tests with the expected findings marked inline, one syntax for the whole suite: a comment
 * line {@code # expect: DF0012} (several ids comma-separated) on the line above the offending line.
 * Consecutive marker lines all point at the next line that is not a marker. {@link #assertFixture}
 * runs a {@link Check} over a fixture directory and fails unless the set of (file, line, rule id)
 * findings equals the set of markers, so both a missing and an extra finding fail.
 */
public final class FixtureAssert {
    /** The marker: {@code # expect: ID[, ID…]}. */
    public static final Pattern MARKER = Pattern.compile("^\\s*#\\s*expect:\\s*([A-Z]+[0-9]+(?:\\s*,\\s*[A-Z]+[0-9]+)*)\\s*$");

    private FixtureAssert() {
    }

    /** The fixtures root, {@code src/test/resources/lint/<name>}. */
    public static Path fixtures(String name) {
        String base = System.getProperty("devops.project.dir", ".");
        return Path.of(base, "src", "test", "resources", "lint", name);
    }

    /** The sub-directories of {@code root}, sorted: one fixture each. */
    public static List<Path> cases(Path root) {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every regular file of a fixture, as paths relative to it with forward slashes. */
    public static List<String> files(Path fixture) {
        try (Stream<Path> s = Files.walk(fixture)) {
            return s.filter(Files::isRegularFile).map(p -> fixture.relativize(p).toString().replace('\\', '/')).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The expected findings of a fixture: "file:line:ID" from its markers. */
    public static Set<String> expected(Path fixture) {
        Set<String> out = new TreeSet<>();
        for (String f : files(fixture)) {
            List<String> lines;
            try {
                byte[] bytes = Files.readAllBytes(fixture.resolve(f));
                lines = List.of(new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> pending = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = MARKER.matcher(lines.get(i));
                if (m.matches()) {
                    for (String id : m.group(1).split(",")) {
                        pending.add(id.strip());
                    }
                    continue;
                }
                for (String id : pending) {
                    out.add(f + ":" + (i + 1) + ":" + id);
                }
                pending.clear();
            }
            if (!pending.isEmpty()) {
                fail(f + ": marker " + pending + " at the end of the file points at no line");
            }
        }
        return out;
    }

    /** Runs {@code check} over the fixture and collects its findings. */
    public static List<Finding> run(Check check, Path fixture) {
        LintContext ctx = new LintContext(fixture, files(fixture), Set.of(), null);
        List<Finding> out = new ArrayList<>();
        check.run(ctx, out::add);
        return out;
    }

    /** Asserts that the findings of {@code check} on {@code fixture} are exactly its markers. */
    public static void assertFixture(Check check, Path fixture) {
        Set<String> expected = expected(fixture);
        List<Finding> findings = run(check, fixture);
        Set<String> actual = new TreeSet<>();
        StringBuilder extra = new StringBuilder();
        for (Finding f : findings) {
            String key = f.path() + ":" + f.line() + ":" + f.rule().id();
            actual.add(key);
            if (!expected.contains(key)) {
                extra.append("\n  unexpected ").append(key).append(" ").append(f.message());
            }
        }
        StringBuilder missing = new StringBuilder();
        for (String e : expected) {
            if (!actual.contains(e)) {
                missing.append("\n  missing    ").append(e);
            }
        }
        if (extra.length() > 0 || missing.length() > 0) {
            fail("fixture " + fixture.getFileName() + ":" + missing + extra);
        }
    }
}
