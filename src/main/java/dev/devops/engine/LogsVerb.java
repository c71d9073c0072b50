package dev.devops.engine;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.devops.core.UserError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** {@code logs} and attached {@code up}: one stream per container; with abort-on-exit the first exit stops the stack. */
final class LogsVerb extends StackVerb {
    private final Waits waiter;
    private final DownVerb down;

    LogsVerb(EngineClient client, EngineListener listener, ExecutorService pool, Waits waits, DownVerb down) {
        super(client, listener, pool);
        this.waiter = waits;
        this.down = down;
    }

    /**
     * Streams the logs of the project's containers to {@code sink}, one thread per container; returns
     * when every stream ends (with {@code follow}: when the containers stop or the caller is interrupted).
     */
    void logs(StackSpec stack, LogOptions opts, LogSink sink) {
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
                        .thenComparingInt(StackVerb::number))
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
    int attach(StackSpec stack, List<String> services, boolean abortOnExit, String exitCodeFrom, LogSink sink) {
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
                long code = waiter.waitExit(c.getLabels().get(ComposeLabels.SERVICE), c.getId(), new Deadline(null));
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
                down.stop(stack);
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

}
