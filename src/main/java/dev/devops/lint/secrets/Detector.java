package dev.devops.lint.secrets;

import java.util.List;

/**
 * One detector behind the keyword prefilter: it runs only on the line (or, on very long lines, the
 * window) where one of its keywords occurs, and never on text it has already covered. A provider rule
 * is one ({@link ProviderRuleDetector}); a generic rule's keyword parts are ({@link GenericRule}).
 */
abstract class Detector {
    /** On lines longer than this, detectors look at a window around the keyword only. */
    static final int LONG_LINE = 4096;
    static final int WINDOW = 1024;

    /**
     * The detector's name in a LINT0000 finding when it fails and no generic rule owns it (the scanner names a
     * generic rule's parts by the rule's id): the provider rule's id, else its class.
     */
    String id() {
        return getClass().getSimpleName();
    }

    /** Keywords (case ignored); at least one occurs in every match. */
    abstract List<String> keywords();

    /**
     * Scans near a keyword occurrence at [hitStart, hitEnd) on the line [lineStart, lineEnd).
     *
     * @return the offset before which further keyword hits need not run this detector again
     */
    abstract int scan(ScanJob job, int lineStart, int lineEnd, int hitStart, int hitEnd);

    /**
     * Whether {@link #scan} looks only at the text from the hit on (a match can only start at a
     * keyword): then a failed hit covers just its own start, so an overlapping hit is still tried.
     */
    boolean anchored() {
        return false;
    }

    /** Whether a keyword hit at bytes[start, end) of a raw file can lead to a match (a cheap pre-check). */
    boolean acceptsHit(byte[] bytes, int start, int end) {
        return true;
    }

    /**
     * Whether {@link #mayMatch} looks at the hits (else it is never asked, and the line of a hit is not looked up).
     */
    boolean checksBytes() {
        return false;
    }

    /**
     * Whether {@link #mayMatch}'s answer is the same for every hit of one line (it is asked once per line then).
     */
    boolean verdictPerLine() {
        return false;
    }

    /**
     * Before the file is decoded: whether the hit at [hitStart, hitEnd) on the line [lineStart, lineEnd) of the
     * raw file can lead to a finding. A "no" must be exact: {@link #scan} would report nothing for this hit, and
     * dropping the hit changes what it does for no other hit (so a file whose hits all say no is not decoded).
     * Only asked when {@link #checksBytes}.
     */
    boolean mayMatch(FileBytes file, int lineStart, int lineEnd, int hitStart, int hitEnd) {
        return true;
    }

    /** Whether this detector looks at files of this kind at all. */
    boolean appliesTo(FileKind kind) {
        return kind != FileKind.LOCKFILE;
    }

    static int windowStart(int lineStart, int lineEnd, int hitStart) {
        return lineEnd - lineStart > LONG_LINE ? Math.max(lineStart, hitStart - WINDOW) : lineStart;
    }

    static int windowEnd(int lineStart, int lineEnd, int hitEnd) {
        return lineEnd - lineStart > LONG_LINE ? Math.min(lineEnd, hitEnd + WINDOW) : lineEnd;
    }
}
