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
 * before API 1.44 know no {@code start_interval}) and each next one an interval after the last ended, so a
 * dependant of a database that is ready after 0.3 s still waits the whole interval, and one that becomes ready
 * just after a failed check waits another. devops runs the same test the same way the engine does (the
 * {@code CMD} argv, or {@code CMD-SHELL} through {@code /bin/sh -c}, in the container, as its user, with its
 * environment) and lets the dependant start on the first pass. Failures never count against the service: the
 * engine's own status stays the judge of "unhealthy" (and of "healthy" for {@code --wait}). This is what
 * {@code start_interval} does on newer engines, done from the client side for the start order.
 *
 * <p>When it runs ({@link #firstDelayNanos}, {@link #pauseNanos}): for an interval over
 * {@link #SHORT_INTERVAL_NANOS}, at once and then 0.1 s, 0.2 s, … up to 0.5 s apart (the engine's first check is
 * far). For a short one, once per interval, half an interval off the engine's checks: half an interval after the
 * container's start (as this {@code up} saw it; else after the wait began), then on that phase one interval plus a
 * check's run apart, as the engine paces its own (each check one interval after the last ended); a late first probe
 * (the wait began after its time) runs at once without shifting the later ones ({@link #nextShortProbe}). That saves half an interval
 * whenever the service becomes ready in the first half after one of the engine's checks, for one exec per interval;
 * probing faster (0.1 s apart) cost more than it saved while PostgreSQL initialised (bench/stack, 1 s interval:
 * median 3.65 s with, 3.45 s without, docs/BENCHMARKS.md), each exec being ~60 ms of the engine's CPU.
 */
final class HealthProbe {
    enum Result { PASSED, FAILED, UNAVAILABLE }

    private static final long DEFAULT_TIMEOUT_NANOS = 30_000_000_000L;
    /** The engine's interval when a healthcheck sets none. */
    private static final long DEFAULT_INTERVAL_NANOS = 30_000_000_000L;
    /** At this interval or below the probes go between the engine's checks, one per interval. */
    static final long SHORT_INTERVAL_NANOS = 1_000_000_000L;
    private static final long PAUSE_STEP_NANOS = 100_000_000L;
    private static final long PAUSE_MAX_NANOS = 500_000_000L;

    private final DockerClient docker;
    private final String containerId;
    private final List<String> argv;
    private final long timeoutMillis;
    /** The healthcheck's interval (the engine's default when it sets none). */
    private final long intervalNanos;
    /** When the next probe is due (System.nanoTime), and how many ran. */
    private long nextAt;
    private int runs;
    /** Short intervals: when the first probe is due (System.nanoTime); the later ones keep its phase. */
    private final long anchor;

    private HealthProbe(DockerClient docker, String containerId, List<String> argv, long timeoutMillis, long intervalNanos,
            long startedAt) {
        this.docker = docker;
        this.containerId = containerId;
        this.argv = argv;
        this.timeoutMillis = timeoutMillis;
        this.intervalNanos = intervalNanos;
        this.anchor = startedAt + firstDelayNanos(intervalNanos);
        this.nextAt = anchor;
    }

    /** How long after the wait begins the first probe runs, for a healthcheck interval of {@code interval} ns. */
    static long firstDelayNanos(long interval) {
        return interval <= SHORT_INTERVAL_NANOS ? interval / 2 : 0;
    }

    /** The pause after probe number {@code runs} (1 = the first) ended, before the next. */
    static long pauseNanos(long interval, int runs) {
        return interval <= SHORT_INTERVAL_NANOS ? interval : Math.min(PAUSE_MAX_NANOS, runs * PAUSE_STEP_NANOS);
    }

    /**
     * A short interval's next probe after one that took {@code took} ns and ended at {@code endedAt}: on the phase of
     * {@code anchor} (half an interval after the start, between the engine's checks), one interval plus a check's run
     * apart, as the engine's own checks are, and at least half an interval after the last probe. A probe that ran
     * late (the wait began after its time) does not shift the later ones onto the engine's checks.
     */
    static long nextShortProbe(long anchor, long interval, long took, long endedAt) {
        long period = interval + Math.max(0, took);
        long from = endedAt + interval / 2 - anchor;
        long m = from <= 0 ? 1 : (from + period - 1) / period;
        return anchor + Math.max(1, m) * period;
    }

    /** Nanoseconds until the next probe is due (0 or less: now). */
    long untilDue() {
        return nextAt - System.nanoTime();
    }

    /**
     * A probe for the container's healthcheck, or null when it has none that exec can run. {@code startedAt}: when the
     * container was started (System.nanoTime; the engine's first check comes one interval later), null when not
     * known (then the schedule counts from now).
     */
    static HealthProbe of(DockerClient docker, String containerId, HealthCheck hc, Long startedAt) {
        List<String> argv = hc == null ? null : argv(hc.getTest());
        if (argv == null) {
            return null;
        }
        long interval = hc.getInterval() == null || hc.getInterval() <= 0 ? DEFAULT_INTERVAL_NANOS : hc.getInterval();
        long nanos = hc.getTimeout() == null || hc.getTimeout() <= 0 ? DEFAULT_TIMEOUT_NANOS : hc.getTimeout();
        return new HealthProbe(docker, containerId, argv, Math.max(1, nanos / 1_000_000), interval,
                startedAt == null ? System.nanoTime() : startedAt);
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
        long began = System.nanoTime();
        try {
            return once();
        } finally {
            runs++;
            long ended = System.nanoTime();
            nextAt = intervalNanos <= SHORT_INTERVAL_NANOS ? nextShortProbe(anchor, intervalNanos, ended - began, ended)
                    : ended + pauseNanos(intervalNanos, runs);
        }
    }

    private Result once() {
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
