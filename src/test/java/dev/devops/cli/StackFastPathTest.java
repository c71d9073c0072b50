package dev.devops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import picocli.CommandLine;

/**
 * The plain command lines of up, down and ps are read without picocli ({@link StackFastPath}); what is read must be
 * what picocli reads (every option field of the command), anything else must go to picocli, and a run must print and
 * exit exactly as picocli's does.
 */
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class StackFastPathTest {
    @TempDir
    Path tmp;

    /** Fields that are not options: picocli's spec, the process environment, state made while running. */
    private static final Set<String> NOT_OPTIONS = Set.of("spec", "env", "pin");

    /** Every option field of {@code command} (and of its StackOptions), by name. */
    private static List<String> fields(Object command) throws IllegalAccessException {
        List<String> out = new ArrayList<>();
        for (Field f : command.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || NOT_OPTIONS.contains(f.getName())) {
                continue;
            }
            f.setAccessible(true);
            Object v = f.get(command);
            if (v instanceof StackOptions so) {
                out.add("stack.files=" + so.files);
                out.add("stack.projectName=" + so.projectName);
                out.add("stack.profiles=" + so.profiles);
            } else {
                out.add(f.getName() + "=" + v);
            }
        }
        return out;
    }

    private static Object picocli(String... args) {
        CommandLine cl = CommandTree.commandLine(args);
        return cl.parseArgs(args).subcommand().commandSpec().userObject();
    }

    @Test
    void readsThePlainCommandLinesAsPicocliDoes() throws Exception {
        for (String line : List.of("up", "up -d", "up --wait", "up -d --wait -f bench/stack/docker-compose.yml -p p1",
                "up --detach --build --force-recreate --remove-orphans app db", "up --no-health-probe --wait-timeout 30 --wait",
                "up --wait-timeout=7 -f a.yml -f b.yml --profile x --profile=y", "up --abort-on-container-exit --exit-code-from app",
                "up --project-name=p2 --file=c.yml app", "up app -d", "down", "down -v", "down --volumes -t 3 --rmi local",
                "down --timeout=0 --remove-orphans -f a.yml -p p3", "ps", "ps --format json", "ps --format=table app db",
                "ps -p p4 -f x.yml cache")) {
            String[] args = line.split(" ");
            Object fast = StackFastPath.parse(args);
            assertNotNull(fast, line);
            assertEquals(fields(picocli(args)), fields(fast), line);
        }
    }

    @Test
    void leavesEveryOtherShapeToPicocli() {
        for (String line : List.of("up -h", "up --help", "down -V", "up --verbose", "up --color never", "up -dv", "up -fa.yml",
                "up -p", "up -p -d", "up -p a -p b", "up -d -d", "up --wait-timeout x", "up --wait=true", "up --env prod",
                "up --registry r", "up --nosuch", "up -- app", "up @args", "up ''", "down app", "down -t x", "down -v -v",
                "ps --format JSON", "ps --format yaml", "ps -q", "logs", "lint --staged", "--verbose up", "build")) {
            assertNull(StackFastPath.parse(line.split(" ")), line);
        }
        assertNull(StackFastPath.parse(new String[] {"up", "-f", ""}));
        assertNull(StackFastPath.parse(new String[0]));
    }

    @Test
    void aRunPrintsAndExitsAsPicocliDoes() {
        String missing = tmp.resolve("missing.yml").toString();
        for (String[] args : List.of(new String[] {"up", "-d", "--wait", "-f", missing, "-p", "fastpath"},
                new String[] {"down", "-v", "-f", missing, "-p", "fastpath"}, new String[] {"ps", "-f", missing},
                new String[] {"up", "-d", "--abort-on-container-exit", "-f", missing})) {
            CliRun fast = CliRun.run(args);
            CliRun slow = CliRun.capture(() -> CommandTree.commandLine(args).execute(args));
            assertEquals(slow, fast, String.join(" ", args));
            assertEquals(2, fast.code(), fast.err());
        }
    }
}
