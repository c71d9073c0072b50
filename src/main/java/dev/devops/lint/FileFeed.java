package dev.devops.lint;

import dev.devops.files.FileTree;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a plain directory (no git), listed by a walk on a thread of its own: a check that reads files one by
 * one ({@link #awaitListed}) starts on the first ones while the walk goes on, instead of waiting for the whole tree
 * (on the JDK's 15,000 files the walk is a sixth of a secrets scan, and the scanner is ready before it ends). As a
 * {@link List} it is the sorted list of every file, and each question waits for the walk to end.
 */
public final class FileFeed extends AbstractList<String> {
    private final List<String> listed = new ArrayList<>();
    private long[] sizes = new long[1024];
    private boolean done;
    private List<String> sorted;

    private FileFeed() {
    }

    /** Starts walking {@code root} (regular files; .git directories are not entered; links are not followed). */
    public static FileFeed walk(Path root) {
        FileFeed feed = new FileFeed();
        Thread t = new Thread(() -> {
            try {
                FileTree.walkSized(root, ".git"::equals, Integer.MAX_VALUE, false, feed::listedOne);
            } finally {
                feed.finish(); // whatever happened, the files listed so far are all there is: no reader waits forever
            }
        }, "lint-walk");
        t.setDaemon(true);
        t.start();
        return feed;
    }

    private synchronized void listedOne(String path, long size) {
        if (listed.size() == sizes.length) {
            sizes = java.util.Arrays.copyOf(sizes, sizes.length * 2);
        }
        sizes[listed.size()] = size;
        listed.add(path);
        if (listed.size() == 1 || (listed.size() & 63) == 0) {
            notifyAll(); // readers wait for the next file; waking them for every file costs more than it gives
        }
    }

    private synchronized void finish() {
        List<String> s = new ArrayList<>(listed);
        s.sort(null);
        sorted = java.util.Collections.unmodifiableList(s);
        done = true;
        notifyAll();
    }

    /** Whether the walk has ended. */
    public synchronized boolean done() {
        return done;
    }

    /** The {@code i}-th file in the order the walk listed them, waiting for it; null when the walk ended with fewer. */
    public synchronized String awaitListed(int i) {
        while (i >= listed.size() && !done) {
            waitUninterruptibly();
        }
        return i < listed.size() ? listed.get(i) : null;
    }

    /**
     * The size of the {@code i}-th listed file as the walk's stat gave it (a file listed by {@link #awaitListed}), so
     * its reader needs no stat of its own ({@link LintContext#readBytes(String, byte[], java.util.function.BiPredicate,
     * long)}).
     */
    public synchronized long listedSize(int i) {
        return sizes[i];
    }

    private synchronized List<String> all() {
        while (!done) {
            waitUninterruptibly();
        }
        return sorted;
    }

    private void waitUninterruptibly() {
        try {
            wait(); // holds this's monitor: called from synchronized methods only
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the files were listed", e);
        }
    }

    @Override
    public String get(int index) {
        return all().get(index);
    }

    @Override
    public int size() {
        return all().size();
    }
}
