package dev.devops.lint.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedactionTest {
    @Test
    void knownPrefixAndLastThree() {
        String t = "ghp" + "_" + Fake.token(36);
        assertEquals("ghp_****\u2026" + t.substring(t.length() - 3), Redaction.redact(t));
    }

    @Test
    void neverMoreThanAQuarter() {
        for (int n = 1; n < 60; n++) {
            String t = Fake.token(n);
            String r = Redaction.redact(t);
            int shown = r.replace("****", "").replace("\u2026", "").length();
            assertTrue(shown <= n / 4, n + " → " + r);
        }
        assertEquals("****", Redaction.redact("hunter2"));
        assertEquals("****", Redaction.redact(""));
    }
}
