package dev.devops.scaffold;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes sure a .gitignore keeps local environment files out of git: {@code .env} and {@code .env.*} ignored,
 * {@code .env.example} kept. Lines are only ever appended, so an existing file loses nothing.
 */
final class GitignoreMerge {
    static final String COMMENT = "# added by devops: local environment files hold secrets; .env.example is the committed template";

    private GitignoreMerge() {
    }

    /** The lines to add to {@code existing} (null: no file), in order; empty when nothing is missing. */
    static List<String> missing(String existing) {
        List<String> have = new ArrayList<>();
        if (existing != null) {
            for (String l : UnifiedDiff.lines(existing)) {
                String t = l.strip();
                have.add(t.startsWith("/") ? t.substring(1) : t.startsWith("!/") ? "!" + t.substring(2) : t);
            }
        }
        List<String> add = new ArrayList<>();
        if (!have.contains(".env")) {
            add.add(".env");
        }
        boolean star = have.contains(".env.*");
        if (!star) {
            add.add(".env.*");
        }
        int starAt = have.lastIndexOf(".env.*");
        int keepAt = have.lastIndexOf("!.env.example");
        // a negation only works after the pattern it undoes: re-add it when we append .env.* or it comes too early
        if (!star || keepAt < starAt) {
            add.add("!.env.example");
        }
        return add;
    }

    /** {@code existing} with the missing lines appended under a comment; a new file when existing is null. */
    static String merge(String existing, List<String> add) {
        return merge(existing, add, COMMENT);
    }

    /** {@code existing} with {@code add} appended under {@code comment}, after one blank line; a new file when existing is null. */
    static String merge(String existing, List<String> add, String comment) {
        if (add.isEmpty()) {
            return existing;
        }
        StringBuilder sb = new StringBuilder(existing == null ? "" : existing);
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
            sb.append('\n');
        }
        if (sb.length() > 0) {
            sb.append('\n');
        }
        sb.append(comment).append('\n');
        for (String l : add) {
            sb.append(l).append('\n');
        }
        return sb.toString();
    }
}
