/**
 * picocli commands only: parse, call one service, print, map to an exit code. Nothing depends on
 * this package.
 */
package dev.devops.cli;
