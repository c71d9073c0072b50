package dev.devops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A command line that names one subcommand builds only that subcommand's model (start-up time), and what that
 * subcommand offers (its help, its options) is the same as in the whole tree.
 */
class LazyCommandLineTest {
    @Test
    void oneSubcommandOnlyAndTheSameHelp() {
        CommandLine whole = Main.commandLine();
        for (Class<?> c : DevopsCommand.SUBCOMMANDS) {
            String name = c.getAnnotation(CommandLine.Command.class).name();
            if (DevopsCommand.WHOLE_TREE.contains(name)) {
                assertEquals(whole.getSubcommands().keySet(), Main.commandLine(name).getSubcommands().keySet(), name);
                continue;
            }
            CommandLine lazy = Main.commandLine("--verbose", name, "--help");
            assertEquals(Set.of(name), Set.copyOf(lazy.getSubcommands().keySet()), name);
            assertEquals(whole.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF),
                    lazy.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF), name);
        }
        // no command, or an unknown one (its suggestions need every name): the whole tree
        assertEquals(whole.getSubcommands().keySet(), Main.commandLine("--version").getSubcommands().keySet());
        assertEquals(whole.getSubcommands().keySet(), Main.commandLine("pss").getSubcommands().keySet());
        assertTrue(whole.getSubcommands().size() > 10);
    }
}
