package dev.devops.engine;

import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * The waits of {@code up} and {@code attach}: a dependency's condition before its dependant starts, {@code --wait}'s
 * readiness (healthy, or running steadily), a one-shot's exit. Polls container-inspect; with the health probe a
 * dependency's own healthcheck runs early ({@link HealthProbe}).
 */
final class Waits extends StackVerb {
    /**
     * --wait for a service without a healthcheck: it must have run this long without exiting or being
     * restarted (a crash-looping app is "running" between its restarts; most fail within seconds of starting).
     */
    static final Duration STEADY = Duration.ofSeconds(5);

    Waits(EngineClient client, EngineListener listener, ExecutorService pool) {
        super(client, listener, pool);
    }

    void waitDependencies(StackSpec stack, ServiceSpec s, Map<String, List<String>> ready, Deadline deadline) {
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        for (Map.Entry<String, DependencySpec> e : s.dependsOn().entrySet()) {
            String dep = e.getKey();
            DependencySpec d = e.getValue();
            List<String> ids = ready.get(dep);
            if (ids == null || ids.isEmpty()) {
                if (d.required() && stack.service(dep).map(x -> x.scale() > 0).orElse(false)) {
                    throw new EngineException("service " + s.name() + " is missing dependency " + dep);
                }
                continue;
            }
            for (String id : ids) {
                waits.add(CompletableFuture.runAsync(() -> {
                    try {
                        waitCondition(s.name(), dep, id, d.condition(), deadline);
                    } catch (EngineException ex) {
                        if (d.required()) {
                            throw ex;
                        }
                        listener.event(new ServiceEvent(s.name(), null, ServiceState.WARNING,
                                "optional dependency " + dep + " failed: " + ex.getMessage()));
                    }
                }, pool));
            }
        }
        if (!waits.isEmpty()) {
            listener.event(new ServiceEvent(s.name(), null, ServiceState.WAITING, "waiting for " +
                    String.join(", ", s.dependsOn().keySet())));
        }
        DockerCalls.join(waits);
    }

    private void waitCondition(String dependant, String dep, String id, String condition, Deadline deadline) {
        switch (condition) {
            case DependencySpec.HEALTHY -> waitHealthy(dep, id, deadline, "dependency " + dep + " of " + dependant, null,
                    0, deadline.probe, -1);
            case DependencySpec.COMPLETED -> {
                long code = waitExit(dep, id, deadline);
                if (code != 0) {
                    throw new EngineException("dependency " + dep + " of " + dependant + " exited with code " + code
                            + " (service_completed_successfully needs 0)", lastLogs(id, 20), null);
                }
                listener.event(new ServiceEvent(dep, null, ServiceState.EXITED, "completed successfully"));
            }
            default -> {
                InspectContainerResponse r = inspect(id);
                if (r.getState() != null && Boolean.FALSE.equals(r.getState().getRunning())
                        && r.getState().getExitCodeLong() != null && r.getState().getExitCodeLong() != 0) {
                    throw new EngineException("dependency " + dep + " of " + dependant + " exited with code "
                            + r.getState().getExitCodeLong(), lastLogs(id, 20), null);
                }
            }
        }
    }

    /**
     * --wait: healthy when the container has a healthcheck, else running steadily for {@link #STEADY} (or exited
     * 0 for one-shots). Never ready while the container is restarting or has been restarted since it started
     * (since this up started it, when {@code fresh}; else since the wait began): that fails, with its last log
     * lines, as compose v2's --wait does.
     */
    void waitReady(ServiceSpec s, String id, Deadline deadline, boolean oneShot, boolean fresh) {
        long seen = deadline.seen(id);
        InspectContainerResponse r = inspect(id);
        boolean hasHealth = r.getState() != null && r.getState().getHealth() != null;
        if (oneShot) {
            long code = waitExit(s.name(), id, deadline);
            if (code != 0) {
                throw new EngineException("service " + s.name() + " exited with code " + code, lastLogs(id, 20), null);
            }
            return;
        }
        int baseline = fresh ? 0 : restarts(r);
        if (hasHealth) {
            waitHealthy(s.name(), id, deadline, "service " + s.name(), r, seen, false, baseline);
        } else {
            waitSteady(s.name(), id, deadline, r, seen, baseline);
        }
    }

