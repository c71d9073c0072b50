/**
 * Dockerfile parsing and rules: {@link dev.devops.lint.dockerfile.DockerfileParser} (continuations, the
 * escape directive, heredocs, exec and shell forms, stages, ARG in FROM),
 * {@link dev.devops.lint.dockerfile.ShellCommand} (a small splitter for RUN scripts), and
 * {@link dev.devops.lint.dockerfile.DockerfileRules} (DF rules, one entry per rule) run by
 * {@link dev.devops.lint.dockerfile.DockerfileCheck}.
 */
package dev.devops.lint.dockerfile;
