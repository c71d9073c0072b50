/**
 * The compose-file model shared by {@code lint} and {@code up}: {@link dev.devops.compose.ComposeLoader}
 * reads compose files (with overrides, {@code extends} and the {@code .env} file), interpolates them
 * with {@link dev.devops.compose.Interpolator} exactly as the compose specification says, and types
 * them into {@link dev.devops.compose.ComposeProject} / {@link dev.devops.compose.ComposeService}.
 * {@link dev.devops.compose.StartOrder} selects services by profile; {@link dev.devops.compose.DependencyOrder}
 * gives the dependency levels and cycles that {@code up} and lint share. (The configuration hash that decides
 * recreation is {@code engine.ConfigHash}, over the engine's own spec.) Depends on {@code core} and {@code yaml}, and on
 * {@code core.VariableNames} for the one definition of a secret's name (an interpolation error never quotes a secret's value).
 */
package dev.devops.compose;
