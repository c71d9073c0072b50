package dev.devops.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.StreamType;
import dev.devops.core.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Runs a {@link StackSpec} on the Docker engine, the way docker compose v2 does: {@link #up} builds
 * missing images, computes a {@link Plan} by comparing config hashes with the containers' labels,
 * then applies it level by level in dependency order (each level in parallel), waiting for each
 * dependency's condition before starting a service. Also {@link #down}, {@link #ps}, {@link #logs}
 * and {@link #attach}. Reports progress to its {@link EngineListener}; never prints.
 */
public final class StackEngine implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration PROBE_PAUSE_MAX = Duration.ofMillis(500);
    /**
     * --wait for a service without a healthcheck: it must have run this long without exiting or being
     * restarted (a crash-looping app is "running" between its restarts; most fail within seconds of starting).
     */
    static final Duration STEADY = Duration.ofSeconds(5);
    private static final int DEFAULT_STOP_SECONDS = 10;

    private final EngineClient client;
    private final EngineListener listener;
    private final String buildNetwork;
    private final ExecutorService pool;

    /**
     * @param client       the engine (connected lazily)
     * @param listener     receives progress
     * @param buildNetwork network for build RUN steps: null for the engine default, "none" offline
     */
    public StackEngine(EngineClient client, EngineListener listener, String buildNetwork) {
        this.client = client;
        this.listener = listener == null ? EngineListener.NONE : listener;
        this.buildNetwork = buildNetwork;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "devops-engine-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public StackEngine(EngineClient client, EngineListener listener) {
        this(client, listener, null);
    }

    private DockerClient docker() {
        return client.docker();
    }

    // ------------------------------------------------------------------ up

    /**
     * Brings the stack up and returns the plan that was applied. Throws {@link EngineException} when
     * a build, a container, a dependency or (with {@code waitHealthy}) a healthcheck fails, and
     * {@link UserError} for a dependency cycle or an unknown service.
     */
    public Plan up(StackSpec stack, UpOptions opts) {
        DependencyGraph graph = DependencyGraph.of(stack);
        Set<String> selected = opts.services().isEmpty()
                ? new LinkedHashSet<>(stack.services().stream().map(ServiceSpec::name).toList())
                : graph.withDependencies(opts.services());
        List<Container> existing = projectContainers(stack.project());
        if (!existing.isEmpty()) {
            return up(stack, opts, graph, selected, existing);
        }
        try {
            return up(stack, opts, graph, selected, existing);
        } catch (RuntimeException e) {
            rollBack(stack, e);
            throw e;
        }
    }

    /**
     * A first up (no container of the project existed) that failed is undone: its containers and networks are
     * removed (volumes are kept), so nothing is left that only {@code down} would clear. The failure's own
     * message already carries what the user needs (build output, healthcheck log). Best effort: a rollback that
     * fails too is attached to the original error.
     */
    private void rollBack(StackSpec stack, RuntimeException cause) {
        try {
            listener.event(new ServiceEvent(stack.project(), null, ServiceState.WARNING,
                    "the first up of " + stack.project() + " failed: removing its containers and networks"));
            down(stack, DownOptions.defaults());
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private Plan up(StackSpec stack, UpOptions opts, DependencyGraph graph, Set<String> selected, List<Container> existing) {
        CompletableFuture<Void> resources = CompletableFuture.runAsync(() -> ensureResources(stack, selected), pool);
        Map<String, String> imageIds;
        try {
            imageIds = resolveImages(stack, selected, opts.build());
        } catch (RuntimeException e) {
            resources.exceptionally(t -> null).join(); // leave nothing half-created behind the error
            throw e;
        }
        DockerCalls.join(List.of(resources));
        Plan plan = Planner.plan(stack, graph, selected, existing, imageIds, opts.forceRecreate());
        if (!plan.upToDate()) {
            client.warmInspect(); // the waits ahead read container-inspect answers
        }
        listener.planned(plan);
        for (String orphan : plan.orphans()) {
            listener.event(new ServiceEvent(orphan, null, ServiceState.ORPHAN, opts.removeOrphans()
                    ? "removing orphan container" : "orphan container (service no longer defined); use --remove-orphans"));
        }
        if (opts.removeOrphans() && !plan.orphans().isEmpty()) {
            Set<String> orphanServices = new LinkedHashSet<>(plan.orphans());
            List<Container> orphans = existing.stream()
                    .filter(c -> orphanServices.contains(c.getLabels().get(ComposeLabels.SERVICE))).toList();
            DockerCalls.join(orphans.stream().map(c -> CompletableFuture.runAsync(
                    () -> stopAndRemove(c, DEFAULT_STOP_SECONDS, false), pool)).toList());
        }
        Map<String, List<Container>> byService = groupByService(existing);
        Map<String, List<String>> running = new ConcurrentHashMap<>();
        Set<String> started = ConcurrentHashMap.newKeySet();
        Deadline deadline = new Deadline(opts.waitTimeout(), opts.healthProbe());
        for (List<String> level : graph.levels(selected)) {
            List<CompletableFuture<Void>> tasks = new ArrayList<>();
            for (String name : level) {
                ServiceSpec s = stack.service(name).orElseThrow();
                Plan.Step step = plan.step(name);
                tasks.add(CompletableFuture.runAsync(() -> running.put(name, converge(stack, s, step,
                        byService.getOrDefault(name, List.of()), imageIds.get(name), running, started, deadline)), pool));
            }
            DockerCalls.join(tasks);
        }
        if (plan.upToDate()) {
            for (Plan.Step st : plan.steps()) {
                listener.event(new ServiceEvent(st.service(), null, ServiceState.UP_TO_DATE, "up to date"));
            }
        }
        if (opts.waitHealthy()) {
            // containers this up left untouched that the listing already showed ready need no inspect
            Map<String, Container> readyListed = new HashMap<>();
            for (Container c : existing) {
                String svc = c.getLabels().get(ComposeLabels.SERVICE);
                Plan.Step st = svc == null || !selected.contains(svc) ? null : plan.step(svc);
                if (st != null && st.action() == Plan.Action.UNCHANGED && listedReady(c) && !Planner.isOneShot(stack, svc)) {
                    readyListed.put(c.getId(), c);
                }
            }
            List<CompletableFuture<Void>> waits = new ArrayList<>();
            for (String name : selected) {
                ServiceSpec s = stack.service(name).orElseThrow();
                for (String id : running.getOrDefault(name, List.of())) {
                    Container listed = readyListed.get(id);
                    if (listed != null) {
                        boolean health = String.valueOf(listed.getStatus()).contains("(healthy)");
                        listener.event(new ServiceEvent(name, name(listed), health ? ServiceState.HEALTHY : ServiceState.RUNNING,
                                health ? "healthy" : "running"));
                        continue;
                    }
                    boolean fresh = started.contains(id);
                    waits.add(CompletableFuture.runAsync(() -> waitReady(s, id, deadline, Planner.isOneShot(stack, name), fresh), pool));
                }
            }
            DockerCalls.join(waits);
        }
        return plan;
    }

    /** Running and, per its listed status, healthy or without a healthcheck. */
    private static boolean listedReady(Container c) {
        String status = c.getStatus() == null ? "" : c.getStatus();
        return "running".equals(c.getState()) && (status.contains("(healthy)") || !status.contains("health"));
    }

    /** The plan {@code up} would apply now, without building or changing anything. */
    public Plan plan(StackSpec stack, UpOptions opts) {
        DependencyGraph graph = DependencyGraph.of(stack);
        Set<String> selected = opts.services().isEmpty()
                ? new LinkedHashSet<>(stack.services().stream().map(ServiceSpec::name).toList())
                : graph.withDependencies(opts.services());
        Map<String, String> ids = new HashMap<>();
        for (String name : selected) {
            ServiceSpec s = stack.service(name).orElseThrow();
            ids.put(name, imageId(s.imageRef(stack.project())));
        }
        return Planner.plan(stack, graph, selected, projectContainers(stack.project()), ids, opts.forceRecreate());
    }

    private Map<String, String> resolveImages(StackSpec stack, Set<String> selected, boolean forceBuild) {
        Map<String, String> ids = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> pulls = new ArrayList<>();
        for (String name : selected) {
            ServiceSpec s = stack.service(name).orElseThrow();
            String ref = s.imageRef(stack.project());
            if (s.build() != null) {
                String id = forceBuild ? null : imageId(ref);
                if (id == null) {
                    listener.event(new ServiceEvent(name, null, ServiceState.BUILDING, "building " + ref));
                    id = new ImageBuilder(docker(), buildNetwork).build(name, s.build(), stack.workingDir(), ref, listener);
                    listener.event(new ServiceEvent(name, null, ServiceState.BUILT, ref + " " + shortId(id)));
                }
                ids.put(name, id);
            } else {
                pulls.add(CompletableFuture.runAsync(() -> ids.put(name, ensureImage(name, ref)), pool));
            }
        }
        DockerCalls.join(pulls);
        return ids;
    }

    private String ensureImage(String service, String ref) {
        String id = imageId(ref);
        if (id != null) {
            listener.event(new ServiceEvent(service, null, ServiceState.PULL_SKIPPED, ref + " present"));
            return id;
        }
        listener.event(new ServiceEvent(service, null, ServiceState.PULLING, "pulling " + ref));
        try {
            docker().pullImageCmd(ref).exec(new PullImageResultCallback()).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("service " + service + ": interrupted while pulling " + ref, e);
        } catch (RuntimeException e) {
            throw new EngineException("service " + service + ": image " + ref + " is not present and pulling it failed ("
                    + EngineClient.rootMessage(e) + "): build or load the image first", e);
        }
        id = imageId(ref);
        if (id == null) {
            throw new EngineException("service " + service + ": image " + ref + " is still missing after the pull");
        }
        return id;
    }

    private String imageId(String ref) {
        try {
            return docker().inspectImageCmd(ref).exec().getId();
        } catch (NotFoundException e) {
            return null;
        } catch (DockerException e) {
            throw DockerCalls.fail("inspect image " + ref, e);
        }
    }

    private void ensureResources(StackSpec stack, Set<String> selected) {
        Set<String> nets = new LinkedHashSet<>();
        Set<String> vols = new LinkedHashSet<>();
        for (String name : selected) {
            ServiceSpec s = stack.service(name).orElseThrow();
            nets.addAll(s.networkAliases().keySet());
            s.mounts().stream().filter(m -> m.type() == MountSpec.Type.VOLUME && m.source() != null)
                    .forEach(m -> vols.add(m.source()));
        }
        for (String key : nets) {
            NetworkSpec n = stack.networks().getOrDefault(key, NetworkSpec.of(key));
            String name = stack.networkName(key);
            if (networkExists(name)) {
                continue;
            }
            if (n.external()) {
                throw new EngineException("network " + name + " is declared external but does not exist: create it with `docker network create " + name + "`");
            }
            Map<String, String> labels = new LinkedHashMap<>(n.labels());
            labels.put(ComposeLabels.PROJECT, stack.project());
            labels.put(ComposeLabels.NETWORK, key);
            labels.put(ComposeLabels.VERSION, ComposeLabels.COMPOSE_VERSION);
            DockerCalls.call("create network " + name, () -> docker().createNetworkCmd().withName(name)
                    .withDriver(n.driver() == null ? "bridge" : n.driver()).withLabels(labels).withCheckDuplicate(true).exec());
            listener.event(new ServiceEvent("network " + name, null, ServiceState.CREATED, ""));
        }
        for (String key : vols) {
            if (!stack.volumes().containsKey(key)) {
                throw new UserError(null, "a service mounts undefined volume '" + key + "'",
                        "declare it under the top-level volumes:");
            }
            VolumeSpec v = stack.volumes().get(key);
            String name = stack.volumeName(key);
            try {
                docker().inspectVolumeCmd(name).exec();
                continue;
            } catch (NotFoundException e) {
                if (v.external()) {
                    throw new EngineException("volume " + name + " is declared external but does not exist: create it with `docker volume create " + name + "`");
                }
            } catch (DockerException e) {
                throw DockerCalls.fail("inspect volume " + name, e);
            }
            Map<String, String> labels = new LinkedHashMap<>(v.labels());
            labels.put(ComposeLabels.PROJECT, stack.project());
            labels.put(ComposeLabels.VOLUME, key);
            labels.put(ComposeLabels.VERSION, ComposeLabels.COMPOSE_VERSION);
            DockerCalls.call("create volume " + name, () -> docker().createVolumeCmd().withName(name)
                    .withDriver(v.driver() == null ? "local" : v.driver()).withLabels(labels).exec());
            listener.event(new ServiceEvent("volume " + name, null, ServiceState.CREATED, ""));
        }
    }

    private boolean networkExists(String name) {
        try {
            docker().inspectNetworkCmd().withNetworkId(name).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (DockerException e) {
            throw DockerCalls.fail("inspect network " + name, e);
        }
    }

    /** Makes one service match its step; returns the ids of its containers. */
    private List<String> converge(StackSpec stack, ServiceSpec s, Plan.Step step, List<Container> existing,
            String imageId, Map<String, List<String>> ready, Set<String> started, Deadline deadline) {
        List<Container> sorted = new ArrayList<>(existing);
        sorted.sort(Comparator.comparingInt(StackEngine::number));
        List<String> ids = new ArrayList<>();
        int stopSeconds = stopSeconds(s);
        // scale down: highest numbers go first
        while (sorted.size() > s.scale()) {
            Container c = sorted.remove(sorted.size() - 1);
            stopAndRemove(c, stopSeconds, false);
        }
        List<Integer> toStart = new ArrayList<>();
        List<String> startIds = new ArrayList<>();
        for (Container c : sorted) {
            int number = number(c);
            String name = containerName(stack, s, number);
            switch (step.action()) {
                case RECREATE -> {
                    listener.event(new ServiceEvent(s.name(), name, ServiceState.RECREATING, step.reason()));
                    stopAndRemove(c, stopSeconds, false);
                    startIds.add(ContainerFactory.create(docker(), listener, stack, s, number, step.hash(), imageId));
                    toStart.add(number);
                }
                case RESTART -> {
                    startIds.add(c.getId());
                    toStart.add(number);
                    listener.event(new ServiceEvent(s.name(), name, ServiceState.STOPPING, step.reason()));
                    DockerCalls.call("stop " + name, () -> docker().stopContainerCmd(c.getId()).withTimeout(stopSeconds).exec());
                }
                default -> {
                    if ("running".equals(c.getState())) {
                        ids.add(c.getId());
                        listener.event(new ServiceEvent(s.name(), name, ServiceState.RUNNING, "up to date"));
                    } else if (Planner.isOneShot(stack, s.name()) && "exited".equals(c.getState())
                            && step.action() == Plan.Action.UNCHANGED) {
                        ids.add(c.getId());
                        listener.event(new ServiceEvent(s.name(), name, ServiceState.EXITED, c.getStatus()));
                    } else {
                        startIds.add(c.getId());
                        toStart.add(number);
                    }
                }
            }
        }
        int next = sorted.stream().mapToInt(StackEngine::number).max().orElse(0) + 1;
        for (int i = sorted.size(); i < s.scale(); i++) {
            int number = next++;
            startIds.add(ContainerFactory.create(docker(), listener, stack, s, number, step.hash(), imageId));
            toStart.add(number);
        }
        if (!startIds.isEmpty()) {
            waitDependencies(stack, s, ready, deadline);
        }
        for (int i = 0; i < startIds.size(); i++) {
            String id = startIds.get(i);
            String name = containerName(stack, s, toStart.get(i));
            listener.event(new ServiceEvent(s.name(), name, ServiceState.STARTING, ""));
            try {
                docker().startContainerCmd(id).exec();
            } catch (NotModifiedException e) {
                // already running
            } catch (DockerException e) {
                throw DockerCalls.fail("start " + name, e);
            }
            listener.event(new ServiceEvent(s.name(), name, ServiceState.RUNNING, "started"));
            started.add(id); // the engine reset its restart count: any restart from now on is a crash
            ids.add(id);
        }
        return ids;
    }



    private void waitDependencies(StackSpec stack, ServiceSpec s, Map<String, List<String>> ready, Deadline deadline) {
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
                    deadline.probe, -1);
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
    private void waitReady(ServiceSpec s, String id, Deadline deadline, boolean oneShot, boolean fresh) {
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
            waitHealthy(s.name(), id, deadline, "service " + s.name(), r, false, baseline);
        } else {
            waitSteady(s.name(), id, deadline, r, baseline);
        }
    }

    /** Until the container has run {@link #STEADY} with no exit and no restart. */
    private void waitSteady(String service, String id, Deadline deadline, InspectContainerResponse first, int baseline) {
        long seenSince = System.nanoTime();
        InspectContainerResponse known = first;
        boolean reported = false;
        while (true) {
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
            sleep(POLL.multipliedBy(5));
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
     * healthcheck test itself ({@link HealthProbe}) at a growing pace from the start, and counts its
     * first pass as healthy. Dependencies are waited for with the probe (a dependant starts as soon as
     * its dependency passes the check); {@code --wait} is not: it returns when the engine itself reports
     * every service healthy, so {@code docker ps} agrees with it. {@code first} is an inspect result the
     * caller already has (or null).
     */
    private void waitHealthy(String service, String id, Deadline deadline, String who, InspectContainerResponse first,
            boolean probe, int baseline) {
        boolean reported = false;
        InspectContainerResponse known = first;
        HealthProbe prober = null;
        boolean probing = probe;
        long pause = 0;
        while (true) {
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
                prober = HealthProbe.of(docker(), id, r.getConfig() == null ? null : r.getConfig().getHealthcheck());
                probing = prober != null;
            }
            if (probing) {
                HealthProbe.Result res = prober.run();
                if (res == HealthProbe.Result.PASSED) {
                    listener.event(new ServiceEvent(service, name, ServiceState.HEALTHY, "healthy (check passed)"));
                    return;
                }
                probing = res == HealthProbe.Result.FAILED;
                // 0.1 s, 0.2 s, ... up to 0.5 s between checks: quick for fast starters, light on slow ones
                pause = Math.min(PROBE_PAUSE_MAX.toMillis(), pause + POLL.toMillis());
                sleep(Duration.ofMillis(pause));
            } else {
                sleep(POLL);
            }
        }
    }

    private long waitExit(String service, String id, Deadline deadline) {
        while (true) {
            InspectContainerResponse r = inspect(id);
            if (r.getState() != null && !Boolean.TRUE.equals(r.getState().getRunning())
                    && !"created".equals(r.getState().getStatus())) {
                Long code = r.getState().getExitCodeLong();
                return code == null ? -1 : code;
            }
            if (deadline.passed()) {
                throw new EngineException("service " + service + " did not exit within " + deadline.timeout.toSeconds() + " s");
            }
            sleep(POLL);
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

    /**
     * Stops and removes the project's containers (orphans too) in reverse dependency order, then its
     * networks; with {@code removeVolumes} its named volumes; with {@code removeImages} its images.
     */
    public void down(StackSpec stack, DownOptions opts) {
        List<Container> existing = projectContainers(stack.project());
        Map<String, List<Container>> byService = groupByService(existing);
        List<List<String>> order = new ArrayList<>();
        Set<String> defined = stack.services().stream().map(ServiceSpec::name).collect(Collectors.toSet());
        List<String> orphans = byService.keySet().stream().filter(s -> !defined.contains(s)).toList();
        if (!orphans.isEmpty()) {
            order.add(orphans);
        }
        List<List<String>> levels = new ArrayList<>(DependencyGraph.of(stack).levels());
        java.util.Collections.reverse(levels);
        order.addAll(levels);
        for (List<String> level : order) {
            List<CompletableFuture<Void>> tasks = new ArrayList<>();
            for (String svc : level) {
                int secs = opts.timeout() != null ? opts.timeout()
                        : stack.service(svc).map(StackEngine::stopSeconds).orElse(DEFAULT_STOP_SECONDS);
                for (Container c : byService.getOrDefault(svc, List.of())) {
                    tasks.add(CompletableFuture.runAsync(() -> stopAndRemove(c, secs, opts.removeVolumes()), pool));
                }
            }
            DockerCalls.join(tasks);
        }
        String filter = ComposeLabels.PROJECT + "=" + stack.project();
        // networks and volumes are independent of each other: list and remove them side by side
        List<CompletableFuture<Void>> removals = new ArrayList<>();
        removals.add(CompletableFuture.runAsync(() -> {
            List<Network> nets = DockerCalls.call("list networks", () -> docker().listNetworksCmd().withFilter("label", List.of(filter)).exec());
            DockerCalls.join(nets.stream().map(n -> CompletableFuture.runAsync(() -> removeNetwork(n), pool)).toList());
        }, pool));
        if (opts.removeVolumes()) {
            removals.add(CompletableFuture.runAsync(() -> {
                var vols = DockerCalls.call("list volumes", () -> docker().listVolumesCmd().withFilter("label", List.of(filter)).exec());
                if (vols.getVolumes() != null) {
                    DockerCalls.join(vols.getVolumes().stream().map(v -> CompletableFuture.runAsync(() -> removeVolume(v.getName()), pool)).toList());
                }
            }, pool));
        }
        DockerCalls.join(removals);
        if (opts.removeImages() != null) {
            for (ServiceSpec s : stack.services()) {
                boolean local = s.build() != null && s.image() == null;
                if (local || opts.removeImages().equals("all")) {
                    String ref = s.imageRef(stack.project());
                    try {
                        docker().removeImageCmd(ref).exec();
                        listener.event(new ServiceEvent(s.name(), null, ServiceState.REMOVED, "image " + ref + " removed"));
                    } catch (NotFoundException e) {
                        // never built
                    } catch (DockerException e) {
                        listener.event(new ServiceEvent(s.name(), null, ServiceState.WARNING,
                                "image " + ref + " kept: " + EngineClient.rootMessage(e)));
                    }
                }
            }
        }
    }

    private void removeNetwork(Network n) {
        try {
            docker().removeNetworkCmd(n.getId()).exec();
            listener.event(new ServiceEvent("network " + n.getName(), null, ServiceState.REMOVED, "removed"));
        } catch (NotFoundException e) {
            // already gone
        } catch (DockerException e) {
            throw DockerCalls.fail("remove network " + n.getName(), e);
        }
    }

    private void removeVolume(String name) {
        try {
            docker().removeVolumeCmd(name).exec();
            listener.event(new ServiceEvent("volume " + name, null, ServiceState.REMOVED, "removed"));
        } catch (NotFoundException e) {
            // already gone
        } catch (DockerException e) {
            throw DockerCalls.fail("remove volume " + name, e);
        }
    }

    /** Stops every container of the project (reverse dependency order), keeping them. */
    public void stop(StackSpec stack) {
        Map<String, List<Container>> byService = groupByService(projectContainers(stack.project()));
        List<List<String>> levels = new ArrayList<>(DependencyGraph.of(stack).levels());
        java.util.Collections.reverse(levels);
        for (List<String> level : levels) {
            List<CompletableFuture<Void>> tasks = new ArrayList<>();
            for (String svc : level) {
                int secs = stack.service(svc).map(StackEngine::stopSeconds).orElse(DEFAULT_STOP_SECONDS);
                for (Container c : byService.getOrDefault(svc, List.of())) {
                    if ("running".equals(c.getState())) {
                        tasks.add(CompletableFuture.runAsync(() -> {
                            String name = name(c);
                            listener.event(new ServiceEvent(svc, name, ServiceState.STOPPING, ""));
                            try {
                                docker().stopContainerCmd(c.getId()).withTimeout(secs).exec();
                            } catch (NotModifiedException | NotFoundException e) {
                                // already stopped or gone
                            }
                            listener.event(new ServiceEvent(svc, name, ServiceState.STOPPED, "stopped"));
                        }, pool));
                    }
                }
            }
            DockerCalls.join(tasks);
        }
    }

    private void stopAndRemove(Container c, int stopSeconds, boolean volumes) {
        String svc = c.getLabels().getOrDefault(ComposeLabels.SERVICE, "?");
        String name = name(c);
        try {
            if ("running".equals(c.getState()) || "restarting".equals(c.getState()) || "paused".equals(c.getState())) {
                listener.event(new ServiceEvent(svc, name, ServiceState.STOPPING, ""));
                try {
                    docker().stopContainerCmd(c.getId()).withTimeout(stopSeconds).exec();
                } catch (NotModifiedException e) {
                    // stopped meanwhile
                }
            }
            docker().removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(volumes).exec();
            listener.event(new ServiceEvent(svc, name, ServiceState.REMOVED, "removed"));
        } catch (NotFoundException e) {
            // gone already
        } catch (DockerException e) {
            throw DockerCalls.fail("remove container " + name, e);
        }
    }

    // ------------------------------------------------------------------ ps / logs / attach

    /** The project's containers (one-off containers excluded), sorted by service and number. */
    public List<ContainerStatus> ps(String project) {
        List<ContainerStatus> out = new ArrayList<>();
        for (Container c : projectContainers(project)) {
            List<String> ports = new ArrayList<>();
            if (c.getPorts() != null) {
                for (ContainerPort p : c.getPorts()) {
                    if (p.getPublicPort() != null) {
                        ports.add((p.getIp() == null ? "" : p.getIp() + ":") + p.getPublicPort() + "->"
                                + p.getPrivatePort() + "/" + p.getType());
                    } else if (p.getPrivatePort() != null) {
                        ports.add(p.getPrivatePort() + "/" + p.getType());
                    }
                }
            }
            ports = ports.stream().distinct().sorted().toList();
            String status = c.getStatus() == null ? "" : c.getStatus();
            String health = status.contains("(healthy)") ? "healthy" : status.contains("(unhealthy)") ? "unhealthy"
                    : status.contains("health: starting") ? "starting" : "";
            Integer exit = null;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Exited \\((-?\\d+)\\)").matcher(status);
            if (m.find()) {
                exit = Integer.parseInt(m.group(1));
            }
            out.add(new ContainerStatus(c.getId(), name(c), c.getLabels().getOrDefault(ComposeLabels.SERVICE, ""),
                    number(c), c.getState(), status, health, exit, ports, c.getImage(),
                    c.getLabels().getOrDefault(ComposeLabels.CONFIG_HASH, ""),
                    c.getLabels().get(dev.devops.release.ArtifactLabels.VERSION)));
        }
        out.sort(Comparator.comparing(ContainerStatus::service).thenComparingInt(ContainerStatus::number));
        return out;
    }

    /**
     * Streams the logs of the project's containers to {@code sink}, one thread per container; returns
     * when every stream ends (with {@code follow}: when the containers stop or the caller is interrupted).
     */
    public void logs(StackSpec stack, LogOptions opts, LogSink sink) {
        List<Container> cs = selectContainers(stack, opts.services());
        List<CompletableFuture<Void>> streams = new ArrayList<>();
        for (Container c : cs) {
            streams.add(CompletableFuture.runAsync(() -> stream(c, opts, sink), pool));
        }
        DockerCalls.join(streams);
    }

    private List<Container> selectContainers(StackSpec stack, List<String> services) {
        for (String s : services) {
            if (stack.service(s).isEmpty()) {
                throw new UserError(null, "no such service: " + s, "services are: "
                        + stack.services().stream().map(ServiceSpec::name).collect(Collectors.joining(", ")));
            }
        }
        return projectContainers(stack.project()).stream()
                .filter(c -> services.isEmpty() || services.contains(c.getLabels().get(ComposeLabels.SERVICE)))
                .sorted(Comparator.comparing((Container c) -> c.getLabels().get(ComposeLabels.SERVICE))
                        .thenComparingInt(StackEngine::number))
                .toList();
    }

    private void stream(Container c, LogOptions opts, LogSink sink) {
        String svc = c.getLabels().get(ComposeLabels.SERVICE);
        String name = name(c);
        var cmd = docker().logContainerCmd(c.getId()).withStdOut(true).withStdErr(true)
                .withFollowStream(opts.follow()).withTimestamps(opts.timestamps());
        if (opts.tail() != null) {
            cmd.withTail(opts.tail());
        }
        LineSplitter out = new LineSplitter(svc, name, false, sink);
        LineSplitter err = new LineSplitter(svc, name, true, sink);
        ResultCallback.Adapter<Frame> cb = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame f) {
                (f.getStreamType() == StreamType.STDERR ? err : out).accept(f.getPayload());
            }
        };
        try {
            cmd.exec(cb).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            try {
                cb.close();
            } catch (IOException ignored) {
                // closing an interrupted stream
            }
        } catch (DockerException e) {
            throw DockerCalls.fail("logs of " + name, e);
        }
        out.flush();
        err.flush();
    }

    /**
     * Attached mode after {@code up}: streams every container's output to {@code sink} until all
     * containers of the selected services that were running have exited. With {@code abortOnExit} (or an
     * {@code exitCodeFrom} service) the first exit stops the whole stack. Returns the exit code of
     * {@code exitCodeFrom} if given, else of the first container that exited when aborting, else 0.
     */
    public int attach(StackSpec stack, List<String> services, boolean abortOnExit, String exitCodeFrom, LogSink sink) {
        if (exitCodeFrom != null && stack.service(exitCodeFrom).isEmpty()) {
            throw new UserError(null, "--exit-code-from: no such service: " + exitCodeFrom, null);
        }
        boolean abort = abortOnExit || exitCodeFrom != null;
        List<Container> cs = selectContainers(stack, services);
        LogOptions opts = new LogOptions(services, true, null, false);
        List<CompletableFuture<Void>> streams = new ArrayList<>();
        for (Container c : cs) {
            streams.add(CompletableFuture.runAsync(() -> stream(c, opts, sink), pool));
        }
        CompletableFuture<Container> firstExit = new CompletableFuture<>();
        Map<String, Long> codes = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        for (Container c : cs) {
            if (!"running".equals(c.getState())) {
                continue; // exited before we attached (a finished one-shot): not an exit to react to
            }
            waits.add(CompletableFuture.runAsync(() -> {
                long code = waitExit(c.getLabels().get(ComposeLabels.SERVICE), c.getId(), new Deadline(null));
                codes.put(c.getId(), code);
                listener.event(new ServiceEvent(c.getLabels().get(ComposeLabels.SERVICE), name(c), ServiceState.EXITED,
                        "exited with code " + code));
                firstExit.complete(c);
            }, pool));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new));
        try {
            if (abort) {
                CompletableFuture.anyOf(firstExit, all).get();
                Container first = firstExit.getNow(null);
                stop(stack);
                all.get();
                CompletableFuture.allOf(streams.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
                if (exitCodeFrom != null) {
                    return cs.stream().filter(c -> exitCodeFrom.equals(c.getLabels().get(ComposeLabels.SERVICE)))
                            .map(c -> codes.getOrDefault(c.getId(), 0L)).findFirst().orElse(0L).intValue();
                }
                return first == null ? 0 : codes.getOrDefault(first.getId(), 0L).intValue();
            }
            all.get();
            CompletableFuture.allOf(streams.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } catch (java.util.concurrent.TimeoutException e) {
            return 0;
        } catch (java.util.concurrent.ExecutionException e) {
            throw DockerCalls.unwrap(e.getCause());
        }
    }

    // ------------------------------------------------------------------ helpers

    private List<Container> projectContainers(String project) {
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

    private static int number(Container c) {
        try {
            return Integer.parseInt(c.getLabels().getOrDefault(ComposeLabels.NUMBER, "1"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String name(Container c) {
        String[] names = c.getNames();
        return names == null || names.length == 0 ? c.getId().substring(0, 12) : names[0].replaceFirst("^/", "");
    }

    static String containerName(StackSpec stack, ServiceSpec s, int number) {
        return stack.project() + "-" + s.name() + "-" + number;
    }

    private static int stopSeconds(ServiceSpec s) {
        return s.stopGracePeriod() == null ? DEFAULT_STOP_SECONDS : (int) Math.max(0, s.stopGracePeriod().toSeconds());
    }

    private static String shortId(String id) {
        String s = id.replace("sha256:", "");
        return s.length() > 12 ? s.substring(0, 12) : s;
    }

    private InspectContainerResponse inspect(String id) {
        return DockerCalls.call("inspect container " + id.substring(0, Math.min(12, id.length())),
                () -> docker().inspectContainerCmd(id).exec());
    }

    /** The last {@code n} lines a container wrote, for error details. */
    private String lastLogs(String id, int n) {
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

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted", e);
        }
    }


    @Override
    public void close() {
        pool.shutdownNow();
        listener.finished();
    }

    /** A wait limit shared by every wait of one operation, and whether its health waits probe early. */
    private static final class Deadline {
        final Duration timeout;
        final boolean probe;
        final long end;

        Deadline(Duration timeout) {
            this(timeout, false);
        }

        Deadline(Duration timeout, boolean probe) {
            this.probe = probe;
            this.timeout = timeout;
            this.end = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        }

        boolean passed() {
            return System.nanoTime() > end;
        }
    }

}
