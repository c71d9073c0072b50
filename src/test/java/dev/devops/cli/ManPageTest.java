package dev.devops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import picocli.CommandLine;

/** devops man: roff that groff renders without a warning, with every command and option --help shows. */
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class ManPageTest {
    @TempDir
    Path tmp;

    @Test
    void groffRendersEveryCommandAndOptionWithoutWarnings() throws Exception {
        CliRun man = CliRun.run("man");
        assertEquals(0, man.code(), man.err());
        Path page = tmp.resolve("devops.1");
        Files.writeString(page, man.out());
        TestLauncher.Run groff = TestLauncher.run(tmp, Map.of("LC_ALL", "C.UTF-8"), "sh", "-c",
                "groff -man -Tutf8 -ww devops.1 2>warnings.txt >page.txt; echo $?");
        assertEquals("0", groff.out().trim(), "groff (Debian: groff-base; scripts/test.sh installs it)");
        assertEquals("", Files.readString(tmp.resolve("warnings.txt")));
        String text = Files.readString(tmp.resolve("page.txt")).replaceAll(".\b", "");
        CommandLine root = CommandTree.commandLine();
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            if (e.getValue().getCommandSpec().usageMessage().hidden()) {
                continue;
            }
            assertTrue(text.contains("devops " + e.getKey()), "section for " + e.getKey());
        }
        for (var o : root.getSubcommands().get("lint").getCommandSpec().options()) {
            assertTrue(text.contains(o.longestName()), "lint option " + o.longestName());
        }
        assertTrue(text.contains("EXIT STATUS"), text);
    }
}
