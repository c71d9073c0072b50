package dev.devops.release;

import dev.devops.files.FileKinds;
import dev.devops.git.Revision;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The version of an artifact, from git: HEAD's exact tag ({@code v1.4.2} → {@code 1.4.2}), otherwise the
 * short commit id; {@code -dirty} appended when the work tree has changes (such a build is never promotable).
 * The result is a valid image tag (letters, digits, {@code _ . -}, at most 128 characters).
 *
 * @param value      the version string, also the image tag
 * @param dirty      whether the work tree had uncommitted changes
 */
public record ArtifactVersion(String value, boolean dirty) {
    /** Files devops itself writes while building, which never make the tree dirty. */
    public static final String ARTIFACTS_DIR = FileKinds.ARTIFACT_RECORDS;
    private static final Pattern SEMVER_V = Pattern.compile("^[vV](?=\\d)");
    private static final Pattern TAG_CHARS = Pattern.compile("[^A-Za-z0-9_.-]");
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    public static ArtifactVersion of(Revision rev) {
        String base = rev.exactTag() != null ? fromTag(rev.exactTag()) : rev.shortSha();
        boolean dirty = !changes(rev).isEmpty();
        String v = dirty ? base + "-dirty" : base;
        return new ArtifactVersion(v.length() > 128 ? v.substring(0, 128) : v, dirty);
    }

    /**
     * The changed paths that count: everything in the repository except what devops writes under
     * {@link #ARTIFACTS_DIR} (of this project, which may be a subdirectory, or of another project of a monorepo).
     */
    public static List<String> changes(Revision rev) {
        return rev.changed().stream().filter(p -> !FileKinds.isArtifactRecord(p)).toList();
    }

    /** A git tag as an image tag: a leading {@code v} before a digit dropped, other characters an image tag cannot hold become {@code -}. */
    static String fromTag(String tag) {
        String t = SEMVER_V.matcher(tag).replaceFirst("");
        t = TAG_CHARS.matcher(t).replaceAll("-");
        while (t.startsWith(".") || t.startsWith("-")) {
            t = t.substring(1);
        }
        return t.isEmpty() ? "tag" : t;
    }

    /** Whether {@code s} can be a version (an image tag): used to check a VERSION argument before any lookup. */
    public static boolean isValid(String s) {
        return s != null && VALID.matcher(s).matches();
    }
}
