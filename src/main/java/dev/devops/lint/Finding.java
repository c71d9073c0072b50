package dev.devops.lint;

import java.util.Map;

/**
 * One problem found by a check.
 *
 * @param rule        the rule that fired
 * @param severity    effective severity (usually the rule's)
 * @param path        repository-relative path with forward slashes
 * @param line        1-based line, or 0 for the whole file
 * @param column      1-based column, or 0
 * @param message     what is wrong, naming both sides where there are two ("X is read at a.js:3 but …")
 * @param hint        what to do about it, or null
 * @param redacted    for secrets: the value redacted ("ghp_****…3fA"); never the raw value; else null
 * @param fingerprint stable identity for baselines: a hash (of rule, path and secret for secrets), never the secret
 * @param properties  extra facts: commit, author, date, confidence … (may be empty)
 */
public record Finding(RuleInfo rule, Severity severity, String path, int line, int column, String message,
        String hint, String redacted, String fingerprint, Map<String, String> properties) {
    public Finding {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /**
     * A fingerprint from the parts that identify a problem (rule id, path, the offending text, never a
     * line number, so it survives code moving): 32 hex digits of the SHA-256 of the parts joined by NUL.
     * The one definition every family uses (baselines compare these).
     */
    public static String fingerprint(String... parts) {
        return java.util.HexFormat.of().formatHex(dev.devops.core.Sha256.of(String.join("\0", parts)), 0, 16);
    }
}
