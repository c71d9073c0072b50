/**
 * The deployment artifact: its version (from git), the manifest that records one build (images,
 * digests, check result, hashes, promotions), the OCI labels that carry the same facts on the image,
 * and the registry as the shared source of truth ({@link dev.devops.release.RegistryClient}). Never talks
 * to the Docker engine (that is {@code engine}) and never prints (that is {@code cli}).
 */
package dev.devops.release;
