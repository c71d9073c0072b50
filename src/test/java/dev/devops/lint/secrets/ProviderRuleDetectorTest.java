package dev.devops.lint.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.lint.Allowlist;
import dev.devops.lint.Finding;
import dev.devops.lint.Severity;
import dev.devops.lint.secrets.rules.RuleLoader;
import dev.devops.lint.secrets.rules.SecretRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The keyword-anchored scan: which regexes qualify, and that it finds what a whole-line search finds. */
class ProviderRuleDetectorTest {
    private static boolean anchored(String regex, String... keywords) {
        return ProviderRuleDetector.startsWithKeyword(regex, List.of(keywords));
    }

    @Test
    void prefixTokenFormatsAreAnchored() {
        assertTrue(anchored("(?<![A-Za-z0-9_-])(ghp_[A-Za-z0-9]{36})(?![A-Za-z0-9_-])", "ghp_"));
        assertTrue(anchored("(?<![A-Z0-9])((?:AKIA|ASIA|A3T[A-Z0-9])[A-Z0-9]{16})", "akia", "asia", "a3t"));
        assertTrue(anchored("(?<![A-Za-z0-9_-])(hvs\\.[A-Za-z0-9_-]{24,300})", "hvs."));
        assertTrue(anchored("client-key-data:\\s*([A-Za-z0-9+/=]{60,})", "client-key-data"));
        // the provider-name contexts: case ignored in front, a word boundary before a name
        assertTrue(anchored("(?i)(?:oracle)[\\w.-]{0,20}?secret=(\\w+)", "oracle"));
        // a literal prefix and a class whose every character the keywords name after it: key0 … keyf for KEY[0-9A-F]
        assertTrue(anchored("(?<![A-Za-z0-9])(SK[0-9a-f]{32})(?![A-Za-z0-9])", hexKeywords("sk").toArray(String[]::new)));
        assertTrue(anchored("(?i)(?:azure[_-]?devops|\\bazdo|\\bado)[\\w.-]{0,20}?(?:pat|token)=(\\w+)", "azure", "azdo", "ado"));
    }

    @Test
    void anythingElseSearchesTheLine() {
        assertFalse(anchored("(?s)(?:oracle)[\\w.-]{0,20}?secret=(\\w+)", "oracle"), "other flags first");
        assertFalse(anchored("(?i)(?:\\boci|oracle)[\\w.-]{0,20}?secret=(\\w+)", "secret"), "a keyword that is not in front");
        assertFalse(anchored("(ghp_[A-Za-z0-9]{36})|(gho_[A-Za-z0-9]{36})", "ghp_", "gho_"), "top-level alternation");
        assertFalse(anchored("((?:AKIA|[0-9]{4}AKIA)[A-Z0-9]{16})", "akia"), "an alternative without the keyword first");
        assertFalse(anchored("(ghp_?[A-Za-z0-9]{36})", "ghp_"), "the keyword's last character is optional");
        assertFalse(anchored("([A-Za-z0-9]{36}NRAL)", "nral"), "keyword at the end");
        assertFalse(anchored("(SK[0-9a-f]{32})", "ska", "sk0"), "keyword ends in a character class the keywords do not cover");
        assertFalse(anchored("(SK[0-9]?[a-z]{32})", "sk0", "sk1", "sk2", "sk3", "sk4", "sk5", "sk6", "sk7", "sk8", "sk9"),
                "a class that may match nothing");
        assertFalse(anchored("(?<![\\w-])(ghp_[A-Za-z0-9]{36})", "ghp_"), "escapes in the lookbehind are not read");
    }

    /** For every anchored built-in rule, every match of every match example starts at a keyword. */
    @Test
    void builtinAnchoredRulesMatchOnlyAtAKeyword() {
        int anchoredRules = 0;
        for (SecretRule r : RuleLoader.builtin()) {
            if (!new ProviderRuleDetector(r, (v, s) -> true).anchored()) {
                continue;
            }
            anchoredRules++;
            for (String ex : r.examplesMatch()) {
                Matcher m = r.regex().matcher(ex);
                while (m.find()) {
                    int at = m.start();
                    assertTrue(r.keywords().stream().anyMatch(k -> ex.regionMatches(true, at, k, 0, k.length())),
                            r.id() + ": a match starts without a keyword at " + at);
                }
            }
        }
        assertTrue(anchoredRules > 100, "prefix formats are most of the rules data: " + anchoredRules);
    }

