package dev.devops.lint.compose;

import java.util.List;

/**
 * The compose rules, registered one line each. A rule is one unit, {@code DC<id><Name>.java} in this package: its
 * id, severity, title, explanation and check together (the shape of the Dockerfile rules); what a rule sees and the
 * queries several rules share live on {@link ComposeScope}. Its fixtures are
 * {@code src/test/resources/lint/compose/<ID>-ok|bad*}.
 */
public final class ComposeRules {
    private ComposeRules() {
    }

    /** DC0000, reported by the check itself when the files cannot be loaded. */
    public static final ComposeRule PARSE = DC0000Parse.RULE;

    /** Every rule, DC0000 first. */
    public static List<ComposeRule> all() {
        return RULES;
    }

    private static final List<ComposeRule> RULES = List.of(
            DC0000Parse.RULE,
            DC0001ObsoleteVersion.RULE,
            DC0002UntaggedImage.RULE,
            DC0003HardCodedSecret.RULE,
            DC0004EmptyPassword.RULE,
            DC0005DataPortPublic.RULE,
            DC0006PortPublic.RULE,
            DC0007HealthyWithoutHealthcheck.RULE,
            DC0008StatefulWithoutVolume.RULE,
            DC0009StatefulWithoutHealthcheck.RULE,
            DC0010Privileged.RULE,
            DC0011DockerSocket.RULE,
            DC0012HostNetwork.RULE,
            DC0013Links.RULE,
            DC0014BuildAndImage.RULE,
            DC0015DuplicateHostPort.RULE,
            DC0016MissingEnvFile.RULE,
            DC0017UndefinedReference.RULE,
            DC0018UnknownDependency.RULE,
            DC0019ContainerName.RULE,
            DC0020NoRestart.RULE,
            DC0021PowerfulCapability.RULE,
            DC0022HostNamespace.RULE,
            DC0023Unconfined.RULE,
            DC0024SensitiveBind.RULE,
            DC0025DependsOnCycle.RULE);
}
