/**
 * The few types every other package shares: the user-error exception with its source location, and
 * the exit codes. Nothing here depends on any other package of ours.
 */
package dev.devops.core;
