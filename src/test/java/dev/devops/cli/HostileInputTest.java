package dev.devops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.git.TestRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input table, end to end through the command line: every class of hostile input found by the
 * hardening probe (issue 14) is one row. Each row must end in its exit code within seconds, with a one-line
 * message naming the file (or option) and never a stack trace or "internal error"; rows holding a secret
 * must not print it. Rows are classes, not cases: a new class of bad input gets a row here.
 */
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
@Tag("git")
class HostileInputTest {
    @TempDir
    static Path shared;

    /** Prepares the row's directory and returns the command line; {@code D} stands for the directory. */
    interface Setup {
        List<String> prepare(Path dir) throws Exception;
    }

    /** A value no output may contain, or null. */
    record Row(String label, Setup setup, int exit, String says, String secret) {
        @Override
        public String toString() {
            return label;
        }
    }

    private static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private static final String SECRET = "Xq7${" + "zK9" + "wq2Lp8rT4v"; // assembled: no literal secret in the file

    private static String aliasBomb() {
        StringBuilder sb = new StringBuilder("x-a: &a [\"l\",\"l\",\"l\",\"l\",\"l\",\"l\",\"l\",\"l\",\"l\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'i'; c++) {
            sb.append("x-").append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                sb.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            sb.append("]\n");
            prev = c;
        }
        return sb.append("services:\n  web:\n    image: busybox\n    labels:\n      a: *i\n").toString();
    }

    private static String deepNesting(String prefix) {
        return prefix + "[".repeat(20_000) + "]".repeat(20_000) + "\n";
    }

    private static final String DESCRIPTOR = dev.devops.testsupport.Descriptors.minimal("shop", "web", "go");

