package dev.devops.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A real {@code devops} executable for tests that run it as hooks and CI jobs do: this build's classes, like bin/devops runs the jar. */
final class TestLauncher {
    private TestLauncher() {
    }

    /** Writes {@code dir/devops} and returns it. */
    static Path install(Path dir) throws IOException {
        Files.createDirectories(dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path devops = dir.resolve("devops");
        Files.writeString(devops, "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '"
                + System.getProperty("java.class.path") + "' dev.devops.cli.Main \"$@\"\n");
        if (!devops.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + devops + " executable");
        }
        return devops;
    }

    record Run(int code, String out) {
    }

    /** Runs {@code cmd} in {@code dir} with {@code env} added, stdout and stderr together. */
    static Run run(Path dir, Map<String, String> env, String... cmd) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().putAll(env);
            pb.environment().remove("GIT_DIR");
            pb.environment().remove("GIT_INDEX_FILE");
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " timed out");
            }
            return new Run(p.exitValue(), out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(String.join(" ", cmd) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
