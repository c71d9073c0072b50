package dev.devops.lint.secrets.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checksummed tokens are assembled here at run time (random body + checksum computed independently of
 * {@link Validators}), so no token-shaped literal lives in the test source.
 */
class ValidatorsTest {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private final Random random = new Random(20240601L);

    /** The published scheme, written independently: CRC32 of the 30-char body as a big-endian base62 number, left-padded to 6. */
    private static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        BigInteger v = BigInteger.valueOf(crc.getValue());
        StringBuilder sb = new StringBuilder();
        BigInteger base = BigInteger.valueOf(62);
        while (v.signum() > 0) {
            BigInteger[] qr = v.divideAndRemainder(base);
            sb.insert(0, ALPHABET.charAt(qr[1].intValue()));
            v = qr[0];
        }
        while (sb.length() < 6) {
            sb.insert(0, '0');
        }
        return sb.toString();
    }

    private String body() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static String prefix(String family) {
        return family + "_";
    }

    @ParameterizedTest
    @ValueSource(strings = {"ghp", "gho", "ghu", "ghs", "ghr"})
    void githubTokensWithTheirChecksumPassAndWithAnyOtherChecksumFail(String family) {
        for (int i = 0; i < 50; i++) {
            String body = body();
            String sum = checksum(body);
            String token = prefix(family) + body + sum;
            assertTrue(Validators.valid(Validators.GITHUB_CRC32, token), "valid checksum rejected");
            String wrongLast = sum.substring(0, 5) + (sum.charAt(5) == 'a' ? 'b' : 'a');
            assertFalse(Validators.valid(Validators.GITHUB_CRC32, prefix(family) + body + wrongLast));
            String changedBody = (body.charAt(0) == 'Q' ? 'R' : 'Q') + body.substring(1);
            assertFalse(Validators.valid(Validators.GITHUB_CRC32, prefix(family) + changedBody + sum));
        }
    }

    @Test
    void npmTokensUseTheSameScheme() {
        for (int i = 0; i < 50; i++) {
            String body = body();
            assertTrue(Validators.valid(Validators.NPM_CRC32, prefix("npm") + body + checksum(body)));
            assertFalse(Validators.valid(Validators.NPM_CRC32, prefix("npm") + body + "000000"),
                    "a zero checksum is right for only one body in 2^32");
        }
    }

    @Test
    void checksumMatchesTheIndependentComputation() {
        for (int i = 0; i < 200; i++) {
            String body = body();
            assertEquals(checksum(body), Validators.base62Checksum(body));
        }
    }

    @Test
    void malformedTokensFailWithoutThrowing() {
        String body = body();
        String sum = checksum(body);
        assertFalse(Validators.valid(Validators.GITHUB_CRC32, ""));
        assertFalse(Validators.valid(Validators.GITHUB_CRC32, body + sum), "no prefix separator");
        assertFalse(Validators.valid(Validators.GITHUB_CRC32, prefix("ghp") + body.substring(1) + sum), "35 chars");
        assertFalse(Validators.valid(Validators.GITHUB_CRC32, prefix("ghp") + body.substring(0, 29) + "-" + sum), "not base62");
    }

    @Test
    void theBuiltinRuleUsesTheValidator() {
        SecretRule classic = RuleLoader.builtin().stream().filter(r -> r.title().contains("(classic)")).findFirst().orElseThrow();
        assertEquals(Validators.GITHUB_CRC32, classic.validator());
        String body = body();
        String good = "GITHUB_TOKEN=" + prefix("ghp") + body + checksum(body);
        String bad = "GITHUB_TOKEN=" + prefix("ghp") + body + "zzzzzz";
        assertTrue(RuleLoader.accepts(classic, good));
        assertFalse(RuleLoader.accepts(classic, bad));
        assertTrue(classic.regex().matcher(bad).find(), "the regex alone would report the bad one");
    }

    @Test
    void unknownValidatorIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Validators.valid("crc64", "x"));
        assertTrue(Validators.valid(null, "anything"));
    }

    @Test
    void entropyIsShannonBitsPerChar() {
        assertEquals(0.0, Validators.entropy(""));
        assertEquals(0.0, Validators.entropy("aaaa"));
        assertEquals(1.0, Validators.entropy("abab"), 1e-9);
        assertEquals(4.0, Validators.entropy("0123456789abcdef"), 1e-9);
        assertEquals(1.0, Validators.entropy("éaéa"), 1e-9);
    }
}
