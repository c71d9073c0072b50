package dev.devops.compose;

/** A value that cannot be interpolated: a required variable is missing, or the syntax is malformed. */
public final class InterpolationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String variable;
    private final String hint;

    public InterpolationException(String variable, String message, String hint) {
        super(message);
        this.variable = variable;
        this.hint = hint;
    }

    /** The variable a {@code ?} form required, or null for a syntax problem. */
    public String variable() {
        return variable;
    }

    public String hint() {
        return hint;
    }
}
