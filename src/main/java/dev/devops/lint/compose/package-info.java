/**
 * Compose rules (DC…) over the typed model of {@link dev.devops.compose}:
 * one unit per rule ({@code DC0016MissingEnvFile}), registered by one line each in
 * {@link dev.devops.lint.compose.ComposeRules}, with the queries they share on {@link dev.devops.lint.compose.ComposeScope}; and
 * {@link dev.devops.lint.compose.ComposeCheck} loads each directory's compose files (merged with their
 * override files) and runs them.
 */
package dev.devops.lint.compose;
