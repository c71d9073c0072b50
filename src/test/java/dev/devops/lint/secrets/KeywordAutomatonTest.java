package dev.devops.lint.secrets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeywordAutomatonTest {
    private final KeywordAutomaton ac = new KeywordAutomaton(List.of(List.of("pass", "password"), List.of("ghp_", "-----begin"),
            List.of("sword")));

    private static int[] hits(KeywordAutomaton.HitList h) {
        return Arrays.copyOf(h.data, h.size);
    }

    @Test
    void findsOverlappingKeywordsCaseInsensitively() {
        byte[] b = "my PassWord and GHP_x".getBytes(StandardCharsets.US_ASCII);
        // pass (slot 0) ends at 7, password (slot 0) and sword (slot 2) end at 11, ghp_ (slot 1) at 20
        assertArrayEquals(new int[] {0, 3, 7, 0, 3, 11, 2, 6, 11, 1, 16, 20}, hits(ac.search(b, b.length)));
        List<int[]> viaText = new ArrayList<>();
        ac.search("my PassWord and GHP_x", (slot, start, end) -> viaText.add(new int[] {slot, start, end}));
        assertEquals(4, viaText.size());
        assertArrayEquals(new int[] {1, 16, 20}, viaText.get(3));
    }

    @Test
    void nonAsciiResetsTheAutomaton() {
        byte[] b = "pa\u00e9ss pass".getBytes(StandardCharsets.UTF_8);
        assertEquals(3, ac.search(b, b.length).size);
    }

    @Test
    void fourLanesFindExactlyWhatOneLaneFinds() {
        Random r = new Random(3);
        String[] words = {"pass", "password", "ghp_", "-----BEGIN", "sword", "xyz", " ", "\n", "p", "pa", "\u00e9"};
        for (int round = 0; round < 200; round++) {
            StringBuilder sb = new StringBuilder();
            int n = 1000 + r.nextInt(9000);
            while (sb.length() < n) {
                sb.append(words[r.nextInt(words.length)]);
            }
            byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
            int len = b.length - r.nextInt(10);
            assertArrayEquals(hits(ac.search(b, len)), hits(ac.searchLanes(b, len)), "round " + round);
        }
    }

    /** The scan notes whether every byte is ASCII, wherever the one non-ASCII byte sits (any lane, the tail). */
    @Test
    void notesWhetherTheBytesAreAscii() {
        byte[] b = "pass word ".repeat(500).getBytes(StandardCharsets.US_ASCII);
        int len = b.length - 3;
        assertTrue(ac.search(b, len).ascii);
        assertTrue(ac.searchLanes(b, len).ascii);
        for (int at : new int[] {0, len / 4 - 1, len / 4, len / 2 + 7, 3 * (len / 4) + 1, len - 1}) {
            byte[] c = b.clone();
            c[at] = (byte) 0xc3;
            assertFalse(ac.search(c, len).ascii, "at " + at);
            assertFalse(ac.searchLanes(c, len).ascii, "lanes, at " + at);
        }
        b[len] = (byte) 0xc3; // beyond the length: not scanned
        assertTrue(ac.searchLanes(b, len).ascii);
    }
}
