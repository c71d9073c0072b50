package dev.devops.lint.env;

import java.util.Map;

/**
 * Whether two variable names are probably the same variable misspelt: equal after expanding common
 * abbreviations of one word (PASS/PWD/PASSWD → PASSWORD, USR/USERNAME → USER, URI → URL, ADDR → ADDRESS,
 * DB → DATABASE, HOSTNAME → HOST), or one edit (insert, delete, substitute, swap) apart for names of 6+
 * characters, two for 12+. Names that differ only in digits (KEY_1 / KEY_2) or in a whole word of up to
 * three letters (API_URL / APP_URL) are different variables.
 */
final class NearMiss {
    private static final Map<String, String> WORDS = Map.ofEntries(Map.entry("PASS", "PASSWORD"),
            Map.entry("PWD", "PASSWORD"), Map.entry("PASSWD", "PASSWORD"), Map.entry("PW", "PASSWORD"),
            Map.entry("USR", "USER"), Map.entry("USERNAME", "USER"), Map.entry("URI", "URL"),
            Map.entry("ADDR", "ADDRESS"), Map.entry("DB", "DATABASE"), Map.entry("HOSTNAME", "HOST"),
            Map.entry("PASSPHRASE", "PASSWORD"), Map.entry("SECRETKEY", "SECRET_KEY"));

    private NearMiss() {
    }

    static boolean similar(String a, String b) {
        if (a.equals(b) || a.length() < 4 || b.length() < 4) {
            return false;
        }
        if (a.replaceAll("\\d", "").equals(b.replaceAll("\\d", ""))) {
            return false;
        }
        if (canonical(a).equals(canonical(b))) {
            return true;
        }
        int n = Math.min(a.length(), b.length());
        int limit = n >= 12 ? 2 : n >= 6 ? 1 : 0;
        return limit > 0 && distance(a, b) <= limit && !shortWordSwap(a, b);
    }

    /**
     * True when the names differ in a whole short word (API_URL / APP_URL, DB_HOST / DC_HOST): two
     * different abbreviations, not a typo inside a word.
     */
    private static boolean shortWordSwap(String a, String b) {
        String[] x = a.split("_");
        String[] y = b.split("_");
        if (x.length != y.length) {
            return false;
        }
        for (int i = 0; i < x.length; i++) {
            if (!x[i].equals(y[i]) && x[i].length() <= 3 && y[i].length() <= 3) {
                return true;
            }
        }
        return false;
    }

    private static String canonical(String name) {
        StringBuilder sb = new StringBuilder();
        for (String w : name.split("_")) {
            if (sb.length() > 0) {
                sb.append('_');
            }
            sb.append(WORDS.getOrDefault(w, w));
        }
        return sb.toString();
    }

    /** Optimal string alignment distance (Levenshtein with adjacent swaps). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
