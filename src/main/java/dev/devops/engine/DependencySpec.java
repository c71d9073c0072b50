package dev.devops.engine;

/**
 * One {@code depends_on} entry.
 *
 * @param condition {@link #STARTED}, {@link #HEALTHY} or {@link #COMPLETED}
 * @param required  when false, a missing or failing dependency is only a warning
 * @param restart   restart this service when the dependency is recreated (compose's {@code restart: true})
 */
public record DependencySpec(String condition, boolean required, boolean restart) {
    public static final String STARTED = "service_started";
    public static final String HEALTHY = "service_healthy";
    public static final String COMPLETED = "service_completed_successfully";

    public DependencySpec {
        condition = condition == null ? STARTED : condition;
        if (!condition.equals(STARTED) && !condition.equals(HEALTHY) && !condition.equals(COMPLETED)) {
            throw new dev.devops.core.UserError(null, "unknown depends_on condition '" + condition + "'",
                    "use " + STARTED + ", " + HEALTHY + " or " + COMPLETED);
        }
    }

    public static DependencySpec started() {
        return new DependencySpec(STARTED, true, false);
    }

    public static DependencySpec healthy() {
        return new DependencySpec(HEALTHY, true, false);
    }

    public static DependencySpec completed() {
        return new DependencySpec(COMPLETED, true, false);
    }
}
