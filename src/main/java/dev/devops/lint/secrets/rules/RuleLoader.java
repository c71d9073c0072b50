package dev.devops.lint.secrets.rules;

import java.util.List;

/** TEMPORARY placeholder until the rules branch lands: no provider rules. */
public final class RuleLoader {
    private RuleLoader() {
    }

    public static List<SecretRule> builtin() {
        return List.of();
    }
}
