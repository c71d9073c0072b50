import dev.devops.lint.LintRunner;
import dev.devops.lint.Report;
import dev.devops.lint.Severity;
import dev.devops.lint.secrets.SecretsCheck;
import dev.devops.lint.secrets.rules.SecretRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Benchmark harness: the secrets check with the generic detectors plus a synthetic set of 150
 * provider-shaped rules (100 prefix formats such as ghp_ / xoxb- / AKIA, 50 provider-name context
 * rules), standing in for the real rules data until it is merged. Usage:
 *   java -cp target/devops.jar:CLASSES SecretsBench DIR [--keywords FILE]
 * Prints findings, files, and wall time of the lint run (JVM start excluded; time the process for that).
 */
public class SecretsBench {
    static final String[] PREFIXES = {"ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "gldt-", "glrt-",
        "glptt-", "glsa_", "glc_", "xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxe-", "xapp-", "sk_live_", "rk_live_", "pk_live_",
        "sk_test_", "rk_test_", "whsec_", "AKIA", "ASIA", "ABIA", "ACCA", "AIza", "ya29.", "SG.", "key-", "shpat_", "shpss_",
        "shpca_", "shppa_", "sq0atp-", "sq0csp-", "EAAAE", "dop_v1_", "doo_v1_", "dor_v1_", "sk-ant-api03-", "sk-ant-admin01-",
        "sk-proj-", "sk-svcacct-", "hf_", "api_org_", "npm_", "pypi-AgEIcHlwaS5vcmc", "dckr_pat_", "rubygems_", "oy2",
        "xkeysib-", "xsmtpsib-", "lin_api_", "ntn_", "secret_", "dp.pt.", "dp.st.", "ATATT3", "ATCTT3", "pscale_tkn_",
        "pscale_pw_", "pscale_oauth_", "sntrys_", "sntryu_", "NRAK-", "NRJS-", "PMAK-", "figd_", "hvs.", "hvb.", "atlasv1.",
        "sbp_", "AGE-SECRET-KEY-1", "LTAI", "dapi", "pul-", "tfp_", "CLOJARS_", "FLWSECK_TEST-", "FLWSECK-", "FLWPUBK-",
        "sk_prod_", "EZAK", "EZTK", "rtc_", "shippo_live_", "shippo_test_", "ops_eyJ", "mfa.", "AccountKey=", "SharedAccessKey=",
        "xai-", "gsk_", "pplx-", "r8_", "nvapi-", "vc_", "wrangler_", "tskey-", "sl.", "glimt-"};
    static final String[] PROVIDERS = {"github", "gitlab", "slack", "stripe", "twilio", "sendgrid", "mailgun", "shopify",
        "square", "heroku", "digitalocean", "datadog", "openai", "anthropic", "huggingface", "pypi", "dockerhub", "rubygems",
        "nuget", "azure", "gcp", "bitbucket", "discord", "telegram", "dropbox", "linear", "notion", "okta", "auth0", "sentry",
        "newrelic", "pagerduty", "algolia", "mapbox", "contentful", "airtable", "asana", "atlassian", "cloudflare", "fastly",
        "netlify", "vercel", "supabase", "firebase", "pusher", "segment", "mixpanel", "amplitude", "mailchimp", "zendesk"};

    public static List<SecretRule> synthetic() {
        List<SecretRule> rules = new ArrayList<>();
        int id = 9000;
        for (String p : PREFIXES) {
            rules.add(new SecretRule("SEC" + (id++), "Synthetic " + p + " token", Severity.ERROR,
                    Pattern.compile("(?<![A-Za-z0-9])(" + Pattern.quote(p) + "[A-Za-z0-9_\\-]{20,80})"), 1,
                    List.of(p.toLowerCase(Locale.ROOT)), 3.0, null, List.of(), List.of(), "rotate"));
        }
        for (String p : PROVIDERS) {
            rules.add(new SecretRule("SEC" + (id++), "Synthetic " + p + " key", Severity.ERROR,
                    Pattern.compile("(?i)\\b" + p + "[\\w.-]{0,20}[\"']?\\s*[:=]\\s*[\"']([A-Za-z0-9_\\-]{32,64})[\"']"), 1,
                    List.of(p), 3.5, null, List.of(), List.of(), "rotate"));
        }
        return rules;
    }

    public static void main(String[] args) throws Exception {
        List<SecretRule> rules = synthetic();
        if (args.length > 2 && args[1].equals("--keywords")) {
            Set<String> kw = new LinkedHashSet<>();
            rules.forEach(r -> kw.addAll(r.keywords()));
            kw.addAll(List.of("-----begin", "putty-user-key-file-", "eyj", "://", "pass", "pwd", "secret", "token", "api_key",
                    "apikey", "api-key", "access_key", "accesskey", "access-key", "auth_key", "private_key", "privatekey",
                    "credential", "senha", "passwort"));
            Files.write(Path.of(args[2]), kw);
        }
        long t0 = System.nanoTime();
        SecretsCheck check = new SecretsCheck(rules);
        Report r = new LintRunner(List.of(check)).run(LintRunner.Options.worktree(Path.of(args[0])));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(Locale.ROOT, "rules=%d findings=%d files=%d binary=%d tooLarge=%d in-process=%d ms%n",
                check.rules().size(), r.findings().size(), r.stats().filesScanned(), r.stats().skippedBinary(),
                r.stats().skippedTooLarge(), ms);
        r.findings().stream().limit(20).forEach(f -> System.out.println("  " + f.path() + ":" + f.line() + " " + f.rule().id()
                + " " + f.redacted()));
    }
}
