package dev.devops.lint.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.lint.Check;
import dev.devops.lint.RuleInfo;
import dev.devops.lint.testing.FixtureAssert;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture under lint/env (EnvCheck) and lint/drift (DriftCheck): the findings must be exactly the
 * markers. Fixtures whose name ends in "-git" run inside a real git repository built from them.
 */
class EnvFixtureTest {
    private static final Path ENV = FixtureAssert.fixtures("env");
    private static final Path DRIFT = FixtureAssert.fixtures("drift");

    static Stream<Path> envFixtures() {
        return FixtureAssert.cases(ENV).stream();
    }

    static Stream<Path> driftFixtures() {
        return FixtureAssert.cases(DRIFT).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("envFixtures")
    void envFindingsMatchMarkers(Path fixture, @TempDir Path tmp) throws IOException {
        if (fixture.getFileName().toString().endsWith("-git")) {
            Set<String> tracked = FixtureAssert.gitFixture(fixture, tmp);
            FixtureAssert.assertFixture(new EnvCheck(), tmp, tracked);
        } else {
            FixtureAssert.assertFixture(new EnvCheck(), fixture);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("driftFixtures")
    void driftFindingsMatchMarkers(Path fixture) {
        FixtureAssert.assertFixture(new DriftCheck(), fixture);
    }

    @Test
    void everyRuleHasAPositiveAndANegativeFixture() {
        FixtureAssert.assertEveryRuleHasFixtures(new EnvCheck(), ENV);
        FixtureAssert.assertEveryRuleHasFixtures(new DriftCheck(), DRIFT);
    }

    @Test
    void ruleMetadataIsComplete() {
        Set<String> ids = new HashSet<>();
        for (Check c : List.of(new EnvCheck(), new DriftCheck())) {
            for (RuleInfo r : c.rules()) {
                assertTrue(ids.add(r.id()), "duplicate id " + r.id());
                assertTrue(r.id().matches(c.category().equals("env") ? "ENV\\d{4}" : "DRIFT\\d{4}"), r.id());
                assertEquals(c.category(), r.category());
                assertFalse(r.title().isBlank());
                assertTrue(r.explanation().length() > 60, r.id() + " needs a real explanation");
            }
        }
        assertTrue(ids.size() >= 28);
        assertTrue(Files.isDirectory(ENV));
    }

    /** One rule, one unit: a rule's check is declared in the class named by its id ({@code ENV0008ComposeUnset}). */
    @Test
    void eachRuleIsOneUnitNamedByItsId() {
        java.util.Map<String, Object> checks = new java.util.LinkedHashMap<>();
        EnvRules.all().forEach(r -> checks.put(r.id(), r.check()));
        DriftRules.all().forEach(r -> checks.put(r.id(), r.check()));
        FixtureAssert.assertEachRuleIsOneUnit(EnvRule.class.getPackageName(), checks);
    }
}
