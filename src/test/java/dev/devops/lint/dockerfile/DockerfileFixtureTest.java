package dev.devops.lint.dockerfile;

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

/** Every fixture under lint/dockerfile: the findings must be exactly the inline markers. */
class DockerfileFixtureTest {
    private static final Path ROOT = FixtureAssert.fixtures("dockerfile");

    static Stream<Path> fixtures() {
        return FixtureAssert.cases(ROOT).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void findingsMatchMarkers(Path fixture) {
        FixtureAssert.assertFixture(new DockerfileCheck(), fixture);
    }

    @Test
    void everyRuleHasAPositiveAndANegativeFixture() {
        FixtureAssert.assertEveryRuleHasFixtures(new DockerfileCheck(), ROOT);
    }

    @Test
    void ruleMetadataIsComplete() {
        List<RuleInfo> rules = new DockerfileCheck().rules();
        assertTrue(rules.size() >= 31, "at least 30 rules besides DF0000");
        Set<String> ids = new HashSet<>();
        for (RuleInfo r : rules) {
            assertTrue(ids.add(r.id()), "duplicate id " + r.id());
            assertTrue(r.id().matches("DF\\d{4}"), r.id());
            assertEquals("dockerfile", r.category());
            assertFalse(r.title().isBlank());
            assertTrue(r.explanation().length() > 60, r.id() + " needs a real explanation");
        }
    }

    /** One rule, one unit: a rule's check is declared in the class named by its id ({@code DF0014ShellForm}). */
    @Test
    void eachRuleIsOneUnitNamedByItsId() {
        java.util.Map<String, Object> checks = new java.util.LinkedHashMap<>();
        DockerfileRules.all().forEach(r -> checks.put(r.info().id(), r.check()));
        FixtureAssert.assertEachRuleIsOneUnit(DockerfileRule.class.getPackageName(), checks);
    }
}
