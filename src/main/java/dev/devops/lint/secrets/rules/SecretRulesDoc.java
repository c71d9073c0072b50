package dev.devops.lint.secrets.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes docs/SECRET-RULES.md, the list of built-in secret rules, from the rules data. A test keeps
 * the committed file in step: {@code java -cp target/classes:… dev.devops.lint.secrets.rules.SecretRulesDoc docs/SECRET-RULES.md}.
 */
public final class SecretRulesDoc {
    private SecretRulesDoc() {
    }

    /** The whole document for {@code rules}; {@code sources} maps each id to its data file. */
    public static String markdown(List<SecretRule> rules, Map<String, String> sources) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Built-in secret rules\n\n")
                .append("Generated from `src/main/resources/dev/devops/lint/secrets/rules/*.yaml` by `SecretRulesDoc`; ")
                .append("do not edit by hand (`SecretRulesDocTest` fails when this file is out of date).\n\n")
                .append(rules.size()).append(" rules. Each rule is a regex whose secret group must also pass the ")
                .append("entropy floor (Shannon bits per character) and, for GitHub and npm tokens, the CRC32 checksum ")
                .append("embedded in the token. Keywords are the literals the prefilter looks for (case-insensitive). ")
                .append("Every rule carries examples it must find and near misses it must not; ")
                .append("`SecretRulesExamplesTest` runs them all. Ids SEC0001-SEC0099 are the generic detectors ")
                .append("(private keys, JWTs, connection URIs, password assignments), documented with the scanner.\n\n")
                .append("Severity: `error` for live credentials, `warning` for test-mode, short-lived or low-privilege ")
                .append("credentials, `info` for sandbox credentials that reach no real data.\n\n")
                .append("## Where a finding is reported, and how loudly\n\n")
                .append("Every secret finding ends with why it fired: `[context; value shape]`, e.g. ")
                .append("`[runnable config; 6 chars, a-z, 2.3 bits/char]`. The context is one of these path classes ")
                .append("(`dev.devops.files.FileKinds`, one definition for every lint family):\n\n")
                .append("| context | paths | provider tokens, private keys | generic detectors (SEC0010, SEC0020, SEC0030, ")
                .append("SEC0031, SEC0040, SEC0050) |\n|---|---|---|---|\n")
                .append("| test file | `test/`, `tests/`, `__tests__/`, `spec/`, `e2e/`, `testdata/`, `test_data/`, `fixtures/`, `stubs/`, ")
                .append("`__snapshots__/`, `.snapshots/`, Laravel's `database/factories/`, `testutil/`, `testhelpers/`, `src/test/`, ")
                .append("a build's e2e or integration-test module (`e2e` or `integration-test` as one hyphen- or underscore-separated part: `app-e2e/`, ")
                .append("`app-integrated-test-http/`); `*.test.ts`, `*.spec.js`, ")
                .append("`*_test.go`, `*_tests.go`, `*_test.sh`, an end-to-end run's script (`e2e-*.sh`, `*_e2e.sh`), `test_*.py`, `conftest.py`, `tests.py`, `tests.rs`, `*_testing.py`, `test_helper.go`, `*Test.java`, ")
                .append("`*IT.java`; a test runner's setup file (`vitestSetup.ts`, `jest.setup.js`, `setupTests.ts`) or ")
                .append("configuration (`pytest.ini`, `tox.ini`); Perl's and celery's `t/`; test-data modules by name ")
                .append("(`mock-events.ts`, `mockData.ts`, `fake_data.rake`, `simulate-webhook.ts`) and test-data factories (`factories.py`, `factory.ex`); ")
                .append("`.env.test` (a CI pipeline is never one by its name); in Rust source, the `#[cfg(test)]` items (inline test modules) | error (info for a token that fails its ")
                .append("checksum) | not reported |\n")
                .append("| documentation | `*.md`, `*.rst`, `*.adoc`, `*.txt`, man pages, `docs/`, `*.stories.tsx`, ")
                .append("OpenAPI / Swagger / AsyncAPI files (by name, under an `openapi/` or `swagger/` directory, or declaring ")
                .append("`openapi:` at the top), Kubernetes CustomResourceDefinitions (every document of the file one), GraphQL schemas (`*.graphql`, `*.gql`); in source code, block comments ")
                .append("(`/* … */`) and Python docstrings; in markup (HTML and page templates, XML), `<!-- … -->` comments ")
                .append("and the code samples a page shows (`<pre>`, `<code>`, `<samp>`, `<kbd>`) | error | not reported |\n")
                .append("| vendored or generated code | `vendor/`, `node_modules/`, `third_party/`, `bower_components/`, ")
                .append("`*.min.js`, `dist/*.js`, source maps (`*.js.map`); a script or style sheet a minifier wrote, whatever its ")
                .append("name (a line of 1000 characters or more, lines averaging 300 or more) | error | not reported |\n")
                .append("| example or template | `.env.example`, `*.example`, `*-samples.yml`, `*.schema.json`, `*.tpl`, ")
                .append("`examples/`, `_example/`, HTTP request collections (`*.http`, `*.rest`) | error | only ")
                .append("random-looking values, at error |\n")
                .append("| code | source files | error | random-looking values at error; short or dictionary-like ones ")
                .append("(`admin123`, `mall-admin-secret`) and values written as words, with no digit (`--color-text`, ")
                .append("`label.reset-password`), at warning; placeholders, labels, identifiers, option values ")
                .append("(`'same-origin'`) and strings naming the secret they are about not reported |\n")
                .append("| runnable config | everything else: compose, env files, Kubernetes manifests, app config, CI ")
                .append("workflows, Makefiles, scripts | error | random-looking values at error; default and ")
                .append("development credentials (`secret`, `changeme`, `changeit`, `postgres`, `admin123`, a base64 ")
                .append("\"change me\" sentence, Symfony's `!ChangeMe!`) at warning, with the `${VAR:?}` fix; 40 or 64 hex ")
                .append("digits under a secret name are a generated key (error), and so is a random UUID in a dotenv file or ")
                .append("a CI pipeline (an upload action's `token:`); a JWT under a secret name is judged by SEC0010 (an expired ")
                .append("one is not reported); unfilled placeholders (`YOUR_TOKEN`, ")
                .append("`<password>`, `xxxx`, `dummy-…`) not reported |\n")
                .append("| CI test run | a CI pipeline that sets a test environment (`NODE_ENV: test`, `RAILS_ENV=test`, a ")
                .append("`*.test` settings module) or runs a test suite (`npm test`, `pytest`, `go test`, `mvn verify` …) ")
                .append("| error | as runnable config, but at most warning (SEC0020, SEC0021, SEC0022, SEC0030, SEC0031): ")
                .append("the value the app under test gets |\n\n")
                .append("A project adds its own test and documentation paths in devops.yaml (globs; one without `/` ")
                .append("matches the file name anywhere, one ending in `/` a whole directory):\n\n")
                .append("```yaml\nlint:\n  paths:\n    tests: [qa/, \"*.fixture.json\"]\n    docs: [handbook/]\n```\n\n")
                .append("Anywhere: commented-out lines, expired JWTs, JWTs signed with a secret a tool publishes as its ")
                .append("default (the Supabase CLI's local stack, jwt.io's debugger: anyone can mint them), keys their vendors ")
                .append("publish for everyone (the Azure Storage and Cosmos DB emulators' fixed keys, Stripe's documentation ")
                .append("test key), URL query parameters of a URL being built or of a ")
                .append("pre-signed link with an expiry, a committed env file that sets no credential, lock files of any ")
                .append("tool (`yarn.lock`, `go.sum`, `i18n.lock`, `*.lockfile`: `FileKinds.isLockfile`), rate limits ")
                .append("(`\"1/m/ip\"`), regular expressions (`sed \"s/SECRET=.*/…/\"`), a secret's name with its mount ")
                .append("options (podman's `Secret=app-key,type=mount`), index expressions (`flash[:secret].presence`), ")
                .append("bare values in languages whose strings are quoted (Terraform/HCL `password = random_password.db.result`, ")
                .append("Nix, Jsonnet, CUE), a credential named with the file it is read from (systemd's ")
                .append("`LoadCredential=config:/etc/app/secret`) and a provider-format sample written within three lines of the ")
                .append("regular expression that matches it (a secret scanner's rule table: `\"ghp_[a-zA-Z0-9]{36}\"`) ")
                .append("are not reported.\n\n")
                .append("## Your own rules\n\n")
                .append("An extra rules file uses the same format (`RuleLoader.load`); its ids must not clash with ")
                .append("the built-in ones (use SEC9000 and up). When it loads, every `match` example must be found ")
                .append("and every `ignore` example must not, or the error names the file and line.\n\n")
                .append("```yaml\n")
                .append("- id: SEC9001\n")
                .append("  title: Acme deploy token\n")
                .append("  severity: error            # error | warning | info\n")
                .append("  regex: '\\b(acme_[A-Za-z0-9]{32})\\b'\n")
                .append("  secretGroup: 1             # 0 = the whole match\n")
                .append("  keywords: [acme_]          # lowercase; every match contains one (the prefilter)\n")
                .append("  entropy: 3.5               # optional floor, bits per character of the secret\n")
                .append("  help: Revoke it in the Acme console and load it from the environment\n")
                .append("  examples:\n")
                .append("    match: ['ACME_TOKEN=acme_<32 random letters and digits>']\n")
                .append("    ignore: ['ACME_TOKEN=acme_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx']\n")
                .append("```\n\n")
                .append("(A real file needs a real-looking random value in `match`; the placeholder above would not match.)\n");
        String file = null;
        for (SecretRule r : rules) {
            String src = sources.getOrDefault(r.id(), "");
            if (!src.equals(file)) {
                file = src;
                sb.append("\n## ").append(src).append("\n\n")
                        .append("| Id | Secret | Severity | Keywords | Checks |\n")
                        .append("|----|--------|----------|----------|--------|\n");
            }
            sb.append("| ").append(r.id())
                    .append(" | <a id=\"").append(r.id().toLowerCase(java.util.Locale.ROOT)).append("\"></a>") // SARIF helpUri anchor
                    .append(cell(r.title()))
                    .append(" | ").append(r.severity().id())
                    .append(" | ").append(cell(keywords(r.keywords())))
                    .append(" | ").append(checks(r))
                    .append(" |\n");
        }
        return sb.toString();
    }

    private static String keywords(List<String> keywords) {
        StringBuilder sb = new StringBuilder();
        for (String k : keywords) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append('`').append(k).append('`');
        }
        return sb.toString();
    }

    private static String checks(SecretRule r) {
        StringBuilder sb = new StringBuilder();
        if (r.entropy() > 0) {
            sb.append(String.format(Locale.ROOT, "entropy ≥ %.1f", r.entropy()));
        }
        if (r.validator() != null) {
            sb.append(sb.length() > 0 ? ", " : "").append(r.validator());
        }
        return sb.length() == 0 ? "regex" : sb.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }

    /** Writes the document for the built-in rules to {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SecretRulesDoc OUTPUT.md");
            System.exit(2);
        }
        Files.writeString(Path.of(args[0]), markdown(RuleLoader.builtin(), RuleLoader.builtinSources()), StandardCharsets.UTF_8);
    }
}
