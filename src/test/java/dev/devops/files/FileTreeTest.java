package dev.devops.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared walker lists what the JDK's walker listed for lint and init, and survives a deep tree. */
class FileTreeTest {
    @TempDir
    Path tmp;

    private void write(String rel) throws IOException {
        Path p = tmp.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, rel);
    }

    @Test
    void regularFilesSortedWithSkippedDirectoriesDepthAndLinks() throws IOException {
        write("b.txt");
        write("a/x.txt");
        write("a/.git/config");
        write("node_modules/m/index.js");
        write("d1/d2/d3/deep.txt");
        Files.createSymbolicLink(tmp.resolve("link.txt"), tmp.resolve("b.txt"));
        Files.createSymbolicLink(tmp.resolve("broken.txt"), tmp.resolve("missing.txt"));
        Files.createSymbolicLink(tmp.resolve("dirlink"), tmp.resolve("a"));
        assertEquals(List.of("a/x.txt", "b.txt", "d1/d2/d3/deep.txt", "node_modules/m/index.js"),
                FileTree.files(tmp, ".git"::equals, Integer.MAX_VALUE, false), "links are not files; .git is not entered");
        assertEquals(List.of("a/x.txt", "b.txt", "broken.txt", "link.txt"),
                FileTree.files(tmp, n -> n.equals(".git") || n.equals("node_modules"), 3, true),
                "a link to a file (or to nothing) is a file, a link to a directory is not; deep.txt is at depth 4");
    }

    /** The walk's own stat hands each regular file's size on (its reader needs no second stat); a link's is unknown. */
    @Test
    void walkSizedGivesTheSizeOfEachFileAndNoneForALink() throws IOException {
        write("b.txt");
        write("a/longer-name.txt");
        Files.createSymbolicLink(tmp.resolve("link.txt"), tmp.resolve("b.txt"));
        java.util.Map<String, Long> sizes = new java.util.TreeMap<>();
        FileTree.walkSized(tmp, n -> false, Integer.MAX_VALUE, true, sizes::put);
        assertEquals(java.util.Map.of("a/longer-name.txt", 17L, "b.txt", 5L, "link.txt", -1L), sizes);
    }

    @Test
    void aDeepTreeIsListed() throws IOException {
        Path d = tmp;
        StringBuilder rel = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            d = d.resolve("d");
            rel.append("d/");
        }
        Files.createDirectories(d);
        Files.writeString(d.resolve("f"), "x");
        assertEquals(List.of(rel + "f"), FileTree.files(tmp, n -> false, Integer.MAX_VALUE, false));
    }
}
