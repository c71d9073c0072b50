/**
 * Secret-detection rules as data. Each provider family has a YAML file under
 * {@code src/main/resources/dev/devops/lint/secrets/rules/} (listed in {@code index.txt}); every rule
 * carries a regex, the prefilter keywords, an optional entropy floor and checksum validator, and its own
 * examples to find and to ignore. {@link dev.devops.lint.secrets.rules.RuleLoader} loads and checks
 * them, {@link dev.devops.lint.secrets.rules.Validators} holds the checks a regex cannot express, and
 * {@link dev.devops.lint.secrets.rules.SecretRulesDoc} writes docs/SECRET-RULES.md. A binary copy of the
 * rules ({@code builtin-rules.bin}, checked against the YAML's checksum) spares a cold start the YAML
 * parse; after editing the YAML regenerate it and the docs with
 * {@code mvn -o test -Dtest='RulesCacheTest,SecretRulesDocTest' -Ddevops.regenerate=true}. Ids SEC0001-SEC0099
 * belong to the scanner's generic detectors; the data uses SEC0100 and up.
 */
package dev.devops.lint.secrets.rules;
