package dev.devops.lint.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.devops.descriptor.Descriptor;
import dev.devops.descriptor.DescriptorLoader;
import dev.devops.git.TestRepo;
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
 * line {@code # expect: DF0012} (several ids comma-separated) on the line above the offending line, or
 * {@code // expect: ENV0001} in languages whose comments start with {@code //} (JS/TS, Java, Go).
 * Consecutive marker lines all point at the next line that is not a marker. {@link #assertFixture}
 * runs a {@link Check} over a fixture directory and fails unless the set of (file, line, rule id)
 * findings equals the set of markers, so both a missing and an extra finding fail. A marker may name a
 * fragment the finding's message (or hint) must contain: {@code # expect: DF0014 "exec form"}. A fixture
 * about some rules only says so with {@code # only: DF0014[, ID…]} on any line: findings of other rules are
 * then ignored, so the fixture needs no filler lines to keep them quiet.
 *
 * <p>Findings a comment cannot sit above — on a file with no comment syntax (package.json, a binary
 * file), on the whole file (line 0), or on a blank line — are listed in a sidecar file {@code EXPECT}
 * at the fixture's root, one per line: {@code path: ID[, ID]} for a whole-file finding (line 0) or
 * {@code path:LINE: ID[, ID]}; {@code #} starts a comment. Sidecar files ({@code EXPECT},
 * {@code FORCE-ADD}, {@code UNTRACKED}) are not part of the fixture's files.
 *
 * <p>{@link #gitFixture} copies a fixture into a real git repository (a {@code dot-gitignore} file
 * becomes {@code .gitignore}, so fixtures do not change what our own repository ignores), runs
 * {@code git add -A}, force-adds the paths listed in {@code FORCE-ADD}, leaves the paths listed in
 * {@code UNTRACKED} out, and commits.
 */
public final class FixtureAssert {
    /** One expectation: a rule id, optionally with a fragment its message must contain ({@code DF0014 "exec form"}). */
    private static final String ITEM = "[A-Z]+[0-9]+(?:\\s+\"[^\"]*\")?";
    /** The marker: {@code # expect: ID[ "message fragment"][, ID…]}. */
    public static final Pattern MARKER = Pattern.compile("^\\s*(?:#|//)\\s*expect:\\s*(" + ITEM + "(?:\\s*,\\s*" + ITEM + ")*)\\s*$");
    private static final Pattern ITEM_PARTS = Pattern.compile("([A-Z]+[0-9]+)(?:\\s+\"([^\"]*)\")?");
    /**
     * A fixture about some rules only: {@code # only: DF0014, DF0002} anywhere in it makes the fixture compare
     * those rules' findings and ignore every other rule, so it needs no filler lines to keep them quiet.
     */
    public static final Pattern ONLY = Pattern.compile("^\\s*(?:#|//)\\s*only:\\s*([A-Z]+[0-9]+(?:\\s*,\\s*[A-Z]+[0-9]+)*)\\s*$");

    /** Files at a fixture's root that describe the fixture and are not part of it. */
    public static final Set<String> SIDECARS = Set.of("EXPECT", "FORCE-ADD", "UNTRACKED");
    private static final Pattern SIDECAR_LINE = Pattern.compile(
            "^\\s*([^:#\\s][^:]*?)(?::(\\d+))?:\\s*([A-Z]+[0-9]+(?:\\s*,\\s*[A-Z]+[0-9]+)*)\\s*$");

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
            return s.filter(Files::isRegularFile).map(p -> fixture.relativize(p).toString().replace('\\', '/'))
                    .filter(f -> !SIDECARS.contains(f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The expected findings of a fixture: "file:line:ID" from its markers. */
    public static Set<String> expected(Path fixture) {
        return markers(fixture).keySet();
    }

    /** The rules a fixture is about ({@code # only:} lines), or an empty set for all rules. */
    public static Set<String> only(Path fixture) {
        Set<String> out = new TreeSet<>();
        for (String f : files(fixture)) {
            try {
                for (String line : new String(Files.readAllBytes(fixture.resolve(f)), StandardCharsets.UTF_8).split("\r?\n")) {
                    Matcher m = ONLY.matcher(line);
                    if (m.matches()) {
                        for (String id : m.group(1).split(",")) {
                            out.add(id.strip());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The expected findings of a fixture, "file:line:ID", each with the message fragment it names ("" for none). */
    public static java.util.SortedMap<String, String> markers(Path fixture) {
        java.util.SortedMap<String, String> out = new java.util.TreeMap<>();
        for (String f : files(fixture)) {
            List<String> lines;
            try {
                byte[] bytes = Files.readAllBytes(fixture.resolve(f));
                lines = List.of(new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String[]> pending = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = MARKER.matcher(lines.get(i));
                if (m.matches()) {
                    Matcher item = ITEM_PARTS.matcher(m.group(1));
                    while (item.find()) {
                        pending.add(new String[] {item.group(1), item.group(2) == null ? "" : item.group(2)});
                    }
                    continue;
                }
                for (String[] id : pending) {
                    out.put(f + ":" + (i + 1) + ":" + id[0], id[1]);
                }
                pending.clear();
            }
            if (!pending.isEmpty()) {
                fail(f + ": marker " + pending + " at the end of the file points at no line");
            }
        }
        Path sidecar = fixture.resolve("EXPECT");
        if (Files.isRegularFile(sidecar)) {
            try {
                for (String line : Files.readAllLines(sidecar, StandardCharsets.UTF_8)) {
                    String l = line.strip();
                    if (l.isEmpty() || l.startsWith("#")) {
                        continue;
                    }
                    Matcher m = SIDECAR_LINE.matcher(l);
                    if (!m.matches()) {
                        fail(sidecar + ": cannot read '" + l + "' (write path: ID or path:LINE: ID)");
                    }
                    for (String id : m.group(3).split(",")) {
                        out.put(m.group(1) + ":" + (m.group(2) == null ? "0" : m.group(2)) + ":" + id.strip(), "");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /**
     * Copies {@code fixture} into {@code dir} as a real git repository and commits it (see the class
     * comment); returns the tracked paths.
     */
    public static Set<String> gitFixture(Path fixture, Path dir) {
        try {
            for (String f : files(fixture)) {
                String target = f.equals("dot-gitignore") || f.endsWith("/dot-gitignore")
                        ? f.substring(0, f.length() - "dot-gitignore".length()) + ".gitignore" : f;
                Path to = dir.resolve(target);
                Files.createDirectories(to.getParent());
                Files.copy(fixture.resolve(f), to);
            }
            if (Files.isRegularFile(fixture.resolve("EXPECT"))) {
                Files.copy(fixture.resolve("EXPECT"), dir.resolve("EXPECT"));
            }
            TestRepo r = TestRepo.init(dir);
            r.git("add", "-A");
            Path force = fixture.resolve("FORCE-ADD");
            if (Files.isRegularFile(force)) {
                for (String p : Files.readAllLines(force, StandardCharsets.UTF_8)) {
                    if (!p.isBlank()) {
                        r.git("add", "-f", p.strip());
                    }
                }
            }
            Path untracked = fixture.resolve("UNTRACKED");
            if (Files.isRegularFile(untracked)) {
                for (String p : Files.readAllLines(untracked, StandardCharsets.UTF_8)) {
                    if (!p.isBlank()) {
                        r.git("rm", "-q", "--cached", p.strip());
                    }
                }
            }
            r.git("commit", "-q", "-m", "fixture");
            Set<String> tracked = new TreeSet<>(List.of(r.git("ls-files").split("\n")));
            tracked.remove("");
            return tracked;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code check} over the fixture and collects its findings. */
    public static List<Finding> run(Check check, Path fixture) {
        return run(check, fixture, Set.of());
    }

    /**
     * Runs {@code check} over the fixture with {@code tracked} as git's tracked files; a fixture with a
     * devops.yaml gets it as the context's descriptor.
     */
    public static List<Finding> run(Check check, Path fixture, Set<String> tracked) {
        Path yaml = fixture.resolve(DescriptorLoader.FILE_NAME);
        Descriptor descriptor = Files.isRegularFile(yaml) ? DescriptorLoader.load(yaml) : null;
        LintContext ctx = new LintContext(fixture, files(fixture), tracked, descriptor);
        List<Finding> out = new ArrayList<>();
        check.run(ctx, out::add);
        return reportedOn(check, out);
    }

    /**
     * {@code findings} of {@code check}, after asserting that each lands on a path {@link Check#reportsOn} admits
     * (a scoped run, lint --staged or lint FILE, skips a check that reports on none of its files).
     */
    public static List<Finding> reportedOn(Check check, List<Finding> findings) {
        for (Finding f : findings) {
            if (!check.reportsOn(f.path())) {
                throw new AssertionError(check.category() + " reported " + f.rule().id() + " on " + f.path()
                        + ", a path its reportsOn(path) denies: widen reportsOn");
            }
        }
        return findings;
    }

    /** Asserts that the findings of {@code check} on {@code fixture} are exactly its markers. */
    public static void assertFixture(Check check, Path fixture) {
        assertFixture(check, fixture, Set.of());
    }

    /** {@link #assertFixture(Check, Path)} with {@code tracked} as git's tracked files. */
    public static void assertFixture(Check check, Path fixture, Set<String> tracked) {
        Set<String> only = only(fixture);
        java.util.SortedMap<String, String> markers = markers(fixture);
        markers.keySet().removeIf(k -> !only.isEmpty() && !only.contains(k.substring(k.lastIndexOf(':') + 1)));
        Set<String> expected = markers.keySet();
        List<Finding> findings = run(check, fixture, tracked);
        Set<String> actual = new TreeSet<>();
        StringBuilder extra = new StringBuilder();
        for (Finding f : findings) {
            if (!only.isEmpty() && !only.contains(f.rule().id())) {
                continue;
            }
            String key = f.path() + ":" + f.line() + ":" + f.rule().id();
            actual.add(key);
            if (!expected.contains(key)) {
                extra.append("\n  unexpected ").append(key).append(" ").append(f.message());
            } else if (!f.message().contains(markers.get(key)) && !f.hint().contains(markers.get(key))) {
                extra.append("\n  message    ").append(key).append(" \"").append(f.message())
                        .append("\" does not contain \"").append(markers.get(key)).append('"');
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

    /**
     * One rule, one unit: each rule's check (keyed by the rule's id) is declared in the class of {@code pkg} named by
     * that id ({@code DF0014ShellForm}, {@code DC0016MissingEnvFile}, {@code ENV0008ComposeUnset}), so "where is
     * DF0014" is one guess. (A lambda's or method reference's class is named after the class that declares it.)
     */
    public static void assertEachRuleIsOneUnit(String pkg, java.util.Map<String, Object> checksById) {
        checksById.forEach((id, check) -> {
            String unit = check.getClass().getName();
            String prefix = pkg + "." + id;
            org.junit.jupiter.api.Assertions.assertTrue(unit.startsWith(prefix) && Character.isUpperCase(unit.charAt(prefix.length())),
                    id + " is declared in " + unit + ", not in its own unit " + prefix + "<Name>");
        });
    }

    /**
     * Every rule of {@code check} has a positive fixture under {@code root} (one with a marker for it)
     * and a negative one named {@code <ID>-ok…} without its marker.
     */
    public static void assertEveryRuleHasFixtures(Check check, Path root) {
        List<Path> cases = cases(root);
        Set<String> positive = new java.util.HashSet<>();
        for (Path c : cases) {
            expected(c).forEach(e -> positive.add(e.substring(e.lastIndexOf(':') + 1)));
        }
        for (dev.devops.lint.RuleInfo r : check.rules()) {
            if (!positive.contains(r.id())) {
                fail(r.id() + " has no fixture with a marker for it");
            }
            boolean negative = cases.stream().anyMatch(c -> c.getFileName().toString().startsWith(r.id() + "-ok")
                    && expected(c).stream().noneMatch(e -> e.endsWith(":" + r.id())));
            if (!negative) {
                fail(r.id() + " has no " + r.id() + "-ok fixture without its marker");
            }
        }
    }
}
