package dev.devops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.git.TestRepo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** lint --history tells how far it is on a terminal, rewriting one line, and says nothing to a pipe. */
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
@Tag("git")
class HistoryProgressTest {
    @TempDir
    Path tmp;

    @Test
    void oneLineRewrittenAtMostFiveTimesASecondAndErasedAtTheEnd() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        HistoryProgress p = new HistoryProgress(new PrintStream(buf, true, StandardCharsets.UTF_8));
        p.commits(1);
        p.commits(2); // within 200 ms: not drawn
        p.commits(1234);
        p.done();
        String out = buf.toString(StandardCharsets.UTF_8);
        assertEquals("\rlint --history: 1 commits read\r\u001b[K", out);
    }

    @Test
    void notOnATerminalNothingIsPrinted() {
        TestRepo r = TestRepo.init(tmp);
        for (int i = 0; i < 5; i++) {
            r.write("f" + i + ".txt", "x" + i + "\n").commit("c" + i);
        }
        CliRun run = CliRun.run("lint", "--history", tmp.toString());
        assertEquals(0, run.code(), run.err());
        assertFalse(run.err().contains("commits read"), run.err());
        assertTrue(run.out().contains("No findings"), run.out());
    }
}
