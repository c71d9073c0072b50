/**
 * Report writers: text (for people), JSON, SARIF 2.1.0 (GitHub code scanning), GitHub Actions
 * annotations and JUnit XML (for CI dashboards). Every writer prints secrets only in redacted form.
 * Hand-written serialisation keeps Jackson's class loading off the lint path.
 */
package dev.devops.report;
