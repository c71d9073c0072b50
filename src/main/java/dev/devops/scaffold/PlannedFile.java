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
 * @param reason       a short human explanation ("added .env, .env.*"; "edited since devops wrote it"), or ""
 * @param origin       who the existing file belongs to ({@link GeneratedFiles#origin}); null when it does not
 *                     exist or is merged rather than generated (.gitignore)
 * @param charset      how the contents are written: UTF-8, or ISO-8859-1 for a user's file that is not UTF-8 and
 *                     is merged (each byte one char, so its bytes are written back exactly as they were)
 */
public record PlannedFile(String relativePath, Action action, String oldContent, String newContent, String reason,
                          GeneratedFiles.Origin origin, Charset charset) {

    /** What happens to a file. */
    public enum Action {
        /** The file does not exist and will be written. */
        CREATE,
        /**
         * The file exists and will be changed without losing anything: a merge (lines added to .gitignore), or
         * a generated file still exactly as devops wrote it, re-rendered.
         */
        UPDATE,
        /** The file already has the wanted content. */
        UNCHANGED,
        /** The file exists with other content that is not devops's own output (edited, or the user's): written only with --force. */
        CONFLICT
    }

    public PlannedFile {
        reason = reason == null ? "" : reason;
        charset = charset == null ? StandardCharsets.UTF_8 : charset;
    }

    public PlannedFile(String relativePath, Action action, String oldContent, String newContent, String reason,
            GeneratedFiles.Origin origin) {
        this(relativePath, action, oldContent, newContent, reason, origin, StandardCharsets.UTF_8);
    }

    /** The bytes to write. */
    public byte[] newBytes() {
        return newContent.getBytes(charset);
    }

    /** Whether the existing file is the user's own (it has no generated-file notice). */
    public boolean userFile() {
        return origin == GeneratedFiles.Origin.USER;
    }

    /** The unified diff from the current content to the wanted one ("" when unchanged). */
    public String diff() {
        return UnifiedDiff.diff(relativePath, oldContent, newContent);
    }
}
