package dev.devops.release;

/** An artifact archive whose content does not match its recorded SHA-256 (exit 1: refused, nothing loaded). */
public class TamperedArchiveException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TamperedArchiveException(String message) {
        super(message);
    }
}