    /** Until the container has run {@link #STEADY} with no exit and no restart. */
    private void waitSteady(String service, String id, Deadline deadline, InspectContainerResponse first, long firstSeen,
            int baseline) {
        long seenSince = System.nanoTime();
        InspectContainerResponse known = first;
        long seen = firstSeen;
        boolean reported = false;
        while (true) {
            if (known == null) {
                seen = deadline.seen(id);
            }
            InspectContainerResponse r = known != null ? known : inspect(id);
            known = null;
            String name = r.getName() == null ? id : r.getName().replaceFirst("^/", "");
            failIfCrashed("service " + service, name, id, r, baseline);
            InspectContainerResponse.ContainerState st = r.getState();
            Duration up = Duration.ofNanos(System.nanoTime() - seenSince);
            Duration sinceStart = runningFor(st);
            if (sinceStart != null && sinceStart.compareTo(up) > 0) {
                up = sinceStart;
            }
            if (up.compareTo(STEADY) >= 0) {
                listener.event(new ServiceEvent(service, name, ServiceState.RUNNING, "running"));
                return;
            }
            if (!reported) {
                listener.event(new ServiceEvent(service, name, ServiceState.WAITING,
                        "no healthcheck: waiting " + STEADY.toSeconds() + " s for it to keep running"));
                reported = true;
            }
            if (deadline.passed()) {
                throw new EngineException("service " + service + " (" + name + ") did not run steadily for "
                        + STEADY.toSeconds() + " s within " + deadline.timeout.toSeconds() + " s", lastLogs(id, 20), null);
            }
            // woken early only by an exit or restart; else checked again when the steady time is up
            deadline.pause(id, seen, POLL.multipliedBy(5), STEADY.minus(up));
        }
    }

