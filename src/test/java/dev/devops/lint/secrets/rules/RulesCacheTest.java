package dev.devops.lint.secrets.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The committed binary cache must be exactly what the YAML produces. Regenerate with -Ddevops.regenerate=true. */
class RulesCacheTest {
    private static final String HOW = "run: mvn -o test -Dtest='RulesCacheTest,SecretRulesDocTest' -Ddevops.regenerate=true";

    private static List<String> described(List<SecretRule> rules) {
        return rules.stream().map(r -> r + " flags=" + r.regex().flags()).toList();
    }

    @Test
    void committedCacheIsBuiltFromTheCurrentYaml() throws IOException {
        Map<String, byte[]> texts = RuleLoader.builtinFiles();
        Map<String, String> sources = new LinkedHashMap<>();
        List<SecretRule> fromYaml = RuleLoader.parseBuiltin(texts, sources);
        byte[] expected = RulesCache.write(fromYaml, sources, RulesCache.checksum(texts));
        Path file = Path.of(System.getProperty("devops.project.dir", "."),
                "src/main/resources/dev/devops/lint/secrets/rules", RulesCache.RESOURCE);
        if (Boolean.getBoolean("devops.regenerate")) {
            Files.write(file, expected);
        }
        assertTrue(Files.exists(file), file + " is missing; " + HOW);
        assertArrayEquals(expected, Files.readAllBytes(file), file + " is out of date with the YAML; " + HOW);
    }

    @Test
    void builtinEqualsTheYamlFieldByField() {
        Map<String, String> sources = new LinkedHashMap<>();
        List<SecretRule> fromYaml = RuleLoader.parseBuiltin(RuleLoader.builtinFiles(), sources);
        assertEquals(described(fromYaml), described(RuleLoader.builtin()));
        assertEquals(sources, RuleLoader.builtinSources());
    }

    @Test
    void roundTripKeepsEveryField() {
        Map<String, String> sources = new HashMap<>();
        List<SecretRule> rules = RuleLoader.parse(Path.of("t.yaml"), """
                - id: SEC9001
                  title: Zebra widget token
                  severity: info
                  regex: '(?i)\\bzbw_([a-z0-9]{12})\\b'
                  secretGroup: 1
                  keywords: [zbw_, zebra]
                  validator: npm-crc32
                  entropy: 2.75
                  help: Rotate it
                  examples:
                    match: ['zebra zbw_q8r2k5m1x7c3', 'é ZBW_q8r2k5m1x7c3']
                    ignore: ['zbw_short']
                """);
        sources.put("SEC9001", "t.yaml");
        byte[] bytes = RulesCache.write(rules, sources, 42);
        Map<String, String> back = new HashMap<>();
        List<SecretRule> read = RulesCache.read(new ByteArrayInputStream(bytes), 42, back);
        assertNotNull(read);
        assertEquals(described(rules), described(read));
        assertEquals(sources, back);
    }

    @Test
    void aCacheFromOtherYamlOrACorruptOneIsIgnored() {
        Map<String, byte[]> texts = RuleLoader.builtinFiles();
        byte[] bytes = RulesCache.write(RuleLoader.builtin(), RuleLoader.builtinSources(), RulesCache.checksum(texts));
        Map<String, String> sources = new HashMap<>();
        Map<String, byte[]> edited = new LinkedHashMap<>(texts);
        String first = edited.keySet().iterator().next();
        byte[] changed = edited.get(first).clone();
        changed[changed.length - 1] ^= 1;
        edited.put(first, changed);
        assertNull(RulesCache.read(new ByteArrayInputStream(bytes), RulesCache.checksum(edited), sources));
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length / 2);
        assertNull(RulesCache.read(new ByteArrayInputStream(truncated), RulesCache.checksum(texts), sources));
        assertTrue(sources.isEmpty());
        assertNull(RulesCache.read(null, 0, sources));
    }
}
