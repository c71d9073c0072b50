package dev.devops.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Sha256} gives the JDK's SHA-256 digest for every length around the block and padding boundaries. */
class Sha256Test {
    @Test
    void knownVectors() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", HexFormat.of().formatHex(Sha256.of("")));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", HexFormat.of().formatHex(Sha256.of("abc")));
        assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                HexFormat.of().formatHex(Sha256.of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")));
    }

    @Test
    void sameAsMessageDigestForEveryLengthUpTo300() throws Exception {
        Random r = new Random(7);
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (int n = 0; n <= 300; n++) {
            byte[] b = new byte[n];
            r.nextBytes(b);
            assertArrayEquals(md.digest(b), Sha256.of(b), "length " + n);
        }
        String text = "rule\0path\0gr\u00fc\u00dfe \u2603";
        assertArrayEquals(md.digest(text.getBytes(StandardCharsets.UTF_8)), Sha256.of(text));
    }
}
