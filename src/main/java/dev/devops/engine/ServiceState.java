package dev.devops.engine;

/** What the engine is doing with a service (or one of its containers), as reported to a listener. */
public enum ServiceState {
    BUILDING, BUILT, PULLING, PULL_SKIPPED, UP_TO_DATE, CREATING, CREATED, RECREATING, STARTING, WAITING, HEALTHY, RUNNING,
    EXITED, STOPPING, STOPPED, REMOVED, ORPHAN, WARNING, FAILED;

    /** Lower-case words for humans ("waiting", "up to date"). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
