package dev.devops.lint.env;

import java.util.Map;

/**
 * Whether two variable names are probably the same variable misspelt: equal after expanding common
 * abbreviations of one word (PASS/PWD/PASSWD → PASSWORD, USR/USERNAME → USER, URI → URL, ADDR → ADDRESS,
 * DB → DATABASE, HOSTNAME → HOST); or exactly one word differs, by one edit (insert, delete,
 * substitute, swap; two for words of 8+ letters), and not as a swap of two short abbreviations
 * (API_URL / APP_URL); or one underscore is dropped or doubled. Names that differ only in digits
 * (KEY_1 / KEY_2) and different words (DATABASE_PORT / DATABASE_HOST) are different variables.
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
        if (leadingUnderscores(a) != leadingUnderscores(b)) {
            // a leading underscore marks a private name: searxng's image sets __SEARXNG_SETTINGS_PATH, the default its
            // entrypoint maps to SEARXNG_SETTINGS_PATH, which the app reads; the two are different variables on purpose
            return false;
        }
        if (canonical(a).equals(canonical(b))) {
            return true;
        }
        String[] x = a.split("_");
        String[] y = b.split("_");
        if (x.length == y.length) {
            // a typo sits inside one word: exactly one word differs, by one edit, and it is not a swap of
            // two short abbreviations (API/APP)
            int differing = -1;
            for (int i = 0; i < x.length; i++) {
                if (!x[i].equals(y[i])) {
                    if (differing >= 0) {
                        return false;
                    }
                    differing = i;
                }
            }
            String u = x[differing];
            String v = y[differing];
            int longer = Math.max(u.length(), v.length());
            return Math.min(u.length(), v.length()) >= 3 && longer >= 4 && distance(u, v) <= (longer >= 8 ? 2 : 1);
        }
        // a dropped or doubled underscore (DATABASEURL, DATABASE__URL)
        return Math.min(a.length(), b.length()) >= 6 && distance(a, b) <= 1;
    }

    private static int leadingUnderscores(String name) {
        int i = 0;
        while (i < name.length() && name.charAt(i) == '_') {
            i++;
        }
        return i;
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

    static int distance(String a, String b) {
        return dev.devops.yaml.Suggest.distance(a, b);
    }
}
