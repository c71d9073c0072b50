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
}
