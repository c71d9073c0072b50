/**
 * The project descriptor {@code devops.yaml}: its model (records), loading with file/line/column
 * errors, validation, writing, and the catalog of backing services it can name.
 */
package dev.devops.descriptor;
