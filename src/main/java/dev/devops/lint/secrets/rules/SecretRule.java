package dev.devops.lint.secrets.rules;

import dev.devops.lint.Severity;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One secret-detection rule, loaded from the rules data (never hard-coded in Java).
 *
 * @param id            stable id, "SEC" + digits (e.g. SEC0101)
 * @param title         one line: what the secret is ("GitHub personal access token (classic)")
 * @param severity      default severity
 * @param regex         the pattern; group {@code secretGroup} (0 = whole match) is the secret itself
 * @param secretGroup   which group holds the secret
 * @param keywords      lowercase literals, at least one of which occurs in any match: the prefilter
 * @param entropy       minimum Shannon entropy (bits per char) of the secret, or 0 for none
 * @param validator     checksum validator id ("github-crc32", "npm-crc32", …) or null
 * @param examplesMatch strings the rule must match (fixtures; secret-shaped, so they live only in the rules data)
 * @param examplesIgnore strings the rule must not match
 * @param help          what to do when found (rotate, where to rotate), shown as the hint
 */
public record SecretRule(String id, String title, Severity severity, RuleRegex regex, int secretGroup,
        List<String> keywords, double entropy, String validator, List<String> examplesMatch,
        List<String> examplesIgnore, String help) {
    public SecretRule {
        keywords = List.copyOf(keywords);
        examplesMatch = List.copyOf(examplesMatch);
        examplesIgnore = List.copyOf(examplesIgnore);
    }

    /** With a compiled regex. */
    public SecretRule(String id, String title, Severity severity, Pattern regex, int secretGroup, List<String> keywords,
            double entropy, String validator, List<String> examplesMatch, List<String> examplesIgnore, String help) {
        this(id, title, severity, RuleRegex.of(regex), secretGroup, keywords, entropy, validator, examplesMatch,
                examplesIgnore, help);
    }
}
