package dev.devops.engine;

import java.util.List;

/**
 * Options of {@code logs}.
 *
 * @param services   services to show; empty for all
 * @param follow     keep streaming until the containers stop (or the thread is interrupted)
 * @param tail       number of lines from the end of each log, or null for all
 * @param timestamps prefix each line with the engine's timestamp
 */
public record LogOptions(List<String> services, boolean follow, Integer tail, boolean timestamps) {
    public LogOptions {
        services = services == null ? List.of() : List.copyOf(services);
    }
}
