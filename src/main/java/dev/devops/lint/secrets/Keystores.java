package dev.devops.lint.secrets;

/**
 * Recognises binary keystores by their content, whatever their name: JKS (magic {@code FEEDFEED}),
 * JCEKS ({@code CECECECE}) and PKCS#12 (a DER {@code SEQUENCE} whose first element is {@code INTEGER 3}),
 * and tells whether one holds a private key (or a secret key): a JKS/JCEKS entry of tag 1 or 3, a PKCS#12
 * keyBag or pkcs8ShroudedKeyBag. Trust stores (certificates only) hold none.
 */
final class Keystores {
    private Keystores() {
    }

    /** The PKCS#12 bag type OIDs 1.2.840.113549.1.12.10.1.1 (keyBag) and .2 (pkcs8ShroudedKeyBag), DER without the last byte. */
    private static final byte[] KEY_BAG_OID = {0x06, 0x0b, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01,
        0x0c, 0x0a, 0x01};

    /** What kind of keystore the bytes are, or null. */
    static String kind(byte[] b, int n) {
        if (n >= 12 && u32(b, 0) == 0xFEEDFEEDL) {
            return "JKS";
        }
        if (n >= 12 && u32(b, 0) == 0xCECECECEL) {
            return "JCEKS";
        }
        if (n >= 8 && (b[0] & 0xff) == 0x30) {
            int i = 1;
            int lenByte = b[i] & 0xff;
            i += lenByte < 0x80 ? 1 : 1 + (lenByte & 0x7f);
            if ((lenByte & 0x7f) <= 4 && i + 3 <= n && b[i] == 0x02 && b[i + 1] == 0x01 && b[i + 2] == 0x03) {
                return "PKCS#12";
            }
        }
        return null;
    }

    /** Whether the bytes are a keystore of a kind this scanner reads (the binary filter lets it through). */
    static boolean isKeystore(byte[] b, int n) {
        return kind(b, n) != null;
    }

    /** Whether the keystore holds a private or secret key entry; false when it cannot tell (a damaged file). */
    static boolean holdsKey(byte[] b, int n) {
        String kind = kind(b, n);
        if (kind == null) {
            return false;
        }
        if (kind.equals("PKCS#12")) {
            outer:
            for (int i = 0; i + KEY_BAG_OID.length < n; i++) {
                for (int k = 0; k < KEY_BAG_OID.length; k++) {
                    if (b[i + k] != KEY_BAG_OID[k]) {
                        continue outer;
                    }
                }
                int last = b[i + KEY_BAG_OID.length];
                if (last == 1 || last == 2 || last == 5) { // keyBag, pkcs8ShroudedKeyBag, secretBag
                    return true;
                }
            }
            return false;
        }
        long version = u32(b, 4);
        long count = u32(b, 8);
        int p = 12;
        for (long e = 0; e < count && p + 4 <= n; e++) {
            long tag = u32(b, p);
            if (tag == 1 || tag == 3) {
                return true; // a private key entry (or a JCEKS secret key entry)
            }
            if (tag != 2) {
                return false;
            }
            p += 4;
            p = skipUtf(b, n, p); // alias
            p += 8; // date
            if (version == 2) {
                p = skipUtf(b, n, p); // certificate type
            }
            if (p < 0 || p + 4 > n) {
                return false;
            }
            long len = u32(b, p);
            p += 4;
            if (len > n - p) {
                return false;
            }
            p += (int) len;
        }
        return false;
    }

    private static int skipUtf(byte[] b, int n, int p) {
        if (p < 0 || p + 2 > n) {
            return -1;
        }
        return p + 2 + (((b[p] & 0xff) << 8) | (b[p + 1] & 0xff));
    }

    private static long u32(byte[] b, int p) {
        return ((long) (b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
    }

    /** "JKS keystore", "PKCS#12 keystore" … for the message. */
    static String describe(byte[] b, int n) {
        String kind = kind(b, n);
        return kind == null ? "keystore" : kind + " keystore";
    }
}