    /** How long the container has been running since its (last) start, by the engine's clock; null if unknown. */
    private static Duration runningFor(InspectContainerResponse.ContainerState st) {
        try {
            java.time.Instant at = java.time.Instant.parse(st.getStartedAt());
            Duration d = Duration.between(at, java.time.Instant.now());
            return d.isNegative() ? Duration.ZERO : d;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int restarts(InspectContainerResponse r) {
        return r.getRestartCount() == null ? 0 : r.getRestartCount();
    }

    /**
     * Fails when the container exited, is restarting, or was restarted more than {@code baseline} times (a
     * restart policy brings a crashing app back up, so "running" alone proves nothing). {@code baseline} -1:
     * only exits and the restarting state count.
     */
    private void failIfCrashed(String who, String name, String id, InspectContainerResponse r, int baseline) {
        InspectContainerResponse.ContainerState st = r.getState();
        if (st == null) {
            throw new EngineException(who + " (" + name + "): the engine reports no state", lastLogs(id, 20), null);
        }
        int restarts = restarts(r);
        boolean restarting = Boolean.TRUE.equals(st.getRestarting());
        if (restarting || (baseline >= 0 && restarts > baseline)) {
            int times = baseline >= 0 ? restarts - baseline : restarts;
            Long code = st.getExitCodeLong();
            // between restarts the engine reports the last exit code; once running again it reads 0
            throw new EngineException(who + " (" + name + ") is restarting in a loop: it exited"
                    + (code != null && code != 0 ? " with code " + code : "")
                    + (times > 0 ? " and was restarted " + times + (times == 1 ? " time" : " times") : "")
                    + " since it started", lastLogs(id, 20), null);
        }
        if (!Boolean.TRUE.equals(st.getRunning())) {
            throw new EngineException(who + " (" + name + ") exited with code " + st.getExitCodeLong(), lastLogs(id, 20), null);
        }
    }

    /**
     * Polls the engine's health status until healthy; with {@code probe} also runs the container's
     * healthcheck test itself ({@link HealthProbe}, on its schedule: between the engine's checks), and counts its
     * first pass as healthy. Dependencies are waited for with the probe (a dependant starts as soon as
     * its dependency passes the check); {@code --wait} is not: it returns when the engine itself reports
     * every service healthy, so {@code docker ps} agrees with it. {@code first} is an inspect result the
     * caller already has (or null).
     */
    private void waitHealthy(String service, String id, Deadline deadline, String who, InspectContainerResponse first,
            long firstSeen, boolean probe, int baseline) {
        boolean reported = false;
        InspectContainerResponse known = first;
        long seen = firstSeen;
        HealthProbe prober = null;
        boolean probing = probe;
        while (true) {
            if (known == null) {
                seen = deadline.seen(id);
            }
            InspectContainerResponse r = known != null ? known : inspect(id);
            known = null;
            String name = r.getName() == null ? id : r.getName().replaceFirst("^/", "");
            InspectContainerResponse.ContainerState st = r.getState();
            HealthState h = st == null ? null : st.getHealth();
            if (h == null) {
                throw new EngineException(who + " has no healthcheck: add one, or use condition service_started");
            }
            if (Boolean.TRUE.equals(st.getRunning())) {
                failIfCrashed(who, name, id, r, baseline);
            }
            if (!Boolean.TRUE.equals(st.getRunning())) {
                throw new EngineException(who + " (" + name + ") exited with code " + st.getExitCodeLong()
                        + " before it became healthy", lastLogs(id, 20), null);
            }
            if ("healthy".equals(h.getStatus())) {
                listener.event(new ServiceEvent(service, name, ServiceState.HEALTHY, "healthy"));
                return;
            }
            if ("unhealthy".equals(h.getStatus())) {
                throw new EngineException(who + " (" + name + ") is unhealthy: " + lastHealthOutput(h).lines()
                        .findFirst().orElse("no output"), healthLog(h), null);
            }
            if (!reported) {
                listener.event(new ServiceEvent(service, name, ServiceState.WAITING, "waiting to be healthy"));
                reported = true;
            }
            if (deadline.passed()) {
                throw new EngineException(who + " (" + name + ") was not healthy within " + deadline.timeout.toSeconds()
                        + " s (health: " + h.getStatus() + ")", healthLog(h), null);
            }
            if (probing && prober == null) {
                prober = HealthProbe.of(docker(), id, r.getConfig() == null ? null : r.getConfig().getHealthcheck(),
                        deadline.startedAt(id));
                probing = prober != null;
            }
            if (probing && prober.untilDue() <= 0) {
                HealthProbe.Result res = prober.run();
                if (res == HealthProbe.Result.PASSED) {
                    listener.event(new ServiceEvent(service, name, ServiceState.HEALTHY, "healthy (check passed)"));
                    return;
                }
                probing = res == HealthProbe.Result.FAILED;
            }
            if (probing) {
                // until the next probe is due, or the engine reports a change (its own check passed, an exit)
                Duration next = Duration.ofNanos(Math.max(1_000_000L, prober.untilDue()));
                deadline.pause(id, seen, next.compareTo(POLL) < 0 ? next : POLL, next);
            } else {
                // the engine's health_status event (or an exit) wakes this at once
                deadline.pause(id, seen, POLL, ContainerEvents.SAFETY_NET);
            }
        }
    }

    long waitExit(String service, String id, Deadline deadline) {
        while (true) {
            long seen = deadline.seen(id);
            InspectContainerResponse r = inspect(id);
            if (r.getState() != null && !Boolean.TRUE.equals(r.getState().getRunning())
                    && !"created".equals(r.getState().getStatus())) {
                Long code = r.getState().getExitCodeLong();
                return code == null ? -1 : code;
            }
            if (deadline.passed()) {
                throw new EngineException("service " + service + " did not exit within " + deadline.timeout.toSeconds() + " s");
            }
            deadline.pause(id, seen, POLL, ContainerEvents.SAFETY_NET);
        }
    }

    private static String lastHealthOutput(HealthState h) {
        List<HealthStateLog> log = h.getLog();
        if (log == null || log.isEmpty()) {
            return "";
        }
        String out = log.get(log.size() - 1).getOutput();
        return out == null ? "" : out.strip();
    }

    private static String healthLog(HealthState h) {
        List<HealthStateLog> log = h.getLog();
        if (log == null || log.isEmpty()) {
            return "(no health-check runs yet)";
        }
        HealthStateLog last = log.get(log.size() - 1);
        return "last health check (exit code " + last.getExitCodeLong() + "):\n" + (last.getOutput() == null ? "" : last.getOutput().stripTrailing());
    }

    // ------------------------------------------------------------------ down / stop
}
