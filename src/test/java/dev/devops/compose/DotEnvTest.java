package dev.devops.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DotEnvTest {
    @Test
    void parsesTheDotenvForms() {
        String text = String.join("\n",
                "# comment",
                "",
                "PLAIN=value",
                "export EXPORTED=yes",
                "SPACED = trimmed  ",
                "EMPTY=",
                "INLINE=abc # a comment",
                "HASH=abc#not-a-comment",
                "SINGLE='lit $PLAIN \\n'",
                "DOUBLE=\"a\\tb\\n\\\"q\\\" $PLAIN\"",
                "QUOTED_HASH=\"x # y\"",
                "REF=${PLAIN}-${MISSING:-d}",
                "MULTI=\"one",
                "two\"",
                "not an assignment",
                "OUTER=$FROM_SHELL");
        DotEnv d = DotEnv.parse(text, Map.of("FROM_SHELL", "sh")::get);
        Map<String, String> v = d.values();
        assertEquals("value", v.get("PLAIN"));
        assertEquals("yes", v.get("EXPORTED"));
        assertEquals("trimmed", v.get("SPACED"));
        assertEquals("", v.get("EMPTY"));
        assertEquals("abc", v.get("INLINE"));
        assertEquals("abc#not-a-comment", v.get("HASH"));
        assertEquals("lit $PLAIN \\n", v.get("SINGLE"));
        assertEquals("a\tb\n\"q\" value", v.get("DOUBLE"));
        assertEquals("x # y", v.get("QUOTED_HASH"));
        assertEquals("value-d", v.get("REF"));
        assertEquals("one\ntwo", v.get("MULTI"));
        assertEquals("sh", v.get("OUTER"));
        assertEquals(3, d.lines().get("PLAIN"));
        assertEquals(1, d.problems().size());
        assertTrue(d.problems().get(0).startsWith("line 15"), d.problems().toString());
    }
}
