package dev.devops.lint.secrets;

import static dev.devops.lint.Severity.ERROR;

import dev.devops.lint.RuleInfo;
import dev.devops.lint.Severity;
import dev.devops.lint.secrets.GenericRule.Examples;

/**
 * SEC0005: a binary keystore (JKS, JCEKS, PKCS#12), recognised by its bytes whatever its name ({@link Keystores}),
 * that holds a private or secret key. Such a file is read only by this rule: its bytes are not text.
 */
final class SEC0005Keystore implements GenericRule.BinaryCheck {
    static final GenericRule RULE = GenericRule.rule("SEC0005", ERROR, "Keystore holding a private key (JKS, JCEKS, PKCS#12)",
            "A Java keystore (JKS, JCEKS) or a PKCS#12 file (.p12, .pfx) that holds a private key or secret key entry is "
            + "committed. It is recognised by its content (magic bytes and entry types), whatever its name; trust "
            + "stores that hold only certificates are not reported. Keystore passwords are often changeit or sit "
            + "next to the file, and offline guessing is cheap.\nFix: replace the key (new key pair, new certificate), "
            + "delete the file from the repository and its history, and mount the keystore from a secret store at run time.")
            // bytes, one char each: the magic, version 2, one entry, and its tag (1: a private key; 2: a certificate)
            .examples(Examples.in("config/server.jks").asBytes()
                    .match("\376\355\376\355\0\0\0\2\0\0\0\1\0\0\0\1")
                    .match("certs/store.p12", "\60\202\1\0\2\1\3\60\13\6\13\52\206\110\206\367\15\1\14\12\1\2")
                    .ignore("\376\355\376\355\0\0\0\2\0\0\0\1\0\0\0\2\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0")
                    .ignore("certs/trust.p12", "\60\202\1\0\2\1\3\60\13\6\13\52\206\110\206\367\15\1\14\12\1\3"))
            .binary(SEC0005Keystore::new)
            .build();

    private final RuleInfo rule;

    private SEC0005Keystore(RuleInfo rule) {
        this.rule = rule;
    }

    @Override
    public boolean recognises(byte[] bytes, int length) {
        return Keystores.isKeystore(bytes, length);
    }

    @Override
    public void scan(ScanJob job, byte[] bytes, int length) {
        if (!Keystores.holdsKey(bytes, length)) {
            return;
        }
        job.emit(rule, Severity.ERROR, 0, null, "Committed " + Keystores.describe(bytes, length) + " holding a private key",
                "Replace the key pair, remove the file from the repository (and its history), and mount the keystore "
                        + "from a secret store at run time.", null);
    }
}
