package dev.devops.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A real git repository in a temp directory, driven through the git executable (for tests). */
public final class TestRepo {
    public final Path dir;

    private TestRepo(Path dir) {
        this.dir = dir;
    }

    /** An existing repository (a clone the test made). */
    public static TestRepo open(Path dir) {
        return new TestRepo(dir);
    }

    public static TestRepo init(Path dir) {
        TestRepo r = new TestRepo(dir);
        r.git("init", "-q", "-b", "main");
        r.git("config", "user.name", "Test Author");
        r.git("config", "user.email", "author@example.com");
        r.git("config", "commit.gpgsign", "false");
        return r;
    }

    public TestRepo write(String path, String text) {
        try {
            Path p = dir.resolve(path);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return this;
    }

    public TestRepo writeBytes(String path, byte[] bytes) {
        try {
            Path p = dir.resolve(path);
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return this;
    }

    public TestRepo add(String... paths) {
        List<String> args = new ArrayList<>(List.of("add", "--"));
        args.addAll(List.of(paths));
        git(args.toArray(new String[0]));
        return this;
    }

    /** Stages everything and commits; returns the commit id. */
    public String commit(String message) {
        git("add", "-A");
        git("commit", "-q", "--allow-empty", "-m", message);
        return git("rev-parse", "HEAD").trim();
    }

    public String git(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
