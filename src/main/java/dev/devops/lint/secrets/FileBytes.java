package dev.devops.lint.secrets;

import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file's raw bytes {@code bytes[0, length)} before decoding, for the byte-level checks that decide whether a
 * keyword hit can lead to a finding at all ({@link Detector#mayMatch}). When the file is pure ASCII
 * ({@link #ascii}) the bytes are its characters one to one, so a detector's regex can run on this view with the
 * offsets, the characters and therefore the result it would have on the decoded text: a file whose hits all fail
 * here is never decoded.
 */
final class FileBytes implements CharSequence {
    final byte[] bytes;
    final int length;
    /** No byte is 0x80 or more: {@link #charAt} is the decoded text's character at the same offset. */
    final boolean ascii;
    /** The file's repository-relative path ("" when unknown: then no check may depend on it). */
    final String path;
    private IdentityHashMap<Pattern, Matcher> matchers;
    /** {@link #dockerfile()}: 0 not asked yet, 1 yes, -1 no. */
    private byte dockerfile;

    FileBytes(byte[] bytes, int length, boolean ascii) {
        this(bytes, length, ascii, "");
    }

    FileBytes(byte[] bytes, int length, boolean ascii, String path) {
        this.bytes = bytes;
        this.length = length;
        this.ascii = ascii;
        this.path = path;
    }

    /** Whether the file is a Dockerfile ({@link ScanJob#dockerfile}), asked once. */
    boolean dockerfile() {
        if (dockerfile == 0) {
            dockerfile = (byte) (dev.devops.files.FileKinds.isDockerfile(path) ? 1 : -1);
        }
        return dockerfile > 0;
    }

    /** Whether {@code bytes} at {@code start} spell the lower-case ASCII {@code lower}, ASCII case ignored. */
    static boolean equalsFolded(byte[] bytes, int start, byte[] lower) {
        for (int i = 0; i < lower.length; i++) {
            int b = bytes[start + i];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != lower[i]) {
                return false;
            }
        }
        return true;
    }
    /** Offset of the first byte of the line holding {@code pos}. */
    int lineStart(int pos) {
        int i = pos - 1;
        while (i >= 0 && bytes[i] != '\n') {
            i--;
        }
        return i + 1;
    }

    /** Offset of the '\n' ending the line holding {@code pos}, or {@link #length}. */
    int lineEnd(int pos) {
        int i = pos;
        while (i < length && bytes[i] != '\n') {
            i++;
        }
        return i;
    }

    /**
     * A matcher of {@code p} over this view, with the bounds {@link ScanJob#matcher} uses (transparent, not
     * anchoring), created once per file; only meaningful when {@link #ascii}.
     */
    Matcher matcher(Pattern p) {
        if (matchers == null) {
            matchers = new IdentityHashMap<>();
        }
        Matcher m = matchers.get(p);
        if (m == null) {
            m = p.matcher(this);
            m.useTransparentBounds(true).useAnchoringBounds(false);
            matchers.put(p, m);
        }
        return m;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return (char) (bytes[index] & 0xff);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }
}
