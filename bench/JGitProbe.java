import java.io.File;
import org.eclipse.jgit.diff.*;
import org.eclipse.jgit.lib.*;
import org.eclipse.jgit.revwalk.*;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.io.DisabledOutputStream;
import org.eclipse.jgit.dircache.*;

/** Measures JGit for the git-access decision: added lines of every commit, or the staged diff. */
public class JGitProbe {
    public static void main(String[] a) throws Exception {
        long t0 = System.nanoTime();
        try (Repository repo = new FileRepositoryBuilder().setGitDir(new File(a[1], ".git")).build()) {
            long added = 0, bytes = 0;
            if (a[0].equals("history")) {
                try (RevWalk rw = new RevWalk(repo); DiffFormatter df = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
                    df.setRepository(repo);
                    df.setContext(0);
                    rw.markStart(rw.parseCommit(repo.resolve("HEAD")));
                    for (RevCommit c : rw) {
                        RevTree parent = c.getParentCount() > 0 ? rw.parseCommit(c.getParent(0)).getTree() : null;
                        for (DiffEntry e : df.scan(parent, c.getTree())) {
                            if (e.getNewId().toObjectId().equals(ObjectId.zeroId())) continue;
                            RawText nt = new RawText(repo.open(e.getNewId().toObjectId()).getBytes());
                            RawText ot = e.getOldId().toObjectId().equals(ObjectId.zeroId()) ? RawText.EMPTY_TEXT
                                    : new RawText(repo.open(e.getOldId().toObjectId()).getBytes());
                            for (Edit ed : DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM).diff(RawTextComparator.DEFAULT, ot, nt)) {
                                for (int i = ed.getBeginB(); i < ed.getEndB(); i++) { added++; bytes += nt.getString(i).length(); }
                            }
                        }
                    }
                }
            } else {
                DirCache dc = repo.readDirCache();
                try (DiffFormatter df = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
                    df.setRepository(repo);
                    RevTree head = new RevWalk(repo).parseCommit(repo.resolve("HEAD")).getTree();
                    var it = new org.eclipse.jgit.treewalk.CanonicalTreeParser();
                    try (var r = repo.newObjectReader()) { it.reset(r, head); }
                    for (DiffEntry e : df.scan(it, new DirCacheIterator(dc))) {
                        RawText nt = new RawText(repo.open(e.getNewId().toObjectId()).getBytes());
                        added += nt.size();
                    }
                }
            }
            System.out.printf("%s: %d added lines, %d chars, %.0f ms in-process%n", a[0], added, bytes, (System.nanoTime() - t0) / 1e6);
        }
    }
}
