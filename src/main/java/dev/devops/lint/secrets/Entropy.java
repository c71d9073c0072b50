package dev.devops.lint.secrets;

/** Shannon entropy in bits per character: random tokens score high, words and repeats low. */
public final class Entropy {
    private Entropy() {
    }

    public static double shannon(CharSequence s) {
        int n = s.length();
        if (n == 0) {
            return 0;
        }
        int[] ascii = new int[128];
        java.util.Map<Character, Integer> other = null;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 128) {
                ascii[c]++;
            } else {
                if (other == null) {
                    other = new java.util.HashMap<>();
                }
                other.merge(c, 1, Integer::sum);
            }
        }
        double h = 0;
        for (int count : ascii) {
            if (count > 0) {
                double p = (double) count / n;
                h -= p * Math.log(p);
            }
        }
        if (other != null) {
            for (int count : other.values()) {
                double p = (double) count / n;
                h -= p * Math.log(p);
            }
        }
        return h / Math.log(2);
    }
}
