package dev.devops.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link LintContext#isBinary} reads eight bytes at a time: it must answer what a byte loop answers. */
class BinaryTestTest {
    private static boolean byteLoop(byte[] b, int length) {
        for (int i = 0; i < Math.min(length, 8192); i++) {
            if (b[i] == 0) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aNulInTheFirst8KibWhereverItSits() {
        Random r = new Random(5);
        byte[] values = {1, -1, -128, 127, (byte) 0x80, (byte) 0x81, 0x7f, 0x01, 'a'};
        for (int round = 0; round < 20_000; round++) {
            int length = r.nextInt(round < 10_000 ? 40 : 9000);
            byte[] b = new byte[length + r.nextInt(16)];
            for (int i = 0; i < b.length; i++) {
                b[i] = values[r.nextInt(values.length)]; // the bytes around 0 that a word trick could confuse with it
            }
            if (b.length > 0 && r.nextBoolean()) {
                b[r.nextInt(b.length)] = 0; // sometimes past the length: not part of the file
            }
            assertEquals(byteLoop(b, length), LintContext.isBinary(b, length), "round " + round + ", length " + length);
        }
        byte[] late = new byte[9000];
        java.util.Arrays.fill(late, (byte) 'x');
        late[8192] = 0;
        assertEquals(false, LintContext.isBinary(late, late.length), "past 8 KiB");
        late[8191] = 0;
        assertEquals(true, LintContext.isBinary(late, late.length), "the last byte of 8 KiB");
    }
}
