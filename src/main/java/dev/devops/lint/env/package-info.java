/**
 * Env parity and drift checks, one unit per rule. {@link dev.devops.lint.env.EnvCheck} (category "env", ENV rules)
 * collects what the code, scripts and compose interpolation read and what dotenv files, Dockerfiles, compose and
 * devops.yaml define ({@code EnvScope}), lints dotenv syntax ({@code DotenvFile}) and runs the rules
 * ({@code ENV0001Undocumented} …, registered in {@code EnvRules}); {@link dev.devops.lint.env.DriftCheck}
 * (category "drift", DRIFT rules) compares runtime versions across version files, base images, CI workflows and
 * devops.yaml, and generated files with what devops.yaml renders ({@code DriftScope}, rules
 * {@code DRIFT0001GeneratedDrift} …, registered in {@code DriftRules}). Uses detect (variable reads, version
 * files), compose, lint.dockerfile and scaffold; never Docker.
 */
package dev.devops.lint.env;
