package dev.devops.lint;

/**
 * A rule's metadata, shown by {@code devops rules} and written into SARIF.
 *
 * @param id          stable, namespaced id: SEC…, ENV…, DF…, DC…, DRIFT…
 * @param title       one-line summary
 * @param severity    default severity
 * @param category    secrets, env, dockerfile, compose or drift
 * @param explanation a longer explanation: why it matters and how to fix it (plain text, may be several lines)
 */
public record RuleInfo(String id, String title, Severity severity, String category, String explanation) {
}
