/**
 * YAML reading that never loses where a value came from: every node carries its file, line and
 * column, so descriptor and compose errors can point at the exact place. Used by {@code descriptor}
 * and {@code compose}; depends only on {@code core}.
 */
package dev.devops.yaml;
