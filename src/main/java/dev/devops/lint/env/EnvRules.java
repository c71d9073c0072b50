package dev.devops.lint.env;

import java.util.List;

/**
 * The env-parity rules (ENV), registered one line each. A rule is one unit, {@code ENV<id><Name>.java} in this
 * package: its id, severity, title, explanation and check together (the shape of the Dockerfile and compose
 * rules); what the rules see, and the queries several share, live on {@link EnvScope}. The dotenv syntax rules
 * (ENV0011–ENV0021) report what {@link DotenvFile}'s parser found for their id. Fixtures:
 * {@code src/test/resources/lint/env/<ID>-ok|bad*}. The drift rules are registered in {@link DriftRules}.
 */
final class EnvRules {
    private EnvRules() {
    }

    /** Every rule, in id order. */
    static List<EnvRule> all() {
        return RULES;
    }

    private static final List<EnvRule> RULES = List.of(
            ENV0001Undocumented.RULE,
            ENV0002NoExample.RULE,
            ENV0003Unused.RULE,
            ENV0004Tracked.RULE,
            ENV0005LocalNotInExample.RULE,
            ENV0006ExampleNotInLocal.RULE,
            ENV0007EnvironmentKeys.RULE,
            ENV0008ComposeUnset.RULE,
            ENV0009RequiredUnset.RULE,
            ENV0010NearMiss.RULE,
            ENV0011DuplicateKey.RULE,
            ENV0012LowercaseKey.RULE,
            ENV0013SpacesAroundEquals.RULE,
            ENV0014InvalidKey.RULE,
            ENV0015UnquotedSpaces.RULE,
            ENV0016Whitespace.RULE,
            ENV0017FinalNewline.RULE,
            ENV0018Quotes.RULE,
            ENV0019Export.RULE,
            ENV0020BlankLines.RULE,
            ENV0021Substitution.RULE,
            ENV0022Binary.RULE,
            ENV0023NotIgnored.RULE,
            ENV0024UnwiredService.RULE);
}
