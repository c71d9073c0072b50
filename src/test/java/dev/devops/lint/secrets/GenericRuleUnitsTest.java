package dev.devops.lint.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The generic secret rules keep the one-rule shape (issue 11): each is one unit {@code SEC<id><Name>} in this package
 * whose {@code RULE} constant holds it, every unit is registered in {@link GenericRules}, and nothing else is.
 */
class GenericRuleUnitsTest {
    @Test
    void eachRuleIsOneUnitNamedByItsIdAndRegisteredOnce() throws Exception {
        Path dir = Path.of(SecretScanner.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(SecretScanner.class.getPackageName().replace('.', '/'));
        Map<String, GenericRule> units = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (!name.matches("SEC\\d{4}[A-Z]\\w*\\.class")) {
                    continue;
                }
                Class<?> unit = Class.forName(SecretScanner.class.getPackageName() + "." + name.replace(".class", ""));
                java.lang.reflect.Field field = unit.getDeclaredField("RULE");
                field.setAccessible(true);
                GenericRule rule = (GenericRule) field.get(null);
                assertTrue(unit.getSimpleName().startsWith(rule.info().id()), unit.getSimpleName() + " holds " + rule.info().id());
                assertSame(null, units.put(rule.info().id(), rule), "two units for " + rule.info().id());
            }
        }
        List<String> registered = GenericRules.all().stream().map(r -> r.info().id()).toList();
        assertEquals(List.copyOf(units.keySet()), registered, "units and GenericRules.all() (in id order)");
        for (GenericRule r : GenericRules.all()) {
            assertSame(units.get(r.info().id()), r);
        }
    }

    /** The scanner reports exactly the registered rules, the generic ones first. */
    @Test
    void theScannerReportsTheRegisteredRules() {
        List<String> ids = new SecretScanner(List.of()).rules().stream().map(r -> r.id()).toList();
        assertEquals(GenericRules.all().stream().map(r -> r.info().id()).toList(), ids);
    }

    /**
     * The assignment forms' parts of SEC0030, SEC0031 and SEC0051 run as one detector per form (a hit is read once),
     * named by all three rules when it fails; every other part stays its rule's own.
     */
    @Test
    void theAssignmentFormsOfThreeRulesAreFusedIntoOneDetectorEach() {
        List<Detector> parts = new java.util.ArrayList<>();
        List<String> owners = new java.util.ArrayList<>();
        for (GenericRule g : GenericRules.all()) {
            for (Detector d : g.detectors) {
                parts.add(d);
                owners.add(g.info().id());
            }
        }
        int before = parts.size();
        Assignments.fuse(parts, owners);
        assertTrue(owners.contains("SEC0030/SEC0031/SEC0051"), owners.toString());
        assertTrue(owners.contains("SEC0030/SEC0031"), owners.toString());
        // LINES (three rules), the code fallbacks and the expansion defaults (two each): four parts fewer
        assertEquals(before - 4, parts.size(), owners.toString());
        assertEquals(parts.size(), new java.util.HashSet<>(parts).size());
    }
}
