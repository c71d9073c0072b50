package dev.devops.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What every verb of {@link StackEngine} shares: the engine client, the progress listener, the thread pool, and
 * the small queries over the engine's container listing (project containers, service, number, name). One verb a
 * file: {@link UpVerb}, {@link Waits}, {@link DownVerb}, {@link PsVerb}, {@link LogsVerb}.
 */
abstract class StackVerb {
    static final Duration POLL = Duration.ofMillis(100);
    static final int DEFAULT_STOP_SECONDS = 10;

    final EngineClient client;
    final EngineListener listener;
    final ExecutorService pool;

    StackVerb(EngineClient client, EngineListener listener, ExecutorService pool) {
        this.client = client;
        this.listener = listener;
        this.pool = pool;
    }

    final DockerClient docker() {
        return client.docker();
    }

    List<Container> projectContainers(String project) {
        return DockerCalls.call("list containers", () -> docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ComposeLabels.PROJECT, project)).exec())
                .stream()
                .filter(c -> c.getLabels() != null && !"True".equalsIgnoreCase(c.getLabels().get(ComposeLabels.ONEOFF)))
                .toList();
    }

    static Map<String, List<Container>> groupByService(List<Container> cs) {
        Map<String, List<Container>> out = new LinkedHashMap<>();
        for (Container c : cs) {
            String svc = c.getLabels().get(ComposeLabels.SERVICE);
            if (svc != null) {
                out.computeIfAbsent(svc, k -> new ArrayList<>()).add(c);
            }
        }
        return out;
    }

    static int number(Container c) {
        try {
            return Integer.parseInt(c.getLabels().getOrDefault(ComposeLabels.NUMBER, "1"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static String name(Container c) {
        String[] names = c.getNames();
        return names == null || names.length == 0 ? c.getId().substring(0, 12) : names[0].replaceFirst("^/", "");
    }

    static String containerName(StackSpec stack, ServiceSpec s, int number) {
        return stack.project() + "-" + s.name() + "-" + number;
    }

    static int stopSeconds(ServiceSpec s) {
        return s.stopGracePeriod() == null ? DEFAULT_STOP_SECONDS : (int) Math.max(0, s.stopGracePeriod().toSeconds());
    }

    static String shortId(String id) {
        String s = id.replace("sha256:", "");
        return s.length() > 12 ? s.substring(0, 12) : s;
    }

    InspectContainerResponse inspect(String id) {
        return DockerCalls.call("inspect container " + id.substring(0, Math.min(12, id.length())),
                () -> docker().inspectContainerCmd(id).exec());
    }

    /** The last {@code n} lines a container wrote, for error details. */
    String lastLogs(String id, int n) {
        StringBuilder sb = new StringBuilder();
        try {
            docker().logContainerCmd(id).withStdOut(true).withStdErr(true).withTail(n)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame f) {
                            synchronized (sb) {
                                sb.append(new String(f.getPayload(), StandardCharsets.UTF_8));
                            }
                        }
                    }).awaitCompletion(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            return "";
        }
        synchronized (sb) {
            return sb.length() == 0 ? "" : "last output:\n" + sb.toString().stripTrailing();
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted", e);
        }
    }


    final void stopAndRemove(Container c, int stopSeconds, boolean volumes) {
        stop(c, stopSeconds);
        remove(c, volumes);
    }

    /** Stops {@code c} when it runs (or restarts, or is paused), with the grace period {@code stopSeconds}. */
    final void stop(Container c, int stopSeconds) {
        if (!("running".equals(c.getState()) || "restarting".equals(c.getState()) || "paused".equals(c.getState()))) {
            return;
        }
        String name = name(c);
        listener.event(new ServiceEvent(c.getLabels().getOrDefault(ComposeLabels.SERVICE, "?"), name, ServiceState.STOPPING, ""));
        try {
            docker().stopContainerCmd(c.getId()).withTimeout(stopSeconds).exec();
        } catch (NotModifiedException | NotFoundException e) {
            // stopped or gone meanwhile
        } catch (DockerException e) {
            throw DockerCalls.fail("remove container " + name, e);
        }
    }

    /** Removes the (stopped) container {@code c}, with its anonymous volumes when {@code volumes}. */
    final void remove(Container c, boolean volumes) {
        String name = name(c);
        try {
            docker().removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(volumes).exec();
            listener.event(new ServiceEvent(c.getLabels().getOrDefault(ComposeLabels.SERVICE, "?"), name, ServiceState.REMOVED, "removed"));
        } catch (NotFoundException e) {
            // gone already
        } catch (DockerException e) {
            throw DockerCalls.fail("remove container " + name, e);
        }
    }

    // ------------------------------------------------------------------ ps / logs / attach

    /**
     * A wait limit shared by every wait of one operation, whether its health waits probe early, and the project's
     * container events that wake those waits (null: they poll every {@link #POLL}).
     */
    static final class Deadline {
        final Duration timeout;
        final boolean probe;
        final long end;
        final ContainerEvents events;

        Deadline(Duration timeout) {
            this(timeout, false, null);
        }

        Deadline(Duration timeout, boolean probe, ContainerEvents events) {
            this.probe = probe;
            this.timeout = timeout;
            this.events = events;
            this.end = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        }

        boolean passed() {
            return System.nanoTime() > end;
        }

        /** When this operation's start call of each container it started returned (System.nanoTime). */
        private final java.util.Map<String, Long> started = new java.util.concurrent.ConcurrentHashMap<>();

        /** Records that this operation started container {@code id} just now. */
        void started(String id) {
            started.put(id, System.nanoTime());
        }

        /** When this operation started container {@code id} (System.nanoTime), or null when it did not. */
        Long startedAt(String id) {
            return started.get(id);
        }

        /** Events of container {@code id} so far (0 without events): take it before reading its state. */
        long seen(String id) {
            return events == null ? 0 : events.seen(id);
        }

        /**
         * Sleeps until the engine reports a change of container {@code id} after {@code seen} or {@code withEvents}
         * has passed; with no event stream, for {@code poll} (a poll's pause).
         */
        void pause(String id, long seen, Duration poll, Duration withEvents) {
            if (events == null) {
                sleep(poll);
            } else {
                long left = Math.max(1_000_000L, end - System.nanoTime()); // never past the deadline by a safety net
                events.await(id, seen, withEvents.toNanos() < left ? withEvents : Duration.ofNanos(left));
            }
        }
    }

}
