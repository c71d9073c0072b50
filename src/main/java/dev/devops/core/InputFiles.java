package dev.devops.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reading a file the user named or that sits where devops expects one: only a regular file (a FIFO would block
 * forever, {@code /dev/zero} never ends), at most a size cap, and every failure a one-line {@link UserError}
 * naming the file. Symbolic links are followed.
 */
public final class InputFiles {
    /** The cap for configuration files (devops.yaml, compose files, .env files, baselines, templates). */
    public static final long MAX_CONFIG_BYTES = 16L * 1024 * 1024;

    private InputFiles() {
    }

    /** What kind of file {@code file} is, for messages: "a directory", "a FIFO (named pipe)", "a device"…; null when regular. */
    public static String notRegular(BasicFileAttributes a) {
        if (a.isRegularFile()) {
            return null;
        }
        if (a.isDirectory()) {
            return "a directory";
        }
        if (a.isSymbolicLink()) {
            return "a symbolic link";
        }
        return "not a regular file (a FIFO, socket or device)";
    }

    /**
     * The bytes of the regular file {@code file}, at most {@code max} of them.
     *
     * @throws UserError when it is missing, not a regular file, larger than {@code max} or unreadable
     */
    public static byte[] readBytes(Path file, long max) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new UserError(SourceLocation.of(file), "file not found", "check the path");
        } catch (IOException e) {
            throw new UserError(SourceLocation.of(file), "cannot read: " + e.getMessage(), "check the file's permissions");
        }
        String not = notRegular(a);
        if (not != null) {
            throw new UserError(SourceLocation.of(file), "cannot read: " + not, "give a regular file");
        }
        if (a.size() > max) {
            throw tooLarge(file, a.size(), max);
        }
        try (InputStream in = Files.newInputStream(file)) {
            // the size can change, or lie (/proc): never read more than the cap allows
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, max + 1));
            if (b.length > max) {
                throw tooLarge(file, b.length, max);
            }
            return b;
        } catch (NoSuchFileException e) {
            throw new UserError(SourceLocation.of(file), "file not found", "check the path");
        } catch (AccessDeniedException e) {
            throw new UserError(SourceLocation.of(file), "cannot read: permission denied", "check the file's permissions");
        } catch (IOException e) {
            throw new UserError(SourceLocation.of(file), "cannot read: " + e.getMessage(), "check the file's permissions");
        }
    }

    /**
     * The bytes of {@code file} for a reader that skips what it cannot read (lint's checks over the files of a
     * repository, detection): only a regular file (links followed: a committed link to {@code /dev/zero} or a FIFO
     * is not read), at most {@code max} bytes, never more read than that.
     *
     * @throws IOException when it is missing, unreadable, not a regular file or larger than {@code max}
     */
    public static byte[] read(Path file, long max) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        String not = notRegular(a);
        if (not != null) {
            throw new IOException(not);
        }
        if (a.size() > max) {
            throw new IOException("larger than " + max + " bytes");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, max + 1));
            if (b.length > max) {
                throw new IOException("larger than " + max + " bytes");
            }
            return b;
        }
    }

    /**
     * The UTF-8 text of {@code file} as {@link #read(Path, long)} reads it: what {@code Files.readString} gives, for
     * regular files of at most {@code max} bytes only.
     *
     * @throws IOException as {@link #read(Path, long)}, and {@link CharacterCodingException} when it is not UTF-8
     */
    public static String readText(Path file, long max) throws IOException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(read(file, max))).toString();
    }

    /** The text of the regular file {@code file} (UTF-8, a leading byte-order mark kept), at most {@code max} bytes. */
    public static String readUtf8(Path file, long max) {
        byte[] b = readBytes(file, max);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new UserError(SourceLocation.of(file), "not valid UTF-8 text", "save the file as UTF-8");
        }
    }

    private static UserError tooLarge(Path file, long size, long max) {
        return new UserError(SourceLocation.of(file), "the file is too large (" + size + " bytes; the limit is "
                + max + ")", "give a smaller file");
    }
}
