package dev.devops.lint.secrets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Aho-Corasick over every rule's keywords, compiled to a full DFA on ASCII (case-insensitive): one pass
 * over a file finds every place where some rule could match, with one table look-up per character.
 * A non-ASCII character resets the automaton (keywords are ASCII).
 */
final class KeywordAutomaton {
    static final int ALPHABET = 128;
    private static final char[] LOWER = new char[ALPHABET];

    static {
        for (int c = 0; c < ALPHABET; c++) {
            LOWER[c] = Character.toLowerCase((char) c);
        }
    }

    /**
     * Byte (or char below 256) → character class: each distinct keyword character (case folded) has
     * its own class, every other character is class 0. Keeps the table small enough for the L1/L2 cache.
     */
    private final byte[] classes = new byte[256];
    private final int shift;
    /**
     * table[state | class] = the next state, where a state is kept pre-multiplied (its number shifted left by
     * {@link #shift}, so a step is one OR and one load, no shift), bitwise-negated when the next state reports
     * keywords. Under C1, the compiler the launcher runs, this is a third faster than shifting at every byte.
     */
    private final int[] table;
    /**
     * {@link #table} with one more class, {@link #nonAscii} (the bytes 0x80-0xff), whose entries are all {@code ~0}:
     * "a report at the root", which no keyword makes (none is empty), so a walk learns that a file is not ASCII from
     * the state alone, without OR-ing every byte (under C1 one live register less per lane). After the first such
     * byte a walk goes on with {@link #table}, where the class leads to the root like any character no keyword uses.
     */
    private final int[] flagging;
    private final int nonAscii;
    /** For each state, null or pairs (detector slot, keyword length) of keywords ending here. */
    private final int[][] outputs;

