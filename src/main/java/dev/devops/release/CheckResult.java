package dev.devops.release;

/**
 * The validation gate's result as recorded in a manifest and a label.
 *
 * @param status   {@code passed}, {@code failed} or {@code skipped} (--no-check)
 * @param failOn   the threshold the gate used
 * @param errors   findings of severity error
 * @param warnings findings of severity warning
 * @param infos    findings of severity info
 */
public record CheckResult(String status, String failOn, int errors, int warnings, int infos) {
    public static final String PASSED = "passed";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    public static CheckResult skipped() {
        return new CheckResult(SKIPPED, null, 0, 0, 0);
    }

    public boolean passed() {
        return PASSED.equals(status);
    }

    /** The one-word form carried by the image label. */
    public String label() {
        return status;
    }
}
