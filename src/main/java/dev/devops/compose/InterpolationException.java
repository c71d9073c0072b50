package dev.devops.compose;

/**
 * A value that cannot be interpolated: a required variable is missing, or the syntax is malformed. The message
 * never quotes the value: a syntax error names the position and the offending {@code ${…} fragment only (the
 * value may be a password with a '$' in it), and {@link #redactedMessage()} drops even that.
 */
public final class InterpolationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String variable;
    private final String hint;
    private final String problem;
    private final String fragment;
    private final int position;

    /** A required variable ({@code ${X:?msg}}) that is unset or empty. */
    public InterpolationException(String variable, String message, String hint) {
        super(message);
        this.variable = variable;
        this.hint = hint;
        this.problem = message;
        this.fragment = null;
        this.position = 0;
    }

    /**
     * A syntax error.
     *
     * @param position 1-based character position of the offending '$' in the value
     * @param fragment the offending text from that '$' (at most a few characters)
     * @param problem  what is wrong with it
     */
    InterpolationException(int position, String fragment, String problem, String hint) {
        super("invalid interpolation format at character " + position + " of the value: '" + fragment + "' " + problem);
        this.variable = null;
        this.hint = hint;
        this.problem = problem;
        this.fragment = fragment;
        this.position = position;
    }

    /** The same error for a value that starts {@code by} characters earlier (a nested default or alternative). */
    InterpolationException shifted(int by) {
        return fragment == null || by == 0 ? this : new InterpolationException(position + by, fragment, problem, hint);
    }

    /** The variable a {@code ?} form required, or null for a syntax problem. */
    public String variable() {
        return variable;
    }

    public String hint() {
        return hint;
    }

    /** The message without any of the value's text: for values of secret keys. */
    public String redactedMessage() {
        if (fragment == null) {
            return getMessage();
        }
        return "invalid interpolation format at character " + position + " of the value (not shown: a secret): "
                + problem.replace("'", "");
    }
}
