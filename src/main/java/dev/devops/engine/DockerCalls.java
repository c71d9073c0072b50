package dev.devops.engine;

import com.github.dockerjava.api.exception.DockerException;
import dev.devops.core.UserError;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** Engine calls and parallel tasks with docker-java's exceptions turned into one-line {@link EngineException}s. */
final class DockerCalls {
    private DockerCalls() {
    }

    /** Runs {@code op}; any engine or transport failure becomes "WHAT failed: reason". */
    static <T> T call(String what, Supplier<T> op) {
        try {
            return op.get();
        } catch (DockerException e) {
            throw fail(what, e);
        } catch (EngineException | UserError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EngineException(what + " failed: " + EngineClient.rootMessage(e), e);
        }
    }

    static EngineException fail(String what, DockerException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"message\"\\s*:\\s*\"(.*?)\"").matcher(msg);
        String text = m.find() ? m.group(1) : msg.lines().findFirst().orElse(msg).strip();
        return new EngineException(what + " failed: " + text, e);
    }

    /** Waits for all tasks; rethrows the first failure (after every task has finished). */
    static void join(List<CompletableFuture<Void>> tasks) {
        RuntimeException first = null;
        for (CompletableFuture<Void> t : tasks) {
            try {
                t.join();
            } catch (CompletionException e) {
                if (first == null) {
                    first = unwrap(e.getCause());
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    static RuntimeException unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof EngineException || t instanceof UserError) {
            return (RuntimeException) t;
        }
        if (t instanceof DockerException d) {
            return fail("engine call", d);
        }
        return t instanceof RuntimeException r ? r : new EngineException(String.valueOf(t.getMessage()), t);
    }
}
