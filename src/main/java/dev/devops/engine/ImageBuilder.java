package dev.devops.engine;

import dev.devops.core.InputFiles;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.model.BuildResponseItem;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a service image through the Engine API, which is the classic builder: BuildKit-only
 * Dockerfile features are refused before anything is sent, with a message that says so.
 */
public final class ImageBuilder {
    private static final int TAIL = 20;
    private static final Pattern BUILDKIT_RUN_FLAG = Pattern.compile("(?i)^\\s*RUN\\s+(?:--\\S+\\s+)*--(mount|network|security)[=\\s]");
    private static final Pattern HEREDOC = Pattern.compile("(?i)^\\s*(RUN|COPY|ADD)\\b.*<<-?\\s*[\"']?[A-Za-z_]+");
    private static final Pattern SYNTAX = Pattern.compile("(?i)^#\\s*syntax\\s*=\\s*(\\S+)");
    private static final Pattern COPY_LINK = Pattern.compile("(?i)^\\s*(COPY|ADD)\\s+(?:--\\S+\\s+)*--(link|parents|exclude)\\b");

    private final DockerClient docker;
    private final String networkMode;
    private final Long contextMtime;

    /**
     * @param networkMode network for RUN steps; null for the engine default, "none" for offline builds
     */
    public ImageBuilder(DockerClient docker, String networkMode) {
        this(docker, networkMode, null);
    }

    /**
     * @param contextMtime every context entry's mtime in epoch seconds (a reproducible context), or null for the files' own
     */
    public ImageBuilder(DockerClient docker, String networkMode, Long contextMtime) {
        this.docker = docker;
        this.networkMode = networkMode;
        this.contextMtime = contextMtime;
    }

    /**
     * Builds {@code build}, tags it {@code tag} and returns the image id. Build output goes line by
     * line to {@code listener}; a failing step raises an {@link EngineException} carrying the last
     * lines of its output.
     */
    public String build(String service, BuildSpec build, Path workingDir, String tag, EngineListener listener) {
        Path context = workingDir.resolve(build.context()).normalize();
        if (!Files.isDirectory(context)) {
            throw new EngineException("service " + service + ": build context " + context + " is not a directory");
        }
        Path dockerfile = context.resolve(build.dockerfile()).normalize();
        if (!Files.isRegularFile(dockerfile)) {
            throw new EngineException("service " + service + ": Dockerfile " + dockerfile + " not found");
        }
        if (!dockerfile.startsWith(context)) {
            throw new EngineException("service " + service + ": Dockerfile " + dockerfile + " is outside the build context "
                    + context + ": move it into the context or widen the context");
        }
        checkClassicBuilder(service, dockerfile);
        // the context goes through a temp file, not memory: an unignored node_modules can be large
        Path tar;
        try {
            tar = Files.createTempFile("devops-context-", ".tar");
        } catch (IOException e) {
            throw new EngineException("service " + service + ": cannot create a temp file for the build context: " + e.getMessage(), e);
        }
        try (InputStream in = writeContext(context, dockerfile, tar, contextMtime)) {
            return run(service, build, context, dockerfile, tag, listener, in);
        } catch (IOException e) {
            throw new EngineException("service " + service + ": cannot read the build context: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tar);
            } catch (IOException ignored) {
                // a temp file left in /tmp
            }
        }
    }

