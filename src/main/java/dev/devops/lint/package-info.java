/**
 * What every lint check shares: {@link Finding}, {@link Severity}, {@link RuleInfo}, the
 * {@link Check} interface and the {@link LintContext} a check reads the repository through.
 * Suppression, allowlist and baseline live here too. Sub-packages hold the checks: secrets, env,
 * dockerfile, compose. Nothing under lint touches Docker.
 */
package dev.devops.lint;
