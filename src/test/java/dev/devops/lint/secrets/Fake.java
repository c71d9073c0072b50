package dev.devops.lint.secrets;

import dev.devops.lint.Severity;
import dev.devops.lint.secrets.rules.SecretRule;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/** Secret-shaped strings built at run time, so that no fixture in this repository is a secret. */
public final class Fake {
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Random RANDOM = new Random(20240601);

    private Fake() {
    }

    /**
     * Random letters and digits, with at least one upper-case letter, one lower-case letter and one digit when
     * {@code n >= 3}: a draw of letters only ("TaxCynenFiMlCf") reads as an identifier and is rightly not reported,
     * and with the shared seed and test classes running in parallel, which test gets such a draw changes with the
     * order (it made CheckCommandTest fail in full runs only). Nor a draw that holds a default word in any case
     * ("…DeV…", "…uSeR…"): a short value built on one is rightly a development default, not a live secret; nor one
     * with so many repeats ("d9RRR4RyZWP9", under 3 bits a character) that it reads as an identifier, ~0.7% of 12-character draws.
     */
    public static synchronized String token(int n) {
        while (true) {
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                sb.append(ALNUM.charAt(RANDOM.nextInt(ALNUM.length())));
            }
            String t = sb.toString();
            if (n < 3 || t.chars().anyMatch(Character::isUpperCase) && t.chars().anyMatch(Character::isLowerCase)
                    && t.chars().anyMatch(Character::isDigit) && (n < 8 || !Filters.isWeakCredential(t) && Entropy.shannon(t) >= 3.0)) {
                return t;
            }
        }
    }

    /** n random lowercase hex digits (a 16-hex .NET publicKeyToken, a 64-hex generated key). */
    public static synchronized String hex(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(Character.forDigit(RANDOM.nextInt(16), 16));
        }
        return sb.toString();
    }

    /**
     * A random-looking token of {@code n} characters (upper case, lower case and digits in turn), the same on every run
     * and for every caller: its own generator, seeded by {@code n}, so it does not depend on which tests drew from the
     * shared stream before (test classes run in parallel).
     */
    public static String seeded(int n) {
        Random r = new Random(7919L * n);
        String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        String lower = "abcdefghijkmnopqrstuvwxyz";
        String digits = "23456789";
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            String set = i % 3 == 0 ? upper : i % 3 == 1 ? lower : digits;
            sb.append(set.charAt(r.nextInt(set.length())));
        }
        return sb.toString();
    }

    /** n random bytes, base64 in 64-character lines. */
    public static synchronized String base64Body(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        String s = Base64.getEncoder().encodeToString(b);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i += 64) {
            sb.append(s, i, Math.min(s.length(), i + 64)).append('\n');
        }
        return sb.toString();
    }

    public static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    public static String b64url(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A PEM block of the given type ("RSA ", "EC ", "" …). */
    public static String pem(String type) {
        String dashes = "-----";
        return dashes + "BEGIN " + type + "PRIVATE KEY" + dashes + "\n" + base64Body(600) + dashes + "END " + type
                + "PRIVATE KEY" + dashes + "\n";
    }

    /** A JWT with the given header JSON. */
    public static String jwt(String headerJson) {
        return b64url(headerJson) + "." + b64url("{\"sub\":\"1234567890\",\"name\":\"Ann\"}") + "." + token(43);
    }

    /** The test provider format: "tst" + "_" + 24 alphanumerics, keyword "tst_". */
    public static String testToken() {
        return "tst" + "_" + token(24);
    }

    public static SecretRule testRule(String validator) {
        return new SecretRule("SEC0901", "Test provider token", Severity.ERROR, Pattern.compile("\\b(tst_[A-Za-z0-9]{24})\\b"), 1,
                List.of("tst_"), 3.0, validator, List.of(), List.of(), "Rotate the test token.");
    }
}
