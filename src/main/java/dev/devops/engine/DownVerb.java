package dev.devops.engine;

import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

/** {@code down} and {@code stop}: containers in reverse dependency order, then networks and volumes side by side. */
final class DownVerb extends StackVerb {
    DownVerb(EngineClient client, EngineListener listener, ExecutorService pool) {
        super(client, listener, pool);
    }

    /**
     * Stops and removes the project's containers (orphans too) in reverse dependency order, then its
     * networks; with {@code removeVolumes} its named volumes; with {@code removeImages} its images.
     *
     * <p>Every step starts as soon as what it needs is done, not when a whole batch is: the project's networks and
     * volumes are listed while the containers are; a service is stopped once the process of every service that
     * depends on it has ended (orphans first; its die event, not the engine's later answer to the stop), not once its
     * whole dependency level is removed; a container is removed right after
     * its stop, while the services it depends on stop; a volume is removed once the containers that mount it are,
     * and the networks once every container is.
     */
    void down(StackSpec stack, DownOptions opts) {
        String filter = ComposeLabels.PROJECT + "=" + stack.project();
        CompletableFuture<List<Network>> nets = CompletableFuture.supplyAsync(() -> DockerCalls.call("list networks",
                () -> docker().listNetworksCmd().withFilter("label", List.of(filter)).exec()), pool);
        CompletableFuture<List<String>> vols = !opts.removeVolumes() ? CompletableFuture.completedFuture(List.of())
                : CompletableFuture.supplyAsync(() -> {
                    var r = DockerCalls.call("list volumes", () -> docker().listVolumesCmd().withFilter("label", List.of(filter)).exec());
                    return r.getVolumes() == null ? List.<String>of()
                            : r.getVolumes().stream().map(com.github.dockerjava.api.command.InspectVolumeResponse::getName).toList();
                }, pool);
        DependencyGraph graph = DependencyGraph.of(stack);
        try (ContainerEvents events = graph.levels().size() > 1 ? ends(stack) : null) {
            List<Container> existing;
            try {
                existing = projectContainers(stack.project());
            } catch (RuntimeException e) {
                nets.exceptionally(t -> null).join();
                vols.exceptionally(t -> null).join();
                throw e;
            }
            down(stack, opts, graph, nets, vols, existing, events);
        }
    }

    /**
     * The project's die and destroy events from now on (not replayed: an event is always one that came after the
     * stream was subscribed), opened while the containers are listed.
     */
    private ContainerEvents ends(StackSpec stack) {
        ContainerEvents events = new ContainerEvents(docker(), stack.project(), ContainerEvents.ENDS, false);
        events.open();
        return events;
    }

