package dev.devops.git;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("git")
class GitRepositoryTest {
    @TempDir
    Path tmp;

    @Test
    void notARepository() {
        assertNull(GitRepository.open(tmp));
    }

    @Test
    void aWorkTreeIsFoundFromASubdirectoryAndThroughALinkWithoutOneAboveAPlainDirectory() throws Exception {
        Path plain = java.nio.file.Files.createDirectories(tmp.resolve("plain/sub"));
        assertFalse(GitRepository.mayBeInWorkTree(plain)); // no .git at or above it: no git process is started
        Path repo = java.nio.file.Files.createDirectories(tmp.resolve("repo"));
        TestRepo r = TestRepo.init(repo);
        r.write("a/b/c.txt", "c\n").commit("first");
        Path deep = repo.resolve("a/b");
        assertTrue(GitRepository.mayBeInWorkTree(deep));
        assertNotNull(GitRepository.open(deep));
        Path link = java.nio.file.Files.createSymbolicLink(tmp.resolve("plain/link"), deep);
        assertTrue(GitRepository.mayBeInWorkTree(link), "git walks up the physical directories of a link");
        assertNotNull(GitRepository.open(link));
        // a work tree whose .git is a file (a linked worktree, a submodule) counts too
        Path wt = tmp.resolve("wt");
        r.git("worktree", "add", "-q", wt.toString());
        assertTrue(GitRepository.mayBeInWorkTree(wt));
        assertNotNull(GitRepository.open(wt));
    }

    @Test
    void filesAreTrackedPlusUntrackedNotIgnored() {
        TestRepo r = TestRepo.init(tmp);
        r.write(".gitignore", "ignored.txt\nbuild/\n").write("a.txt", "a\n").write("sub/b.txt", "b\n");
        r.commit("first");
        r.write("new.txt", "n\n").write("ignored.txt", "i\n").write("build/out.txt", "o\n");
        GitRepository g = GitRepository.open(tmp);
        assertNotNull(g);
        GitRepository.WorkFiles f = g.files();
        assertTrue(f.all().containsAll(List.of(".gitignore", "a.txt", "sub/b.txt", "new.txt")), f.all().toString());
        assertFalse(f.all().contains("ignored.txt"));
        assertFalse(f.all().contains("build/out.txt"));
        assertTrue(f.tracked().contains("a.txt"));
        assertFalse(f.tracked().contains("new.txt"));
    }

    @Test
    void stagedAdditionsCarryNewFileLineNumbers() {
        TestRepo r = TestRepo.init(tmp);
        r.write("f.txt", "one\ntwo\nthree\nfour\n");
        r.commit("first");
        r.write("f.txt", "one\nTWO\nthree\nfour\n+++ looks like a header\n");
        r.write("unstaged.txt", "not staged\n");
        r.add("f.txt");
        List<AddedLines> out = new ArrayList<>();
        GitRepository.open(tmp).stagedAdditions(out::add);
        assertEquals(1, out.size(), out.toString());
        AddedLines a = out.get(0);
        assertEquals("f.txt", a.path());
        assertEquals("TWO\n+++ looks like a header\n", a.text());
        assertArrayEquals(new int[] {2, 5}, a.lines());
        assertNull(a.commit());
    }

    @Test
    void stagedBeforeTheFirstCommit() {
        TestRepo r = TestRepo.init(tmp);
        r.write("x.txt", "hello\n").add("x.txt");
        List<AddedLines> out = new ArrayList<>();
        GitRepository.open(tmp).stagedAdditions(out::add);
        assertEquals(1, out.size());
        assertEquals("hello\n", out.get(0).text());
    }

