package dev.devops.lint.compose;

import static dev.devops.lint.Severity.INFO;

/** DC0001: Obsolete top-level 'version'. */
final class DC0001ObsoleteVersion {
    private DC0001ObsoleteVersion() {
    }

    static final ComposeRule RULE = ComposeRule.of("DC0001", INFO, "Obsolete top-level 'version'",
            "Compose v2 ignores the top-level version: key and prints a warning about it; the file format is "
                    + "the Compose Specification whatever the number says. Delete the line.",
            (s, o) -> {
                if (s.project().version() != null) {
                    o.report(s.project().version().at(), "'version: " + s.project().version().value()
                            + "' is obsolete and ignored by compose v2", "delete the version line");
                }
            });
}
