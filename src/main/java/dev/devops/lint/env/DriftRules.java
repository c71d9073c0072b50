package dev.devops.lint.env;

import java.util.List;

/**
 * The drift rules (DRIFT), registered one line each. A rule is one unit, {@code DRIFT<id><Name>.java} in this
 * package: its id, severity, title, explanation and check together; what the rules see, and the queries several
 * share (the version statements of a directory, the render drift of devops.yaml), live on {@link DriftScope}.
 * Fixtures: {@code src/test/resources/lint/drift/<ID>-ok|bad*}.
 */
final class DriftRules {
    private DriftRules() {
    }

    /** Every rule, in id order. */
    static List<DriftRule> all() {
        return RULES;
    }

    private static final List<DriftRule> RULES = List.of(
            DRIFT0001GeneratedDrift.RULE,
            DRIFT0002GeneratedMissing.RULE,
            DRIFT0003ImageVersion.RULE,
            DRIFT0004CiVersion.RULE,
            DRIFT0005DescriptorVersion.RULE,
            DRIFT0006VersionFiles.RULE);
}
