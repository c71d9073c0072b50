package dev.devops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.git.TestRepo;
import dev.devops.lint.secrets.Fake;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** devops lint and devops rules end to end, on real git repositories in temp directories. */
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
@ResourceLock("java.lang.System.in")
@Tag("git")
class LintCommandTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;
    private InputStream oldIn;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        oldIn = System.in;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
        System.setIn(oldIn);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static final java.util.concurrent.atomic.AtomicInteger PASSWORDS = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A random-looking password assignment, different on each call and the same on every run: the shared {@link Fake}
     * stream depends on which test classes run alongside (in parallel), and some of its draws read as identifiers.
     */
    private static String password() {
        int n = PASSWORDS.incrementAndGet();
        return "password = \"" + "Xk9" + "qLm2Vt7Rz" + (char) ('A' + n % 26) + "w" + (1000 + n) + "\"\n";
    }

    @Test
    void cleanRepositoryExitsZero() {
        TestRepo r = TestRepo.init(tmp);
        r.write("README.md", "# hello\n").write("app.py", "password = os.environ['DB_PASSWORD']\n")
                .write(".env.example", "# database password (secret)\nDB_PASSWORD=\n");
        r.commit("init");
        assertEquals(0, run("lint", tmp.toString(), "--no-color"));
        assertTrue(out().contains("No findings in 3 files"), out());
    }

    @Test
    void findingsExitOneAndFailOnDecides() {
        TestRepo r = TestRepo.init(tmp);
        r.write("app.py", password()).commit("init");
        assertEquals(1, run("lint", tmp.toString()));
        assertTrue(out().contains("app.py:1:13: error SEC0030"), out());
        assertEquals(1, run("lint", tmp.toString(), "--fail-on", "warning"));
        assertEquals(2, run("lint", tmp.toString(), "--fail-on", "severe"));
        assertTrue(err().contains("unknown --fail-on 'severe'"), err());
    }

    @Test
    void usageErrorsExitTwo() {
        TestRepo.init(tmp).write("a.txt", "x\n").commit("init");
        assertEquals(2, run("lint", tmp.toString(), "--format", "sarf"));
        assertTrue(err().contains("unknown --format 'sarf' (did you mean 'sarif'?)"), err());
        assertEquals(2, run("lint", tmp.toString(), "--only", "secret"));
        assertTrue(err().contains("did you mean 'secrets'"), err());
        assertEquals(2, run("lint", tmp.toString(), "--history", "--since", "no-such-tag"));
        assertTrue(err().contains("'no-such-tag' is not a commit"), err());
        assertEquals(2, run("lint", tmp.toString(), "--since", "HEAD"));
        assertEquals(2, run("lint", tmp.toString(), "--staged", "--history"));
        assertEquals(2, run("lint", tmp.toString(), "--max-file-size", "lots"));
        assertEquals(2, run("lint", tmp.resolve("missing").toString()));
        assertEquals(2, run("lint", "--bogus"));
        assertEquals(2, run("lint", tmp.toString(), "--baseline", tmp.resolve("none.json").toString()));
        assertTrue(err().contains("baseline file not found"), err());
        assertFalse(err().contains("Exception"), err());
    }

    @Test
    void stagedLintsExactlyTheIndex() throws Exception {
        TestRepo r = TestRepo.init(tmp);
        r.write("a.py", "print('hi')\n").commit("init");
        r.write("a.py", "print('hi')\n" + password()); // changed, not staged
        assertEquals(0, run("lint", tmp.toString(), "--staged"));
        r.add("a.py");
        assertEquals(1, run("lint", tmp.toString(), "--staged"));
        assertTrue(out().contains("a.py:2:13: error SEC0030"), out());
        Files.writeString(tmp.resolve("a.py"), "print('hi')\n"); // fixed in the work tree, still staged
        assertEquals(1, run("lint", tmp.toString(), "--staged"));
    }

    @Test
    void stagedOutsideGitIsAUsageError() {
        assertEquals(2, run("lint", tmp.toString(), "--staged"));
        assertTrue(err().contains("not inside a git work tree"), err());
    }

    @Test
    void historyFindsASecretDeletedLater() {
        TestRepo r = TestRepo.init(tmp);
        r.write("app.py", "x = 1\n").commit("one");
        r.write("app.py", "x = 1\n\n" + password());
        String leak = r.commit("leak");
        r.write("app.py", "x = 1\n");
        String fixed = r.commit("fix");
        assertEquals(0, run("lint", tmp.toString()));
        assertEquals(1, run("lint", tmp.toString(), "--history", "--format", "json"));
        assertTrue(out().contains("\"commit\": \"" + leak + "\""), out());
        assertTrue(out().contains("\"line\": 3"), out());
        assertTrue(out().contains("\"author\": \"Test Author <author@example.com>\""), out());
        assertEquals(1, run("lint", tmp.toString(), "--history", "--since", leak + "~1"));
        assertEquals(0, run("lint", tmp.toString(), "--history", "--since", leak));
        assertEquals(0, run("lint", tmp.toString(), "--history", "--since", leak + ".." + fixed));
    }

    @Test
    void binaryLargeIgnoredFilesAndBrokenLinks() throws Exception {
        TestRepo r = TestRepo.init(tmp);
        r.write(".gitignore", "local.py\n");
        r.writeBytes("img.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        r.write("big.conf", "x".repeat(4000) + "\n" + password()); // not .txt: text files are documentation
        r.write("local.py", password()); // ignored: not linted
        Files.createSymbolicLink(tmp.resolve("dangling"), tmp.resolve("nowhere"));
        r.commit("init");
        r.write("new.py", "print(1)\n"); // untracked, not ignored: linted
        assertEquals(0, run("lint", tmp.toString(), "--max-file-size", "1K", "--no-color"));
        assertTrue(out().contains("No findings in 2 files; skipped 1 binary, 1 too large"), out());
        assertEquals(1, run("lint", tmp.toString()), out() + err());
        assertTrue(out().contains("big.conf:2:13"), out());
        assertFalse(out().contains("local.py"), out());
    }

    @Test
    void outsideGitEveryFileButDotGit() throws Exception {
        Files.writeString(tmp.resolve("a.py"), password());
        Files.createDirectories(tmp.resolve("sub/.git"));
        Files.writeString(tmp.resolve("sub/.git/config"), password());
        assertEquals(1, run("lint", tmp.toString()));
        assertTrue(out().contains("a.py:1"), out());
        assertFalse(out().contains(".git/config"), out());
    }

    @Test
    void stdinWithAFileName() {
        System.setIn(new ByteArrayInputStream(("DB_PASSWORD=" + Fake.seeded(12) + "\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, run("lint", "--stdin", "--stdin-filename", "config/.env.example"));
        assertTrue(out().contains("config/.env.example:1:13: error SEC0051"), out());
        System.setIn(new ByteArrayInputStream(new byte[] {0, 1, 2, 3, 0}));
        assertEquals(0, run("lint", "--stdin", "--no-color"));
        assertTrue(out().contains("skipped 1 binary"), out());
        System.setIn(new ByteArrayInputStream(password().repeat(100).getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, run("lint", "--stdin", "--stdin-filename", "a.py", "--max-file-size", "1K", "--no-color"));
        assertTrue(out().contains("skipped 0 binary, 1 too large"), out());
    }

    @Test
    void baselineRoundTrip() throws Exception {
        TestRepo r = TestRepo.init(tmp);
        r.write("old.py", password()).commit("old");
        Path baseline = tmp.resolve(".devops-baseline.json");
        assertEquals(1, run("lint", tmp.toString(), "--write-baseline", baseline.toString()));
        String written = Files.readString(baseline);
        assertTrue(written.contains("\"rule\": \"SEC0030\""), written);
        assertFalse(written.contains(Files.readString(tmp.resolve("old.py")).split("\"")[1]), "no secret in the baseline");
        assertEquals(0, run("lint", tmp.toString(), "--baseline", baseline.toString(), "--no-color"));
        assertTrue(out().contains("1 in the baseline"), out());
        Files.writeString(tmp.resolve("old.py"), "\n\n" + Files.readString(tmp.resolve("old.py"))); // moved: still baselined
        r.write("new.py", password());
        assertEquals(1, run("lint", tmp.toString(), "--baseline", baseline.toString()));
        assertTrue(out().contains("new.py"), out());
        assertFalse(out().contains("old.py"), out());
        Files.writeString(baseline, "{ not json");
        assertEquals(2, run("lint", tmp.toString(), "--baseline", baseline.toString()));
        assertTrue(err().contains(".devops-baseline.json:1:"), err());
    }

    @Test
    void aFingerprintTellsNothingAboutTheSecretSoAWeakPasswordCannotBeGuessedBack() throws Exception {
        TestRepo r = TestRepo.init(tmp);
        List<String> prints = new java.util.ArrayList<>();
        for (String weak : List.of("hunter2hunter2", "password123456")) {
            r.write("docker-compose.yml", "services:\n  db:\n    image: postgres:16\n    environment:\n"
                    + "      POSTGRES_PASSWORD: " + weak + "\n").commit(weak);
            Path baseline = tmp.resolve("b-" + weak.charAt(0) + ".json");
            run("lint", tmp.toString(), "--write-baseline", baseline.toString()); // a development default: a warning
            String written = Files.readString(baseline);
            assertTrue(written.contains("DC0003"), written);
            assertFalse(written.contains(weak), written);
            prints.add(written);
            run("lint", tmp.toString(), "--format", "json");
            assertFalse(out().contains(weak), out());
            // nothing in the report or the baseline is a hash over the password: the old fingerprint would be
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            String oldStyle = java.util.HexFormat.of().formatHex(md.digest(("DC0003\0docker-compose.yml\0      POSTGRES_PASSWORD: "
                    + weak).strip().getBytes(StandardCharsets.UTF_8))).substring(0, 32);
            assertFalse(written.contains(oldStyle) || out().contains(oldStyle));
        }
        // two different passwords at the same place: the same fingerprints, so none of them depends on the password
        assertEquals(prints.get(0), prints.get(1));
    }

    @Test
    void theBaselineCannotBeReadAndWrittenInOneRun() throws Exception {
        TestRepo r = TestRepo.init(tmp);
        r.write("old.py", password()).commit("old");
        Path baseline = tmp.resolve("b.json");
        assertEquals(2, run("lint", tmp.toString(), "--baseline", baseline.toString(), "--write-baseline",
                tmp.resolve(".").resolve("b.json").toString()));
        assertTrue(err().contains("--baseline and --write-baseline name the same file"), err());
        assertFalse(Files.exists(baseline), "nothing written");
    }

    @Test
    void anInterpolationErrorNeverQuotesAPasswordInAnyFormat() throws Exception {
        TestRepo r = TestRepo.init(tmp);
        String secret = "Xq7${" + "zK9" + "wq2Lp8rT4vN6"; // not Fake.token: the other tests depend on its sequence
        r.write("compose.yaml", "services:\n  db:\n    image: postgres:16\n    environment:\n"
                + "      POSTGRES_PASSWORD: \"" + secret + "\"\n").commit("init");
        for (String format : List.of("text", "json", "sarif", "github", "junit")) {
            Path report = tmp.resolve("report." + format);
            run("lint", tmp.toString(), "--format", format, "-o", report.toString());
            String all = Files.readString(report) + out() + err();
            assertTrue(all.contains("invalid interpolation format at character 4"), format + ":\n" + all);
            assertFalse(all.contains("zK9") || all.contains(secret.substring(8)), format + " printed the password:\n" + all);
            Files.delete(report);
        }
    }

    @Test
    void devopsYamlAllowlist() {
        TestRepo r = TestRepo.init(tmp);
        r.write("test/fixtures/a.py", password()).write("src/b.py", password()).write("src/c.yml", "url: https://u:" + Fake.seeded(10) + "@h.io\n");
        r.write("devops.yaml", "name: demo\napps:\n  web:\n    runtime:\n      language: node\n"
                + "lint:\n  allowlist:\n    paths: [\"test/fixtures/**\"]\n    rules: [SEC0020]\n");
        r.commit("init");
        assertEquals(1, run("lint", tmp.toString(), "--no-color"));
        assertTrue(out().contains("src/b.py"), out());
        assertFalse(out().contains("test/fixtures"), out());
        assertFalse(out().contains("SEC0020"), out());
        assertTrue(out().contains("1 finding"), out());
    }

    @Test
    void inlineSuppressionThroughTheCli() {
        TestRepo r = TestRepo.init(tmp);
        r.write("a.py", "# devops:ignore SEC0030 test credentials\n" + password());
        r.commit("init");
        assertEquals(0, run("lint", tmp.toString()));
    }

    @Test
    void outputFileAndOnlySkip() throws Exception {
        TestRepo r = TestRepo.init(tmp);
        r.write("a.py", password()).commit("init");
        Path report = tmp.resolve("out.sarif");
        assertEquals(1, run("lint", tmp.toString(), "--format", "sarif", "--output", report.toString(), "--only", "secrets"));
        assertTrue(Files.readString(report).contains("\"ruleId\": \"SEC0030\""));
        assertEquals("", out());
        assertEquals(0, run("lint", tmp.toString(), "--skip", "secrets"));
    }

    @Test
    void rulesListsAndExplains() {
        assertEquals(0, run("rules"));
        assertTrue(out().contains("SEC0001"), out());
        assertTrue(java.util.regex.Pattern.compile("SEC0030 +error +secrets +Hard-coded password").matcher(out()).find(), out());
        assertTrue(out().contains("DF0002") && out().contains("DC0003") && out().contains("ENV0001") && out().contains("DRIFT0001"),
                "every check's rules are listed: " + out());
        assertEquals(0, run("rules", "sec0020"));
        assertTrue(out().contains("Password in a connection URI"), out());
        assertTrue(out().contains("devops:ignore SEC0020"), out());
        assertEquals(2, run("rules", "SEC030"));
        assertTrue(err().contains("unknown rule 'SEC030' (did you mean 'SEC0030'?)"), err());
    }

    @Test
    void aHardCodedComposePasswordIsReportedOnceByTheMoreSpecificRule() throws Exception {
        String pw = "Zq" + "8vR2mW" + "x4Lp9T";
        java.nio.file.Files.writeString(tmp.resolve("compose.yaml"), "services:\n  db:\n    image: postgres:16\n"
                + "    environment:\n      POSTGRES_PASSWORD: " + pw + "\n");
        assertEquals(1, run("lint", tmp.toString(), "--format", "json"));
        String all = out();
        assertTrue(all.contains("\"DC0003\""), all);
        assertFalse(all.contains("\"SEC0030\""), "superseded by DC0003 on the same line: " + all);
        assertEquals(1, run("lint", tmp.toString(), "--only", "secrets", "--format", "json"));
        assertTrue(out().contains("\"SEC0030\""), "the secrets check alone still reports it");
    }

    @Test
    void aTrackedEnvFileIsReportedOnceWhenEveryCheckRuns() throws Exception {
        TestRepo r = TestRepo.init(tmp);
        // a tracked .env that sets a credential (one of plain settings is not a secret finding)
        r.write(".env", "LOG_LEVEL=debug\nAPI_TOKEN=" + Fake.seeded(24) + "\n").write(".env.example", "LOG_LEVEL=info\nAPI_TOKEN=\n");
        r.commit("init");
        assertEquals(1, run("lint", tmp.toString(), "--format", "json"));
        String all = out();
        assertTrue(all.contains("\"ENV0004\""), all);
        assertFalse(all.contains("\"SEC0050\""), "superseded by ENV0004 for the same file: " + all);
        assertEquals(1, run("lint", tmp.toString(), "--only", "secrets", "--format", "json"));
        assertTrue(out().contains("\"SEC0050\""), "the secrets check alone still reports it: " + out());
    }
}
