package dev.devops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import picocli.CommandLine;

@ResourceLock("dev.devops.cli.Terminal") // --color=always in one is the colour of the other's help
class CliTest {
    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        CommandLine cl = CommandTree.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void versionNamesTheToolAndJava() {
        Result r = run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("devops "), r.out());
        assertTrue(r.out().contains("Java 17") || r.out().contains("Java "), r.out());
    }

    @Test
    void everyCommandHasHelp() {
        CommandLine cl = CommandTree.commandLine();
        for (String name : cl.getSubcommands().keySet()) {
            Result r = run(name, "--help");
            assertEquals(0, r.code(), name + " --help");
            assertTrue(r.out().contains("Usage: devops " + name), name + ": " + r.out());
        }
        assertTrue(run("--help").out().contains("Exit codes"));
    }

    @Test
    void unknownCommandIsAUsageErrorWithASuggestion() {
        Result r = run("shema");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Unmatched argument"), r.err());
        assertTrue(r.err().contains("schema"), "did-you-mean suggestion: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void schemaIsValidJsonNamingEveryTopLevelKey() throws Exception {
        Result r = run("schema");
        assertEquals(0, r.code());
        com.fasterxml.jackson.databind.JsonNode schema = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        for (String key : new String[] {"name", "apps", "services", "environments", "lint"}) {
            assertTrue(schema.get("properties").has(key), key);
        }
    }

    @Test
    void completionScriptIsGenerated() {
        Result r = run("generate-completion");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("complete") && r.out().contains("devops"), "bash completion script");
    }
}
