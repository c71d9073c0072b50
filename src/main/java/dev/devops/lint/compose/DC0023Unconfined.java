package dev.devops.lint.compose;

import static dev.devops.lint.Severity.WARNING;

import java.util.regex.Pattern;

/** DC0023: security_opt disables AppArmor, seccomp or SELinux. */
final class DC0023Unconfined {
    private DC0023Unconfined() {
    }

    static final ComposeRule RULE = ComposeRule.of("DC0023", WARNING, "security_opt disables AppArmor, seccomp or SELinux",
            "apparmor:unconfined, seccomp:unconfined and label:disable switch off the kernel confinement "
                    + "that limits what a compromised container can do. Remove them, or write a custom profile "
                    + "that allows only the extra calls needed.",
            DC0023Unconfined::securityOpt);

    private static final Pattern UNCONFINED = Pattern.compile(
            "(?i)(apparmor|seccomp|systempaths)\\s*[:=]\\s*unconfined|label\\s*[:=]\\s*disable|no-new-privileges\\s*[:=]\\s*false");

    private static void securityOpt(ComposeScope s, ComposeRule.Reporter o) {
        s.each(svc -> svc.securityOpt().forEach(opt -> {
            if (opt.value() != null && UNCONFINED.matcher(opt.value()).find()) {
                o.report(opt.at(), "service '" + svc.name() + "' turns off confinement: security_opt " + opt.value(),
                        "remove it, or use a custom profile that allows only what is needed");
            }
        }));
    }
}