    /** The anchored scan and the whole-line search report the same findings on every built-in example. */
    @Test
    void anchoredScanFindsWhatTheLineSearchFinds() {
        int found = 0;
        for (SecretRule r : RuleLoader.builtin()) {
            ProviderRuleDetector d = new ProviderRuleDetector(r, (v, s) -> true);
            if (!d.anchored()) {
                continue;
            }
            SecretScanner scanner = new SecretScanner(List.of(r), (v, s) -> true);
            for (String ex : r.examplesMatch()) {
                String text = "x = 1\n" + ex + " " + ex + "\n";
                List<String> viaScanner = new ArrayList<>();
                for (Finding f : scanner.scan("app/config.conf", text, null, Map.of(), Allowlist.NONE, true)) {
                    if (f.rule().id().equals(r.id())) {
                        viaScanner.add(f.line() + ":" + f.column());
                    }
                }
                List<String> viaBytes = new ArrayList<>();
                byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                for (Finding f : scanner.scanFile("app/config.conf", bytes, Allowlist.NONE, true)) {
                    if (f.rule().id().equals(r.id())) {
                        viaBytes.add(f.line() + ":" + f.column());
                    }
                }
                ScanJob job = new ScanJob("app/config.conf", text, null, null, Allowlist.NONE);
                d.scanRegion(job, 0, text.length());
                List<String> viaSearch = job.findings.stream().map(f -> f.line() + ":" + f.column()).toList();
                assertEquals(viaSearch, viaScanner, r.id() + " on " + r.id() + "'s example");
                assertEquals(viaSearch, viaBytes, r.id() + " on " + r.id() + "'s example, from bytes");
                found += viaScanner.size();
            }
        }
        assertTrue(found > 200, "the examples are found: " + found);
    }

    @Test
    void twoTokensOnOneLineAreBothFound() {
        SecretRule rule = new SecretRule("SEC0902", "Prefix token", Severity.ERROR,
                Pattern.compile("(?<![A-Za-z0-9_-])(tst_[A-Za-z0-9]{24})(?![A-Za-z0-9_-])"), 1, List.of("tst_"), 3.0, null,
                List.of(), List.of(), "Rotate it.");
        assertTrue(new ProviderRuleDetector(rule, (v, s) -> true).anchored());
        String text = "a = \"tst_tst_\" + \"" + Fake.testToken() + "\"; b = \"" + Fake.testToken() + "\"\n";
        List<Finding> f = new SecretScanner(List.of(rule)).scan("src/A.java", text, null, Map.of(), Allowlist.NONE, true);
        assertEquals(2, f.stream().filter(x -> x.rule().id().equals("SEC0902")).count());
    }

    @Test
    void byteLevelPreCheckWantsTheExactSpellingAfterABoundary() {
        SecretRule rule = new SecretRule("SEC0903", "Airtable-like", Severity.ERROR,
                Pattern.compile("(?<![A-Za-z0-9_-])(pat[A-Za-z0-9]{14}\\.[a-f0-9]{64})(?![A-Za-z0-9_-])"), 1, List.of("pat"), 0,
                null, List.of(), List.of(), "Rotate it.");
        ProviderRuleDetector d = new ProviderRuleDetector(rule, (v, s) -> true);
        byte[] b = "pat xpath PAT _pat -pat (pat \u00e9pat".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(d.acceptsHit(b, 0, 3), "at the start");
        assertFalse(d.acceptsHit(b, 5, 8), "after a letter");
        assertFalse(d.acceptsHit(b, 10, 13), "other case: the regex is case-sensitive");
        assertFalse(d.acceptsHit(b, 15, 18), "after _");
        assertFalse(d.acceptsHit(b, 20, 23), "after -");
        assertTrue(d.acceptsHit(b, 25, 28), "after (");
        assertTrue(d.acceptsHit(b, b.length - 3, b.length), "after a non-ASCII character");
        SecretRule ci = new SecretRule("SEC0904", "case-insensitive", Severity.ERROR,
                Pattern.compile("(?<![A-Za-z0-9_-])(pat[A-Za-z0-9]{14})", Pattern.CASE_INSENSITIVE), 1, List.of("pat"), 0,
                null, List.of(), List.of(), "Rotate it.");
        assertTrue(new ProviderRuleDetector(ci, (v, s) -> true).acceptsHit(b, 10, 13), "case ignored under the flag");
        assertTrue(new ProviderRuleDetector(ci, (v, s) -> true).acceptsHit(b, 5, 8), "no lookbehind pre-check under a flag");
    }

