package dev.devops.lint.secrets;

/**
 * How a secret is shown: at most the first 4 characters of a known-looking prefix ("ghp_", "sk-",
 * "xoxb-") and the last 3 characters, never more than a quarter of the secret; shorter secrets show
 * only asterisks. "ghp_****…3fA".
 */
public final class Redaction {
    private Redaction() {
    }

    public static String redact(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "****";
        }
        int n = secret.length();
        int budget = n / 4;
        int lead = prefixLength(secret);
        if (lead > budget) {
            lead = 0;
        }
        int trail = Math.min(3, budget - lead);
        if (n < 12 || trail < 0) {
            return "****";
        }
        return secret.substring(0, lead) + "****\u2026" + secret.substring(n - trail);
    }

    /** Length (≤ 4) of a leading prefix that ends in '_' or '-' ("ghp_", "sk-", "npm_"), else 0. */
    private static int prefixLength(String s) {
        for (int i = 1; i < Math.min(4, s.length()); i++) {
            char c = s.charAt(i);
            if (c == '_' || c == '-') {
                for (int j = 0; j < i; j++) {
                    if (!Character.isLetterOrDigit(s.charAt(j))) {
                        return 0;
                    }
                }
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * The shape of a secret, safe to print: its length, its character classes and its entropy, e.g.
     * "8 chars, a-z, 2.8 bits/char" — so a reader can tell a default password from a random key.
     */
    public static String shape(String secret) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                other = true;
            }
        }
        StringBuilder classes = new StringBuilder();
        for (String[] c : new String[][] {{lower ? "a-z" : null}, {upper ? "A-Z" : null}, {digit ? "0-9" : null},
            {other ? "symbols" : null}}) {
            if (c[0] != null) {
                classes.append(classes.length() == 0 ? "" : " ").append(c[0]);
            }
        }
        return secret.length() + " chars, " + classes + ", "
                + String.format(java.util.Locale.ROOT, "%.1f", Entropy.shannon(secret)) + " bits/char";
    }
}
