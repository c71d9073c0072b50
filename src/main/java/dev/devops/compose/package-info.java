/**
 * The compose-file model shared by {@code lint} and {@code up}: {@link dev.devops.compose.ComposeLoader}
 * reads compose files (with overrides, {@code extends} and the {@code .env} file), interpolates them
 * with {@link dev.devops.compose.Interpolator} exactly as the compose specification says, and types
 * them into {@link dev.devops.compose.ComposeProject} / {@link dev.devops.compose.ComposeService}.
 * {@link dev.devops.compose.ServiceHash} gives the canonical configuration {@code up} hashes to decide
 * recreation; {@link dev.devops.compose.StartOrder} selects services by profile and groups them in
 * dependency levels. Depends on {@code core} and {@code yaml} only.
 */
package dev.devops.compose;
