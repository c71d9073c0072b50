/**
 * Compose rules (DC…) over the typed model of {@link dev.devops.compose}:
 * {@link dev.devops.lint.compose.ComposeRules} lists them, one entry per rule, and
 * {@link dev.devops.lint.compose.ComposeCheck} loads each directory's compose files (merged with their
 * override files) and runs them.
 */
package dev.devops.lint.compose;
