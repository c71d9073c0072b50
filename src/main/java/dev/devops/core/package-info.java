/**
 * The few types every other package shares: the user-error exception with its source location, and
 * the exit codes, atomic writes and bounded reads of input files, and what a variable's name says
 * ({@link dev.devops.core.VariableNames}). Nothing here depends on any other package of ours.
 */
package dev.devops.core;
