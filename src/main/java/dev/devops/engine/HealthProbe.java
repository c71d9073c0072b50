package dev.devops.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HealthCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A container's own healthcheck test, run by devops through exec while the container starts.
 *
 * <p>The engine runs the first check one {@code interval} after the start (30 s by default; engines
 * before API 1.44 know no {@code start_interval}), so a dependant of a database that is ready after
 * 0.3 s still waits the whole interval. devops runs the same test the same way the engine does (the
 * {@code CMD} argv, or {@code CMD-SHELL} through {@code /bin/sh -c}, in the container, as its user,
 * with its environment) soon after the start and then at a growing pace, and lets the dependant start
 * on the first pass. Failures never count against the service: the engine's own status stays the
 * judge of "unhealthy" (and of "healthy" for {@code --wait}). This is what {@code start_interval}
 * does on newer engines, done from the client side for the start order.
 */
final class HealthProbe {
    enum Result { PASSED, FAILED, UNAVAILABLE }

    private static final long DEFAULT_TIMEOUT_NANOS = 30_000_000_000L;
    /** The engine's interval when a healthcheck sets none. */
    private static final long DEFAULT_INTERVAL_NANOS = 30_000_000_000L;
    /**
     * At this interval or below the engine checks often enough by itself: measured on bench/stack (1 s), the
     * probes' execs only added load while PostgreSQL initialised (median 3.65 s with, 3.45 s without).
     */
    static final long MIN_INTERVAL_NANOS = 1_000_000_000L;

    private final DockerClient docker;
    private final String containerId;
    private final List<String> argv;
    private final long timeoutMillis;

    private HealthProbe(DockerClient docker, String containerId, List<String> argv, long timeoutMillis) {
        this.docker = docker;
        this.containerId = containerId;
        this.argv = argv;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * A probe for the container's healthcheck, or null when it has none that exec can run, or when its
     * interval is 1 s or less (then the engine's own first check comes as soon as a probe would help).
     */
    static HealthProbe of(DockerClient docker, String containerId, HealthCheck hc) {
        List<String> argv = hc == null ? null : argv(hc.getTest());
        if (argv == null) {
            return null;
        }
        long interval = hc.getInterval() == null || hc.getInterval() <= 0 ? DEFAULT_INTERVAL_NANOS : hc.getInterval();
        if (interval <= MIN_INTERVAL_NANOS) {
            return null;
        }
        long nanos = hc.getTimeout() == null || hc.getTimeout() <= 0 ? DEFAULT_TIMEOUT_NANOS : hc.getTimeout();
        return new HealthProbe(docker, containerId, argv, Math.max(1, nanos / 1_000_000));
    }

    /** The command the engine runs for a healthcheck {@code test}; null for none, NONE or an unknown form. */
    static List<String> argv(List<String> test) {
        if (test == null || test.size() < 2) {
            return null;
        }
        return switch (test.get(0)) {
            case "CMD" -> List.copyOf(test.subList(1, test.size()));
            case "CMD-SHELL" -> { // as the engine: the shell, then the rest as they are (sh -c takes the first)
                List<String> a = new ArrayList<>(List.of("/bin/sh", "-c"));
                a.addAll(test.subList(1, test.size()));
                yield List.copyOf(a);
            }
            default -> null;
        };
    }

    /**
     * Runs the test once. PASSED on exit code 0; FAILED on another code or when it does not end within
     * the healthcheck's timeout; UNAVAILABLE when exec itself is refused (e.g. the container stopped),
     * after which the caller relies on the engine's status alone.
     */
    Result run() {
        String execId;
        try {
            execId = docker.execCreateCmd(containerId).withCmd(argv.toArray(String[]::new))
                    .withAttachStdout(true).withAttachStderr(true).exec().getId();
        } catch (DockerException | EngineException e) {
            return Result.UNAVAILABLE;
        }
        try {
            boolean ended = docker.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>()).awaitCompletion(timeoutMillis, TimeUnit.MILLISECONDS);
            if (!ended) {
                return Result.FAILED;
            }
            Long code = docker.inspectExecCmd(execId).exec().getExitCodeLong();
            return code != null && code == 0 ? Result.PASSED : Result.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted", e);
        } catch (DockerException e) {
            return Result.UNAVAILABLE;
        }
    }

    @Override
    public String toString() {
        return new ArrayList<>(argv).toString();
    }
}
