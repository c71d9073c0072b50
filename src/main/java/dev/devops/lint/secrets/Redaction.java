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
}
