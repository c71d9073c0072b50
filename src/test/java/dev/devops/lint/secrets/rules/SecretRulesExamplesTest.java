package dev.devops.lint.secrets.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every built-in rule against its own examples, and every match example against every other rule; and
 * the generic detectors (SEC0001-SEC0099) against theirs ({@code rules/generic-examples.yaml}), through the
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

    // ---- the generic detectors: the same match/ignore examples, checked by scanning them in their file

    private static final String GENERIC_EXAMPLES = "/dev/devops/lint/secrets/rules/generic-examples.yaml";

    /** Generic rules found only in binary files: their examples are built as bytes in SecretFormsTest. */
    private static final Set<String> BINARY_ONLY = Set.of("SEC0005");

    record Example(String file, String text, boolean committed) {
    }

    record GenericExamples(String id, List<Example> match, List<Example> ignore) {
    }

    static List<GenericExamples> genericExamples() throws java.io.IOException {
        String text;
        try (java.io.InputStream in = SecretRulesExamplesTest.class.getResourceAsStream(GENERIC_EXAMPLES)) {
            assertTrue(in != null, GENERIC_EXAMPLES + " is missing");
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        List<GenericExamples> out = new ArrayList<>();
        for (dev.devops.yaml.YNode n : dev.devops.yaml.YamlDocument.parse(java.nio.file.Path.of("generic-examples.yaml"), text)
                .asList()) {
            dev.devops.yaml.YMap m = n.asMap(List.of("id", "file", "committed", "examples"));
            String file = m.require("file", "name the file the examples are scanned as").asString();
            boolean committed = m.opt("committed").map(dev.devops.yaml.YNode::asBool).orElse(false);
            dev.devops.yaml.YMap ex = m.require("examples", "add match and ignore examples").asMap(List.of("match", "ignore"));
            out.add(new GenericExamples(m.require("id", "").asString(), examples(ex.get("match"), file, committed),
                    examples(ex.get("ignore"), file, committed)));
        }
        return out;
    }

    private static List<Example> examples(dev.devops.yaml.YNode list, String file, boolean committed) {
        List<Example> out = new ArrayList<>();
        if (list == null || list.isNull()) {
            return out;
        }
        for (dev.devops.yaml.YNode e : list.asList()) {
            if (e.isMap()) {
                dev.devops.yaml.YMap m = e.asMap(List.of("file", "text"));
                out.add(new Example(m.require("file", "").asString(), m.require("text", "").asString(), committed));
            } else {
                out.add(new Example(file, e.asString(), committed));
            }
        }
        return out;
    }

    private static final dev.devops.lint.secrets.SecretScanner SCANNER =
            new dev.devops.lint.secrets.SecretScanner(RuleLoader.builtin());

    private static List<String> idsFound(Example e) {
        return SCANNER.scan(e.file(), e.text(), null, java.util.Map.of(), dev.devops.lint.Allowlist.NONE, e.committed())
                .stream().map(f -> f.rule().id()).toList();
    }

    @TestFactory
    Stream<DynamicNode> everyGenericDetectorFindsItsMatchExamplesAndNoneOfItsIgnoreExamples() throws java.io.IOException {
        return genericExamples().stream().map(g -> {
            List<DynamicNode> tests = new ArrayList<>();
            for (int i = 0; i < g.match().size(); i++) {
                Example ex = g.match().get(i);
                tests.add(dynamicTest("match[" + i + "] in " + ex.file(), () -> assertTrue(idsFound(ex).contains(g.id()),
                        g.id() + " does not find its match example " + shown(ex.text()) + " in " + ex.file() + ": found "
                                + idsFound(ex))));
            }
            for (int i = 0; i < g.ignore().size(); i++) {
                Example ex = g.ignore().get(i);
                tests.add(dynamicTest("ignore[" + i + "] in " + ex.file(), () -> assertFalse(idsFound(ex).contains(g.id()),
                        g.id() + " reports its ignore example " + shown(ex.text()) + " in " + ex.file())));
            }
            return dynamicContainer(g.id(), tests);
        });
    }

    /** As a provider rule without examples does not load, a generic rule without examples fails here. */
    @Test
    void everyGenericRuleHasMatchAndIgnoreExamples() throws java.io.IOException {
        Set<String> with = new HashSet<>();
        for (GenericExamples g : genericExamples()) {
            assertTrue(with.add(g.id()), "two entries for " + g.id());
            assertTrue(dev.devops.lint.secrets.GenericRules.ALL.stream().anyMatch(r -> r.id().equals(g.id())),
                    g.id() + " is not a generic rule");
            assertFalse(g.match().isEmpty(), g.id() + " has no match example");
            assertFalse(g.ignore().isEmpty(), g.id() + " has no ignore example");
        }
        List<String> missing = dev.devops.lint.secrets.GenericRules.ALL.stream().map(dev.devops.lint.RuleInfo::id)
                .filter(id -> !with.contains(id) && !BINARY_ONLY.contains(id)).toList();
        assertEquals(List.of(), missing, "generic rules without examples in " + GENERIC_EXAMPLES);
    }
}
