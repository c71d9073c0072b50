package dev.devops.lint.secrets.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.core.UserError;
import dev.devops.lint.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader's checks, on small rules files (the examples are deliberately not secret-shaped). */
class RuleLoaderTest {
    private static final Path FILE = Path.of("extra-rules.yaml");

    /** A valid rule; {@code %s} pieces are replaced by the tests to break one thing at a time. */
    private static String rule(String id, String regex, String keywords, String examples) {
        return "- id: " + id + "\n"
                + "  title: Zebra widget token\n"
                + "  severity: warning\n"
                + "  regex: '" + regex + "'\n"
                + "  secretGroup: 1\n"
                + "  keywords: " + keywords + "\n"
                + "  entropy: 2.5\n"
                + "  help: Rotate it in the zebra console\n"
                + "  examples:\n" + examples;
    }

    private static final String REGEX = "\\b(zbw_[a-z0-9]{12})\\b";
    private static final String EXAMPLES = "    match: ['ZEBRA=zbw_q8r2k5m1x7c3']\n    ignore: ['ZEBRA=zbw_aaaaaaaaaaaa', 'ZEBRA=zbw_short']\n";

    private static UserError fails(String yaml) {
        return assertThrows(UserError.class, () -> RuleLoader.parse(FILE, yaml));
    }

    @Test
    void aValidRuleLoads() {
        List<SecretRule> rules = RuleLoader.parse(FILE, rule("SEC9001", REGEX, "[zbw_]", EXAMPLES));
        assertEquals(1, rules.size());
        SecretRule r = rules.get(0);
        assertEquals("SEC9001", r.id());
        assertEquals(Severity.WARNING, r.severity());
        assertEquals(1, r.secretGroup());
        assertEquals(2.5, r.entropy());
        assertNull(r.validator());
        assertEquals(List.of("zbw_"), r.keywords());
        assertTrue(RuleLoader.accepts(r, r.examplesMatch().get(0)));
        assertEquals(false, RuleLoader.accepts(r, r.examplesIgnore().get(0)), "entropy floor");
        assertEquals(false, RuleLoader.accepts(r, r.examplesIgnore().get(1)), "too short");
    }

    @Test
    void aRuleWithoutIgnoreExamplesDoesNotLoad() {
        UserError e = fails(rule("SEC9001", REGEX, "[zbw_]", "    match: ['ZEBRA=zbw_q8r2k5m1x7c3']\n"));
        assertTrue(e.oneLine().startsWith("extra-rules.yaml:9:"), e.oneLine());
        assertTrue(e.getMessage().contains("SEC9001") && e.getMessage().contains("no 'ignore' examples"), e.getMessage());
    }

    @Test
    void aRuleWithoutMatchExamplesDoesNotLoad() {
        UserError e = fails(rule("SEC9001", REGEX, "[zbw_]", "    match: []\n    ignore: ['zbw_short']\n"));
        assertTrue(e.getMessage().contains("SEC9001") && e.getMessage().contains("no 'match' examples"), e.getMessage());
    }

    @Test
    void aRuleWithoutExamplesDoesNotLoad() {
        String yaml = rule("SEC9001", REGEX, "[zbw_]", "").replace("  examples:\n", "");
        UserError e = fails(yaml);
        assertTrue(e.getMessage().contains("missing required key 'examples'"), e.getMessage());
        assertEquals(1, e.location().line());
    }

    @Test
    void aBadRegexNamesTheRuleAndLine() {
        UserError e = fails(rule("SEC9002", "(zbw_[a-z", "[zbw_]", EXAMPLES));
        assertTrue(e.getMessage().contains("SEC9002") && e.getMessage().contains("does not compile"), e.getMessage());
        assertEquals(4, e.location().line());
        assertEquals(10, e.location().column());
    }

    @Test
    void duplicateIdsAreRejectedWithBothLocations() {
        String yaml = rule("SEC9003", REGEX, "[zbw_]", EXAMPLES) + rule("SEC9003", REGEX, "[zbw_]", EXAMPLES);
        UserError e = fails(yaml);
        assertTrue(e.getMessage().contains("duplicate rule id SEC9003") && e.getMessage().contains("extra-rules.yaml:1:7"), e.getMessage());
        assertEquals(12, e.location().line());
    }

    @Test
    void aMatchExampleWithoutAKeywordIsRejected() {
        UserError e = fails(rule("SEC9004", REGEX, "[zebra_token]", EXAMPLES));
        assertTrue(e.getMessage().contains("SEC9004") && e.getMessage().contains("none of the keywords"), e.getMessage());
    }

