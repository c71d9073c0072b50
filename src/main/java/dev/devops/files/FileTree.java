package dev.devops.files;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The files under a directory, listed the way {@link Files#walkFileTree} lists them (links not followed, unreadable
 * directories and entries skipped), for every command that walks a repository outside git (lint, init's detection).
 * Each path is built from its directory's path and its name, instead of from the root's path text; reading the
 * directories on several threads was measured and was slower: the walk runs once per command, cold, and a fork-join
 * pool's start cost more than the second core gave back.
 */
public final class FileTree {
    private FileTree() {
    }

    /**
     * Repository-relative paths (forward slashes), sorted, of the regular files under {@code root} down to
     * {@code maxDepth} (an entry of {@code root} is at depth 1); a directory whose name {@code skipDirectory} accepts is
     * not entered ({@code root} itself always is). With {@code fileLinks}, a symbolic link that does not lead to a
     * directory counts as a file (a broken one too); otherwise links are left out.
     */
    public static List<String> files(Path root, Predicate<String> skipDirectory, int maxDepth, boolean fileLinks) {
        List<String> out = new ArrayList<>();
        walk(root, skipDirectory, maxDepth, fileLinks, out::add);
        out.sort(null);
        return out;
    }

    /** Like {@link #files}, handing each path to {@code each} as it is listed (in no particular order). */
    public static void walk(Path root, Predicate<String> skipDirectory, int maxDepth, boolean fileLinks,
            java.util.function.Consumer<String> each) {
        walkSized(root, skipDirectory, maxDepth, fileLinks, (path, size) -> each.accept(path));
    }

    /**
     * Like {@link #walk(Path, Predicate, int, boolean, java.util.function.Consumer)}, with each file's size as the walk's
     * own stat gave it (-1 for a link: its target was not read), so a reader of the file needs no second stat.
     */
    public static void walkSized(Path root, Predicate<String> skipDirectory, int maxDepth, boolean fileLinks,
            java.util.function.ObjLongConsumer<String> each) {
        // an explicit stack, not recursion: a tree nested thousands of directories deep is listed, not a stack overflow
        ArrayDeque<Directory> pending = new ArrayDeque<>();
        pending.push(new Directory(root, "", 1));
        while (!pending.isEmpty()) {
            list(pending.pop(), pending, skipDirectory, maxDepth, fileLinks, each);
        }
    }

    /**
     * Lists one directory: its files to {@code each}, its directories onto {@code pending}. A method of its own, called
     * once per directory, and {@link #entry} once per entry: a cold JVM compiles a method once it has been called often
     * enough, while the body of a loop that runs once is interpreted until its back edges reach the on-stack
     * replacement threshold (60,000 under C1), which the walk of a tree of 15,000 files never did.
     */
    private static void list(Directory d, ArrayDeque<Directory> pending, Predicate<String> skipDirectory, int maxDepth,
            boolean fileLinks, java.util.function.ObjLongConsumer<String> each) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(d.path)) {
            // where the platform opens the directory (Linux: openat), an entry is stat'ed by its name relative to it: one
            // component for the kernel to look up, not the whole path again (path lookups were 6% of a secrets scan's CPU)
            SecureDirectoryStream<Path> at = entries instanceof SecureDirectoryStream<Path> sds ? sds : null;
            for (Path entry : entries) {
                entry(d, entry, at, pending, skipDirectory, maxDepth, fileLinks, each);
            }
        } catch (IOException | SecurityException | DirectoryIteratorException e) {
            // an unreadable directory: what it listed before the error is kept, as the JDK's walker keeps it
        }
    }

    private static void entry(Directory d, Path entry, SecureDirectoryStream<Path> at, ArrayDeque<Directory> pending,
            Predicate<String> skipDirectory, int maxDepth, boolean fileLinks, java.util.function.ObjLongConsumer<String> each) {
        Path fileName = entry.getFileName();
        String name = fileName.toString();
        String path = d.rel.isEmpty() ? name : d.rel + "/" + name;
        BasicFileAttributes attrs;
        try {
            attrs = at != null
                    ? at.getFileAttributeView(fileName, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes()
                    : Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | SecurityException e) {
            return; // gone or unreadable: not the repository's content
        }
        if (attrs.isDirectory() && d.depth < maxDepth) {
            if (!skipDirectory.test(name)) {
                pending.push(new Directory(entry, path, d.depth + 1));
            }
        } else if (attrs.isRegularFile()) {
            each.accept(path, attrs.size());
        } else if (fileLinks && attrs.isSymbolicLink() && !Files.isDirectory(entry)) {
            each.accept(path, -1);
        }
    }

    private record Directory(Path path, String rel, int depth) {
    }
}
