package dev.devops.engine;

/**
 * One progress event.
 *
 * @param service   the service name, or a resource name ("network app_default") for stack-level events
 * @param container the container name, or null when the event is about the service as a whole
 * @param state     what happens
 * @param message   detail for humans (may be empty)
 */
public record ServiceEvent(String service, String container, ServiceState state, String message) {
    public ServiceEvent {
        message = message == null ? "" : message;
    }
}