    static Stream<Row> rows() {
        return Stream.of(
                new Row("compose: alias bomb (billion laughs)", d -> {
                    write(d.resolve("compose.yaml"), aliasBomb());
                    return List.of("ps", "-f", d.resolve("compose.yaml").toString());
                }, 2, "compose.yaml:", null),
                new Row("compose: recursive alias", d -> {
                    write(d.resolve("compose.yaml"), "services:\n  web: &w\n    image: busybox\n    labels: [*w]\n");
                    return List.of("ps", "-f", d.resolve("compose.yaml").toString());
                }, 2, "recursive alias", null),
                new Row("compose: 20,000 levels of nesting", d -> {
                    write(d.resolve("compose.yaml"), deepNesting("services:\n  web:\n    image: busybox\n    labels: "));
                    return List.of("ps", "-f", d.resolve("compose.yaml").toString());
                }, 2, "compose.yaml:4:", null),
                new Row("descriptor: 20,000 levels of nesting", d -> {
                    write(d.resolve("devops.yaml"), deepNesting("name: "));
                    return List.of("render", d.toString());
                }, 2, "devops.yaml:1:", null),
                new Row("descriptor: a FIFO", d -> {
                    Files.createDirectories(d);
                    mkfifo(d.resolve("devops.yaml"));
                    return List.of("render", d.toString());
                }, 2, "not a regular file", null),
                new Row("compose: /dev/zero", d -> List.of("ps", "-f", "/dev/zero"), 2, "/dev/zero", null),
                new Row("baseline: /dev/zero", d -> {
                    write(d.resolve("a.txt"), "hello\n");
                    return List.of("lint", d.toString(), "--baseline", "/dev/zero");
                }, 2, "/dev/zero", null),
                new Row("compose: an interpolation error in a password", d -> {
                    write(d.resolve("compose.yaml"), "services:\n  db:\n    image: postgres\n    environment:\n"
                            + "      POSTGRES_PASSWORD: \"" + SECRET + "\"\n");
                    return List.of("ps", "-f", d.resolve("compose.yaml").toString());
                }, 2, "compose.yaml:5:26: invalid interpolation format at character 4 of the value (not shown: a secret)", SECRET),
                new Row("compose: an interpolation error in a list-form password", d -> {
                    write(d.resolve("compose.yaml"), "services:\n  db:\n    image: postgres\n    environment:\n"
                            + "      - \"DB_PASSWORD=" + SECRET + "\"\n");
                    return List.of("ps", "-f", d.resolve("compose.yaml").toString());
                }, 2, "not shown: a secret", SECRET),
                new Row("compose: include", d -> {
                    write(d.resolve("other.yaml"), "services:\n  db:\n    image: busybox\n");
                    write(d.resolve("compose.yaml"), "include:\n  - other.yaml\nservices:\n  web:\n    image: busybox\n");
                    return List.of("up", "-d", "-p", "harden-include", "-f", d.resolve("compose.yaml").toString());
                }, 2, "compose.yaml:1:1: 'include' is not supported", null),
                new Row("up: --exit-code-from an unknown service", d -> {
                    write(d.resolve("compose.yaml"), "services:\n  web:\n    image: busybox\n");
                    return List.of("up", "-p", "harden-exitcode", "-f", d.resolve("compose.yaml").toString(),
                            "--exit-code-from", "nosuch");
                }, 2, "--exit-code-from: no service 'nosuch'", null),
                new Row("up: an unknown service", d -> {
                    write(d.resolve("compose.yaml"), "services:\n  web:\n    image: busybox\n");
                    return List.of("up", "-d", "-p", "harden-unknown", "-f", d.resolve("compose.yaml").toString(), "wbe");
                }, 2, "did you mean 'web'", null),
                new Row("lint: -o names a directory", d -> {
                    write(d.resolve("a.txt"), "hello\n");
                    return List.of("lint", d.toString(), "-o", d.toString());
                }, 2, "is a directory", null),
                new Row("lint: -o on a read-only file system", d -> {
                    write(d.resolve("a.txt"), "hello\n");
                    return List.of("lint", d.toString(), "-o", "/proc/devops-report.json");
                }, 2, "/proc/devops-report.json: cannot write the file", null),
                new Row("lint: --baseline and --write-baseline the same file", d -> {
                    write(d.resolve("a.txt"), "hello\n");
                    return List.of("lint", d.toString(), "--baseline", d.resolve("b.json").toString(),
                            "--write-baseline", d.resolve("b.json").toString());
                }, 2, "name the same file", null),
                new Row("lint: --only and --skip the same category", d -> {
                    write(d.resolve("a.txt"), "hello\n");
                    return List.of("lint", d.toString(), "--only", "secrets", "--skip", "secrets");
                }, 2, "leave no check to run", null),
                new Row("lint: --history on a damaged repository", d -> {
                    TestRepo r = TestRepo.init(Files.createDirectories(d));
                    r.write("a.txt", "one\n");
                    String head = r.commit("one");
                    Path obj = d.resolve(".git/objects/" + head.substring(0, 2) + "/" + head.substring(2));
                    Files.delete(obj);
                    return List.of("lint", "--history", d.toString());
                }, 2, "the repository is damaged", null),
                new Row("descriptor: a line break in a path", d -> {
                    write(d.resolve("devops.yaml"), "name: shop\napps:\n  web:\n    path: \"a\\nRUN x\"\n    runtime: {language: go}\n");
                    return List.of("render", d.toString());
                }, 2, "devops.yaml:4:11: 'apps.web.path' may not hold control characters", null),
                new Row("descriptor: a quote in a healthcheck path", d -> {
                    write(d.resolve("devops.yaml"), DESCRIPTOR + "    port: 8080\n    healthcheck: \"/h');process.exit(0)//\"\n");
                    return List.of("render", d.toString());
                }, 2, "'apps.web.healthcheck' may hold only", null),
                new Row("descriptor: a '}' in a default", d -> {
                    write(d.resolve("devops.yaml"), DESCRIPTOR + "    env:\n      MODE: {default: \"a}b\"}\n");
                    return List.of("render", d.toString());
                }, 2, "the default of 'MODE' contains '}'", null));
    }

    private static void mkfifo(Path p) throws Exception {
        Process pr = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertEquals(0, pr.waitFor(), "mkfifo");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyClassOfBadInputIsAOneLineErrorWithItsExitCode(Row row) throws Exception {
        Path d = shared.resolve(row.label().replaceAll("[^A-Za-z0-9]+", "-"));
        List<String> args = new ArrayList<>(row.setup().prepare(d));
        CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CliRun.run(args.toArray(new String[0])),
                row.label() + " must not hang");
        String all = r.out() + r.err();
        assertEquals(row.exit(), r.code(), row.label() + ":\n" + all);
        assertTrue(r.err().contains(row.says()), row.label() + ": expected <" + row.says() + "> in:\n" + r.err());
        assertFalse(all.contains("\tat ") || all.contains("internal error") || all.contains("Exception"),
                row.label() + ": a trace or an internal error:\n" + all);
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("devops: ")).count(), row.label() + ": one line:\n" + r.err());
        if (row.secret() != null) {
            assertFalse(all.contains(row.secret().substring(0, 5)) || all.contains(row.secret().substring(4)),
                    row.label() + ": printed the secret:\n" + all);
        }
    }
}
