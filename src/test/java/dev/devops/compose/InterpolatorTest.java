package dev.devops.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The compose spec's interpolation table; SET=v, EMPTY is set but empty, UNSET is not set. */
class InterpolatorTest {
    private static final Map<String, String> ENV = Map.of("SET", "v", "EMPTY", "", "OTHER", "o");
    private final Interpolator interpolator = new Interpolator(ENV::get);

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = '|', nullValues = "<null>", value = {
        "plain text            | plain text",
        "$SET                  | v",
        "${SET}                | v",
        "a${SET}b              | avb",
        "$SET-x                | v-x",
        "${UNSET}              | ''",
        "$UNSET                | ''",
        "${SET:-d}             | v",
        "${EMPTY:-d}           | d",
        "${UNSET:-d}           | d",
        "${SET-d}              | v",
        "${EMPTY-d}            | ''",
        "${UNSET-d}            | d",
        "${SET:+alt}           | alt",
        "${EMPTY:+alt}         | ''",
        "${UNSET:+alt}         | ''",
        "${SET+alt}            | alt",
        "${EMPTY+alt}          | alt",
        "${UNSET+alt}          | ''",
        "${SET:?boom}          | v",
        "${EMPTY?boom}         | ''",
        "$$SET                 | $SET",
        "$${SET}               | ${SET}",
        "cost $$5              | cost $5",
        "${UNSET:-${OTHER}}    | o",
        "${UNSET:-${NOPE:-z}}  | z",
        "${UNSET:-a ${SET} b}  | a v b",
        "${UNSET:-}            | ''",
        "${UNSET:-x:y}         | x:y",
        "${SET}${OTHER}        | vo",
        "postgres://u:${UNSET:-pw}@db/x | postgres://u:pw@db/x",
    })
    void table(String input, String expected) {
        assertEquals(expected == null ? "" : expected, interpolator.interpolate(input, w -> { }));
    }

    @Test
    void unsetVariableWarnsOnce() {
        List<String> warnings = new ArrayList<>();
        assertEquals("x-", interpolator.interpolate("x-${UNSET}", warnings::add));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("UNSET"));
        warnings.clear();
        interpolator.interpolate("${UNSET:-d}${UNSET-e}", warnings::add);
        assertTrue(warnings.isEmpty(), "a default silences the warning");
    }

    @Test
    void requiredVariablesFailWithTheMessage() {
        InterpolationException e = assertThrows(InterpolationException.class,
                () -> interpolator.interpolate("${UNSET:?set UNSET first}", w -> { }));
        assertEquals("UNSET", e.variable());
        assertTrue(e.getMessage().contains("set UNSET first"), e.getMessage());
        assertThrows(InterpolationException.class, () -> interpolator.interpolate("${EMPTY:?x}", w -> { }));
        assertThrows(InterpolationException.class, () -> interpolator.interpolate("${UNSET?x}", w -> { }));
    }

    @Test
    void malformedInputIsAnError() {
        for (String bad : List.of("${SET", "${}", "${SET%x}", "${-x}")) {
            InterpolationException e = assertThrows(InterpolationException.class,
                    () -> interpolator.interpolate(bad, w -> { }), bad);
            assertEquals(null, e.variable());
        }
    }

    /** Documented values (an example env file's, in lint) fill a reference with no default whose variable is unset. */
    @Test
    void documentedValuesFillOnlyReferencesWithoutADefault() throws Exception {
        Interpolator documented = new Interpolator(Map.of("SET", "real")::get, true,
                Map.of("TAG", "latest", "SET", "doc", "PORT", "8080")::get);
        assertEquals("postgres:latest", documented.interpolate("postgres:${TAG}", w -> { }));
        assertEquals("latest", documented.interpolate("$TAG", w -> { }));
        assertEquals("real", documented.interpolate("${SET}", w -> { }));
        assertEquals("16", documented.interpolate("${TAG:-16}", w -> { }));
        assertEquals("8080", documented.interpolate("${PORT:?set PORT}", w -> { }));
        assertEquals("", documented.interpolate("${NONE}", w -> { }));
    }

    /** A '$' that starts no reference (at the end, before a digit or punctuation) is kept as written, as compose keeps it. */
    @Test
    void aDollarThatStartsNoReferenceIsKept() throws Exception {
        assertEquals("$", interpolator.interpolate("$", w -> { }));
        assertEquals("a $5", interpolator.interpolate("a $5", w -> { }));
        assertEquals("rule=HostRegexp(`^.+$`)", interpolator.interpolate("rule=HostRegexp(`^.+$`)", w -> { }));
        assertEquals("c$", interpolator.interpolate("${UNSET:-c$}", w -> { }));
    }

    @Test
    void aSyntaxErrorNamesThePositionAndAShortFragmentNeverTheWholeValue() {
        String value = "Xq7${zK9" + "Abcdefghijklmnop"; // a password with a '$' in it
        InterpolationException e = assertThrows(InterpolationException.class, () -> interpolator.interpolate(value, w -> { }));
        assertEquals("invalid interpolation format at character 4 of the value: '${zK9A…' has no closing '}'", e.getMessage());
        assertTrue(!e.getMessage().contains("Xq7") && !e.getMessage().contains("Abcdefghijklmnop"), e.getMessage());
        assertEquals("invalid interpolation format at character 4 of the value (not shown: a secret): has no closing }",
                e.redactedMessage());
        // in a nested default, the position is still the one in the whole value
        InterpolationException nested = assertThrows(InterpolationException.class,
                () -> interpolator.interpolate("ab${UNSET:-c${}}", w -> { }));
        assertTrue(nested.getMessage().startsWith("invalid interpolation format at character 13 of the value: '${}"),
                nested.getMessage());
    }

    @Test
    void referenceDetection() {
        assertTrue(Interpolator.hasReference("${X}"));
        assertTrue(Interpolator.hasReference("a$X"));
        assertEquals(false, Interpolator.hasReference("a$$X"));
        assertEquals(false, Interpolator.hasReference("plain"));
    }
}
