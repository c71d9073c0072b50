package dev.devops.engine;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The transport with three additions.
 * <ul>
 * <li>Until a request has reached the engine, a request that cannot connect fails with the "no Docker engine"
 * message and its hint. This replaces a ping before the first call (a round trip on every command's critical
 * path) with the first real call itself.</li>
 * <li>Every other transport failure (a reset connection, an engine that does not answer within the read timeout)
 * is an {@link EngineException} naming what happened (exit 3), never a bare exception.</li>
 * <li>Requests that legitimately wait (logs and attach streams, events, container wait and stop, builds, pulls,
 * pushes, image save and load, exec) go to a second transport without a read timeout; every other call is bounded by the first one's.</li>
 * </ul>
 */
final class GuardedHttpClient implements DockerHttpClient {
    /** Paths (after the optional /vX.Y prefix) whose answers may take as long as the work they wait for. */
    private static final Pattern WAITS = Pattern.compile("^(?:/v[0-9.]+)?/(?:containers/[^/?]+/(?:logs|attach|wait|stop|restart|kill|stats)"
            + "|events|build|images/create|images/[^?]+/push|images/get|images/[^/?]+/get|images/load"
            + "|exec/[^/?]+/start|session)(?:[/?].*)?$");

    private final DockerHttpClient bounded;
    private final Supplier<DockerHttpClient> unboundedMaker;
    private final Function<String, EngineException> unavailable;
    private final String host;
    private final long readTimeoutSeconds;
    private volatile DockerHttpClient unbounded;
    private volatile boolean reached;

    GuardedHttpClient(DockerHttpClient delegate, Function<String, EngineException> unavailable) {
        this(delegate, () -> delegate, unavailable, "the engine", 0);
    }

    GuardedHttpClient(DockerHttpClient bounded, Supplier<DockerHttpClient> unbounded,
            Function<String, EngineException> unavailable, String host, long readTimeoutSeconds) {
        this.bounded = bounded;
        this.unboundedMaker = unbounded;
        this.unavailable = unavailable;
        this.host = host;
        this.readTimeoutSeconds = readTimeoutSeconds;
    }

    /** Whether {@code path} is a request that may wait without bound for the engine's answer. */
    static boolean waits(String path) {
        return WAITS.matcher(path).matches();
    }

    private DockerHttpClient route(Request request) {
        if (request.hijackedInput() == null && !waits(request.path())) {
            return bounded;
        }
        DockerHttpClient u = unbounded;
        if (u == null) {
            synchronized (this) {
                if (unbounded == null) {
                    unbounded = unboundedMaker.get();
                }
                u = unbounded;
            }
        }
        return u;
    }

    /**
     * Runs bounded calls, so that the read timeout holds on every transport: on a unix socket the zerodep
     * transport reads through a channel stream, which ignores the socket's read timeout, and an engine that
     * accepted and never answered hung {@code ps} for good. Daemon threads: a call abandoned at its deadline never
     * keeps the JVM alive.
     */
    private static final java.util.concurrent.ExecutorService CALLS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "devops-engine-call");
        t.setDaemon(true);
        return t;
    });

    @Override
    public Response execute(Request request) {
        DockerHttpClient d = route(request);
        if (d != bounded || readTimeoutSeconds <= 0) {
            return direct(d, request);
        }
        java.util.concurrent.Future<Response> call = CALLS.submit(() -> direct(d, request));
        try {
            // a second past the transport's own timeout: where that one works (tcp), its message comes first
            return call.get(readTimeoutSeconds + 1, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            call.cancel(true);
            throw lost(request, new SocketTimeoutException("no answer within " + readTimeoutSeconds + " s"));
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw lost(request, c);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while waiting for the Docker engine at " + host, e);
        }
    }

    private Response direct(DockerHttpClient d, Request request) {
        try {
            Response r = d.execute(request);
            reached = true;
            return r;
        } catch (EngineException e) {
            throw e;
        } catch (RuntimeException e) {
            if (!isConnectFailure(e)) {
                throw e;
            }
            if (!reached && !timedOut(e)) {
                throw unavailable.apply(EngineClient.rootMessage(e));
            }
            throw lost(request, e);
        }
    }

    /** The one-line error for a transport failure after the engine was reached. */
    EngineException lost(Request request, Throwable e) {
        String what = request.method() + " " + request.path().replaceFirst("^/v[0-9.]+", "").replaceFirst("\\?.*", "");
        if (timedOut(e)) {
            return new EngineException("the Docker engine at " + host + " did not answer " + what + " within "
                    + readTimeoutSeconds + " s: it is overloaded or stuck; raise DEVOPS_ENGINE_READ_TIMEOUT (seconds)"
                    + " or check the engine", e);
        }
        return new EngineException("lost the connection to the Docker engine at " + host + " during " + what + " ("
                + EngineClient.rootMessage(e) + "): check the engine and run the command again", e);
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** A transport failure: an I/O error anywhere in the cause chain. */
    static boolean isConnectFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        try {
            bounded.close();
        } finally {
            DockerHttpClient u = unbounded;
            if (u != null && u != bounded) {
                u.close();
            }
        }
    }
}
