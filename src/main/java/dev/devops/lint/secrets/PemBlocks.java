package dev.devops.lint.secrets;

import dev.devops.lint.RuleInfo;
import dev.devops.lint.Severity;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The PEM block reader shared by the private-key rules SEC0001 (PEM: RSA, EC, DSA, PKCS#8, encrypted), SEC0002
 * (OpenSSH) and SEC0003 (PGP), and the key-body reader SEC0004 (PuTTY) uses too. A header alone (documentation, a
 * parser's constant) is not a key: the body must hold at least 64 base64 characters of some variety, read up to the
 * END line (in a string literal too: quotes, "\n" escapes and '+' concatenation are skipped).
 */
final class PemBlocks {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN[ ]((?:RSA|DSA|EC|OPENSSH|ENCRYPTED|PGP|SSH2 ENCRYPTED)[ ])?PRIVATE[ ]KEY(?:[ ]BLOCK)?-----");
    private static final int MAX_BODY = 64 * 1024;
    /**
     * A body line that says lines were left out ({@code ...}, {@code . . .}, {@code …}, {@code [...]}, {@code <snip>}): documentation
     * showing a key's shape with its first and last lines (Bitnami's chart READMEs), not a key.
     */
    private static final Pattern ELISION = Pattern.compile("[\\s\"'#/*-]*(?:\\.(?:[ ]?\\.){2,}|\u2026|\\[\\.{3,}]|\\(\\.{3,}\\)|<\\.{3,}>|<snip>|\\[snip])[\\s\"'+,;]*");

    static final String HINT = "Revoke or replace the key pair, remove the file from the repository and its history, and "
            + "load the key from a secret store or a mounted file.";

    private PemBlocks() {
    }

    /**
     * The keyword part of a rule that reports the PEM private-key blocks whose header type ("" for PKCS#8, "RSA",
     * "OPENSSH", "PGP" …) {@code types} accepts; its message starts with {@code title} and ends with the kind.
     */
    static Detector detector(RuleInfo rule, Predicate<String> types, String title) {
        return new Detector() {
            @Override
            List<String> keywords() {
                return List.of("-----begin");
            }

            @Override
            int scan(ScanJob job, int lineStart, int lineEnd, int hitStart, int hitEnd) {
                return PemBlocks.scan(job, rule, types, title, hitStart, hitEnd);
            }
        };
    }

    private static int scan(ScanJob job, RuleInfo rule, Predicate<String> types, String title, int hitStart, int hitEnd) {
        String t = job.text;
        Matcher m = job.matcher(PEM);
        m.region(hitStart, Math.min(t.length(), hitStart + 80));
        if (!m.lookingAt()) {
            return hitEnd;
        }
        String type = m.group(1) == null ? "" : m.group(1).trim();
        if (!types.test(type)) {
            return hitEnd; // another rule's block
        }
        String end = "-----END " + (type.isEmpty() ? "" : type + " ") + "PRIVATE KEY";
        int bodyStart = m.end();
        int limit = Math.min(t.length(), bodyStart + MAX_BODY);
        int endAt = t.indexOf(end, bodyStart);
        int bodyEnd = endAt >= 0 && endAt < limit ? endAt : limit;
        StringBuilder body = new StringBuilder();
        boolean encrypted = type.contains("ENCRYPTED");
        boolean elided = false;
        int i = bodyStart;
        while (i < bodyEnd) {
            int nl = t.indexOf('\n', i);
            int le = nl < 0 || nl > bodyEnd ? bodyEnd : nl;
            String line = t.substring(i, le);
            if (line.contains("Proc-Type:") && line.contains("ENCRYPTED")) {
                encrypted = true;
            }
            String clean = line.contains(": ") ? null : cleanBase64(line); // header lines: Proc-Type, DEK-Info …
            if (clean == null && ELISION.matcher(line).matches()) {
                elided = true; // "..." between the first and last lines: a key shown in part, which signs nothing
                i = le + 1;
                continue;
            }
            if (clean != null) {
                body.append(clean);
            }
            if (clean == null && body.length() == 0 && !line.contains(": ") && !isBlankRest(line)) {
                // the BEGIN line goes on with other text, or the next line is no base64: no body follows it (a scanner's
                // report quoting only the BEGIN line, {"line":"-----BEGIN RSA PRIVATE KEY-----","commit":…}, whose
                // hashes further down, up to another entry's END line, are no key)
                bodyEnd = le;
                break;
            }
            if (endAt < 0 && body.length() > 0 && clean == null) {
                bodyEnd = le; // no END marker: the body ends at the first line without base64
                break;
            }
            i = le + 1;
        }
        String b = body.toString();
        if (elided || b.length() < 64 || Entropy.shannon(b) < 4.0 || Filters.placeholderOrReference(b) != null
                || !encrypted && endAt >= 0 && endAt < limit && holdsNoKey(b)) {
            return Math.max(hitEnd, bodyEnd);
        }
        String kind = type.isEmpty() ? "PKCS#8" : type.equals("ENCRYPTED") ? "PKCS#8" : type;
        job.emit(rule, Severity.ERROR, hitStart, b, title + kind + (encrypted ? ", encrypted" : "") + ")", HINT,
                encrypted ? Map.of("encrypted", "true") : null);
        return Math.max(hitEnd, bodyEnd);
    }

    /**
     * Whether a complete, unencrypted block's body is DER of a certificate or a certificate request: every unencrypted
     * private key (PKCS#1 RSA, PKCS#8, SEC1 EC, DSA) starts with its version INTEGER, where an X.509 certificate or a CSR
     * starts with the SEQUENCE it signs, itself opening with a [0] version or an INTEGER. Such a block is a certificate
     * under a key header: a form's placeholder ("paste your key here") written with a certificate's first lines, not a
     * key. An encrypted PKCS#8 key under a plain header (its first SEQUENCE opens with an algorithm's OID) stays a key; a
     * body that does not decode is left to the other tests.
     */
    static boolean holdsNoKey(String base64) {
        byte[] d;
        try {
            int r = base64.length() % 4;
            d = java.util.Base64.getDecoder().decode(r == 2 ? base64 + "==" : r == 3 ? base64 + "=" : base64);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int inner = sequenceContent(d, 0);
        if (inner < 0 || d[inner] != 0x30) {
            return false;
        }
        // the certificate's or request's signed part starts with its [0] version or an INTEGER; an encrypted key's
        // algorithm identifier (PKCS#8 under a plain key header) with an OID: that one is a key
        int signed = sequenceContent(d, inner);
        return signed >= 0 && (d[signed] == (byte) 0xa0 || d[signed] == 0x02);
    }

    /** The offset of the content of the DER SEQUENCE at {@code at}, or -1 when there is none that holds a byte. */
    private static int sequenceContent(byte[] d, int at) {
        if (at + 2 >= d.length || d[at] != 0x30) {
            return -1;
        }
        int lenByte = d[at + 1] & 0xff;
        int header = lenByte < 0x80 ? 2 : 2 + (lenByte & 0x7f);
        return lenByte == 0x80 || header > 6 || at + header >= d.length ? -1 : at + header;
    }

    /** What may follow a BEGIN line before the body: nothing, or a string literal's dressing ({@code "}, {@code \\n"}, {@code ",}). */
    private static boolean isBlankRest(String line) {
        String l = line.replace("\\n", "").replace("\\r", "").strip();
        for (int k = 0; k < l.length(); k++) {
            if ("\"'`,;+( \t".indexOf(l.charAt(k)) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A line of a key body: base64 only, once the dressing of a string literal is taken off (quotes,
     * "\n" escapes, '+' concatenation, a trailing comma or semicolon); null when it is anything else.
     */
    static String cleanBase64(String line) {
        String l = line.strip();
        if (l.startsWith("+")) {
            l = l.substring(1).strip();
        }
        while (!l.isEmpty() && (l.endsWith("+") || l.endsWith(",") || l.endsWith(";") || l.endsWith(")"))) {
            l = l.substring(0, l.length() - 1).strip();
        }
        if (l.length() >= 2 && (l.charAt(0) == '"' || l.charAt(0) == '\'') && l.charAt(l.length() - 1) == l.charAt(0)) {
            l = l.substring(1, l.length() - 1);
        }
        l = l.replace("\\n", "").replace("\\r", "").strip();
        if (l.length() < 4) {
            return null;
        }
        for (int k = 0; k < l.length(); k++) {
            char c = l.charAt(k);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=')) {
                return null;
            }
        }
        return l;
    }
}
