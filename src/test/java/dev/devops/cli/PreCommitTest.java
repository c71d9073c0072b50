package dev.devops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.devops.git.TestRepo;
import dev.devops.lint.secrets.Fake;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hooks as their users run them: Debian's {@code pre-commit} with the project's own
 * {@code .pre-commit-hooks.yaml}, and the plain git hook of {@code devops hook install}, both calling a
 * real {@code devops} executable on PATH (the classes under test) in real repositories.
 */
@Tag("git")
class PreCommitTest {
    @TempDir
    Path tmp;
    Path bin;
    Path repo;
    Map<String, String> env;

    static Path projectDir() {
        return Path.of(System.getProperty("devops.project.dir", ".")).toAbsolutePath();
    }

    @BeforeEach
    void launcher() throws IOException {
        bin = TestLauncher.install(tmp.resolve("bin")).getParent();
        repo = Files.createDirectories(tmp.resolve("repo"));
        env = Map.of("PATH", bin + File.pathSeparator + System.getenv("PATH"),
                "PRE_COMMIT_HOME", tmp.resolve("pre-commit-cache").toString(),
                "HOME", tmp.toString(), "NO_COLOR", "1", "TERM", "dumb");
    }

    TestLauncher.Run sh(Path dir, String... cmd) {
        String[] argv = cmd.clone();
        if (argv[0].equals("devops")) {
            argv[0] = bin.resolve("devops").toString(); // the child's PATH is not searched for the command itself
        }
        try {
            return TestLauncher.run(dir, env, argv);
        } catch (java.io.UncheckedIOException e) {
            if (argv[0].equals("pre-commit")) {
                fail("Debian's pre-commit is needed (apt-get install pre-commit; scripts/test.sh installs it): " + e.getMessage());
            }
            throw e;
        }
    }

    private static String secret() {
        return "password = \"" + Fake.token(14) + "\"\n";
    }

    /** A hooks repository holding the project's .pre-commit-hooks.yaml, as pre-commit clones it. */
    private String hooksRepo() throws IOException {
        TestRepo hooks = TestRepo.init(Files.createDirectories(tmp.resolve("hooks-repo")));
        hooks.write(".pre-commit-hooks.yaml", Files.readString(projectDir().resolve(".pre-commit-hooks.yaml")));
        return hooks.commit("hooks");
    }

    @Test
    void preCommitFrameworkBlocksAStagedSecretAndAgreesWithLintDot() throws IOException {
        String rev = hooksRepo();
        TestRepo r = TestRepo.init(repo);
        r.write(".pre-commit-config.yaml", "repos:\n  - repo: " + tmp.resolve("hooks-repo") + "\n    rev: " + rev
                + "\n    hooks:\n      - id: devops-lint\n      - id: devops-secrets\n");
        r.write("app.py", "import os\npassword = os.environ['DB_PASSWORD']\n");
        r.commit("init");
        TestLauncher.Run install = sh(repo, "pre-commit", "install");
        assertEquals(0, install.code(), install.out());

        // a staged secret blocks the commit, with a readable message that does not print the secret
        String line = secret();
        r.write("settings.py", line).add("settings.py");
        TestLauncher.Run blocked = sh(repo, "git", "commit", "-q", "-m", "add settings");
        assertNotEquals(0, blocked.code(), blocked.out());
        assertTrue(blocked.out().contains("settings.py:1:"), blocked.out());
        assertTrue(blocked.out().contains("SEC0030"), blocked.out());
        assertFalse(blocked.out().contains(line.split("\"")[1]), "the secret is printed redacted only: " + blocked.out());
        assertEquals(agree(), 1);

        // a clean commit passes
        r.write("settings.py", "import os\npassword = os.environ['DB_PASSWORD']\n").add("settings.py");
        TestLauncher.Run ok = sh(repo, "git", "commit", "-q", "-m", "settings from the environment");
        assertEquals(0, ok.code(), ok.out());
        assertEquals(agree(), 0);

        // a finding in a file the commit does not touch: --all-files and lint . both fail
        r.write("legacy/old.py", line);
        sh(repo, "git", "add", "legacy/old.py");
        assertEquals(sh(repo, "git", "commit", "-q", "--no-verify", "-m", "old").code(), 0);
        assertEquals(agree(), 1);
    }

    /** Runs {@code pre-commit run --all-files} and {@code devops lint .}; asserts they agree; returns lint's code. */
    private int agree() {
        TestLauncher.Run all = sh(repo, "pre-commit", "run", "--all-files");
        TestLauncher.Run lint = sh(repo, "devops", "lint", ".");
        assertEquals(lint.code() != 0, all.code() != 0, "pre-commit:\n" + all.out() + "\ndevops lint .:\n" + lint.out());
        return lint.code();
    }

    @Test
    void hookInstallRunsEveryCheckOnTheStagedChangeAndUninstallRestoresAForeignHook() throws IOException {
        TestRepo r = TestRepo.init(repo);
        r.write("README.md", "# demo\n").commit("init");
        Path hook = repo.resolve(".git/hooks/pre-commit");
        Files.writeString(hook, "#!/bin/sh\necho foreign hook ran\n");
        assertTrue(hook.toFile().setExecutable(true));

        TestLauncher.Run refused = sh(repo, "devops", "hook", "install");
        assertEquals(2, refused.code(), refused.out()); // a refusal, not a finding (harden2: it was 1)
        assertTrue(refused.out().contains("pre-commit: not a devops hook; left alone"), refused.out());
        assertTrue(Files.readString(hook).contains("foreign hook ran"));

        TestLauncher.Run forced = sh(repo, "devops", "hook", "install", "--force", "--fail-on", "warning");
        assertEquals(0, forced.code(), forced.out());
        assertTrue(forced.out().contains("pre-commit.devops-saved"), forced.out());

        // every family, not only secrets: a staged FROM node:latest with no USER is blocked at --fail-on warning
        r.write("Dockerfile", LintScopeTest.BAD_DOCKERFILE).add("Dockerfile");
        TestLauncher.Run blocked = sh(repo, "git", "commit", "-q", "-m", "image");
        assertNotEquals(0, blocked.code(), blocked.out());
        assertTrue(blocked.out().contains("Dockerfile:1: warning DF0001"), blocked.out());
        assertTrue(blocked.out().contains("DF0002"), blocked.out());
        r.write("Dockerfile", LintScopeTest.GOOD_DOCKERFILE).write(".dockerignore", ".env\n.env.*\n.git\n").add("Dockerfile", ".dockerignore");
        TestLauncher.Run ok = sh(repo, "git", "commit", "-q", "-m", "image");
        assertEquals(0, ok.code(), ok.out());

        TestLauncher.Run again = sh(repo, "devops", "hook", "install");
        assertEquals(0, again.code(), again.out());
        assertTrue(again.out().contains("updated"), again.out());
        TestLauncher.Run removed = sh(repo, "devops", "hook", "uninstall");
        assertEquals(0, removed.code(), removed.out());
        assertTrue(removed.out().contains("restored"), removed.out());
        assertTrue(Files.readString(hook).contains("foreign hook ran"));
        assertEquals(2, sh(repo, "devops", "hook", "uninstall").code(), "a foreign hook is left alone");
        Files.delete(hook);
        TestLauncher.Run none = sh(repo, "devops", "hook", "uninstall");
        assertEquals(0, none.code(), none.out());
        assertEquals(2, sh(tmp.resolve("bin"), "devops", "hook", "install").code(), "outside git: exit 2");
    }
}