    private void down(StackSpec stack, DownOptions opts, DependencyGraph graph, CompletableFuture<List<Network>> nets,
            CompletableFuture<List<String>> vols, List<Container> existing, ContainerEvents events) {
        Map<String, List<Container>> byService = groupByService(existing);
        Set<String> defined = stack.services().stream().map(ServiceSpec::name).collect(Collectors.toSet());

        Map<String, CompletableFuture<Void>> stopped = new HashMap<>();
        List<CompletableFuture<Void>> removed = new ArrayList<>();
        Map<String, CompletableFuture<Void>> removedById = new HashMap<>();
        // orphans first, then every defined service once all that depend on it are stopped (reverse dependency order)
        List<String> orphans = byService.keySet().stream().filter(svc -> !defined.contains(svc)).toList();
        List<CompletableFuture<Void>> orphanStops = new ArrayList<>();
        for (String svc : orphans) {
            orphanStops.add(stopThenRemove(svc, byService.get(svc), CompletableFuture.completedFuture(null),
                    opts.timeout() != null ? opts.timeout() : DEFAULT_STOP_SECONDS, opts.removeVolumes(), removed, removedById, events));
        }
        CompletableFuture<Void> orphansStopped = CompletableFuture.allOf(orphanStops.toArray(CompletableFuture[]::new));
        List<List<String>> levels = new ArrayList<>(graph.levels());
        java.util.Collections.reverse(levels);
        List<CompletableFuture<Void>> allStops = new ArrayList<>(orphanStops);
        for (List<String> level : levels) {
            for (String svc : level) {
                List<CompletableFuture<Void>> before = new ArrayList<>(List.of(orphansStopped));
                for (String dependant : graph.dependents(svc)) {
                    before.add(stopped.get(dependant)); // an earlier reverse level: already there
                }
                int secs = opts.timeout() != null ? opts.timeout()
                        : stack.service(svc).map(StackVerb::stopSeconds).orElse(DEFAULT_STOP_SECONDS);
                CompletableFuture<Void> f = stopThenRemove(svc, byService.getOrDefault(svc, List.of()),
                        CompletableFuture.allOf(before.toArray(CompletableFuture[]::new)), secs, opts.removeVolumes(), removed, removedById,
                        events);
                stopped.put(svc, f);
                allStops.add(f);
            }
        }
        List<CompletableFuture<Void>> all = new ArrayList<>(allStops);
        all.addAll(removed);
        CompletableFuture<Void> containersGone = CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
        // networks once every container is gone; each volume once the containers that mount it are
        List<CompletableFuture<Void>> removals = new ArrayList<>();
        removals.add(containersGone.thenCombineAsync(nets, (x, list) -> list, pool).thenComposeAsync(list -> CompletableFuture.allOf(
                list.stream().map(n -> CompletableFuture.runAsync(() -> removeNetwork(n), pool)).toArray(CompletableFuture[]::new)), pool));
        removals.add(vols.thenComposeAsync(list -> CompletableFuture.allOf(list.stream()
                .map(v -> usersGone(v, existing, removedById, containersGone).thenRunAsync(() -> removeVolume(v), pool))
                .toArray(CompletableFuture[]::new)), pool));
        all.addAll(removals);
        DockerCalls.join(all);
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

    /**
     * Stops the containers of {@code svc} once {@code after} is done, each removed right after its stop (added to
     * {@code removed}); the future is done when the process of each of them has ended: when the engine reports it
     * died ({@code events}, when open), else when its stop returns. The engine answers a stop only once it has also
     * cleaned up after the process (network endpoints, mounts): the services it depends on need not wait for that.
     */
    private CompletableFuture<Void> stopThenRemove(String svc, List<Container> cs, CompletableFuture<Void> after, int secs,
            boolean volumes, List<CompletableFuture<Void>> removed, Map<String, CompletableFuture<Void>> removedById,
            ContainerEvents events) {
        List<CompletableFuture<Void>> ended = new ArrayList<>();
        for (Container c : cs) {
            CompletableFuture<Void> died = new CompletableFuture<>();
            CompletableFuture<Void> st = after.thenRunAsync(() -> {
                if (events != null) { // counted before the stop is sent: only a die from now on
                    events.next(c.getId(), events.seen(c.getId())).thenRun(() -> died.complete(null));
                }
                stop(c, secs);
            }, pool);
            st.whenComplete((x, t) -> {
                if (t != null) {
                    died.completeExceptionally(t);
                } else {
                    died.complete(null);
                }
            });
            CompletableFuture<Void> rm = st.thenRunAsync(() -> remove(c, volumes), pool);
            ended.add(died);
            removed.add(rm);
            removedById.put(c.getId(), rm);
        }
        return CompletableFuture.allOf(ended.toArray(CompletableFuture[]::new));
    }

    /**
     * Done when every listed container that mounts volume {@code name} is removed; when the listing does not say
     * which containers mount what, when all of them are.
     */
    private static CompletableFuture<Void> usersGone(String name, List<Container> existing,
            Map<String, CompletableFuture<Void>> removedById, CompletableFuture<Void> all) {
        List<CompletableFuture<Void>> users = new ArrayList<>();
        for (Container c : existing) {
            if (c.getMounts() == null) {
                return all;
            }
            if (c.getMounts().stream().anyMatch(m -> name.equals(m.getName()))) {
                users.add(removedById.get(c.getId()));
            }
        }
        return CompletableFuture.allOf(users.toArray(CompletableFuture[]::new));
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
    void stop(StackSpec stack) {
        Map<String, List<Container>> byService = groupByService(projectContainers(stack.project()));
        List<List<String>> levels = new ArrayList<>(DependencyGraph.of(stack).levels());
        java.util.Collections.reverse(levels);
        for (List<String> level : levels) {
            List<CompletableFuture<Void>> tasks = new ArrayList<>();
            for (String svc : level) {
                int secs = stack.service(svc).map(StackVerb::stopSeconds).orElse(DEFAULT_STOP_SECONDS);
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
}
