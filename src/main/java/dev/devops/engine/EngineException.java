package dev.devops.engine;

/**
 * The Docker engine is unavailable or an engine operation failed (exit code 3). The message is one
 * line saying what failed and what to do; {@link #details()} carries extra output (build step,
 * health-check log) for the user to read below it.
 */
public class EngineException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String details;

    public EngineException(String message) {
        this(message, null, null);
    }

    public EngineException(String message, Throwable cause) {
        this(message, null, cause);
    }

    public EngineException(String message, String details, Throwable cause) {
        super(message, cause);
        this.details = details == null ? "" : details;
    }

    /** Multi-line output that explains the failure (may be empty). */
    public String details() {
        return details;
    }

    /** The message followed by the details, if any. */
    public String fullMessage() {
        return details.isBlank() ? getMessage() : getMessage() + "\n" + details.stripTrailing();
    }
}
