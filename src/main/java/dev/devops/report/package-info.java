/**
 * Report writers: text (for people), JSON, SARIF 2.1.0 (GitHub code scanning), GitHub Actions
 * annotations and JUnit XML (for CI dashboards). Every writer prints secrets only in redacted form.
 * JSON and SARIF are written with Jackson's streaming generator, JUnit with the JDK's XMLStreamWriter.
 */
package dev.devops.report;
