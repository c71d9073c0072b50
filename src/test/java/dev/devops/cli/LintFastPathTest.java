package dev.devops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.git.TestRepo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import picocli.CommandLine;

/**
 * The hook's command lines are read without picocli ({@link LintFastPath}); what is read must be what
 * picocli reads, anything else must go to picocli, and a run must print and exit exactly as picocli's does.
 */
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
@Tag("git")
class LintFastPathTest {
    @TempDir
    Path tmp;

    /** The fields picocli sets from a lint command line, and the root's inherited --verbose and --color. */
    private static List<Object> fields(LintCommand c, boolean verbose, String color) {
        ReportOptions r = c.reports;
        return List.of(c.paths, c.staged, c.history, String.valueOf(c.since), c.stdin, String.valueOf(c.stdinFilename),
                c.only, c.skip, String.valueOf(c.baseline), String.valueOf(c.writeBaseline), c.maxFileSize,
                r.formats, String.valueOf(r.output), r.failOn, r.quiet, r.noColor, verbose, String.valueOf(color));
    }

    private static List<Object> picocli(String... args) {
        CommandLine cl = CommandTree.commandLine(args);
        CommandLine.ParseResult parsed = cl.parseArgs(args);
        CommandLine.ParseResult sub = parsed.subcommand();
        String color = null;
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--color")) {
                color = p.matchedOptionValue("--color", "auto");
            }
        }
        return fields((LintCommand) sub.commandSpec().userObject(), ((DevopsCommand) cl.getCommand()).verbose, color);
    }

    @Test
    void readsTheHooksCommandLinesAsPicocliDoes() {
        for (String line : List.of("lint --staged", "lint --staged --fail-on warning", "lint app.py", "lint a.py src/b.js Dockerfile",
                "lint --only secrets app.py", "lint --only=secrets,env --skip drift a", "lint --staged -q --no-color",
                "lint --quiet --format json --format sarif=out.sarif --staged", "lint --fail-on=info --color never a",
                "lint --color=always --verbose --staged", "lint -- --staged -q", "lint app.py --staged", "lint",
                "lint --only secrets --only env x", "lint -o out.txt", "lint src --only secrets --format json --output out.json",
                "lint --output=o.sarif --format sarif .", "lint --format sarif=a.sarif -o b.txt --format text")) {
            String[] args = line.split(" ");
            LintFastPath.Parsed fast = LintFastPath.parse(args);
            assertNotNull(fast, line);
            assertEquals(picocli(args), fields(fast.command(), fast.verbose(), fast.color()), line);
        }
    }

    @Test
    void leavesEveryOtherCommandLineToPicocli() {
        for (String line : List.of("lint --help", "lint -h", "lint --version", "lint --history", "lint --stdin", "lint -o a -o b",
                "lint -o a --output b", "lint -oout.txt", "lint --output", "lint --output -q", "lint -o=x",
                "lint --staged --staged", "lint -q --quiet", "lint --fail-on", "lint --fail-on a --fail-on b", "lint --only --staged",
                "lint @args.txt", "lint -x", "lint -qv", "lint --color bogus", "lint --staged=true", "lint --only a,,b",
                "lint --only ,a", "lint --only \"a,b\"", "lint -", "check --staged", "--verbose lint --staged", "rules",
                "lint --baseline b.json", "lint --max-file-size 2M a")) {
            assertNull(LintFastPath.parse(line.split(" ")), line);
        }
        assertNull(LintFastPath.parse(new String[] {"lint", ""}));
        assertNull(LintFastPath.parse(new String[] {}));
    }

    /** Runs {@code args} the fast way (Main.run) and through picocli's model, System.out and System.err captured. */
    private static List<Object> bothWays(String... args) {
        List<Object> results = new ArrayList<>();
        for (boolean fast : List.of(true, false)) {
            CliRun r = CliRun.capture(() -> {
                Terminal.choose("auto");
                return fast ? Main.run(args) : CommandTree.commandLine(args).execute(args);
            });
            results.add(List.of(r.code(), r.out().replaceAll("\\(\\d+\\.\\d+ s\\)|\"millis\": \\d+", "T"),
                    r.err().replaceAll("(?m)^\\s+(at |\\.\\.\\. ).*\\n", ""))); // --verbose: the frames differ
        }
        return results;
    }

    @Test
    void aRunPrintsAndExitsAsPicocliDoes() throws Exception {
        java.nio.file.Files.createDirectories(tmp.resolve("repo"));
        TestRepo r = TestRepo.init(tmp.resolve("repo"));
        r.write("Dockerfile", "FROM node:latest\nCOPY . .\n").write("app.py", "print('hi')\n").commit("init");
        r.write("Dockerfile", "FROM node:latest\nCOPY . .\nRUN npm ci\n").write("app.py", "print('hi')\npassword = \"Xk9"
                + "qLm2Vt7RzPw1042\"\n").add("Dockerfile", "app.py");
        String repo = r.dir.toString();
        String dockerfile = r.dir.resolve("Dockerfile").toString();
        for (String[] args : List.of(new String[] {"lint", "--staged", repo}, new String[] {"lint", "--staged", "--fail-on", "info", repo},
                new String[] {"lint", dockerfile}, new String[] {"lint", "--only", "secrets", "--format", "json", repo, "--staged"},
                new String[] {"lint", "--staged", tmp.resolve("not-a-repo").toString()}, new String[] {"lint", "--staged", tmp.toString()},
                new String[] {"lint", "--only", "secret", repo}, new String[] {"lint", "--fail-on", "bogus", repo},
                new String[] {"lint", "--format", "xml", repo}, new String[] {"lint", "--verbose", "--staged", tmp.toString()},
                new String[] {"lint", "--only", "secrets", "--format", "json", "-o", tmp.resolve("no-dir/r.json").toString(), repo})) {
            assertNotNull(LintFastPath.parse(args), String.join(" ", args));
            List<Object> both = bothWays(args);
            assertEquals(both.get(1), both.get(0), String.join(" ", args));
        }
        // a report written with --output is the report picocli's reading writes
        List<String> reports = new ArrayList<>();
        for (boolean fast : List.of(true, false)) {
            Path out = tmp.resolve(fast ? "fast.json" : "picocli.json");
            String[] args = {"lint", "--staged", "--format", "json", "--output", out.toString(), repo};
            assertNotNull(LintFastPath.parse(args));
            CliRun run = CliRun.capture(() -> fast ? Main.run(args) : CommandTree.commandLine(args).execute(args));
            assertEquals(1, run.code(), run.err());
            reports.add(java.nio.file.Files.readString(out).replaceAll("\"millis\": \\d+", "T"));
        }
        assertEquals(reports.get(1), reports.get(0));
        assertTrue(reports.get(0).contains("SEC0030"), reports.get(0));
        List<?> staged = (List<?>) bothWays("lint", "--staged", repo).get(0);
        assertEquals(1, staged.get(0));
        assertTrue(staged.get(1).toString().contains("SEC0030") && staged.get(1).toString().contains("DF"), staged.toString());
    }

    /** The hook's run loads no picocli class: they cannot be archived (class-file version 49) and were most of its start. */
    @Test
    void theHooksRunLoadsNoPicocliClass() throws Exception {
        java.nio.file.Files.createDirectories(tmp.resolve("repo"));
        TestRepo r = TestRepo.init(tmp.resolve("repo"));
        r.write("app.py", "print('hi')\n").commit("init");
        r.write("app.py", "print('hi')\nprint('bye')\n").add("app.py");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (List<String> args : List.of(List.of("lint", "--staged"), List.of("lint", "--fail-on", "warning", "app.py"))) {
            List<String> cmd = new ArrayList<>(List.of(java, "-Xshare:off", "-verbose:class", "-cp", System.getProperty("java.class.path"),
                    "dev.devops.cli.Main"));
            cmd.addAll(args);
            TestLauncher.Run run = TestLauncher.run(r.dir, Map.of(), cmd.toArray(String[]::new));
            assertEquals(0, run.code(), run.out());
            assertTrue(run.out().contains("dev.devops.lint.LintRunner"), "the class list is printed");
            assertFalse(run.out().contains("picocli."), run.out().lines().filter(l -> l.contains("picocli.")).findFirst().orElse(""));
        }
        StringWriter help = new StringWriter();
        CommandTree.commandLine("lint", "--help").getSubcommands().get("lint").usage(new PrintWriter(help));
        assertTrue(help.toString().contains("--staged"), "lint --help stays picocli's");
    }
}
