package dev.devops.lint.dockerfile;

import java.util.List;

/**
 * The Dockerfile rules, registered one line each. A rule is one unit, {@code DF<id><Name>.java} in this
 * package: its id, severity, title, explanation and check together (modelled on hadolint's one module per
 * DLxxxx and Error Prone's one class per bug pattern); the queries several rules share live on the model
 * ({@link Instruction}, {@link DockerfileScope}, {@link ShellCommand}) and the reporting helpers on
 * {@link DockerfileRule}. Its fixtures are {@code src/test/resources/lint/dockerfile/<ID>-ok|bad*}.
 */
public final class DockerfileRules {
    private DockerfileRules() {
    }

    /** DF0000, reported by the check itself when a file cannot be read or parsed. */
    public static final DockerfileRule PARSE = DF0000Parse.RULE;

    /** Every rule, DF0000 first. */
    public static List<DockerfileRule> all() {
        return RULES;
    }

    private static final List<DockerfileRule> RULES = List.of(
            DF0000Parse.RULE,
            DF0001UntaggedBase.RULE,
            DF0002RunsAsRoot.RULE,
            DF0003AddWhereCopyFits.RULE,
            DF0004AddUrl.RULE,
            DF0005AptGetWithoutYes.RULE,
            DF0006NoInstallRecommends.RULE,
            DF0007AptListsKept.RULE,
            DF0008AptUpgrade.RULE,
            DF0009AptUpdateAlone.RULE,
            DF0010ApkNoCache.RULE,
            DF0011PipCache.RULE,
            DF0012NpmInstall.RULE,
            DF0013YumClean.RULE,
            DF0014ShellForm.RULE,
            DF0015SeveralCmd.RULE,
            DF0016RelativeWorkdir.RULE,
            DF0017CdInRun.RULE,
            DF0018SudoInRun.RULE,
            DF0019CurlPipeShell.RULE,
            DF0020SecretEnv.RULE,
            DF0021LegacyKeyValue.RULE,
            DF0022Maintainer.RULE,
            DF0023CopyManyToFile.RULE,
            DF0024InvalidExpose.RULE,
            DF0025ConstantPlatform.RULE,
            DF0026MissingHealthcheck.RULE,
            DF0027CopyAllBeforeInstall.RULE,
            DF0028BuildkitOnly.RULE,
            DF0029DuplicateStage.RULE,
            DF0030CopyFromUndefined.RULE,
            DF0031FromLaterStage.RULE,
            DF0032CopyRelativeNoWorkdir.RULE,
            DF0033UseraddHighUid.RULE,
            DF0034AptInsteadOfAptGet.RULE,
            DF0035Unpinned.RULE,
            DF0036ExposeSsh.RULE,
            DF0037EnvBakedIn.RULE,
            DF0038ChownAfterCopy.RULE,
            DF0039BrokenJson.RULE,
            DF0040Pipefail.RULE);
}
