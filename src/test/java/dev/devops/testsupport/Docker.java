package dev.devops.testsupport;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Docker engine for tests: one shared docker-java client (DOCKER_HOST honoured, API version left
 * to the engine), offline image builds, and clean-up of what a test created.
 */
public final class Docker {
    /** Label on every container, network and image our tests create. */
    public static final String TEST_LABEL = "io.devops.test";

    private static DockerClient client;
    private static Optional<String> problem;

    private Docker() {
    }

    /** The shared client; call {@link #engineProblem()} first (or use {@link DockerTest}). */
    public static synchronized DockerClient client() {
        if (client == null) {
            DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
            DockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                    .dockerHost(config.getDockerHost())
                    .sslConfig(config.getSSLConfig())
                    .connectionTimeout(Duration.ofSeconds(5))
                    .responseTimeout(Duration.ofMinutes(20))
                    .build();
            client = DockerClientImpl.getInstance(config, http);
        }
        return client;
    }

    /** Why the engine cannot be used, or empty when it answers a ping (checked once per JVM). */
    public static synchronized Optional<String> engineProblem() {
        if (problem == null) {
            try {
                client().pingCmd().exec();
                problem = Optional.empty();
            } catch (RuntimeException e) {
                String host = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
                problem = Optional.of("no Docker engine answers at " + host + " (" + e.getClass().getSimpleName()
                        + ": " + e.getMessage() + "); run scripts/test.sh, which installs and starts one");
            }
        }
        return problem;
    }

    public static boolean imageExists(String image) {
        try {
            client().inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    public static InspectImageResponse inspect(String image) {
        return client().inspectImageCmd(image).exec();
    }

    /** What an image build printed, and the image id when it succeeded. */
    public record BuildResult(Optional<String> imageId, String output, Optional<String> error) {
        /** The last {@code lines} lines of the build output, for failure messages. */
        public String tail(int lines) {
            String[] all = output.split("\n");
            return String.join("\n", List.of(all).subList(Math.max(0, all.length - lines), all.length));
        }
    }

    private static final Pattern STEP_IMAGE = Pattern.compile("^ ---> ([0-9a-f]{12})\\s*$", Pattern.MULTILINE);

    /**
     * Builds {@code context}/{@code dockerfile} with the classic builder, offline: no network, no pull,
     * intermediate containers always removed. Afterwards the untagged images of the build's own steps
     * that nothing uses any more (the finished builder stages of a multi-stage build) are removed, so
     * that no dangling images are left; images of other builds are never touched.
     */
    public static BuildResult buildOffline(Path context, String dockerfile, String tag) {
        return buildOffline(context, dockerfile, tag, Map.of());
    }

    /** {@link #buildOffline(Path, String, String)} with {@code --build-arg}s. */
    public static BuildResult buildOffline(Path context, String dockerfile, String tag, Map<String, String> buildArgs) {
        BuildResult result = build(context, dockerfile, tag, buildArgs);
        if (result.error().filter(e -> e.contains("is excluded by pattern")).isPresent()) {
            // docker-java refuses a context whose .dockerignore excludes the Dockerfile; the docker CLI
            // sends the Dockerfile and .dockerignore anyway. Do the same on a copy of the context.
            Path copy = null;
            try {
                copy = Files.createTempDirectory("devops-build-context");
                copyTree(context, copy);
                Files.writeString(copy.resolve(".dockerignore"), "\n!" + dockerfile + "\n!.dockerignore\n",
                        StandardOpenOption.APPEND);
                return build(copy, dockerfile, tag, buildArgs);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                deleteTree(copy);
            }
        }
        return result;
    }

    private static BuildResult build(Path context, String dockerfile, String tag, Map<String, String> buildArgs) {
        String previous = imageExists(tag) ? inspect(tag).getId() : null;
        BuildResult result = runBuild(context, dockerfile, tag, buildArgs);
        if (previous != null && result.imageId().isPresent() && !previous.contains(result.imageId().get())) {
            removeIfUnused(previous);   // the image this tag named before: now dangling
        }
        return result;
    }

    /**
     * Removes the dangling images our builds left (they carry {@code io.devops.test=build}); a backstop
     * for builds that were interrupted. Images of other builds are never touched.
     */
    public static void pruneTestImages() {
        client().pruneCmd(com.github.dockerjava.api.model.PruneType.IMAGES)
                .withDangling(true).withLabelFilter(TEST_LABEL + "=build").exec();
    }

    /** Removes an image that has no tag and that no container or child image uses; keeps it otherwise. */
    private static void removeIfUnused(String id) {
        try {
            List<String> tags = client().inspectImageCmd(id).exec().getRepoTags();
            if (tags == null || tags.isEmpty()) {
                client().removeImageCmd(id).withNoPrune(false).exec();
            }
        } catch (DockerException e) {
            // gone already, or used by a container or a child image: keep it
        }
    }

    private static BuildResult runBuild(Path context, String dockerfile, String tag, Map<String, String> buildArgs) {
        StringBuilder out = new StringBuilder();
        String[] error = {null};
        BuildImageResultCallback callback = new BuildImageResultCallback() {
            @Override
            public void onNext(BuildResponseItem item) {
                if (item.getStream() != null) {
                    synchronized (out) {
                        out.append(item.getStream());
                    }
                }
                if (item.getErrorDetail() != null) {
                    error[0] = item.getErrorDetail().getMessage();
                }
                super.onNext(item);
            }
        };
        String id = null;
        try {
            com.github.dockerjava.api.command.BuildImageCmd cmd = client().buildImageCmd();
            buildArgs.forEach(cmd::withBuildArg);
            cmd.withBaseDirectory(context.toFile())
                    .withDockerfile(context.resolve(dockerfile).toFile())
                    .withTags(Set.of(tag))
                    .withNetworkMode("none")
                    .withPull(false)
                    .withForcerm(true)
                    .withRemove(true)
                    .withLabels(Map.of(TEST_LABEL, "build"))
                    .exec(callback);
            id = callback.awaitImageId(20, TimeUnit.MINUTES);
        } catch (DockerException | com.github.dockerjava.api.exception.DockerClientException e) {
            if (error[0] == null) {
                error[0] = e.getMessage();
            }
        }
        String output;
        synchronized (out) {
            output = out.toString();
        }
        removeUnusedStepImages(output);
        return new BuildResult(Optional.ofNullable(id), output, Optional.ofNullable(error[0]));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp dir
        }
    }

    private static void removeUnusedStepImages(String buildOutput) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = STEP_IMAGE.matcher(buildOutput);
        while (m.find()) {
            ids.add(m.group(1));
        }
        List<String> reversed = new ArrayList<>(ids);
        java.util.Collections.reverse(reversed);
        for (String id : reversed) {
            removeIfUnused(id);
        }
    }

