package dev.devops.lint.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.lint.RuleInfo;
import dev.devops.lint.testing.FixtureAssert;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture under lint/compose: the findings must be exactly the inline markers. */
class ComposeFixtureTest {
    private static final Path ROOT = FixtureAssert.fixtures("compose");

    static Stream<Path> fixtures() {
        return FixtureAssert.cases(ROOT).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void findingsMatchMarkers(Path fixture) {
        FixtureAssert.assertFixture(new ComposeCheck(), fixture);
    }

    @Test
    void everyRuleHasAPositiveAndANegativeFixture() {
        FixtureAssert.assertEveryRuleHasFixtures(new ComposeCheck(), ROOT);
    }

    @Test
    void ruleMetadataIsComplete() {
        List<RuleInfo> rules = new ComposeCheck().rules();
        assertTrue(rules.size() >= 19, "at least 18 rules besides DC0000");
        Set<String> ids = new HashSet<>();
        for (RuleInfo r : rules) {
            assertTrue(ids.add(r.id()), "duplicate id " + r.id());
            assertTrue(r.id().matches("DC\\d{4}"), r.id());
            assertEquals("compose", r.category());
            assertFalse(r.title().isBlank());
            assertTrue(r.explanation().length() > 60, r.id() + " needs a real explanation");
        }
    }

    /** One rule, one unit: a rule's check is declared in the class named by its id ({@code DC0016MissingEnvFile}). */
    @Test
    void eachRuleIsOneUnitNamedByItsId() {
        java.util.Map<String, Object> checks = new java.util.LinkedHashMap<>();
        ComposeRules.all().forEach(r -> checks.put(r.info().id(), r.check()));
        FixtureAssert.assertEachRuleIsOneUnit(ComposeRule.class.getPackageName(), checks);
    }
}
