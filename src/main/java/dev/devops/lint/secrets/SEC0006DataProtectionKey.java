package dev.devops.lint.secrets;

import static dev.devops.lint.Severity.ERROR;

import dev.devops.lint.RuleInfo;
import dev.devops.lint.Severity;
import dev.devops.lint.secrets.GenericRule.Examples;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SEC0006: an ASP.NET Core Data Protection key ring file whose {@code <masterKey>} holds its {@code <value>} in the
 * clear (the framework's own comment says "the key below is in an unencrypted form"). A key protected at rest (DPAPI,
 * a certificate) nests an {@code <encryptedSecret>} in the masterKey instead, and is not reported.
 */
final class SEC0006DataProtectionKey extends Detector {
    static final GenericRule RULE = GenericRule.rule("SEC0006", ERROR, "ASP.NET Core Data Protection key (unencrypted master key)",
            "An ASP.NET Core Data Protection key ring file (key-<id>.xml) with its master key in the clear is committed. "
            + "The key encrypts and signs the app's authentication cookies, antiforgery tokens and TempData: anyone "
            + "who reads the repository can forge a signed-in user's cookie for every deployment that loads this key "
            + "ring. Keys whose masterKey is protected at rest (an encryptedSecret inside it) are not reported.\n"
            + "Fix: delete the key files from the repository and its history, let each environment create its own key "
            + "ring (PersistKeysToFileSystem on a mounted volume, or a key vault), protected with ProtectKeysWith….")
            .examples(Examples.in("src/WebApi/key-0f8fad5b-d9cb-469f-a165-70867728950e.xml")
                    .match("""
                    <key id="0f8fad5b-d9cb-469f-a165-70867728950e" version="1">
                      <descriptor>
                        <masterKey p4:requiresEncryption="true" xmlns:p4="http://schemas.asp.net/2015/03/dataProtection">
                          <!-- Warning: the key below is in an unencrypted form. -->
                          <value>q3Zt8Rw1LmVx0cPj5YbN2kHs9GfUa4TdXe7Io6Br+Wl/nQyMzKp3Jv8hCt1Sg5Du0Ea2Fx4Rb9Ym6Ln7Ow3Pi8Uk1Hs5Tg==</value>
                        </masterKey>
                      </descriptor>
                    </key>
                    """)
                    .ignore("""
                    <masterKey p4:requiresEncryption="true" xmlns:p4="http://schemas.asp.net/2015/03/dataProtection">
                      <encryptedSecret decryptorType="Microsoft.AspNetCore.DataProtection.XmlEncryption.DpapiXmlDecryptor">
                        <encryptedKey xmlns="">
                          <value>AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAAjB3q5jNV</value>
                        </encryptedKey>
                      </encryptedSecret>
                    </masterKey>
                    """)
                    .ignore("""
                    <masterKey>
                      <value>YOUR_MASTER_KEY_HERE</value>
                    </masterKey>
                    """))
            .keyword(SEC0006DataProtectionKey::new)
            .build();

    /** The masterKey element, then comments and blanks, then its value child: the key in the clear. */
    private static final Pattern MASTER_KEY_VALUE = Pattern.compile(
            "<masterKey\\b[^>]{0,400}>(?:\\s|<!--(?:(?!-->)[\\s\\S]){0,400}-->){0,20}<value>\\s*([A-Za-z0-9+/=\\s]{1,4096}?)\\s*</value>");

    private final RuleInfo rule;

    private SEC0006DataProtectionKey(RuleInfo rule) {
        this.rule = rule;
    }

    @Override
    List<String> keywords() {
        return List.of("<masterkey");
    }

    @Override
    int scan(ScanJob job, int lineStart, int lineEnd, int hitStart, int hitEnd) {
        String t = job.text;
        Matcher m = job.matcher(MASTER_KEY_VALUE);
        m.region(hitStart, Math.min(t.length(), hitStart + 16 * 1024));
        if (!m.lookingAt()) {
            return lineEnd;
        }
        String body = m.group(1).replaceAll("\\s", "");
        if (body.length() < 40 || Entropy.shannon(body) < 4.0 || Filters.placeholderOrReference(body) != null) {
            return Math.max(lineEnd, m.end());
        }
        job.emit(rule, Severity.ERROR, m.start(1), body, rule.title(),
                "Delete the key ring file from the repository (and its history) and let each environment keep its own, "
                        + "protected at rest.", null);
        return Math.max(lineEnd, m.end());
    }
}