    private static InputStream writeContext(Path context, Path dockerfile, Path tar, Long mtime) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tar))) {
            BuildContext.write(context, context.relativize(dockerfile).toString().replace('\\', '/'), out, mtime);
        }
        return new BufferedInputStream(Files.newInputStream(tar));
    }

    private String run(String service, BuildSpec build, Path context, Path dockerfile, String tag, EngineListener listener,
            InputStream tar) {
        BuildImageCmd cmd = docker.buildImageCmd(tar)
                .withDockerfilePath(context.relativize(dockerfile).toString().replace('\\', '/'))
                .withTags(Set.of(tag))
                .withPull(false)
                .withRemove(true)
                .withForcerm(true);
        build.args().forEach(cmd::withBuildArg);
        if (build.target() != null && !build.target().isBlank()) {
            cmd.withTarget(build.target());
        }
        if (!build.labels().isEmpty()) {
            cmd.withLabels(build.labels());
        }
        if (networkMode != null) {
            cmd.withNetworkMode(networkMode);
        }
        Collector c = new Collector(service, listener);
        try {
            cmd.exec(c).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("service " + service + ": build interrupted", e);
        } catch (RuntimeException e) {
            if (c.error == null) {
                c.error = EngineClient.rootMessage(e);
            }
        }
        if (c.error != null) {
            throw failure(service, c);
        }
        if (c.imageId == null || c.imageId.replace("sha256:", "").length() < 64) {
            try {
                c.imageId = docker.inspectImageCmd(tag).exec().getId();
            } catch (RuntimeException e) {
                throw new EngineException("service " + service + ": the build finished without an image", c.tail(), e);
            }
        }
        return c.imageId.startsWith("sha256:") ? c.imageId : "sha256:" + c.imageId;
    }

    private static EngineException failure(String service, Collector c) {
        return failure(service, c.error, c.tail());
    }

    /** The build error as an exception; the engine's "requires BuildKit" text gets the classic-builder advice. */
    static EngineException failure(String service, String error, String stepOutput) {
        String err = error.strip();
        if (err.toLowerCase(Locale.ROOT).contains("buildkit")) {
            return new EngineException("service " + service + ": the Dockerfile needs BuildKit (" + err.lines().findFirst().orElse(err)
                    + "); the Engine API build used by devops is the classic builder: remove the BuildKit-only "
                    + "syntax (RUN --mount, heredocs) or build the image with `docker buildx build` first",
                    stepOutput, null);
        }
        return new EngineException("service " + service + ": build failed: " + err.lines().findFirst().orElse(err),
                stepOutput, null);
    }

    /** Refuses Dockerfiles that only BuildKit understands, naming the line. */
    static void checkClassicBuilder(String service, Path dockerfile) {
        List<String> lines;
        try {
            lines = InputFiles.readText(dockerfile, InputFiles.MAX_CONFIG_BYTES).lines().toList();
        } catch (IOException e) {
            throw new EngineException("service " + service + ": cannot read " + dockerfile + ": " + e.getMessage(), e);
        }
        boolean header = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String what = null;
            if (header) {
                Matcher m = SYNTAX.matcher(line.strip());
                if (m.find() && !m.group(1).matches("(docker\\.io/)?docker/dockerfile(:1(\\.\\d+)*)?")) {
                    what = "a '# syntax=" + m.group(1) + "' frontend directive";
                }
                if (!line.strip().startsWith("#") && !line.isBlank()) {
                    header = false;
                }
            }
            if (what == null && BUILDKIT_RUN_FLAG.matcher(line).find()) {
                Matcher m = BUILDKIT_RUN_FLAG.matcher(line);
                m.find();
                what = "RUN --" + m.group(1).toLowerCase(Locale.ROOT);
            } else if (what == null && COPY_LINK.matcher(line).find()) {
                Matcher m = COPY_LINK.matcher(line);
                m.find();
                what = m.group(1).toUpperCase(Locale.ROOT) + " --" + m.group(2).toLowerCase(Locale.ROOT);
            } else if (what == null && HEREDOC.matcher(line).find()) {
                what = "a heredoc (<<EOF)";
            }
            if (what != null) {
                throw new EngineException(dockerfile + ":" + (i + 1) + ": service " + service + " uses " + what
                        + ", which needs BuildKit; the Engine API build used by devops is the classic builder: "
                        + "remove it (e.g. drop the cache mount) or build the image with `docker buildx build` first");
            }
        }
    }

    /** Streams build output to the listener, keeps the current step's last lines and the image id. */
    private static final class Collector extends ResultCallback.Adapter<BuildResponseItem> {
        private final String service;
        private final EngineListener listener;
        private final Deque<String> step = new ArrayDeque<>();
        private final StringBuilder partial = new StringBuilder();
        volatile String error;
        volatile String imageId;

        Collector(String service, EngineListener listener) {
            this.service = service;
            this.listener = listener;
        }

        @Override
        @SuppressWarnings("deprecation") // getError(): the only text some engine errors carry
        public void onNext(BuildResponseItem item) {
            if (item.getStream() != null) {
                partial.append(item.getStream());
                int nl;
                while ((nl = partial.indexOf("\n")) >= 0) {
                    line(partial.substring(0, nl));
                    partial.delete(0, nl + 1);
                }
            }
            if (item.getImageId() != null) {
                imageId = item.getImageId();
            }
            if (item.isErrorIndicated()) {
                error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                        ? item.getErrorDetail().getMessage() : item.getError();
            }
        }

        private void line(String l) {
            String s = l.stripTrailing();
            if (s.startsWith("Step ") && s.contains("/")) {
                step.clear();
            }
            Matcher m = Pattern.compile("^Successfully built ([0-9a-f]{12,64})$").matcher(s);
            if (m.matches() && imageId == null) {
                imageId = m.group(1);
            }
            step.addLast(s);
            while (step.size() > TAIL) {
                step.removeFirst();
            }
            listener.buildOutput(service, s);
        }

        String tail() {
            if (partial.length() > 0) {
                line(partial.toString());
                partial.setLength(0);
            }
            return String.join("\n", step);
        }
    }
}