    @Test
    void keywordsMustBeLowercaseAndNonEmpty() {
        UserError upper = fails(rule("SEC9005", REGEX, "[ZBW_]", EXAMPLES));
        assertTrue(upper.getMessage().contains("not lowercase") && upper.hint().contains("'zbw_'"), upper.oneLine());
        UserError empty = fails(rule("SEC9005", REGEX, "[]", EXAMPLES));
        assertTrue(empty.getMessage().contains("keywords is empty"), empty.oneLine());
    }

    @Test
    void idMustBeSecAndFourDigits() {
        UserError e = fails(rule("SEC12", REGEX, "[zbw_]", EXAMPLES));
        assertTrue(e.getMessage().contains("SEC followed by 4 digits"), e.oneLine());
    }

    @Test
    void secretGroupMustExistInTheRegex() {
        UserError e = fails(rule("SEC9006", "\\bzbw_[a-z0-9]{12}\\b", "[zbw_]", EXAMPLES));
        assertTrue(e.getMessage().contains("secretGroup is 1 but the regex has 0 group(s)"), e.oneLine());
    }

    @Test
    void unknownValidatorAndUnknownKeysAndBadSeverityAreRejected() {
        String base = rule("SEC9007", REGEX, "[zbw_]", EXAMPLES);
        UserError v = fails(base.replace("  entropy: 2.5\n", "  validator: crc64\n"));
        assertTrue(v.getMessage().contains("unknown validator 'crc64'") && v.hint().contains("github-crc32"), v.oneLine());
        UserError k = fails(base.replace("  entropy: 2.5\n", "  entrophy: 2.5\n"));
        assertTrue(k.getMessage().contains("unknown key 'entrophy'") && k.hint().contains("entropy"), k.oneLine());
        UserError s = fails(base.replace("severity: warning", "severity: critical"));
        assertTrue(s.getMessage().contains("'critical'"), s.oneLine());
        UserError en = fails(base.replace("entropy: 2.5", "entropy: 9"));
        assertTrue(en.getMessage().contains("out of range"), en.oneLine());
    }

    @Test
    void anEmptyFileIsAnError() {
        UserError e = fails("");
        assertTrue(e.getMessage().contains("empty"), e.oneLine());
    }

    @Test
    void aUserFileLoadsAndItsExamplesAreRun(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("rules.yaml");
        Files.writeString(good, rule("SEC9101", REGEX, "[zbw_]", EXAMPLES));
        assertEquals("SEC9101", RuleLoader.load(good).get(0).id());

        Path notFound = dir.resolve("not-found.yaml");
        Files.writeString(notFound, rule("SEC9102", REGEX, "[zbw_]",
                "    match: ['ZEBRA=zbw_q8r2']\n    ignore: ['x']\n"));
        UserError e = assertThrows(UserError.class, () -> RuleLoader.load(notFound));
        assertTrue(e.oneLine().startsWith(notFound + ":10:") && e.getMessage().contains("does not find its match example"), e.oneLine());

        Path reported = dir.resolve("reported.yaml");
        Files.writeString(reported, rule("SEC9103", REGEX, "[zbw_]",
                "    match: ['ZEBRA=zbw_q8r2k5m1x7c3']\n    ignore: ['OTHER=zbw_k2j4h6g8f0d1']\n"));
        UserError r = assertThrows(UserError.class, () -> RuleLoader.load(reported));
        assertTrue(r.getMessage().contains("reports its ignore example"), r.oneLine());
        assertTrue(!r.oneLine().contains("zbw_k2j4h6g8f0d1"), "the example is abbreviated, not printed in full");
    }

    @Test
    void aUserRuleMayNotReuseABuiltinId(@TempDir Path dir) throws IOException {
        String taken = RuleLoader.builtin().get(0).id();
        Path file = dir.resolve("clash.yaml");
        Files.writeString(file, rule(taken, REGEX, "[zbw_]", EXAMPLES));
        UserError e = assertThrows(UserError.class, () -> RuleLoader.load(file));
        assertTrue(e.getMessage().contains("already a built-in rule") && e.location().line() == 1, e.oneLine());
    }

    @Test
    void aMissingUserFileIsAUserError(@TempDir Path dir) {
        UserError e = assertThrows(UserError.class, () -> RuleLoader.load(dir.resolve("nope.yaml")));
        assertTrue(e.getMessage().contains("not found"), e.oneLine());
    }

    @Test
    void invalidYamlReportsLineAndColumn() {
        UserError e = fails("- id: SEC9001\n  title: [unclosed\n");
        assertTrue(e.location() != null && e.location().line() >= 2, e.oneLine());
    }

    @Test
    void builtinIsSharedSafelyAcrossThreads() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        var seen = ConcurrentHashMap.<List<SecretRule>>newKeySet();
        for (int i = 0; i < 8; i++) {
            pool.submit(() -> {
                start.await();
                seen.add(RuleLoader.builtin());
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(1, seen.stream().map(System::identityHashCode).distinct().count());
    }
}