    /** How a container that ran to its end finished. */
    public record Exit(int code, String logs) {
    }

    /**
     * Runs {@code image} with {@code args} and no network until it exits (at most {@code timeout}),
     * then removes the container.
     */
    public static Exit runToExit(String image, Duration timeout, String... args) {
        String id = client().createContainerCmd(image)
                .withCmd(args)
                .withLabels(Map.of(TEST_LABEL, "run"))
                .withHostConfig(com.github.dockerjava.api.model.HostConfig.newHostConfig().withNetworkMode("none"))
                .exec().getId();
        try {
            client().startContainerCmd(id).exec();
            Integer code = client().waitContainerCmd(id).start()
                    .awaitStatusCode(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Exit(code, logs(id));
        } finally {
            removeContainer(id);
        }
    }

    /** The stdout and stderr of a container, as far as it got. */
    public static String logs(String containerId) {
        StringBuilder sb = new StringBuilder();
        try {
            client().logContainerCmd(containerId).withStdOut(true).withStdErr(true).withTailAll()
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            sb.append(new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
                        }
                    }).awaitCompletion(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (DockerException e) {
            sb.append("(no logs: ").append(e.getMessage()).append(')');
        }
        return sb.toString();
    }

    /** Removes a container (forced, with its anonymous volumes); ignores one that is already gone. */
    public static void removeContainer(String id) {
        try {
            client().removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // gone already
        }
    }

    /** Removes a network; ignores one that is already gone. */
    public static void removeNetwork(String id) {
        try {
            client().removeNetworkCmd(id).exec();
        } catch (NotFoundException e) {
            // gone already
        }
    }
}
