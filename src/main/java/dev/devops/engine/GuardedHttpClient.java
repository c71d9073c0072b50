package dev.devops.engine;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.util.function.Function;

/**
 * The transport with one addition: until a request has reached the engine, a request that cannot
 * connect fails with the "no Docker engine" message and its hint. This replaces a ping before the
 * first call (a round trip on every command's critical path) with the first real call itself.
 */
final class GuardedHttpClient implements DockerHttpClient {
    private final DockerHttpClient delegate;
    private final Function<String, EngineException> unavailable;
    private volatile boolean reached;

    GuardedHttpClient(DockerHttpClient delegate, Function<String, EngineException> unavailable) {
        this.delegate = delegate;
        this.unavailable = unavailable;
    }

    @Override
    public Response execute(Request request) {
        if (reached) {
            return delegate.execute(request);
        }
        try {
            Response r = delegate.execute(request);
            reached = true;
            return r;
        } catch (RuntimeException e) {
            if (isConnectFailure(e)) {
                throw unavailable.apply(EngineClient.rootMessage(e));
            }
            throw e;
        }
    }

    /** A transport failure before any byte of an answer: an I/O error anywhere in the cause chain. */
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
        delegate.close();
    }
}
