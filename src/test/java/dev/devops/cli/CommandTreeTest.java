package dev.devops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import picocli.CommandLine;

/**
 * A run of one command builds that command's picocli model only (a start-up cost, docs/BENCHMARKS.md); it must
 * behave as the whole tree does: the same help, the same options, and the whole tree where one is needed.
 */
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class CommandTreeTest {
    @TempDir
    Path tmp;

    @Test
    void everyCommandAloneHasTheHelpItHasInTheWholeTree() {
        CommandLine whole = CommandTree.commandLine();
        for (String name : whole.getSubcommands().keySet()) {
            CommandLine alone = CommandTree.commandLine(name, "--help");
            assertEquals(DevopsCommand.NEED_TREE.contains(name) ? List.copyOf(whole.getSubcommands().keySet()) : List.of(name),
                    List.copyOf(alone.getSubcommands().keySet()), name);
            assertEquals(whole.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF),
                    alone.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF), name);
        }
        for (String[] args : List.of(new String[] {}, new String[] {"--help"}, new String[] {"help", "lint"},
                new String[] {"lnt"}, new String[] {"--color", "never", "lint"}, new String[] {"man"})) {
            assertEquals(whole.getSubcommands().keySet(), CommandTree.commandLine(args).getSubcommands().keySet(), String.join(" ", args));
        }
    }

    @Test
    void aMistypedCommandIsStillCorrectedAndHelpStillListsEveryCommand() {
        CliRun typo = CliRun.run("lnt");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("Did you mean: devops lint"), typo.err());
        CliRun help = CliRun.run("help", "rules");
        assertTrue(help.out().startsWith("Usage: devops rules"), help.out());
    }

    @Test
    void everyProblemOfDevopsYamlIsOneLineOfItsOwn() throws Exception {
        Files.writeString(tmp.resolve("devops.yaml"), "name: My Shop\napps:\n  web:\n    runtime: {language: node, buildTool: maven}\n"
                + "    port: 70000\n");
        CliRun r = CliRun.run("render", "--check", tmp.toString());
        assertEquals(2, r.code(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(3, lines.size(), r.err());
        for (String l : lines) {
            assertTrue(l.matches("devops: .*devops\\.yaml:\\d+:\\d+: .*"), l);
        }
    }
}
