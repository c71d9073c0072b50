package dev.devops.descriptor;

/**
 * An environment variable an app reads.
 *
 * @param name         the variable's name
 * @param description  a one-line comment for .env.example
 * @param required     the app fails without it
 * @param secret       never given a value in committed files; compose reads it with ${NAME:?…} when required,
 *                     else passes it through only when set
 * @param defaultValue the value used when unset (not allowed for secrets), or null
 * @param from         a value derived from a backing service, "SERVICE.ATTRIBUTE" (e.g. "postgres.url"),
 *                     set by compose inside the stack; or null
 */
public record EnvVar(String name, String description, boolean required, boolean secret, String defaultValue,
        String from) {
    /**
     * Whether the compose file can carry this default as {@code ${NAME:-default}} and {@code .env.example} as one
     * line: compose has no escape for '}', and a line break would end the {@code .env.example} line.
     */
    public static boolean renderableDefault(String value) {
        return value != null && value.indexOf('}') < 0 && value.chars().noneMatch(c -> c < 0x20 && c != '\t');
    }
}
