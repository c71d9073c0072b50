package dev.devops.descriptor;

import java.util.List;

/**
 * The {@code lint:} section of devops.yaml.
 *
 * @param allowPaths   glob patterns of paths never reported (e.g. "test/fixtures/**")
 * @param allowRules   rule ids switched off for this repository
 * @param allowValues  regular expressions of values that are never secrets
 * @param stopwords    words that, found in a value, mark it as not a secret
 */
public record LintSettings(List<String> allowPaths, List<String> allowRules, List<String> allowValues,
        List<String> stopwords) {
    public static final LintSettings EMPTY = new LintSettings(List.of(), List.of(), List.of(), List.of());

    public LintSettings {
        allowPaths = List.copyOf(allowPaths);
        allowRules = List.copyOf(allowRules);
        allowValues = List.copyOf(allowValues);
        stopwords = List.copyOf(stopwords);
    }
}
