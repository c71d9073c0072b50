package dev.devops.lint.compose;

import static dev.devops.lint.Severity.INFO;

/** DC0013: links is a legacy option. */
final class DC0013Links {
    private DC0013Links() {
    }

    static final ComposeRule RULE = ComposeRule.of("DC0013", INFO, "links is a legacy option",
            "links: comes from the old Docker link system; on a compose network every service already "
                    + "reaches the others by service name. Remove links and use depends_on: for start order.",
            (s, o) -> s.each(svc -> svc.links().forEach(l -> o.report(l.at(), "service '" + svc.name()
                    + "' uses the legacy link '" + l.value() + "'", "remove it: service names resolve on the network"))));
}
