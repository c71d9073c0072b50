package dev.devops.descriptor;

import java.util.List;

/**
 * The {@code lint:} section of devops.yaml.
 *
 * @param allowPaths   glob patterns of paths never reported (e.g. "test/fixtures/**")
 * @param allowRules   rule ids switched off for this repository
 * @param allowValues  regular expressions of values that are never secrets
 * @param stopwords    words that, found in a value, mark it as not a secret
 * @param testPaths    globs of paths that are test code or data, besides the built-in test class ({@code lint.paths.tests})
 * @param docsPaths    globs of paths that are documentation, besides the built-in docs class ({@code lint.paths.docs})
 */
public record LintSettings(List<String> allowPaths, List<String> allowRules, List<String> allowValues,
        List<String> stopwords, List<String> testPaths, List<String> docsPaths) {
    public static final LintSettings EMPTY = new LintSettings(List.of(), List.of(), List.of(), List.of());

    public LintSettings {
        allowPaths = List.copyOf(allowPaths);
        allowRules = List.copyOf(allowRules);
        allowValues = List.copyOf(allowValues);
        stopwords = List.copyOf(stopwords);
        testPaths = List.copyOf(testPaths);
        docsPaths = List.copyOf(docsPaths);
    }

    /** Allowlist settings only, with the built-in path classes. */
    public LintSettings(List<String> allowPaths, List<String> allowRules, List<String> allowValues, List<String> stopwords) {
        this(allowPaths, allowRules, allowValues, stopwords, List.of(), List.of());
    }
}
