package dev.devops.lint.compose;

import static dev.devops.lint.Severity.WARNING;

/** DC0010: privileged: true. */
final class DC0010Privileged {
    private DC0010Privileged() {
    }

    static final ComposeRule RULE = ComposeRule.of("DC0010", WARNING, "privileged: true",
            "A privileged container has every capability and all host devices: root in it is root on the "
                    + "host. Grant only the capability the service needs with cap_add:, or remove the line.",
            (s, o) -> s.each((svc) -> {
                if (svc.privileged()) {
                    o.report(svc.locate("privileged"), "service '" + svc.name() + "' runs privileged (root on the host)",
                            "remove privileged: true; add only the needed capability with cap_add");
                }
            }));
}