    /**
     * A {@code (?i)} context rule is tried only at its front keywords, spelt in any case: a hit of another keyword of the
     * rule cannot begin a match, and the word boundary in front is the regex's to test.
     */
    @Test
    void caseIgnoringContextRulesAreTriedAtTheirFrontsInAnyCase() {
        SecretRule rule = rule("SEC0905", "(?i)(?:\\bacme|widget)[\\w.-]{0,20}?(?:token)\\s*=\\s*\"((?-i:[a-z0-9]{20}))\"",
                List.of("acme", "widget", "token"));
        ProviderRuleDetector d = anchoredDetector(rule);
        byte[] b = "ACME Widget token".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(d.acceptsHit(b, 0, 4), "upper case");
        assertTrue(d.acceptsHit(b, 5, 11), "mixed case");
        assertFalse(d.acceptsHit(b, 12, 17), "a keyword no match begins with");
        String value = "kqzmwhtrvb" + "7305918264";
        String text = "x_acme_token = \"" + value + "\"\nACME_TOKEN = \"" + value + "\"\nWidgetToken = \"" + value + "\"\n";
        List<Finding> f = new SecretScanner(List.of(rule), (v, s) -> true).scan("app/config.conf", text, null, Map.of(),
                Allowlist.NONE, true);
        // line 1: "acme" follows a word character, so \b fails there and nothing begins a match (a line search agrees)
        assertEquals(List.of(2, 3), f.stream().filter(x -> x.rule().id().equals("SEC0905")).map(Finding::line).toList());
        ScanJob job = new ScanJob("app/config.conf", text, null, null, Allowlist.NONE);
        d.scanRegion(job, 0, text.length());
        assertEquals(List.of(2, 3), job.findings.stream().map(Finding::line).toList(), "the whole-text search finds the same");
    }

    /** A provider rule of the test: the secret is group 1, no entropy floor, no validator. */
    private static SecretRule rule(String id, String regex, List<String> keywords) {
        return new SecretRule(id, "test rule " + id, Severity.ERROR, Pattern.compile(regex), 1, keywords, 0, null, List.of(),
                List.of(), "Rotate it.");
    }

    /** The rule's detector, which must read as anchored at its keywords. */
    private static ProviderRuleDetector anchoredDetector(SecretRule rule) {
        ProviderRuleDetector d = new ProviderRuleDetector(rule, (v, s) -> true);
        assertTrue(d.anchored(), rule.regex() + " is anchored");
        return d;
    }

    /** {@code prefix} and each hex digit: the keywords of a prefix-and-class token format. */
    private static List<String> hexKeywords(String prefix) {
        List<String> out = new ArrayList<>();
        for (char c : "0123456789abcdef".toCharArray()) {
            out.add(prefix + c);
        }
        return out;
    }

    /** A front shorter than the keyword (SK of sk0 … skf) accepts the hits that begin with it, exactly spelt. */
    @Test
    void aPrefixFrontAcceptsTheHitsThatBeginWithIt() {
        SecretRule rule = rule("SEC0906", "(?<![A-Za-z0-9])(SK[0-9a-f]{32})(?![A-Za-z0-9])", hexKeywords("sk"));
        ProviderRuleDetector d = anchoredDetector(rule);
        byte[] b = "SKa task ska".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(d.acceptsHit(b, 0, 3), "SKa: the front SK, then a class character");
        assertFalse(d.acceptsHit(b, 5, 8), "ska inside task: after a letter, and in the wrong case");
        assertFalse(d.acceptsHit(b, 9, 12), "ska: the regex is case-sensitive");
        String value = "SK" + "7a3f09e1c5d28b46f1e07c9a2d35b864";
        String text = "a = \"" + value + "\"; b = \"x" + value + "\"\n";
        List<Finding> f = new SecretScanner(List.of(rule), (v, s) -> true).scan("app/config.conf", text, null, Map.of(),
                Allowlist.NONE, true);
        assertEquals(List.of(6), f.stream().filter(x -> x.rule().id().equals("SEC0906")).map(Finding::column).toList(),
                "the one after x is no match (the lookbehind), the first is found");
    }

    @Test
    void aLeadingLookbehindIsReadAsTheRegexEngineReadsIt() {
        List<String> regexes = new ArrayList<>(List.of("(?<![A-Za-z0-9_-])x", "(?<![-a])x", "(?<![a-z-9])x", "(?<![a^.])x",
                "(?<![\\w-])x", "(?<![a-z&&[^e]])x"));
        RuleLoader.builtin().forEach(r -> regexes.add(r.regex().pattern()));
        int read = 0;
        for (String regex : regexes) {
            boolean[] mine = ProviderRuleDetector.lookbehindBytes(regex);
            if (mine == null) {
                continue;
            }
            read++;
            Pattern cls = Pattern.compile("[" + regex.substring(5, regex.indexOf("])", 5)) + "]");
            for (int c = 0; c < 256; c++) {
                assertEquals(c < 128 && cls.matcher(String.valueOf((char) c)).matches(), mine[c], regex + " at " + c);
            }
        }
        assertTrue(read > 100, "the built-in prefix rules have a leading lookbehind: " + read);
    }
}
