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

    /**
     * One rule, one unit: the rule's metadata and its check are declared in the class named by its id
     * ({@code DF0014ShellForm}), so "where is DF0014" is one guess. (A lambda's or method reference's class
     * is named after the class that declares it.)
     */
    @Test
    void eachRuleIsOneUnitNamedByItsId() {
        for (DockerfileRule rule : DockerfileRules.all()) {
            String unit = rule.check().getClass().getName();
            String prefix = DockerfileRule.class.getPackageName() + "." + rule.info().id();
            assertTrue(unit.startsWith(prefix) && Character.isUpperCase(unit.charAt(prefix.length())),
                    rule.info().id() + " is declared in " + unit + ", not in its own unit " + prefix + "<Name>");
        }
    }
}
