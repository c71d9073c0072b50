package dev.devops.release;

/**
 * The registry could not be reached or answered with an error. The message names the registry and
 * what to do, never a credential. {@link #unreachable()} tells a connection failure (registry down)
 * from an error answer.
 */
public class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean unreachable;

    public RegistryException(String message, boolean unreachable, Throwable cause) {
        super(message, cause);
        this.unreachable = unreachable;
    }

    public boolean unreachable() {
        return unreachable;
    }
}
