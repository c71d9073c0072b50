package dev.devops.lint.secrets.rules;

/** TEMPORARY placeholder until the rules branch lands: every checksum passes. */
public final class Validators {
    private Validators() {
    }

    public static boolean valid(String validatorId, String secret) {
        return true;
    }
}
