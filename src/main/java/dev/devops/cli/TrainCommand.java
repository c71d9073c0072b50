package dev.devops.cli;

import dev.devops.engine.ComposeStackSource;
import dev.devops.engine.EngineClient;
import dev.devops.engine.StackEngine;
import dev.devops.engine.StackSource;
import dev.devops.engine.StackSpec;
import dev.devops.engine.UpOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Hidden: the training run bin/devops records its class-data-sharing archive from. It walks the
 * paths real commands take (init and render on an example, lint, the compose loader, and the
 * Docker client when an engine answers: ps and the plan of an up, which inspect images and list containers, the
 * request writers of an up's creates, the calls of up and down that change things made on names that do not exist,
 * and a down of a project that has nothing) with their output thrown away, so every command starts
 * from the archive, not only the one that happened to be run first. It changes nothing on the engine.
 */
@Command(name = "__train", hidden = true, mixinStandardHelpOptions = true, description = "Training run for the class-data-sharing archive.")
public final class TrainCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "An example app directory with a devops.yaml and a compose file.")
    Path example;

    @Option(names = "--lint", description = "Only the lint and check paths (bin/devops's archive for lint and check).")
    boolean lintOnly;

    @Option(names = "--secrets", description = "Only the secrets scan's paths (bin/devops's archive for lint --only secrets,"
            + " the secrets hook: a third of the classes of the whole archive, so a third of it to map at every start).")
    boolean secretsOnly;

    @Override
    public Integer call() {
        if (secretsOnly) {
            quietly("lint", "--only", "secrets", example.toString());
            hookRuns(true);
            return 0;
        }
        if (!lintOnly) {
            quietly("init", "--dry-run", example.toString());
            quietly("render", "--check", example.toString());
        }
        quietly("lint", example.toString());
        quietly("lint", "--format", "json", example.toString());
        quietly("lint", "--staged", example.toString()); // the pre-commit hook's path (git, the workspace)
        try {
            Path junit = java.nio.file.Files.createTempFile("devops-train", ".xml");
            quietly("check", "--format", "sarif", "--format", "junit=" + junit, example.toString());
            java.nio.file.Files.deleteIfExists(junit);
        } catch (java.io.IOException e) {
            // no temp directory: the check path is archived without its JUnit writer
        }
        hookRuns(false);
        if (lintOnly) {
            return 0;
        }
        quietly("rules");
        Path compose = example.resolve("docker-compose.yml");
        if (Files.isRegularFile(compose)) {
            try {
                StackSpec spec = new ComposeStackSource().load(new StackSource.Request("devops-train",
                        List.of(compose), example, List.of(), true));
                ProgressRenderer progress = new ProgressRenderer(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                        false, false);
                try (EngineClient client = EngineClient.fromEnvironment();
                        StackEngine engine = new StackEngine(client, progress)) {
                    client.prepare();
                    engine.ps(spec.project());
                    engine.plan(spec, new UpOptions(List.of(), false, false, false, true, null));
                    // read-only calls of an up's resource pass (nothing of these names exists)
                    for (Runnable probe : List.<Runnable>of(
                            () -> client.docker().inspectNetworkCmd().withNetworkId("devops-train-absent").exec(),
                            () -> client.docker().inspectVolumeCmd("devops-train-absent").exec())) {
                        try {
                            probe.run();
                        } catch (com.github.dockerjava.api.exception.NotFoundException expected) {
                            // the answer every up gets for a network or volume it is about to create
                        }
                    }
                    progress.event(new dev.devops.engine.ServiceEvent("train", "devops-train-1",
                            dev.devops.engine.ServiceState.RUNNING, "up to date"));
                    engineCalls(client);
                }
                // down of a project no container, network or volume carries: its listings come back empty
                String none = "devops-train-" + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime());
                quietly(() -> Main.run("down", "-v", "-f", compose.toString(), "-p", none));
            } catch (RuntimeException e) {
                // no engine here: the compose and client classes loaded so far are archived all the same
            }
        }
        return 0;
    }

    /**
     * The calls of an {@code up} and a {@code down} that change something (start, stop, remove, exec for the health
     * probe, the event stream), made so that they change nothing: on a container, network, volume and exec that do
     * not exist (the engine answers 404), and the event stream over an empty time range. Their request and answer
     * classes enter the archive instead of being read from the jar on every {@code up} and {@code down}.
     */
    private static void engineCalls(EngineClient client) {
        var docker = client.docker();
        String absent = "devops-train-absent-" + Long.toHexString(System.nanoTime());
        List<Runnable> calls = List.of(
                () -> docker.inspectContainerCmd(absent).exec(),
                () -> docker.startContainerCmd(absent).exec(),
                () -> docker.stopContainerCmd(absent).withTimeout(1).exec(),
                () -> docker.removeContainerCmd(absent).withForce(true).withRemoveVolumes(true).exec(),
                () -> docker.execCreateCmd(absent).withCmd("true").withAttachStdout(true).withAttachStderr(true).exec(),
                () -> docker.inspectExecCmd(absent).exec(),
                () -> docker.removeNetworkCmd(absent).exec(),
                () -> docker.removeVolumeCmd(absent).exec(),
                () -> docker.listNetworksCmd().withFilter("label", List.of(dev.devops.engine.ComposeLabels.PROJECT + "=" + absent)).exec(),
                () -> docker.listVolumesCmd().withFilter("label", List.of(dev.devops.engine.ComposeLabels.PROJECT + "=" + absent)).exec(),
                () -> {
                    long now = System.currentTimeMillis() / 1000;
                    try {
                        docker.eventsCmd().withSince(Long.toString(now - 1)).withUntil(Long.toString(now - 1))
                                .withLabelFilter(java.util.Map.of(dev.devops.engine.ComposeLabels.PROJECT, absent))
                                .exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<>())
                                .awaitCompletion(2, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        for (Runnable call : calls) {
            try {
                call.run();
            } catch (RuntimeException expected) {
                // 404 for what does not exist: the answer these calls are made for
            }
        }
    }

    /**
     * What a pre-commit hook runs, the way it runs it (Main's path without picocli, {@link LintFastPath}), on a real
     * staged change of every kind of file: a copy of the example made a git repository, each file changed by a
     * blank line, one new file. Without git the hook's classes are left out of the archive. {@code secrets}: only the
     * secrets hook's runs ({@code --only secrets}).
     */
    private void hookRuns(boolean secrets) {
        Path repo = null;
        try {
            repo = Files.createTempDirectory("devops-train-hook");
            Path root = repo;
            try (var files = Files.walk(example)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Path to = root.resolve(example.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(to);
                    } else if (Files.isRegularFile(f)) {
                        Files.copy(f, to);
                    }
                }
            }
            // the copy before it is a repository: lint's walk of a plain directory, and a secret finding's path (entropy,
            // redaction) on a credential made here, at run time
            Files.writeString(repo.resolve("app.env"), "DB_PASSWORD=" + Long.toString(System.nanoTime() * 7919L, 36)
                    + Long.toString(ProcessHandle.current().pid() * 104729L, 36) + "Qz9\n");
            Path report = Files.createTempFile("devops-train", ".json");
            String plain = repo.toString();
            quietly(() -> Main.run("lint", "--only", "secrets", "--format", "json", "--output", report.toString(), plain));
            Files.deleteIfExists(report);
            Files.delete(repo.resolve("app.env"));
            git(repo, "init", "-q");
            git(repo, "add", "-A");
            git(repo, "-c", "user.name=devops", "-c", "user.email=devops@localhost", "-c", "commit.gpgsign=false",
                    "commit", "-q", "--no-verify", "-m", "train");
            List<String> changed = new java.util.ArrayList<>();
            try (var files = Files.walk(repo)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(f) && !root.relativize(f).startsWith(".git")) {
                        Files.writeString(f, "\n", java.nio.file.StandardOpenOption.APPEND);
                        changed.add(f.toString());
                    }
                }
            }
            Files.writeString(repo.resolve("notes.txt"), "greeting = \"hello\"\n");
            git(repo, "add", "-A");
            String dir = repo.toString();
            if (!secrets) {
                quietly(() -> Main.run("lint", "--staged", dir));
            }
            quietly(() -> Main.run("lint", "--staged", "--only", "secrets", dir));
            changed.add(0, "lint");
            if (secrets) {
                changed.addAll(1, List.of("--only", "secrets"));
            }
            quietly(() -> Main.run(changed.toArray(String[]::new)));
        } catch (java.io.IOException | RuntimeException e) {
            // no git, or no temp directory: the hook's path is archived as far as it went
        } finally {
            if (repo != null) {
                try (var files = Files.walk(repo)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (java.io.IOException e) {
                    // a temp directory left behind
                }
            }
        }
    }

    private static void git(Path dir, String... args) throws java.io.IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (p.waitFor() != 0) {
                throw new java.io.IOException("git " + args[0] + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.IOException("interrupted", e);
        }
    }

    /** Runs {@code run} with System.out and System.err thrown away. */
    private static void quietly(Runnable run) {
        java.io.PrintStream out = System.out;
        java.io.PrintStream err = System.err;
        java.io.PrintStream sink = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        System.setOut(sink);
        System.setErr(sink);
        try {
            run.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static void quietly(String... args) {
        CommandLine cl = CommandTree.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(new StringWriter()));
        quietly(() -> cl.execute(args));
    }
}
