package dev.devops.core;

import java.nio.file.Path;

/**
 * A problem with what the user gave us: a flag, a file, a value. Exit code 2, printed as one line
 * ("file:line:column: what is wrong; what to do") and never with a stack trace unless --verbose.
 */
public class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient SourceLocation location;
    private final String hint;

    public UserError(String message) {
        this(null, message, null, null);
    }

    public UserError(SourceLocation location, String message, String hint) {
        this(location, message, hint, null);
    }

    public UserError(SourceLocation location, String message, String hint, Throwable cause) {
        super(message, cause);
        this.location = location;
        this.hint = hint;
    }

    public static UserError at(Path file, int line, int column, String message, String hint) {
        return new UserError(new SourceLocation(file, line, column), message, hint);
    }

    public SourceLocation location() {
        return location;
    }

    public String hint() {
        return hint;
    }

    /** The lines the user sees: one, except for {@link UserErrors} (one per problem). */
    public java.util.List<String> lines() {
        return java.util.List.of(oneLine());
    }

    /** The one line the user sees. */
    public String oneLine() {
        StringBuilder sb = new StringBuilder();
        if (location != null) {
            sb.append(location).append(": ");
        }
        sb.append(getMessage());
        if (hint != null && !hint.isBlank()) {
            sb.append("; ").append(hint);
        }
        return singleLine(sb.toString());
    }

    /**
     * {@code s} on one line: a user's value quoted in a message (a version with a line break in devops.yaml, a
     * name with a carriage return) can hold control characters, which would break the one-line promise or rewrite
     * the terminal; they are shown escaped (a line break as backslash-n, others as backslash-u and four hex digits).
     */
    public static String singleLine(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029;
            if (!control) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb == null ? s : sb.toString();
    }
}
