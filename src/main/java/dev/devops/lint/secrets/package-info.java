/**
 * The secrets check. {@link dev.devops.lint.secrets.SecretScanner} compiles every detector's keywords
 * into one case-insensitive Aho-Corasick automaton that walks a file's raw bytes (four walkers over the
 * four quarters at once); a file without a keyword is never decoded, and each detector's regex runs
 * only on a matcher region of the lines where its keywords occur. Files are scanned in parallel.
 *
 * <p>Generic rules, in code (SEC0001–SEC0099), one unit each ({@code SEC<id><Name>.java}, registered in
 * {@link dev.devops.lint.secrets.GenericRules}): private keys SEC0001 PEM, SEC0002 OpenSSH, SEC0003 PGP, SEC0004
 * PuTTY, SEC0005 keystores, SEC0006 ASP.NET Core Data Protection key rings in the clear; SEC0010 JWT (header decoded, "alg" required, "none" ignored); SEC0020 password in a
 * connection URI, SEC0021 in a connection string, SEC0022 basic-auth credentials; SEC0030 password and SEC0031
 * secret/token/API-key assignments; SEC0040 Kubernetes Secret values (data base64-decoded and rescanned with every
 * rule); SEC0050 committed .env file; SEC0051 secret value in an example env file. Provider formats (SEC0100 and up)
 * are data loaded by {@code rules.RuleLoader}.
 *
 * <p>Precision: {@link dev.devops.lint.secrets.Filters} drops placeholders, references, documented
 * example keys, UUIDs, hashes, integrity strings, labels, identifiers and templates; lock files and
 * translation files are not scanned for assignments. A provider token whose checksum fails is kept
 * as a warning with {@code confidence=low}: not a live token, so it does not fail a build at the
 * default threshold, but a reviewer sees it. Redaction shows at most a 4-character prefix and the last
 * 3 characters, never more than a quarter of the secret; fingerprints hash rule, path and secret.
 */
package dev.devops.lint.secrets;
