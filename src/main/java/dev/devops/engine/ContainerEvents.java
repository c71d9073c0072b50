package dev.devops.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import java.io.Closeable;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The engine's container events of one project ({@code GET /events}, filtered by the project label) as a wake-up
 * signal for the waits of one operation. A wait reads the container's state (inspect) as before, but between two
 * reads it sleeps until the engine reports a change of that container (a health status, a start, an exit) instead
 * of a fixed poll: a dependant starts the moment its dependency turns healthy, and {@code --wait} returns the
 * moment the last service does, with one streaming connection instead of an inspect every 100 ms per container.
 *
 * <p>Race-free by construction: a waiter takes {@link #seen} before it inspects, and {@link #await} returns at once
 * when an event came after that. The events only shorten sleeps: until the stream is open, after it fails, or if
 * an event is missed, the wait falls back to reading the state every {@link StackVerb#POLL} (stream down) or every
 * {@link #SAFETY_NET} (stream up), so correctness never depends on it. The stream is opened on the first wait that
 * has to sleep (a no-op {@code up} never opens it) and closed with the operation.
 */
final class ContainerEvents implements AutoCloseable {
    /** Actions that change what a wait looks at: health, running, restarts, removal. */
    static final String[] ACTIONS = {"health_status", "start", "restart", "die", "oom", "destroy", "pause", "unpause"};
    /**
     * The stream asks for events from this long before it opens: the engine answers the request before it
     * subscribes, and an event in between would otherwise be missed (an old one replayed is only an early wake-up).
     */
    private static final long REPLAY_SECONDS = 2;
    /** With the stream open, the state is still read this often (a missed event costs at most this long). */
    static final Duration SAFETY_NET = Duration.ofSeconds(1);

    /** What {@code down} waits for: a container's process ended (die), or the container is gone. */
    static final String[] ENDS = {"die", "destroy"};

    private final DockerClient docker;
    private final String project;
    private final String[] actions;
    private final boolean replay;
    private final Object lock = new Object();
    /** Per container id (full), how many events came for it; "" counts every event (ids we never saw in full). */
    private final Map<String, Long> counts = new HashMap<>();
    /** Futures of {@link #next}, per container id, with the count they wait to see change. */
    private final Map<String, java.util.List<Map.Entry<Long, java.util.concurrent.CompletableFuture<Void>>>> waiting = new HashMap<>();
    private boolean opening;
    private boolean live;
    private boolean closed;
    private Closeable stream;

    /** The waits' events ({@link #ACTIONS}), replaying the last {@link #REPLAY_SECONDS} (an early wake-up is harmless). */
    ContainerEvents(DockerClient docker, String project) {
        this(docker, project, ACTIONS, true);
    }

    /**
     * Events {@code actions} of the project's containers; with {@code replay} also those of the last
     * {@link #REPLAY_SECONDS} before the stream opened, else only those after (an event from before the stream was
     * subscribed is then missed, never taken for a new one).
     */
    ContainerEvents(DockerClient docker, String project, String[] actions, boolean replay) {
        this.docker = docker;
        this.project = project;
        this.actions = actions.clone();
        this.replay = replay;
    }

    /**
     * Done when an event for container {@code id} arrives after {@code seen} (from {@link #seen}); never done when
     * none comes (the stream down or closed): combine it with what ends the wait otherwise.
     */
    java.util.concurrent.CompletableFuture<Void> next(String id, long seen) {
        java.util.concurrent.CompletableFuture<Void> f = new java.util.concurrent.CompletableFuture<>();
        synchronized (lock) {
            if (counts.getOrDefault(id, 0L) != seen) {
                f.complete(null);
            } else {
                waiting.computeIfAbsent(id, k -> new java.util.ArrayList<>()).add(Map.entry(seen, f));
            }
        }
        return f;
    }

    /** How many events came so far for container {@code id}; pass it to {@link #await} after reading the state. */
    long seen(String id) {
        synchronized (lock) {
            return counts.getOrDefault(id, 0L);
        }
    }

    /**
     * Sleeps until an event for container {@code id} arrives after {@code seen} (true), or {@code max} has passed
     * (false). While the stream is not open (yet) it sleeps at most {@link StackVerb#POLL}; while it is open, at
     * most {@code max} or {@link #SAFETY_NET}, whichever is shorter.
     */
    boolean await(String id, long seen, Duration max) {
        open();
        long begin = System.nanoTime();
        synchronized (lock) {
            while (true) {
                if (counts.getOrDefault(id, 0L) != seen) {
                    return true;
                }
                // re-read after the stream opens (or fails): the cap changes with it
                long cap = Math.min(max.toNanos(), live ? SAFETY_NET.toNanos() : StackVerb.POLL.toNanos());
                long left = begin + cap - System.nanoTime();
                if (left <= 0 || closed) {
                    return false;
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new EngineException("interrupted", e);
                }
            }
        }
    }

    /** Whether the stream is open and delivering (tests, and the waits' choice of pace). */
    boolean live() {
        synchronized (lock) {
            return live;
        }
    }

    /** Opens the stream once, in the background; a failure leaves the waits polling. */
    void open() {
        synchronized (lock) {
            if (opening || closed) {
                return;
            }
            opening = true;
        }
        try {
            var cmd = docker.eventsCmd()
                    .withEventTypeFilter(EventType.CONTAINER)
                    .withLabelFilter(Map.of(ComposeLabels.PROJECT, project))
                    .withEventFilter(actions);
            if (replay) {
                cmd.withSince(Long.toString(System.currentTimeMillis() / 1000 - REPLAY_SECONDS));
            }
            Closeable c = cmd.exec(new ResultCallback.Adapter<Event>() {
                        @Override
                        public void onStart(Closeable closeable) {
                            super.onStart(closeable);
                            boolean late;
                            synchronized (lock) {
                                late = closed;
                                live = !closed;
                                lock.notifyAll();
                            }
                            if (late) {
                                quietClose(closeable);
                            }
                        }

                        @Override
                        public void onNext(Event e) {
                            String id = e.getActor() != null && e.getActor().getId() != null ? e.getActor().getId() : e.getId();
                            java.util.List<java.util.concurrent.CompletableFuture<Void>> done = new java.util.ArrayList<>();
                            synchronized (lock) {
                                if (id != null) {
                                    long n = counts.merge(id, 1L, Long::sum);
                                    var list = waiting.get(id);
                                    if (list != null) {
                                        list.removeIf(w -> w.getKey() != n && done.add(w.getValue()));
                                    }
                                }
                                lock.notifyAll();
                            }
                            done.forEach(f -> f.complete(null)); // outside the lock: what runs next may call in
                        }

                        @Override
                        public void onError(Throwable t) {
                            down();
                        }

                        @Override
                        public void onComplete() {
                            down();
                        }
                    });
            synchronized (lock) {
                stream = c;
                if (closed) {
                    quietClose(c);
                }
            }
        } catch (RuntimeException e) {
            down(); // the waits poll as before
        }
    }

    private void down() {
        synchronized (lock) {
            live = false;
            lock.notifyAll();
        }
    }

    @Override
    public void close() {
        Closeable c;
        synchronized (lock) {
            closed = true;
            live = false;
            c = stream;
            stream = null;
            lock.notifyAll();
        }
        quietClose(c);
    }

    private static void quietClose(Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (java.io.IOException | RuntimeException e) {
                // the stream is going away either way
            }
        }
    }
}
