package dev.devops.cli;

/**
 * Raised by a command when the Docker engine is unavailable or an engine operation failed (exit 3).
 * The engine package reports its own exception type; commands translate it into this one.
 */
public class EngineFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EngineFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
