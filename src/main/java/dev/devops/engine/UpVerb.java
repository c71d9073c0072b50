package dev.devops.engine;

import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import dev.devops.core.UserError;
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

/**
 * {@code up}: builds or finds the images, decides per container what to do ({@link Planner}, with the named
 * recreate decision {@link Recreate}), then applies that plan in dependency order (each service as soon as its own
 * dependencies are converged; independent services in parallel), waiting for each dependency's condition
 * ({@link Waits}, woken by the project's container events) before starting a service.
 */
final class UpVerb extends StackVerb {
    private final String buildNetwork;
    private final Waits waiter;
    private final DownVerb down;

    UpVerb(EngineClient client, EngineListener listener, ExecutorService pool, String buildNetwork, Waits waits, DownVerb down) {
        super(client, listener, pool);
        this.buildNetwork = buildNetwork;
        this.waiter = waits;
        this.down = down;
    }

    /**
     * Brings the stack up and returns the plan that was applied. Throws {@link EngineException} when
     * a build, a container, a dependency or (with {@code waitHealthy}) a healthcheck fails, and
     * {@link UserError} for a dependency cycle or an unknown service.
     */
    Plan up(StackSpec stack, UpOptions opts) {
        DependencyGraph graph = DependencyGraph.of(stack);
        Set<String> selected = opts.services().isEmpty()
                ? new LinkedHashSet<>(stack.services().stream().map(ServiceSpec::name).toList())
                : graph.withDependencies(opts.services());
        // the networks, volumes and images are made ready while the project's containers are listed
        CompletableFuture<Void> resources = CompletableFuture.runAsync(() -> ensureResources(stack, selected), pool);
        CompletableFuture<Map<String, String>> images = CompletableFuture.supplyAsync(
                () -> resolveImages(stack, selected, opts.build()), pool);
        List<Container> existing;
        try {
            existing = projectContainers(stack.project());
        } catch (RuntimeException e) {
            settle(resources, images);
            throw e;
        }
        if (!existing.isEmpty()) {
            return up(stack, opts, graph, selected, existing, resources, images);
        }
        try {
            return up(stack, opts, graph, selected, existing, resources, images);
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
            down.down(stack, DownOptions.defaults());
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** Waits for both tasks to end, whatever the outcome: nothing is left half-created behind an error. */
    private static void settle(CompletableFuture<?>... tasks) {
        for (CompletableFuture<?> t : tasks) {
            t.exceptionally(x -> null).join();
        }
    }

    private Plan up(StackSpec stack, UpOptions opts, DependencyGraph graph, Set<String> selected, List<Container> existing,
            CompletableFuture<Void> resources, CompletableFuture<Map<String, String>> images) {
        try (ContainerEvents events = new ContainerEvents(docker(), stack.project())) {
            return up(stack, opts, graph, selected, existing, resources, images, events);
        }
    }

    private Plan up(StackSpec stack, UpOptions opts, DependencyGraph graph, Set<String> selected, List<Container> existing,
            CompletableFuture<Void> resources, CompletableFuture<Map<String, String>> images, ContainerEvents events) {
        Map<String, String> imageIds;
        try {
            imageIds = images.join();
        } catch (java.util.concurrent.CompletionException e) {
            settle(resources); // leave nothing half-created behind the error
            throw DockerCalls.unwrap(e);
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
        Deadline deadline = new Deadline(opts.waitTimeout(), opts.healthProbe(), events);
        // each service as soon as its own dependencies are converged, not when their whole level is: a service that
        // depends on a quick one does not wait for a slow neighbour of it (compose's graph walk does the same)
        Map<String, CompletableFuture<Void>> converged = new LinkedHashMap<>();
        for (List<String> level : graph.levels(selected)) {
            for (String name : level) {
                ServiceSpec s = stack.service(name).orElseThrow();
                Plan.Step step = plan.step(name);
                CompletableFuture<?>[] deps = graph.dependencies(name).stream().filter(converged::containsKey)
                        .map(converged::get).toArray(CompletableFuture<?>[]::new);
                converged.put(name, CompletableFuture.allOf(deps).thenRunAsync(() -> running.put(name, converge(stack, s, step,
                        byService.getOrDefault(name, List.of()), imageIds.get(name), running, deadline)), pool));
            }
        }
        DockerCalls.join(new ArrayList<>(converged.values()));
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
                    boolean fresh = deadline.startedAt(id) != null;
                    waits.add(CompletableFuture.runAsync(() -> waiter.waitReady(s, id, deadline, Planner.isOneShot(stack, name), fresh), pool));
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
    Plan plan(StackSpec stack, UpOptions opts) {
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
        for (String name : selected) { // pulls first, side by side, then the builds one by one meanwhile
            ServiceSpec s = stack.service(name).orElseThrow();
            if (s.build() == null) {
                String ref = s.imageRef(stack.project());
                pulls.add(CompletableFuture.runAsync(() -> ids.put(name, ensureImage(name, ref)), pool));
            }
        }
        try {
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
                }
            }
        } catch (RuntimeException e) {
            settle(pulls.toArray(CompletableFuture[]::new));
            throw e;
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

    /** The networks and volumes the selected services use: each made (when missing) on its own, side by side. */
    private void ensureResources(StackSpec stack, Set<String> selected) {
        Set<String> nets = new LinkedHashSet<>();
        Set<String> vols = new LinkedHashSet<>();
        for (String name : selected) {
            ServiceSpec s = stack.service(name).orElseThrow();
            nets.addAll(s.networkAliases().keySet());
            s.mounts().stream().filter(m -> m.type() == MountSpec.Type.VOLUME && m.source() != null)
                    .forEach(m -> vols.add(m.source()));
        }
        for (String key : vols) {
            if (!stack.volumes().containsKey(key)) {
                throw new UserError(null, "a service mounts undefined volume '" + key + "'",
                        "declare it under the top-level volumes:");
            }
        }
        List<CompletableFuture<Void>> tasks = new ArrayList<>();
        for (String key : nets) {
            tasks.add(CompletableFuture.runAsync(() -> ensureNetwork(stack, key), pool));
        }
        for (String key : vols) {
            tasks.add(CompletableFuture.runAsync(() -> ensureVolume(stack, key), pool));
        }
        DockerCalls.join(tasks);
    }

    private void ensureNetwork(StackSpec stack, String key) {
        NetworkSpec n = stack.networks().getOrDefault(key, NetworkSpec.of(key));
        String name = stack.networkName(key);
        if (networkExists(name)) {
            return;
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

    private void ensureVolume(StackSpec stack, String key) {
        VolumeSpec v = stack.volumes().get(key);
        String name = stack.volumeName(key);
        try {
            docker().inspectVolumeCmd(name).exec();
            return;
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
            String imageId, Map<String, List<String>> ready, Deadline deadline) {
        List<Container> sorted = new ArrayList<>(existing);
        sorted.sort(Comparator.comparingInt(StackVerb::number));
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
            Recreate recreate = step.recreate(c.getId());
            switch (step.action() == Plan.Action.RECREATE && !recreate.recreate() ? Plan.Action.UNCHANGED : step.action()) {
                case RECREATE -> {
                    listener.event(new ServiceEvent(s.name(), name, ServiceState.RECREATING, recreate.reason()));
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
        // new replicas are created side by side, as they are started below
        int next = sorted.stream().mapToInt(StackVerb::number).max().orElse(0) + 1;
        List<Integer> numbers = new ArrayList<>();
        for (int i = sorted.size(); i < s.scale(); i++) {
            numbers.add(next++);
        }
        String[] created = new String[numbers.size()];
        DockerCalls.join(parallel(numbers.size(), i -> created[i] = ContainerFactory.create(docker(), listener, stack, s,
                numbers.get(i), step.hash(), imageId)));
        startIds.addAll(List.of(created));
        toStart.addAll(numbers);
        if (!startIds.isEmpty()) {
            waiter.waitDependencies(stack, s, ready, deadline);
        }
        DockerCalls.join(parallel(startIds.size(), i -> start(stack, s, startIds.get(i), toStart.get(i), deadline)));
        ids.addAll(startIds);
        return ids;
    }

    /** Tasks 0..n-1 on the pool (the one task of a single container runs on the caller's thread). */
    private List<CompletableFuture<Void>> parallel(int n, java.util.function.IntConsumer task) {
        if (n == 1) {
            task.accept(0);
            return List.of();
        }
        List<CompletableFuture<Void>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            out.add(CompletableFuture.runAsync(() -> task.accept(k), pool));
        }
        return out;
    }

    private void start(StackSpec stack, ServiceSpec s, String id, int number, Deadline deadline) {
        String name = containerName(stack, s, number);
        listener.event(new ServiceEvent(s.name(), name, ServiceState.STARTING, ""));
        try {
            docker().startContainerCmd(id).exec();
        } catch (NotModifiedException e) {
            // already running
        } catch (DockerException e) {
            throw DockerCalls.fail("start " + name, e);
        }
        listener.event(new ServiceEvent(s.name(), name, ServiceState.RUNNING, "started"));
        deadline.started(id); // the engine reset its restart count: any restart from now on is a crash
    }

}