    @Test
    void historyListsAddedLinesOfEveryCommitWithAuthorAndDate() {
        TestRepo r = TestRepo.init(tmp);
        r.write("a.txt", "alpha\n");
        String c1 = r.commit("one");
        r.write("a.txt", "alpha\nbeta\n");
        String c2 = r.commit("two");
        r.write("a.txt", "alpha\n"); // beta deleted again
        r.commit("three");
        List<AddedLines> out = new ArrayList<>();
        GitRepository.open(tmp).history(null, out::add);
        assertEquals(2, out.size(), out.toString());
        assertEquals(c1, out.get(0).commit());
        assertEquals("alpha\n", out.get(0).text());
        assertEquals(c2, out.get(1).commit());
        assertEquals("beta\n", out.get(1).text());
        assertArrayEquals(new int[] {2}, out.get(1).lines());
        assertEquals("Test Author <author@example.com>", out.get(1).author());
        assertNotNull(out.get(1).date());
    }

    @Test
    void historySinceARevisionAndARange() {
        TestRepo r = TestRepo.init(tmp);
        r.write("a.txt", "1\n");
        String c1 = r.commit("one");
        r.write("a.txt", "1\n2\n");
        String c2 = r.commit("two");
        r.write("a.txt", "1\n2\n3\n");
        r.commit("three");
        List<AddedLines> since = new ArrayList<>();
        GitRepository g = GitRepository.open(tmp);
        g.history(c1, since::add);
        assertEquals(List.of("2\n", "3\n"), since.stream().map(AddedLines::text).toList());
        List<AddedLines> range = new ArrayList<>();
        g.history(c1 + ".." + c2, range::add);
        assertEquals(List.of("2\n"), range.stream().map(AddedLines::text).toList());
        assertThrows(GitException.class, () -> g.history("no-such-rev", a -> { }));
        assertThrows(GitException.class, () -> g.history("nope..HEAD", a -> { }));
    }

    @Test
    void aDamagedRepositoryIsAnErrorNotAnEmptyHistory() throws Exception {
        TestRepo r = TestRepo.init(tmp);
        r.write("a.txt", "one\n");
        String head = r.commit("one");
        java.nio.file.Files.delete(tmp.resolve(".git/objects/" + head.substring(0, 2) + "/" + head.substring(2)));
        GitRepository g = GitRepository.open(tmp);
        assertNotNull(g);
        GitException e = assertThrows(GitException.class, () -> g.history(null, a -> { }));
        assertTrue(e.getMessage().contains("the repository is damaged"), e.getMessage());
        assertThrows(GitException.class, () -> g.stagedAdditions(a -> { }));
        // a repository without commits is not damaged: it has no history
        TestRepo empty = TestRepo.init(java.nio.file.Files.createDirectories(tmp.resolve("empty")));
        List<AddedLines> none = new ArrayList<>();
        GitRepository.open(empty.dir).history(null, none::add);
        assertEquals(List.of(), none);
    }

    @Test
    void eachBlobIsScannedOnce() {
        TestRepo r = TestRepo.init(tmp);
        r.write("a.txt", "same content\n");
        r.commit("one");
        r.git("checkout", "-q", "-b", "other", "HEAD");
        r.write("b.txt", "same content\n"); // same blob under another name
        r.commit("two");
        List<AddedLines> out = new ArrayList<>();
        GitRepository.open(tmp).history(null, out::add);
        assertEquals(1, out.size(), out.toString());
    }

    @Test
    void binaryFilesAreFlagged() {
        TestRepo r = TestRepo.init(tmp);
        r.writeBytes("blob.bin", new byte[] {1, 0, 2, 0, 3});
        r.add("blob.bin");
        List<AddedLines> out = new ArrayList<>();
        GitRepository.open(tmp).stagedAdditions(out::add);
        assertEquals(1, out.size());
        assertTrue(out.get(0).binary());
        assertEquals("blob.bin", out.get(0).path());
    }

    @Test
    void unusualPathNamesAreUnquoted() {
        TestRepo r = TestRepo.init(tmp);
        r.write("dir with space/t\u00e4b\"q.txt", "x\n");
        r.git("add", "-A");
        List<AddedLines> out = new ArrayList<>();
        GitRepository.open(tmp).stagedAdditions(out::add);
        assertEquals("dir with space/t\u00e4b\"q.txt", out.get(0).path());
    }
}
