/**
 * Reads a repository: stacks and apps, runtime versions, build tools, frameworks, backing services
 * and the environment variables the code reads. Produces a draft {@link dev.devops.descriptor.Descriptor}.
 */
package dev.devops.detect;
