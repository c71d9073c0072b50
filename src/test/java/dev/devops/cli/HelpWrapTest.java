package dev.devops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import picocli.CommandLine;

/** --help wraps at spaces only: no "Dockerfile, .\ndockerignore", nothing wider than the terminal. */
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
@ResourceLock("dev.devops.cli.Terminal") // --color=always in one is the colour of the other's help
class HelpWrapTest {
    private static List<CommandLine> all(CommandLine cl) {
        List<CommandLine> out = new ArrayList<>(List.of(cl));
        cl.getSubcommands().values().forEach(s -> out.addAll(all(s)));
        return out;
    }

    @Test
    void everyHelpFitsTheWidthAndBreaksOnlyAtSpaces() {
        int width = 80; // no terminal in tests: picocli's default
        for (CommandLine cl : all(CommandTree.commandLine())) {
            String help = cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
            String name = cl.getCommandSpec().qualifiedName();
            for (String line : help.split("\n")) {
                assertTrue(line.length() <= width || !line.trim().contains(" "), name + ": line wider than " + width + ": " + line);
                assertTrue(!line.endsWith(" .") && !line.endsWith(",.") && !line.matches(".*\\s\\.$"), name + ": broken after a dot: " + line);
            }
            String flat = help.replaceAll("\\s+", " ");
            for (String word : List.of("dockerignore", "env.example")) {
                assertTrue(!flat.contains(word) || flat.contains("." + word) || !help.contains("." + word.charAt(0)), name + ": " + word);
            }
        }
        String root = CommandTree.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertTrue(root.contains(".dockerignore"), root);
        assertTrue(!root.contains(".\ndockerignore") && !root.contains(".env.\nexample"), root);
    }

    @Test
    void tableRowsContinueUnderTheirTextAndTheSynopsisUnderItsArguments() {
        String row = "  -o, --output=FILE   Write the report that has no =FILE here instead of standard output, always.";
        assertEquals("  -o, --output=FILE   Write the report that has no =FILE here\n"
                + "                        instead of standard output, always.", HelpWrap.wrap(row, 62, false));
        String synopsis = "Usage: devops lint [-hV] [--history] [--no-color] [--staged] [--stdin] [PATH...]";
        assertEquals("Usage: devops lint [-hV] [--history] [--no-color] [--staged]\n"
                + "                   [--stdin] [PATH...]", HelpWrap.wrap(synopsis, 62, true));
        assertEquals("Usage: ", HelpWrap.wrap("Usage: ", 62, false), "a heading keeps its trailing space");
        assertEquals("a Dockerfile,\n.dockerignore and", HelpWrap.wrap("a Dockerfile, .dockerignore and", 16, false));
    }

    @Test
    void helpCommandAndCompletionOfOptionValues() {
        CliRun help = CliRun.run("help", "check");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().startsWith("Usage: devops check"), help.out());
        CliRun completion = CliRun.run("generate-completion");
        assertEquals(0, completion.code());
        for (String value : List.of("sarif", "junit", "warning", "secrets", "render", "SEC0030", "DF0001", "uninstall")) {
            assertTrue(completion.out().contains(value), "completion offers " + value);
        }
    }

    @Test
    void colorAlwaysNeverAndAutoOnAnyCommand(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Files.writeString(tmp.resolve("Dockerfile"), LintScopeTest.BAD_DOCKERFILE);
        CliRun always = CliRun.run("lint", "--color=always", "--fail-on", "error", tmp.toString());
        assertTrue(always.out().contains("\u001b["), always.out());
        CliRun never = CliRun.run("--color", "never", "lint", tmp.toString());
        assertTrue(!never.out().contains("\u001b[") && never.out().contains("DF0001"), never.out());
        assertTrue(!CliRun.run("lint", tmp.toString()).out().contains("\u001b["), "auto: no terminal in tests");
        assertTrue(CliRun.run("--color=always", "lint", "--help").out().contains("\u001b["), "help in colour too");
        CliRun bad = CliRun.run("lint", "--color=sometimes", tmp.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--color must be auto, always or never"), bad.err());
    }
}
