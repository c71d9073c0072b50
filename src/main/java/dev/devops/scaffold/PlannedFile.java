package dev.devops.scaffold;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * One file of a {@link Plan}.
 *
 * @param relativePath path relative to the project root, with '/' separators ("api/Dockerfile")
 * @param action       what applying the plan does with it
 * @param oldContent   the file's current content, or null when it does not exist
 * @param newContent   the content devops wants it to have
 * @param reason       a short human explanation ("added .env, .env.*"; "exists and differs …"), or ""
 * @param charset      how the contents are written: UTF-8, or ISO-8859-1 for a user's file that is not UTF-8 and
 *                     is merged (each byte one char, so its bytes are written back exactly as they were)
 */
public record PlannedFile(String relativePath, Action action, String oldContent, String newContent, String reason,
        Charset charset) {

    /** What happens to a file. */
    public enum Action {
        /** The file does not exist and will be written. */
        CREATE,
        /** The file exists and will be changed without losing anything (a merge, e.g. lines added to .gitignore). */
        UPDATE,
        /** The file already has the wanted content. */
        UNCHANGED,
        /** The file exists with other content: written only with --force. */
        CONFLICT
    }

    public PlannedFile {
        reason = reason == null ? "" : reason;
        charset = charset == null ? StandardCharsets.UTF_8 : charset;
    }

    public PlannedFile(String relativePath, Action action, String oldContent, String newContent, String reason) {
        this(relativePath, action, oldContent, newContent, reason, StandardCharsets.UTF_8);
    }

    /** The bytes to write. */
    public byte[] newBytes() {
        return newContent.getBytes(charset);
    }

    /** The unified diff from the current content to the wanted one ("" when unchanged). */
    public String diff() {
        return UnifiedDiff.diff(relativePath, oldContent, newContent);
    }
}
