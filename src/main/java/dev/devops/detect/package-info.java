/**
 * Reads a repository: stacks and apps, runtime versions, build tools, frameworks, backing services
 * and the environment variables the code reads. Produces a draft {@link dev.devops.descriptor.Descriptor}.
 *
 * <p>Entry points: {@link dev.devops.detect.Detector#detect} for {@code devops init};
 * {@link dev.devops.detect.EnvScanner} (variable reads with file, line and column) and
 * {@link dev.devops.detect.EnvNames} (secret names, well-known descriptions, service links) for the
 * env-parity checks. {@code Detector} is a facade: {@code AppDiscovery} finds the apps, one stack per class
 * ({@code NodeStack}, {@code JavaStack}, {@code PythonStack}, {@code GoStack}) drafts each, and
 * {@code DescriptorAssembly} turns the drafts into the descriptor. Env reads: {@code EnvScanner}, the schema
 * dialects listed in {@code EnvSchemas} (one {@code Schema*} class each) and {@code EnvHelpers}, all lexing through
 * {@code SourceLexer}. Every decision leaves an evidence line naming the file it came from.
 */
package dev.devops.detect;
