package dev.devops.core;

/** The process exit codes, the same for every command. */
public final class ExitCode {
    /** Clean: nothing to report, or the command did what was asked. */
    public static final int OK = 0;
    /** Findings at or above the failure threshold, or drift detected. */
    public static final int FINDINGS = 1;
    /** Usage, configuration or input error. */
    public static final int USAGE = 2;
    /** Docker engine unavailable or a Docker operation failed. */
    public static final int ENGINE = 3;
    /** A bug in devops itself (an exception nobody expected). */
    public static final int INTERNAL = 70;

    private ExitCode() {
    }
}
