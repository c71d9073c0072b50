package dev.devops.descriptor;

import java.util.List;

/**
 * The app's database migration step: a one-shot compose service ({@code APP-migrate}) that runs to completion before
 * the app starts (the app waits for it with {@code condition: service_completed_successfully}).
 *
 * @param command the command it runs (exec form); an argument may name a service attribute as {@code {SERVICE.ATTR}}
 *                ({@code {postgres.url}}), which the compose file writes as that service's in-stack value
 * @param image   the image it runs, or null for the app's own image (with the app's environment)
 * @param mount   a directory of the app (relative to it) mounted read-only at {@code /migrations}, or null
 */
public record Migrate(List<String> command, String image, String mount) {
    public Migrate {
        command = command == null ? List.of() : List.copyOf(command);
    }

    /** A command run in the app's own image. */
    public static Migrate inAppImage(List<String> command) {
        return new Migrate(command, null, null);
    }
}
