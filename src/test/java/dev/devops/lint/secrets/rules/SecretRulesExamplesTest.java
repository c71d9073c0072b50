package dev.devops.lint.secrets.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.devops.lint.Allowlist;
import dev.devops.lint.secrets.GenericRule;
import dev.devops.lint.secrets.GenericRules;
import dev.devops.lint.secrets.SecretScanner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every built-in rule against its own examples, and every match example against every other rule; and
 * every generic rule (SEC0001-SEC0099, {@code GenericRules}) against the examples its unit carries, through the
 * whole scanner, in the file each example names.
 */
class SecretRulesExamplesTest {
    /**
     * Pairs "A>B" where rule B is meant to find rule A's match examples too (a broader or context rule
     * that covers the same line). Everything else found by a second rule is an overlap to fix.
     */
    private static final Set<String> INTENDED_OVERLAPS = Set.of();

    @TestFactory
    Stream<DynamicNode> everyRuleFindsItsMatchExamplesAndNoneOfItsIgnoreExamples() {
        return RuleLoader.builtin().stream().map(rule -> {
            List<DynamicNode> tests = new ArrayList<>();
            for (int i = 0; i < rule.examplesMatch().size(); i++) {
                String ex = rule.examplesMatch().get(i);
                tests.add(dynamicTest("match[" + i + "]", () -> assertFinds(rule, ex)));
            }
            for (int i = 0; i < rule.examplesIgnore().size(); i++) {
                String ex = rule.examplesIgnore().get(i);
                tests.add(dynamicTest("ignore[" + i + "]", () -> assertFalse(RuleLoader.accepts(rule, ex),
                        rule.id() + " reports its ignore example " + shown(ex))));
            }
            return dynamicContainer(rule.id() + " " + rule.title(), tests);
        });
    }

    private static void assertFinds(SecretRule rule, String example) {
        Matcher m = rule.regex().matcher(example);
        boolean found = false;
        StringBuilder why = new StringBuilder();
        while (m.find()) {
            String secret = m.group(rule.secretGroup());
            if (secret == null || secret.isEmpty()) {
                why.append(" [empty secret group]");
                continue;
            }
            assertTrue(RuleLoader.containsKeyword(m.group(), rule.keywords()),
                    rule.id() + ": the matched text contains none of the keywords " + rule.keywords()
                            + ", so the prefilter would skip it: " + shown(example));
            if (rule.entropy() > 0 && Validators.entropy(secret) < rule.entropy()) {
                why.append(String.format(Locale.ROOT, " [entropy %.2f < %.2f]", Validators.entropy(secret), rule.entropy()));
                continue;
            }
            if (!Validators.valid(rule.validator(), secret)) {
                why.append(" [fails validator ").append(rule.validator()).append(']');
                continue;
            }
            found = true;
        }
        assertTrue(found, rule.id() + " does not find its match example " + shown(example)
                + (why.length() == 0 ? " [regex does not match]" : why.toString()));
    }

    @Test
    void noMatchExampleIsFoundByAnUnrelatedRule() {
        List<String> overlaps = new ArrayList<>();
        Set<String> usedIntended = new HashSet<>();
        for (SecretRule a : RuleLoader.builtin()) {
            for (String ex : a.examplesMatch()) {
                for (SecretRule b : RuleLoader.builtin()) {
                    if (a == b || a.title().equals(b.title()) || !RuleLoader.accepts(b, ex)) {
                        continue;
                    }
                    String pair = a.id() + ">" + b.id();
                    if (INTENDED_OVERLAPS.contains(pair)) {
                        usedIntended.add(pair);
                    } else {
                        overlaps.add(pair + " (" + b.title() + " finds " + shown(ex) + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), overlaps, "rules that find another rule's examples");
        Set<String> stale = new HashSet<>(INTENDED_OVERLAPS);
        stale.removeAll(usedIntended);
        assertEquals(Set.of(), stale, "listed overlaps that no longer happen");
    }

    @Test
    void builtinIdsAreUniqueAndOutsideTheGenericDetectorsRange() {
        Set<String> ids = new HashSet<>();
        for (SecretRule r : RuleLoader.builtin()) {
            assertTrue(ids.add(r.id()), "duplicate " + r.id());
            assertTrue(Integer.parseInt(r.id().substring(3)) >= 100, r.id() + " is in SEC0001-SEC0099");
        }
    }

    @Test
    void builtinCoversAtLeast170Formats() {
        int n = RuleLoader.builtin().size();
        assertTrue(n >= 170, "only " + n + " built-in rules");
    }

    @Test
    void builtinIsLoadedOnce() {
        assertTrue(RuleLoader.builtin() == RuleLoader.builtin());
    }

    private static String shown(String example) {
        return example.length() <= 16 ? "'" + example + "'" : "'" + example.substring(0, 16) + "…' (" + example.length() + " chars)";
    }

    // ---- the generic rules: the same match/ignore examples, carried by each rule's unit, checked by scanning them
    // in their file

    private static final SecretScanner SCANNER = new SecretScanner(RuleLoader.builtin());

    private static List<String> idsFound(GenericRule.Examples examples, GenericRule.Example e) {
        byte[] bytes = e.text().getBytes(examples.binary() ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        List<String> fromBytes = SCANNER.scanFile(e.file(), bytes, Allowlist.NONE, examples.committed()).stream()
                .map(f -> f.rule().id()).toList();
        if (!examples.binary()) {
            List<String> fromText = SCANNER.scan(e.file(), e.text(), null, Map.of(), Allowlist.NONE, examples.committed())
                    .stream().map(f -> f.rule().id()).toList();
            assertEquals(fromText, fromBytes, "a file's bytes and its text give other findings: " + shown(e.text()));
        }
        return fromBytes;
    }

    @TestFactory
    Stream<DynamicNode> everyGenericRuleFindsItsMatchExamplesAndNoneOfItsIgnoreExamples() {
        return GenericRules.all().stream().map(g -> {
            String id = g.info().id();
            GenericRule.Examples ex = g.examples();
            List<DynamicNode> tests = new ArrayList<>();
            for (int i = 0; i < ex.match().size(); i++) {
                GenericRule.Example e = ex.match().get(i);
                tests.add(dynamicTest("match[" + i + "] in " + e.file(), () -> {
                    List<String> found = idsFound(ex, e);
                    assertTrue(found.contains(id), id + " does not find its match example " + shown(e.text()) + " in "
                            + e.file() + ": found " + found);
                }));
            }
            for (int i = 0; i < ex.ignore().size(); i++) {
                GenericRule.Example e = ex.ignore().get(i);
                tests.add(dynamicTest("ignore[" + i + "] in " + e.file(), () -> assertFalse(idsFound(ex, e).contains(id),
                        id + " reports its ignore example " + shown(e.text()) + " in " + e.file())));
            }
            return dynamicContainer(id + " " + g.info().title(), tests);
        });
    }

    /** As a provider rule without examples does not load, a generic rule without examples does not build. */
    @Test
    void everyGenericRuleHasMatchAndIgnoreExamplesAndAnIdOfItsOwn() {
        Set<String> ids = new HashSet<>();
        for (GenericRule g : GenericRules.all()) {
            String id = g.info().id();
            assertTrue(ids.add(id), "two generic rules " + id);
            assertTrue(id.matches("SEC00\\d\\d"), id + " is outside SEC0001-SEC0099");
            assertFalse(g.examples().match().isEmpty(), id + " has no match example");
            assertFalse(g.examples().ignore().isEmpty(), id + " has no ignore example");
        }
    }
}
