package dev.devops.lint.secrets;

import static dev.devops.lint.Severity.ERROR;

import dev.devops.lint.RuleInfo;
import dev.devops.lint.Severity;
import dev.devops.lint.secrets.GenericRule.Examples;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SEC0004: a PuTTY .ppk private key: the {@code Private-Lines} the header announces must hold at least 32 base64
 * characters of some variety (read as {@link PemBlocks#cleanBase64} reads a key body).
 */
final class SEC0004PuttyKey extends Detector {
    static final GenericRule RULE = GenericRule.rule("SEC0004", ERROR, "PuTTY private key",
            "A PuTTY .ppk private key (PuTTY-User-Key-File) is committed.\nFix: replace the key pair and keep the "
            + "private key out of the repository.")
            .examples(Examples.in("keys/me.ppk")
                    .match("""
                    PuTTY-User-Key-File-3: ssh-ed25519
                    Encryption: none
                    Comment: me
                    Public-Lines: 2
                    /QkaAXni0TvXcupfCuBLOx4MMJn505Ux7hNfg90tcppCxseq8gEbo5i1nlk3CV5X
                    JAs0/0EJmbum6TTQAtFTaA==
                    Private-Lines: 1
                    rV8vnk8TNAjLfox7EGgZy2WpjCejiBenKWWyRWj8SKpOavQNT76R4g==
                    Private-MAC: wAAb3XZxPmzUzn8aB5kBh0fzK4xDXkiadJjPZ6zf
                    """)
                    .ignore("src/KeyTest.java", """
                    String k = "PuTTY-User-Key-File-3: ssh-ed25519\\nPrivate-Lines: 1\\n"
                        + Fake.base64Body(40) + "Private-MAC: " + Fake.token(40) + "\\n";
                    """))
            .keyword(SEC0004PuttyKey::new)
            .build();

    private static final Pattern PUTTY = Pattern.compile("PuTTY-User-Key-File-\\d+:[ ]*([\\w-]+)");
    private static final Pattern PUTTY_PRIVATE = Pattern.compile("Private-Lines:[ ]*(\\d+)");

    private final RuleInfo rule;

    private SEC0004PuttyKey(RuleInfo rule) {
        this.rule = rule;
    }

    @Override
    List<String> keywords() {
        return List.of("putty-user-key-file-");
    }

    @Override
    int scan(ScanJob job, int lineStart, int lineEnd, int hitStart, int hitEnd) {
        String t = job.text;
        Matcher m = job.matcher(PUTTY);
        m.region(hitStart, Math.min(t.length(), hitStart + 120));
        if (!m.lookingAt()) {
            return lineEnd;
        }
        Matcher p = job.matcher(PUTTY_PRIVATE);
        p.region(m.end(), Math.min(t.length(), m.end() + 16 * 1024));
        if (!p.find()) {
            return lineEnd;
        }
        int n = Math.min(200, Integer.parseInt(p.group(1)));
        int i = t.indexOf('\n', p.end()) + 1;
        StringBuilder body = new StringBuilder();
        for (int k = 0; k < n && i > 0 && i < t.length(); k++) {
            int nl = t.indexOf('\n', i);
            int le = nl < 0 ? t.length() : nl;
            String clean = PemBlocks.cleanBase64(t.substring(i, le));
            if (clean == null) {
                break;
            }
            body.append(clean);
            i = nl < 0 ? t.length() : nl + 1;
        }
        String b = body.toString();
        if (b.length() < 32 || Entropy.shannon(b) < 4.0 || Filters.placeholderOrReference(b) != null) {
            return Math.max(lineEnd, i);
        }
        job.emit(rule, Severity.ERROR, hitStart, b, rule.title() + " (" + m.group(1) + ")", PemBlocks.HINT, null);
        return Math.max(lineEnd, i);
    }
}
