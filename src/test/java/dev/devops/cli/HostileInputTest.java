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
import java.util.Set;
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
                new Row("compose: include of a missing file", d -> {
                    write(d.resolve("compose.yaml"), "include:\n  - other.yaml\nservices:\n  web:\n    image: busybox\n");
                    return List.of("up", "-d", "-p", "harden-include", "-f", d.resolve("compose.yaml").toString());
                }, 2, "compose.yaml:2:5: included compose file other.yaml not found", null),
                new Row("compose: include defining a service twice", d -> {
                    write(d.resolve("other.yaml"), "services:\n  web:\n    image: busybox\n");
                    write(d.resolve("compose.yaml"), "include:\n  - other.yaml\nservices:\n  web:\n    image: busybox\n");
                    return List.of("up", "-d", "-p", "harden-include", "-f", d.resolve("compose.yaml").toString());
                }, 2, "compose.yaml:1:1: included other.yaml defines service 'web'", null),
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
                }, 2, "the default of 'MODE' contains '}'", null),
                // harden2: a value quoted in a message kept its line break, so the "one line" was two
                new Row("descriptor: a line break in a value quoted by the message", d -> {
                    write(d.resolve("devops.yaml"), "name: shop\napps:\n  web:\n    runtime: {language: go, version: \"20\\nRUN x\"}\n");
                    return List.of("render", d.toString());
                }, 2, "devops.yaml:4:38: runtime version '20\\nRUN x'", null),
                new Row("option: a line break in an option picocli quotes", d -> List.of("render", "--x\ny"), 2,
                        "Unknown option: '--x\\ny'", null),
                // harden2: a cycle named no file and line
                new Row("compose: a depends_on cycle", d -> {
                    write(d.resolve("compose.yaml"), "services:\n  a:\n    image: busybox\n    depends_on: [b]\n"
                            + "  b:\n    image: busybox\n    depends_on: [a]\n");
                    return List.of("ps", "-f", d.resolve("compose.yaml").toString());
                }, 2, "compose.yaml:4:18: dependency cycle between services: a -> b -> a", null),
                // harden2: a service that exists nowhere was "not enabled by the selected profiles"
                new Row("compose: depends_on a service that is not defined", d -> {
                    write(d.resolve("compose.yaml"), "services:\n  web:\n    image: busybox\n    depends_on: [wbe]\n");
                    return List.of("ps", "-f", d.resolve("compose.yaml").toString());
                }, 2, "compose.yaml:4:18: service 'web' depends on 'wbe', which is not defined (did you mean 'web'?)", null),
                // harden2: the hook was written with its own temp file and no error mapping (exit 70, a trace)
                new Row("hook: install where the hooks directory cannot be written", d -> {
                    TestRepo r = TestRepo.init(Files.createDirectories(d));
                    r.git("config", "core.hooksPath", "/proc/devops-hooks");
                    return List.of("hook", "install", "-C", d.toString());
                }, 2, "/proc/devops-hooks/pre-commit: cannot write the file", null),
                // harden2: a foreign hook in the way exited 1, which CI and scripts read as "findings"
                new Row("hook: install over a foreign hook", d -> {
                    TestRepo.init(Files.createDirectories(d));
                    write(d.resolve(".git/hooks/pre-commit"), "#!/bin/sh\necho mine\n");
                    return List.of("hook", "install", "-C", d.toString());
                }, 2, "pre-commit: not a devops hook; left alone", null),
                // harden2: refused by the engine after the network was made, exit 3 ("invalid mount config"), no line
                new Row("compose: a volume with empty parts", d -> {
                    write(d.resolve("compose.yaml"), "services:\n  web:\n    image: busybox\n    volumes: [\"::::\"]\n");
                    return List.of("up", "-d", "-p", "harden-volume", "-f", d.resolve("compose.yaml").toString());
                }, 2, "compose.yaml:4:15: 'services.web.volumes[0]': cannot read volume '::::'", null),
                new Row("compose: a volume with a relative container path", d -> {
                    write(d.resolve("compose.yaml"), "services:\n  web:\n    image: busybox\n    volumes: [\"data:rel\"]\n");
                    return List.of("up", "-d", "-p", "harden-volume", "-f", d.resolve("compose.yaml").toString());
                }, 2, "the container path 'rel' is not absolute", null),
                // harden2: an engine failure (exit 3) after the network was made, with no file:line
                new Row("compose: a build context that does not exist", d -> {
                    write(d.resolve("compose.yaml"), "services:\n  web:\n    build: nosuchdir\n");
                    return List.of("up", "-d", "-p", "harden-context", "-f", d.resolve("compose.yaml").toString());
                }, 2, "compose.yaml:3:12: service 'web': build context nosuchdir is not a directory", null),
                new Row("compose: a Dockerfile that does not exist", d -> {
                    write(d.resolve("compose.yaml"), "services:\n  web:\n    build: {context: ., dockerfile: nosuch.Dockerfile}\n");
                    return List.of("up", "-d", "-p", "harden-context", "-f", d.resolve("compose.yaml").toString());
                }, 2, "service 'web': Dockerfile nosuch.Dockerfile not found in the build context", null),
                // harden2: the first JSON value was read and the rest ignored, so a second baseline appended to the
                // file (a union merge) suppressed nothing of its own, silently
                new Row("baseline: two baselines in one file", d -> {
                    write(d.resolve("a.txt"), "hello\n");
                    String one = "{\"version\": 1, \"findings\": []}\n";
                    write(d.resolve("b.json"), one + one);
                    return List.of("lint", d.toString(), "--baseline", d.resolve("b.json").toString());
                }, 2, "b.json:2:1: the baseline is not valid JSON", null),
                // harden2: 99999999999G wrapped around to a negative size and every file was skipped, exit 0
                new Row("lint: a --max-file-size that overflows", d -> {
                    write(d.resolve("a.txt"), "hello\n");
                    return List.of("lint", d.toString(), "--max-file-size=99999999999G");
                }, 2, "--max-file-size '99999999999G' is not a size", null));
    }

    /** A repository whose {@code file} is a committed symbolic link to {@code target}, and the command run in it. */
    record Tree(String label, String file, String target, String command, Set<Integer> exits) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Tree> trees() {
        return Stream.of(
                new Tree("lint: a committed .env linked to /dev/urandom", ".env", "/dev/urandom", "lint", Set.of(0, 1)),
                new Tree("lint: a Dockerfile linked to /dev/zero", "Dockerfile", "/dev/zero", "lint", Set.of(0, 1)),
                new Tree("lint: a .dockerignore linked to /dev/zero", ".dockerignore", "/dev/zero", "lint", Set.of(0, 1)),
                new Tree("lint: a .gitignore linked to /dev/zero", ".gitignore", "/dev/zero", "lint", Set.of(0, 1)),
                new Tree("lint: a compose file linked to /dev/zero", "compose.yaml", "/dev/zero", "lint", Set.of(0, 1)),
                new Tree("check: an .env.example linked to /dev/zero", ".env.example", "/dev/zero", "check", Set.of(0, 1, 2)),
                new Tree("init: a source file linked to /dev/zero", "server.js", "/dev/zero", "init", Set.of(0)),
                new Tree("init: package.json linked to /dev/zero", "package.json", "/dev/zero", "init", Set.of(2)),
                new Tree("init: a .gitignore linked to /dev/zero", ".gitignore", "/dev/zero", "init", Set.of(2)),
                new Tree("init: a .dockerignore linked to /dev/zero", ".dockerignore", "/dev/zero", "init", Set.of(2)));
    }

    /**
     * harden2: files of the repository that are links to devices were read without end (Files.readAllBytes on
     * {@code /dev/zero}: an OutOfMemoryError, exit 70, after 20 s): every reader of repository files reads regular
     * files only, with a size cap. Lint skips or reports them; init refuses a file it would merge into.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("trees")
    void repositoryFilesLinkedToDevicesAreNeverReadWithoutEnd(Tree t) throws Exception {
        Path d = Files.createDirectories(shared.resolve("tree-" + t.label().replaceAll("[^A-Za-z0-9]+", "-")));
        TestRepo r = TestRepo.init(d);
        r.write("package.json", "{\"name\":\"shop\",\"dependencies\":{\"express\":\"4.18.2\"}}\n");
        r.write("server.js", "require('express')().listen(3000);\n");
        r.write("Dockerfile", "FROM node:20\nCOPY . .\n");
        Files.deleteIfExists(d.resolve(t.file()));
        Files.createSymbolicLink(d.resolve(t.file()), Path.of(t.target()));
        r.commit("a link to a device");
        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CliRun.run(t.command(), d.toString()),
                t.label() + " must not hang");
        Files.delete(d.resolve(t.file())); // JUnit warns about links that leave its temp directory
        String all = run.out() + run.err();
        assertTrue(t.exits().contains(run.code()), t.label() + ": exit " + run.code() + ":\n" + all);
        assertFalse(all.contains("\tat ") || all.contains("internal error") || all.contains("Error:"),
                t.label() + ": a trace or an internal error:\n" + all);
        if (run.code() == 2) {
            assertTrue(run.err().contains(t.file() + ": cannot read: not a regular file"), t.label() + ":\n" + run.err());
        }
    }

    /**
     * harden2: a Latin-1 byte in .dockerignore made DF0037 "cannot read .dockerignore" an error (exit 1) and a
     * Latin-1 .gitignore lost every rule for ENV0004's message: git and Docker read ignore files as bytes, so a
     * stray byte costs its own line only.
     */
    @org.junit.jupiter.api.Test
    void ignoreFilesWithANonUtf8ByteKeepTheirRules() throws Exception {
        Path d = Files.createDirectories(shared.resolve("latin1-ignores"));
        TestRepo r = TestRepo.init(d);
        r.write("Dockerfile", "FROM debian:12\nWORKDIR /app\nCOPY . .\nUSER nobody\n");
        byte[] latin1 = "# caf\u00e9\n.env\n".getBytes(StandardCharsets.ISO_8859_1);
        r.writeBytes(".dockerignore", latin1).writeBytes(".gitignore", latin1).write(".env", "MODE=dev\n");
        r.git("add", "-f", ".env");
        r.commit("latin-1 ignore files");
        CliRun run = CliRun.run("lint", d.toString());
        assertFalse(run.out().contains("DF0037"), run.out());
        assertTrue(run.out().contains("although .gitignore:2 lists it"), run.out());
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
        assertTrue(r.err().lines().allMatch(l -> l.startsWith("devops: ") || l.startsWith("Run 'devops ")),
                row.label() + ": the message is not one line:\n" + r.err());
        assertFalse(all.contains(dev.devops.core.AtomicWrite.TEMP_SUFFIX), row.label() + ": names a temporary file:\n" + all);
        if (row.secret() != null) {
            assertFalse(all.contains(row.secret().substring(0, 5)) || all.contains(row.secret().substring(4)),
                    row.label() + ": printed the secret:\n" + all);
        }
    }
}
