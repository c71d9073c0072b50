/**
 * Env parity and drift checks. {@link dev.devops.lint.env.EnvCheck} (category "env", ENV rules)
 * compares what the code, scripts and compose interpolation read with what dotenv files, Dockerfiles,
 * compose and devops.yaml define, and lints dotenv syntax; {@link dev.devops.lint.env.DriftCheck}
 * (category "drift", DRIFT rules) compares runtime versions across version files, base images, CI
 * workflows and devops.yaml, and generated files with what devops.yaml renders. Rule metadata lives in
 * {@code EnvRules}. Uses detect (variable reads, version files), compose, lint.dockerfile and scaffold;
 * never Docker.
 */
package dev.devops.lint.env;