    /** @param keywords per detector slot, its keywords (ASCII; case ignored) */
    KeywordAutomaton(List<List<String>> keywords) {
        // the keywords (lower case, ASCII) and the characters they use: the classes are known before the trie is
        // built, so every row of the trie, of the Aho-Corasick transitions and of the table is one entry per class
        // (~40), not per ASCII character (128): a third of the work of a build, which a lint run waits for
        List<String> words = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        boolean[] used = new boolean[ALPHABET];
        for (int slot = 0; slot < keywords.size(); slot++) {
            for (String kw : keywords.get(slot)) {
                String k = kw.toLowerCase(Locale.ROOT);
                if (k.isEmpty() || !isAscii(k)) {
                    continue;
                }
                words.add(k);
                slots.add(slot);
                for (int i = 0; i < k.length(); i++) {
                    used[k.charAt(i)] = true;
                }
                maxKeyword = Math.max(maxKeyword, k.length());
            }
        }
        int[] classOf = new int[ALPHABET];
        int nextClass = 1;
        for (int c = 0; c < ALPHABET; c++) {
            char l = LOWER[c];
            if (classOf[l] == 0 && used[l]) {
                classOf[l] = nextClass++;
            }
        }
        for (int c = 0; c < ALPHABET; c++) {
            classes[c] = (byte) classOf[LOWER[c]];
        }
        for (int c = ALPHABET; c < 256; c++) {
            classes[c] = (byte) nextClass;
        }
        nonAscii = nextClass;
        int width = nextClass; // class 0: every character no keyword uses, which leads to the root from every state
        int bits = 1;
        while ((1 << bits) < nextClass + 1) {
            bits++;
        }
        shift = bits;
        // the trie: go[state * width + class], -1 for none
        int[] go = new int[16 * width];
        java.util.Arrays.fill(go, -1);
        int n = 1;
        List<List<int[]>> out = new ArrayList<>();
        out.add(new ArrayList<>());
        for (int w = 0; w < words.size(); w++) {
            String k = words.get(w);
            int s = 0;
            for (int i = 0; i < k.length(); i++) {
                int c = classOf[k.charAt(i)];
                int next = go[s * width + c];
                if (next < 0) {
                    next = n++;
                    if (n * width > go.length) {
                        int old = go.length;
                        go = java.util.Arrays.copyOf(go, old * 2);
                        java.util.Arrays.fill(go, old, go.length, -1);
                    }
                    out.add(new ArrayList<>());
                    go[s * width + c] = next;
                }
                s = next;
            }
            out.get(s).add(new int[] {slots.get(w), k.length()});
        }
        int[] fail = new int[n];
        int[] transitions = new int[n * width];
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int c = 1; c < width; c++) {
            int s = go[c];
            if (s >= 0) {
                transitions[c] = s;
                queue[tail++] = s;
            }
        }
        while (head < tail) {
            int r = queue[head++];
            List<int[]> mine = out.get(r);
            for (int[] p : out.get(fail[r])) {
                if (!mine.contains(p)) {
                    mine.add(p);
                }
            }
            tail = expand(r, go, width, transitions, fail, queue, tail);
        }
        boolean[] reports = new boolean[n];
        for (int st = 0; st < n; st++) {
            reports[st] = !out.get(st).isEmpty();
        }
        table = new int[n << shift];
        for (int st = 0; st < n; st++) {
            tableRow(st, width, shift, transitions, reports, table);
        }
        flagging = table.clone();
        for (int st = 0; st < n; st++) {
            flagging[(st << shift) | nonAscii] = ~0;
        }
        outputs = new int[n][];
        for (int s = 0; s < n; s++) {
            List<int[]> o = out.get(s);
            if (!o.isEmpty()) {
                int[] flat = new int[o.size() * 2];
                for (int i = 0; i < o.size(); i++) {
                    flat[2 * i] = o.get(i)[0];
                    flat[2 * i + 1] = o.get(i)[1];
                }
                outputs[s] = flat;
            }
        }
    }



    /** Whether every character of {@code k} is ASCII (a loop, not a stream: the build runs cold, interpreted). */
    private static boolean isAscii(String k) {
        for (int i = 0; i < k.length(); i++) {
            if (k.charAt(i) >= ALPHABET) {
                return false;
            }
        }
        return true;
    }

    int states() {
        return outputs.length;
    }

    /*
     * The build's per-state loops are methods of their own: called once per state, each is compiled after a few hundred
     * states, while one loop in the constructor ran interpreted until the whole constructor was (a cold build took
     * several times as long as a warm one).
     */

    /** The transitions of trie state {@code r} (its failure state's are final); queues its children. Returns the queue's tail. */
    private static int expand(int r, int[] go, int width, int[] transitions, int[] fail, int[] queue, int tail) {
        int row = r * width;
        int failRow = fail[r] * width;
        for (int c = 1; c < width; c++) {
            int s = go[row + c];
            if (s < 0) {
                transitions[row + c] = transitions[failRow + c];
            } else {
                transitions[row + c] = s;
                fail[s] = transitions[failRow + c];
                queue[tail++] = s;
            }
        }
        return tail;
    }

    /** The table row of state {@code st}: each class's next state, pre-multiplied, negated when it reports. */
    private static void tableRow(int st, int width, int shift, int[] transitions, boolean[] reports, int[] table) {
        int row = st * width;
        int base = st << shift;
        for (int k = 1; k < width; k++) {
            int next = transitions[row + k];
            table[base | k] = reports[next] ? ~(next << shift) : next << shift;
        }
    }

    /** Receives keyword hits: the detector slot and the offset where the keyword starts. */
    interface Hits {
        void hit(int slot, int start, int end);
    }

    /** Hits collected from a byte scan: (slot, start, end) triples in order of the keyword's end. */
    static final class HitList {
        int[] data = new int[48];
        int size;
        /** Whether the scanned bytes are all ASCII (then they decode to chars one to one, without a check). */
        boolean ascii;

        void add(int slot, int start, int end) {
            if (size + 3 > data.length) {
                data = java.util.Arrays.copyOf(data, data.length * 2);
            }
            data[size++] = slot;
            data[size++] = start;
            data[size++] = end;
        }

        boolean isEmpty() {
            return size == 0;
        }

        void addAll(HitList other) {
            if (size + other.size > data.length) {
                data = java.util.Arrays.copyOf(data, Math.max(data.length * 2, size + other.size));
            }
            System.arraycopy(other.data, 0, data, size, other.size);
            size += other.size;
        }
    }

    /**
     * Scans raw file bytes (UTF-8 or any ASCII-compatible encoding): keywords are ASCII, so a byte
     * scan finds them without decoding, and files without any keyword are never decoded at all.
     */
    HitList search(byte[] bytes, int length) {
        HitList hits = new HitList();
        hits.ascii = true;
        walk(bytes, 0, length, 0, hits);
        return hits;
    }

    /** Longest keyword, in characters. */
    private int maxKeyword;

    /**
     * Like {@link #search(byte[], int)}, but four automata walk the four quarters of the input at once
     * (each quarter after the first starts a keyword's length early, without reporting): a DFA walk is
     * one dependent table load per byte, and four independent chains let the CPU overlap them. The
     * hits are the same, in the same order.
     */
    HitList searchLanes(byte[] bytes, int length) {
        return searchLanes(bytes, length, new Lanes());
    }

    /** The four hit lists of a lane search, reused from file to file by one thread (a new set per file was a tenth of a scan's garbage). */
    static final class Lanes {
        private final HitList[] lists = {new HitList(), new HitList(), new HitList(), new HitList()};
    }

    /**
     * {@link #searchLanes(byte[], int)} into {@code lanes}' lists: the answer is the first of them, valid until the
     * next search with the same lanes.
     */
    HitList searchLanes(byte[] bytes, int length, Lanes lanes) {
        HitList h0 = lanes.lists[0];
        h0.size = 0;
        h0.ascii = true;
        if (length < 1024 || length / 4 <= maxKeyword) {
            walk(bytes, 0, length, 0, h0);
            return h0;
        }
        int[] t = flagging;
        final byte[] cls = classes;
        int q = length / 4;
        int c1 = q;
        int c2 = 2 * q;
        int c3 = 3 * q;
        int warm = maxKeyword - 1;
        HitList h1 = lanes.lists[1];
        HitList h2 = lanes.lists[2];
        HitList h3 = lanes.lists[3];
        h1.size = 0;
        h2.size = 0;
        h3.size = 0;
        int s0 = 0;
        int s1 = walk(bytes, c1 - warm, c1, 0, null);
        int s2 = walk(bytes, c2 - warm, c2, 0, null);
        int s3 = walk(bytes, c3 - warm, c3, 0, null);
        int i = 0;
        while (true) {
            // the inner loop only walks; hits (and the first non-ASCII byte) are handled outside it (under C1 that
            // keeps the walk's registers free: 8% faster than handling them inside). Two steps per round: C1 neither
            // unrolls nor drops the loop's safepoint poll, and this is 15-20% faster than one step (0.82 against
            // 1.0 ns/byte on the JDK tree, thread CPU time); four steps per round are no faster than two
            for (; i < q; i++) {
                s0 = t[s0 | cls[bytes[i] & 0xff]];
                s1 = t[s1 | cls[bytes[c1 + i] & 0xff]];
                s2 = t[s2 | cls[bytes[c2 + i] & 0xff]];
                s3 = t[s3 | cls[bytes[c3 + i] & 0xff]];
                if ((s0 | s1 | s2 | s3) < 0 || ++i >= q) {
                    break;
                }
                s0 = t[s0 | cls[bytes[i] & 0xff]];
                s1 = t[s1 | cls[bytes[c1 + i] & 0xff]];
                s2 = t[s2 | cls[bytes[c2 + i] & 0xff]];
                s3 = t[s3 | cls[bytes[c3 + i] & 0xff]];
                if ((s0 | s1 | s2 | s3) < 0) {
                    break;
                }
            }
            if (i >= q) {
                break;
            }
            if (s0 == ~0 || s1 == ~0 || s2 == ~0 || s3 == ~0) {
                h0.ascii = false; // from here on the class of the bytes 0x80-0xff leads to the root unflagged
                t = table;
            }
            if (s0 < 0) {
                s0 = report(~s0, i, h0);
            }
            if (s1 < 0) {
                s1 = report(~s1, c1 + i, h1);
            }
            if (s2 < 0) {
                s2 = report(~s2, c2 + i, h2);
            }
            if (s3 < 0) {
                s3 = report(~s3, c3 + i, h3);
            }
            i++;
        }
        boolean ascii = h0.ascii;
        h3.ascii = ascii;
        walk(bytes, c3 + q, length, s3, h3); // the remainder of the last quarter
        h0.addAll(h1);
        h0.addAll(h2);
        h0.addAll(h3);
        h0.ascii = ascii && h3.ascii;
        return h0;
    }

    /** Reports the keywords ending in {@code state} at byte {@code i}; the root (a non-ASCII byte's flag) reports none. */
    private int report(int state, int i, HitList out) {
        int[] hit = outputs[state >> shift];
        if (hit != null) {
            for (int k = 0; k < hit.length; k += 2) {
                out.add(hit[k], i + 1 - hit[k + 1], i + 1);
            }
        }
        return state;
    }

    /**
     * Walks bytes[from, to) from {@code state}; reports hits to {@code out} unless it is null, and clears its
     * {@link HitList#ascii} at a non-ASCII byte.
     */
    private int walk(byte[] bytes, int from, int to, int state, HitList out) {
        int[] t = out != null && out.ascii ? flagging : table;
        final byte[] cls = classes;
        int s = state;
        for (int i = from; i < to; i++) {
            s = t[s | cls[bytes[i] & 0xff]];
            if (s < 0) {
                s = ~s;
                if (out != null) {
                    if (s == 0) {
                        out.ascii = false;
                        t = table;
                    }
                    report(s, i, out);
                }
            }
        }
        return s;
    }

    /** Reports every keyword occurrence in {@code text}, in order of the keyword's end. */
    void search(String text, Hits hits) {
        final int[] t = table; // chars 0x80-0xff: the non-ASCII class, which leads to the root unflagged here
        final byte[] cls = classes;
        final int sh = shift;
        int state = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            state = t[state | (c < 256 ? cls[c] : 0)];
            if (state < 0) {
                state = ~state;
                int[] hit = outputs[state >> sh];
                for (int k = 0; k < hit.length; k += 2) {
                    hits.hit(hit[k], i + 1 - hit[k + 1], i + 1);
                }
            }
        }
    }
}
