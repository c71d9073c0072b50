package dev.devops.lint.secrets.rules;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Format checks a regex cannot express, named by id in the rules data ({@code validator: github-crc32}),
 * and the entropy floor. A secret that fails its rule's checks is not a finding of that rule.
 */
public final class Validators {
    /** GitHub {@code gh[pousr]_} tokens: 30 random base62 chars, then their CRC32 in 6 base62 chars. */
    public static final String GITHUB_CRC32 = "github-crc32";
    /** npm {@code npm_} tokens: the same scheme as GitHub's. */
    public static final String NPM_CRC32 = "npm-crc32";

    private static final Set<String> KNOWN = Set.of(GITHUB_CRC32, NPM_CRC32);
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int BODY = 30;
    private static final int CHECKSUM = 6;

    private Validators() {
    }

    /** The validator ids the rules data may name. */
    public static Set<String> known() {
        return KNOWN;
    }

    public static boolean isKnown(String id) {
        return KNOWN.contains(id);
    }

    /**
     * Whether {@code secret} passes validator {@code id}; a null id always passes.
     *
     * @throws IllegalArgumentException for an unknown id (the loader rejects those earlier)
     */
    public static boolean valid(String id, CharSequence secret) {
        if (id == null) {
            return true;
        }
        return switch (id) {
            case GITHUB_CRC32, NPM_CRC32 -> base62Crc32(secret);
            default -> throw new IllegalArgumentException("unknown secret validator '" + id + "'");
        };
    }

    /** Whether {@code secret} passes {@code rule}'s entropy floor and validator. */
    public static boolean accepts(SecretRule rule, CharSequence secret) {
        if (secret == null || secret.length() == 0) {
            return false;
        }
        if (rule.entropy() > 0 && entropy(secret) < rule.entropy()) {
            return false;
        }
        return valid(rule.validator(), secret);
    }

    /** Shannon entropy of {@code s} in bits per character (0 for an empty string). */
    public static double entropy(CharSequence s) {
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
            h += term(count, n);
        }
        if (other != null) {
            for (int count : other.values()) {
                h += term(count, n);
            }
        }
        return h;
    }

    private static double term(int count, int n) {
        if (count == 0) {
            return 0;
        }
        double p = (double) count / n;
        return -p * (Math.log(p) / Math.log(2));
    }

    /**
     * {@code prefix_} + 30 base62 chars + the CRC32 (IEEE) of those 30 chars written in base62
     * (alphabet 0-9A-Za-z), left-padded with '0' to 6 chars. The prefix is everything up to the
     * last underscore before the 36-char tail.
     */
    private static boolean base62Crc32(CharSequence secret) {
        int n = secret.length();
        if (n < BODY + CHECKSUM + 1 || secret.charAt(n - BODY - CHECKSUM - 1) != '_') {
            return false;
        }
        String tail = secret.subSequence(n - BODY - CHECKSUM, n).toString();
        for (int i = 0; i < tail.length(); i++) {
            if (BASE62.indexOf(tail.charAt(i)) < 0) {
                return false;
            }
        }
        String body = tail.substring(0, BODY);
        return tail.substring(BODY).equals(base62Checksum(body));
    }

    /** The 6-char base62 CRC32 checksum of {@code body}, as GitHub and npm append it. */
    public static String base62Checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long v = crc.getValue();
        char[] out = new char[CHECKSUM];
        for (int i = CHECKSUM - 1; i >= 0; i--) {
            out[i] = BASE62.charAt((int) (v % 62));
            v /= 62;
        }
        return new String(out);
    }
}
