package dev.devops.engine;

import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import java.util.ArrayList;
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
     */
    void down(StackSpec stack, DownOptions opts) {
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
                        : stack.service(svc).map(StackVerb::stopSeconds).orElse(DEFAULT_STOP_SECONDS);
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
