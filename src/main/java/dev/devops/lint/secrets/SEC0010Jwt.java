package dev.devops.lint.secrets;

import static dev.devops.lint.Severity.ERROR;

import dev.devops.lint.RuleInfo;
import dev.devops.lint.Severity;
import dev.devops.lint.secrets.GenericRule.Examples;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SEC0010: a signed JWT; the header must decode to a JSON object with an "alg" other than "none". */
final class SEC0010Jwt extends Detector {
    static final GenericRule RULE = GenericRule.rule("SEC0010", ERROR, "JSON Web Token",
            "A signed JSON Web Token (its header decodes to JSON with an \"alg\") is committed. Tokens without "
            + "an expiry, or signed with a shared secret, grant access until the key changes. Expired tokens, NATS's "
            + "nkey-signed JWTs (public claims: the nkey seed is the secret), and tokens in tests and documentation, "
            + "are not reported.\n"
            + "Fix: revoke the token or rotate the signing key; build test tokens at run time.")
            .examples(Examples.in("api/auth.http")
                    .match("Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkFubiJ9.KN7xVGkjwskHk7egyFWZY9Zmti18c6EudM7Oyf5TNS0")
                    .ignore("Authorization: Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkFubiJ9.5kOY2oNzN2m1ElKncz8HkywhjpU05mc4J1WRcQ1uhyM")
                    .ignore("Authorization: Bearer eyJDJ2OXtPAtLpByQxCGCl.baNFDpCWNX0D1lZEzgeiwB.xfZCGGQccOif7UuXUGfdWG5yP8Yib2")
                    .ignore("README.md", "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkFubiJ9.KN7xVGkjwskHk7egyFWZY9Zmti18c6EudM7Oyf5TNS0"))
            .keyword(SEC0010Jwt::new)
            .build();

    private final RuleInfo rule;

    private SEC0010Jwt(RuleInfo rule) {
        this.rule = rule;
    }

    private static final Pattern JWT = Pattern.compile(
            "(eyJ[A-Za-z0-9_-]{10,})\\.([A-Za-z0-9_-]{10,})\\.([A-Za-z0-9_-]{16,})");

    @Override
    List<String> keywords() {
        return List.of("eyj");
    }

    @Override
    int scan(ScanJob job, int lineStart, int lineEnd, int hitStart, int hitEnd) {
        String t = job.text;
        if (job.contextAt(hitStart, false).quiet()) {
            return lineEnd; // a JWT in a test or a doc is a fixture: JWTs carry no provider format to tell a live one
        }
        if (t.charAt(hitStart) != 'e' || t.charAt(hitStart + 2) != 'J' || hitStart > lineStart && isTokenChar(t.charAt(hitStart - 1))) {
            return hitEnd;
        }
        Matcher m = job.matcher(JWT);
        m.region(hitStart, Math.min(lineEnd, hitStart + 16 * 1024));
        if (m.lookingAt()) {
            if (job.contextAt(hitStart).quiet()) {
                return m.end(); // in a block comment or a docstring: asked only where a token stands
            }
            String header = decode(m.group(1));
            String payload = decode(m.group(2));
            if (header == null || payload == null || !header.startsWith("{") || !payload.trim().startsWith("{")) {
                return m.end();
            }
            String compact = header.replace(" ", "");
            int alg = compact.indexOf("\"alg\":\"");
            if (alg < 0 || compact.startsWith("\"alg\":\"none\"", alg) || compact.startsWith("\"alg\":\"None\"", alg)) {
                return m.end();
            }
            if (compact.startsWith("\"alg\":\"ed25519-nkey\"", alg)) {
                return m.end(); // a NATS operator, account or user JWT: signed public claims; the nkey seed is the secret
            }
            String token = m.group();
            if (Filters.placeholderOrReference(token) != null || expired(payload)) {
                return m.end(); // an expired token grants nothing
            }
            if (signedWithAPublishedSecret(compact, m.group(1) + "." + m.group(2), m.group(3))) {
                return m.end(); // anyone can mint it: the token grants nothing the published secret does not
            }
            if (isSchemaExample(job, lineStart, m.start())) {
                return m.end(); // an API schema's example value (OpenApiSpex example: "Bearer eyJ…"): documentation
            }
            job.emit(rule, Severity.ERROR, m.start(), token, rule.title(),
                    "Revoke the token or rotate its signing key; build test tokens at run time instead of committing them.", null);
            return m.end();
        }
        return hitEnd;
    }

    /**
     * HMAC secrets that tools publish as their defaults, so that tokens signed with them are demo tokens anyone can
     * mint: the Supabase CLI's local stack, jwt.io's debugger.
     */
    private static final List<String> PUBLISHED_SECRETS = List.of("super-secret-jwt-token-with-at-least-32-characters-long",
            "your-256-bit-secret", "your-384-bit-secret", "your-512-bit-secret");

    /** Whether an HS256/384/512 token's signature verifies with one of {@link #PUBLISHED_SECRETS}. */
    static boolean signedWithAPublishedSecret(String compactHeader, String signingInput, String signature) {
        String mac = compactHeader.contains("\"alg\":\"HS256\"") ? "HmacSHA256"
                : compactHeader.contains("\"alg\":\"HS384\"") ? "HmacSHA384"
                : compactHeader.contains("\"alg\":\"HS512\"") ? "HmacSHA512" : null;
        if (mac == null) {
            return false;
        }
        try {
            for (String secret : PUBLISHED_SECRETS) {
                javax.crypto.Mac m = javax.crypto.Mac.getInstance(mac);
                m.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), mac));
                byte[] expected = m.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
                if (Base64.getUrlEncoder().withoutPadding().encodeToString(expected).equals(signature)) {
                    return true;
                }
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return false;
    }

    /** Whether the token is an example the text documents ({@link Assignments#isDocumentedExample}). */
    static boolean isSchemaExample(ScanJob job, int lineStart, int tokenStart) {
        return Assignments.isDocumentedExample(job.text, lineStart, tokenStart);
    }

    /** A whole value that is a JWT, after an optional {@code Bearer }. */
    private static final Pattern WHOLE_JWT = Pattern.compile("(?i:bearer\\s+)?" + JWT.pattern());

    /**
     * Whether a value is a signed JWT (its header decodes to JSON with an "alg"): this rule judges it (its expiry, a
     * published signing secret, an API schema's example), so the name-based detectors leave it alone, whatever the key
     * ({@code X-Access-Token: eyJ…} in a request collection holds a token that expired years ago).
     */
    static boolean isJwt(String value) {
        Matcher m = WHOLE_JWT.matcher(value);
        if (!m.matches()) {
            return false;
        }
        String header = decode(m.group(1));
        return header != null && header.startsWith("{") && header.replace(" ", "").contains("\"alg\":\"");
    }

    private static final Pattern EXP = Pattern.compile("\"exp\"\\s*:\\s*(\\d{1,12})");

    /** Whether the payload's "exp" (seconds since the epoch) is in the past. */
    static boolean expired(String payload) {
        Matcher e = EXP.matcher(payload);
        return e.find() && Long.parseLong(e.group(1)) < System.currentTimeMillis() / 1000;
    }

    private static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    static String decode(String part) {
        try {
            return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            try {
                String padded = part + "==".substring(0, (4 - part.length() % 4) % 4 == 3 ? 1 : (4 - part.length() % 4) % 4);
                return new String(Base64.getUrlDecoder().decode(padded), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e2) {
                return null;
            }
        }
    }
}
