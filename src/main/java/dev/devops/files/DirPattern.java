package dev.devops.files;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A class of directories by name, anywhere above a file: the regex {@code (^|.*\/)(NAMES)/.*} over a repository-relative
 * path, where NAMES matches one or more whole directory names ({@code test|tests|__tests__}, {@code website/docs}).
 * Such a verdict depends only on the path's directory, so it is kept per directory: a tree has about ten times fewer
 * directories than files, and the regex backtracks over the whole path at every slash, a few microseconds per file and
 * class under C1 (the launcher's compiler), which made path classes a tenth of a secrets scan of a large tree.
 */
public final class DirPattern {
    /** Directories remembered per class before the memory starts over (a tree larger than this is walked in order). */
    private static final int MAX_REMEMBERED = 1 << 14;

    private final Pattern pattern;
    private final boolean lowerCase;
    private final ConcurrentHashMap<String, Boolean> verdicts = new ConcurrentHashMap<>();

    private DirPattern(String names, boolean lowerCase, int flags) {
        this.pattern = Pattern.compile("(^|.*/)(" + names + ")/.*", flags);
        this.lowerCase = lowerCase;
    }

    /** Directories whose names match {@code names} as written. */
    public static DirPattern of(String names) {
        return new DirPattern(names, false, 0);
    }

    /** Directories whose names match {@code names}, ASCII case ignored ({@link Pattern#CASE_INSENSITIVE}). */
    public static DirPattern ignoringCase(String names) {
        return new DirPattern(names, false, Pattern.CASE_INSENSITIVE);
    }

    /** Directories whose lower-cased names ({@link Locale#ROOT}) match {@code names}. */
    public static DirPattern lowerCase(String names) {
        return new DirPattern(names, true, 0);
    }

    /** Whether some directory above the file {@code path} (repository-relative, forward slashes) is of this class. */
    public boolean matches(String path) {
        int slash = path.lastIndexOf('/');
        if (slash < 0) {
            return false; // a file at the root has no directory
        }
        String dir = path.substring(0, slash + 1);
        Boolean v = verdicts.get(dir);
        if (v == null) {
            v = pattern.matcher(lowerCase ? dir.toLowerCase(Locale.ROOT) : dir).matches();
            if (verdicts.size() >= MAX_REMEMBERED) {
                verdicts.clear();
            }
            verdicts.put(dir, v);
        }
        return v;
    }
}
