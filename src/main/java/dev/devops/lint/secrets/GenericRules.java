package dev.devops.lint.secrets;

import dev.devops.lint.RuleInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The generic secret rules (SEC0001–SEC0099), registered one line each. A rule is one unit,
 * {@code SEC<id><Name>.java} in this package: its id, severity, title, explanation, literal match/ignore examples
 * and check together (the shape of the Dockerfile, compose and env rules; {@link GenericRule} says what a check is
 * made of). Parsing several rules share is one helper they call ({@link PemBlocks}, {@link Assignments}). The
 * provider rules (SEC0100 and up) are data ({@code rules/*.yaml}); {@code SecretRulesExamplesTest} runs both kinds of
 * examples.
 */
public final class GenericRules {
    private GenericRules() {
    }

    static final String CATEGORY = "secrets";

    /** Every generic rule, in id order. */
    public static List<GenericRule> all() {
        return RULES;
    }

    private static final List<GenericRule> RULES = List.of(
            SEC0001PrivateKey.RULE,
            SEC0002OpenSshKey.RULE,
            SEC0003PgpKey.RULE,
            SEC0004PuttyKey.RULE,
            SEC0005Keystore.RULE,
            SEC0006DataProtectionKey.RULE,
            SEC0010Jwt.RULE,
            SEC0020UriPassword.RULE,
            SEC0021ConnectionString.RULE,
            SEC0022BasicAuth.RULE,
            SEC0030Password.RULE,
            SEC0031GenericSecret.RULE,
            SEC0040KubernetesSecret.RULE,
            SEC0050CommittedDotenv.RULE,
            SEC0051ExampleEnvSecret.RULE);

    private static final Map<String, GenericRule> BY_ID = new HashMap<>();

    static {
        RULES.forEach(r -> BY_ID.put(r.info().id(), r));
    }

    /** Whether {@code rule} is a name- or form-based generic rule (passwords, secrets, URI and connection-string passwords). */
    static boolean isNameBased(RuleInfo rule) {
        GenericRule g = BY_ID.get(rule.id());
        return g != null && g.nameBased;
    }

    /** How a finding of {@code rule} overlaps others on its line; a provider rule's is specific for its line. */
    static GenericRule.Overlap overlap(RuleInfo rule) {
        GenericRule g = BY_ID.get(rule.id());
        return g == null ? GenericRule.Overlap.LINE : g.overlap;
    }
}
