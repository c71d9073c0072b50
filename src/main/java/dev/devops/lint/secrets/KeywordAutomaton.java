package dev.devops.lint.secrets;

import java.util.ArrayDeque;
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

    /** transitions[state * 128 + c] = next state. */
    private final int[] transitions;
    /** For each state, null or pairs (detector slot, keyword length) of keywords ending here. */
    private final int[][] outputs;

    /** @param keywords per detector slot, its keywords (ASCII; case ignored) */
    KeywordAutomaton(List<List<String>> keywords) {
        List<int[]> gotoRows = new ArrayList<>();
        List<List<int[]>> out = new ArrayList<>();
        gotoRows.add(newRow());
        out.add(new ArrayList<>());
        for (int slot = 0; slot < keywords.size(); slot++) {
            for (String kw : keywords.get(slot)) {
                String k = kw.toLowerCase(Locale.ROOT);
                if (k.isEmpty() || !k.chars().allMatch(ch -> ch < ALPHABET)) {
                    continue;
                }
                int s = 0;
                for (int i = 0; i < k.length(); i++) {
                    int c = k.charAt(i);
                    int next = gotoRows.get(s)[c];
                    if (next < 0) {
                        next = gotoRows.size();
                        gotoRows.add(newRow());
                        out.add(new ArrayList<>());
                        gotoRows.get(s)[c] = next;
                    }
                    s = next;
                }
                out.get(s).add(new int[] {slot, k.length()});
            }
        }
        int n = gotoRows.size();
        int[] fail = new int[n];
        transitions = new int[n * ALPHABET];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < ALPHABET; c++) {
            int s = gotoRows.get(0)[c];
            if (s < 0) {
                transitions[c] = 0;
            } else {
                transitions[c] = s;
                fail[s] = 0;
                queue.add(s);
            }
        }
        while (!queue.isEmpty()) {
            int r = queue.poll();
            out.get(r).addAll(r == 0 ? List.of() : out.get(fail[r]).stream().filter(p -> !out.get(r).contains(p)).toList());
            for (int c = 0; c < ALPHABET; c++) {
                int s = gotoRows.get(r)[c];
                if (s < 0) {
                    transitions[r * ALPHABET + c] = transitions[fail[r] * ALPHABET + c];
                } else {
                    transitions[r * ALPHABET + c] = s;
                    fail[s] = transitions[fail[r] * ALPHABET + c];
                    queue.add(s);
                }
            }
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

    private static int[] newRow() {
        int[] row = new int[ALPHABET];
        Arrays.fill(row, -1);
        return row;
    }

    int states() {
        return outputs.length;
    }

    /** Receives keyword hits: the detector slot and the offset where the keyword starts. */
    interface Hits {
        void hit(int slot, int start, int end);
    }

    /** Reports every keyword occurrence in {@code text}, in order of the keyword's end. */
    void search(String text, Hits hits) {
        final int[] t = transitions;
        final int[][] o = outputs;
        final char[] lower = LOWER;
        int state = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= ALPHABET) {
                state = 0;
                continue;
            }
            state = t[state * ALPHABET + lower[c]];
            int[] hit = o[state];
            if (hit != null) {
                for (int k = 0; k < hit.length; k += 2) {
                    hits.hit(hit[k], i + 1 - hit[k + 1], i + 1);
                }
            }
        }
    }
}
