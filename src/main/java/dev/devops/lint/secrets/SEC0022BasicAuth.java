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

/**
 * SEC0022: HTTP basic-auth credentials written out: {@code curl -u user:password} (or {@code --user}) and
 * {@code Authorization: Basic <base64>}, whose value counts only when it decodes to printable
 * {@code user:password}. The password goes through the shared placeholder and reference filters.
 */
final class SEC0022BasicAuth extends Detector {
    static final GenericRule RULE = GenericRule.rule("SEC0022", ERROR, "HTTP basic-auth credentials (curl -u, Authorization: Basic)",
            "A user:password pair for HTTP basic authentication is written out: curl -u user:password (or --user), "
            + "or an Authorization: Basic header whose base64 value decodes to user:password. References "
            + "($TOKEN, ${PASS}) and placeholders are not reported; base64 that does not decode to a user:password "
            + "pair is not either.\nFix: rotate the password or token and pass it from the environment "
            + "(curl -u \"$USER:$PASSWORD\", or a .netrc that is not committed).")
            .nameBased().overlap(GenericRule.Overlap.FIELD)
            .examples(Examples.in("scripts/deploy.sh")
                    .match("curl -u deploy:DfVPClogqoPchv https://artifacts.example.com/upload")
                    .match("curl -H \"Authorization: Basic ZGVwbG95OjYyTzZTUTFJRUUxSFNhMmI=\" https://artifacts.example.com/upload")
                    .ignore("curl -u \"$USER:$PASSWORD\" https://artifacts.example.com/upload")
                    .ignore("curl -H \"Authorization: Basic $TOKEN\" https://artifacts.example.com/upload")
                    .ignore("curl -H \"Authorization: Basic aGVsbG8gd29ybGQ=\" https://artifacts.example.com/upload")
                    // held-out 11c: the RFC's example login retyped in lower case without its space (aladdin:opensesame)
                    .ignore("proto/agent.proto", "    // key=\"Authorization\", Value=\"Basic YWxhZGRpbjpvcGVuc2VzYW1l\"."))
            .keyword(SEC0022BasicAuth::new)
            .build();

    private final RuleInfo rule;

    private SEC0022BasicAuth(RuleInfo rule) {
        this.rule = rule;
    }

    /**
     * From "curl" on: the -u / --user option later on the line, then an optionally quoted user:password. A backtick
     * ends the pair (a command quoted as code in a comment or a Markdown string: {@code `curl -u user:pass`}).
     */
    private static final Pattern CURL = Pattern.compile(
            "(?i)curl\\b[^\\n]{0,400}?[ \\t](?:-u|--user)(?:[ \\t]+|=)?(['\"]?)([^\\s:'\"`\\\\{}()]{1,128}):([^\\s'\"`\\\\{}()]{1,256})\\1(?=[\\s;|&)`]|$)");
    /** "basic" then a base64 token: the value of an Authorization header. */
    private static final Pattern BASIC = Pattern.compile("(?i)basic[ \\t]+([A-Za-z0-9+/]{8,512}={0,2})(?![A-Za-z0-9+/=_-])");

    @Override
    List<String> keywords() {
        return List.of("curl", "basic");
    }

    @Override
    boolean anchored() {
        return true;
    }

    @Override
    boolean checksBytes() {
        return true;
    }

    /**
     * On the raw bytes, what {@link #scan} needs at the hit, without the regexes' length limits: no ASCII letter
     * or digit just before; for "basic", blanks then eight base64 characters; for "curl", no word character
     * just after and a {@code -u} (or {@code --user}) after a blank later on the line. Every byte tested is
     * ASCII, so this holds on any file (a non-ASCII byte next to the keyword says yes).
     */
    @Override
    boolean mayMatch(FileBytes file, int lineStart, int lineEnd, int hitStart, int hitEnd) {
        byte[] b = file.bytes;
        if (hitStart > lineStart && isAsciiLetterOrDigit(b[hitStart - 1])) {
            return false;
        }
        if ((b[hitStart] | 0x20) == 'c') {
            if (hitEnd < lineEnd && (isAsciiLetterOrDigit(b[hitEnd]) || b[hitEnd] == '_')) {
                return false;
            }
            for (int i = hitEnd + 1; i + 1 < lineEnd; i++) {
                if (b[i] == '-' && (b[i + 1] | 0x20) == 'u'
                        && (isBlank(b[i - 1]) || b[i - 1] == '-' && i - 2 >= hitEnd && isBlank(b[i - 2]))) {
                    return true;
                }
            }
            return false;
        }
        int i = hitEnd;
        while (i < lineEnd && isBlank(b[i])) {
            i++;
        }
        if (i == hitEnd) {
            return false;
        }
        int p = i;
        while (i < lineEnd && i - p < 8 && isBase64(b[i])) {
            i++;
        }
        return i - p == 8;
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isAsciiLetterOrDigit(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean isBase64(byte c) {
        return isAsciiLetterOrDigit(c) || c == '+' || c == '/';
    }

    @Override
    int scan(ScanJob job, int lineStart, int lineEnd, int hitStart, int hitEnd) {
        if (hitStart > lineStart && Character.isLetterOrDigit(job.text.charAt(hitStart - 1))) {
            return hitEnd; // part of a longer word (libcurl, IsBasic)
        }
        boolean curl = (job.text.charAt(hitStart) | 0x20) == 'c';
        Matcher m = job.matcher(curl ? CURL : BASIC);
        m.region(hitStart, Math.min(lineEnd, hitStart + 1200));
        if (!m.lookingAt()) {
            return hitEnd;
        }
        if (curl) {
            report(job, m.group(2), m.group(3), m.start(3), m.group(3), "curl -u");
        } else {
            String decoded = decode(m.group(1));
            int colon = decoded == null ? -1 : decoded.indexOf(':');
            if (colon > 0) {
                report(job, decoded.substring(0, colon), decoded.substring(colon + 1), m.start(1), m.group(1),
                        "an Authorization: Basic header");
            }
        }
        return m.end();
    }

    private void report(ScanJob job, String user, String password, int pos, String secret, String where) {
        if (password.length() < 3 || Filters.reason(password) != null || user.startsWith("$") && password.startsWith("$")
                || Filters.reason(user) != null && user.startsWith("$") || Filters.isPublishedExampleLogin(user, password)) {
            return;
        }
        Severity severity = job.credentialSeverity(password, pos);
        if (severity == null) {
            return; // tests, docs, vendored code; a demo login in an example
        }
        job.emit(rule, severity, pos, secret, "Basic-auth user:password in " + where,
                "Rotate the password and pass it from the environment (curl -u \"$USER:$PASSWORD\", or an uncommitted .netrc).",
                null);
    }

    /** The decoded text when {@code b64} is base64 of printable ASCII, else null. */
    static String decode(String b64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            return null;
        }
        for (byte b : bytes) {
            if (b < 0x20 || b > 0x7e) {
                return null;
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
