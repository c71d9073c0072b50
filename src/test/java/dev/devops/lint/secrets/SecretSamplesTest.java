package dev.devops.lint.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.devops.lint.Allowlist;
import dev.devops.lint.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, held-out round 9a: values that are samples, rules or code references rather than credentials, and a
 * credential name the scanner did not read. One synthetic fixture per class; secret-shaped values are built at run time.
 */
class SecretSamplesTest {
    private static final SecretScanner SCANNER = new SecretScanner(List.of(Fake.testRule(null)));

    private static List<Finding> scan(String path, String text) {
        return SCANNER.scan(path, text, null, Map.of(), Allowlist.NONE, false);
    }

    /** "RULE:severity" of each finding. */
    private static List<String> found(List<Finding> fs) {
        return fs.stream().map(f -> f.rule().id() + ":" + f.severity().name().toLowerCase()).toList();
    }

    /**
     * Class "validation rules" (held-out 9a: a Laravel form request's {@code $rules['api_key'] = 'string|check'}, a
     * setup request's {@code 'mail_password' => 'required_unless:mail_driver,log'}): a list opening with a type rule
     * and an app's own rule after it, and one conditional rule with its arguments, are rules. Two words joined by a pipe
     * are still a value.
     */
    @Test
    void typedAndConditionalValidationRulesAreRules() {
        String php = "app/Http/Requests/Setup/CheckMailRequest.php";
        assertEquals(List.of(), found(scan(php, "            $rules['api_key'] = 'string|check';\n")));
        assertEquals(List.of(), found(scan(php, "            'mail_password' => 'required_unless:mail_driver,log',\n")));
        assertEquals(List.of(), found(scan(php, "            'password' => 'required_with:password_confirmation|string|min:8',\n")));
        assertEquals(List.of("SEC0030:error"), found(scan(php, "            'password' => 'blue|green',\n")));
        assertEquals(List.of("SEC0031:error"), found(scan(php, "            'api_key' => '" + Fake.token(24) + "',\n")));
    }

    /**
     * Class "a Python entry point" (held-out 9a: setup.cfg's
     * {@code expire_api_token = ckanext.expire_api_token.plugin:ExpireApiTokenPlugin}, an error): a dotted module path
     * and an attribute name a plugin; a login {@code user:secret} is not one.
     */
    @Test
    void entryPointsAreCodeReferences() {
        String cfg = "[options.entry_points]\nmyapp.plugins =\n    expire_api_token = myapp_ext.expire_api_token.plugin:ExpireApiTokenPlugin\n"
                + "    auth_token_plugin = myapp_ext.auth.plugin_v2:AuthTokenPlugin\n";
        assertEquals(List.of(), found(scan("setup.cfg", cfg)));
        assertEquals(List.of("SEC0031:error"), found(scan("setup.cfg", "[app]\napi_token = " + Fake.token(30) + "\n")));
    }

    /**
     * Class "a sample in a block comment or docstring" (held-out 9a: a mailgun webhook job's sample payload pasted into a
     * PHP block comment, {@code "token": "7f38…"}, 4 errors; a Python docstring's {@code 'postgres://tester:pass@…'}):
     * documentation inside code, as a commented line is. The same values in code are still reported, and a string
     * holding {@code /*} opens no comment.
     */
    @Test
    void samplesInBlockCommentsAndDocstringsAreDocumentation() {
        String token = Fake.hex(50);
        String php = "<?php\nclass ProcessWebhook {\n    /*\n    {\n      \"signature\": {\n        \"token\": \"" + token
                + "\",\n        \"timestamp\": \"1705376308\"\n      }\n    }\n    */\n    public function handle() {}\n}\n";
        assertEquals(List.of(), found(scan("app/Jobs/ProcessWebhook.php", php)));
        String live = "<?php\n$accept = \"image/*\";\n$payload = [\n        \"token\" => \"" + token + "\",\n];\n";
        assertEquals(List.of("SEC0031:error"), found(scan("app/Jobs/ProcessWebhook.php", live)));
        String py = "def parse_db_config(config_key='sqlalchemy.url'):\n    u''' Takes a config key for a database connection url.\n"
                + "    Expects a url like:\n\n    'postgres://tester:" + "pass" + "@localhost/test3'\n    '''\n    return None\n";
        assertEquals(List.of(), found(scan("app/model/__init__.py", py)));
        String pyLive = "DATABASE = '''postgres://app:" + "pass" + "@db.internal/app'''\n";
        assertEquals(List.of("SEC0020:warning"), found(scan("app/settings.py", pyLive)));
    }

    /**
     * Class "a page's code sample and a markup comment" (corpus: a developer how-to view's {@code <pre><code>http POST
     * … client_secret=…} and the token response it shows, 3 errors): what a page shows inside {@code <pre>},
     * {@code <code>}, {@code <samp>} or {@code <kbd>} is a sample for its reader, and a {@code <!-- … -->} comment (an XML
     * file's commented-out setting) is a comment. The same value outside them is still reported.
     */
    @Test
    void samplesAPageShowsAndMarkupCommentsAreDocumentation() {
        String v = Fake.token(32);
        String page = "<p>{{ 'howto.paragraph'|trans }}</p>\n<pre><code class=\"language-bash\">http POST /oauth/v2/token \\\n"
                + "    client_secret=" + v + " \\\n</code></pre>\n<PRE>\n{\"access_token\": \"" + v + "\"}\n</PRE>\n";
        assertEquals(List.of(), found(scan("templates/Developer/howto.html.twig", page)));
        assertEquals(List.of(), found(scan("conf/app.xml", "<config>\n<!--\n  <password>" + v + "</password>\n-->\n</config>\n")));
        assertEquals(List.of("SEC0030:error"), found(scan("conf/app.xml", "<config>\n<!-- the login -->\n  <password>" + v + "</password>\n</config>\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("templates/app.html.twig", "<p>\nclient_secret=" + v + "\n</p>\n<pre>x</pre>\n")));
    }

    /**
     * Corpus class "a vendor's minified snippet in a page" (a mail template's inline analytics script, one line of a few
     * thousand characters with its public key): a line a minifier wrote is vendored code. The same key on a line of its
     * own is still reported.
     */
    @Test
    void aMinifiedLineOfAPageIsVendored() {
        String t = Fake.token(40).toUpperCase(java.util.Locale.ROOT);
        String v = t.substring(0, 5) + "-" + t.substring(5, 10) + "-" + t.substring(10, 15) + "-" + t.substring(15, 20) + "-"
                + t.substring(20, 25);
        StringBuilder min = new StringBuilder("<script>!function(a){var e=\"https://s.example.test/b/\",t=\"addEventListener\";");
        while (min.length() < 1500) {
            min.append("a.B=a.B||{},a.B.P=a.B.P||{},a.B.P.pci=!0,e=e+t;");
        }
        min.append("if(window.APP_API_key=\"").append(v).append("\",function(){return t}(),e)a.x=1}(window);</script>");
        assertEquals(List.of(), found(scan("assets/mailer_templates/confirmation.html", "<html>\n<body>\n" + min + "\n</body>\n</html>\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("assets/mailer_templates/confirmation.html",
                "<html>\n<script>\nwindow.APP_API_key = \"" + v + "\";\n</script>\n</html>\n")));
    }

    /**
     * Class "a module's hand-written samples" (corpus: a webhook package's {@code export const samples: SampleRecord[] = [}
     * with each provider's sample payloads, tokens included, 3 false errors): the inside of a top-level declaration
     * whose name says samples, examples, mocks, fixtures or fakes is test data. The same value in a declaration of
     * another name, or in a statement of its own, is still reported.
     */
    @Test
    void valuesInsideADeclarationOfSamplesAreTestData() {
        String v = Fake.token(40);
        String samples = "import { type SampleRecord } from './sampleRecord.js';\n\nexport const samples: SampleRecord[] = [\n"
                + "  {\n    event: 'payment.created',\n\n    payload: {\n      signature_token: \"" + v + "\",\n    },\n  },\n];\n";
        assertEquals(List.of(), found(scan("packages/webhooks/src/square.ts", samples)));
        assertEquals(List.of(), found(scan("app/mocks.py", "MOCK_EVENTS = {\n    'api_token': '" + v + "',\n}\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("packages/webhooks/src/square.ts",
                samples.replace("export const samples: SampleRecord[]", "export const providers: Provider[]"))));
        assertEquals(List.of("SEC0031:error"), found(scan("packages/webhooks/src/square.ts",
                "export const samples = [];\nconst config = {\n  signature_token: \"" + v + "\",\n};\n")));
    }

    /**
     * Class "an API description split into files" (held-out 9a: {@code openapi/paths/products.yaml}'s code samples,
     * {@code -H "X-API-TOKEN:company-token-test"}, 14 warnings): files under an {@code openapi/} or {@code swagger/}
     * directory, and a YAML or JSON file that declares {@code openapi:}, are documentation.
     */
    @Test
    void apiDescriptionsByDirectoryAndContentAreDocumentation() {
        String sample = "      source: |\n        curl -X GET 'https://api.example.test/v1/products' \\\n"
                + "          -H \"X-API-TOKEN:company-token-test\" \\\n";
        assertEquals(List.of(), found(scan("openapi/paths/products.yaml", "  get:\n    x-codeSamples:\n" + sample)));
        assertEquals(List.of(), found(scan("api.yaml", "openapi: 3.0.3\ninfo:\n  title: API\npaths:\n  x-codeSamples:\n" + sample)));
        assertEquals(List.of("SEC0031:warning"), found(scan("deploy/api.yaml", "env:\n  X-API-TOKEN: company-token-test\n")));
    }

    /**
     * Class "a setting's declared example" (held-out 9a: a config declaration's {@code placeholder:} and
     * {@code example: postgresql://ckanuser:pass@localhost/datastore} beside its {@code default:}): the URI's shape;
     * the {@code default:} is what the app runs with and stays a warning.
     */
    @Test
    void aDeclaredExampleOrPlaceholderIsNoValue() {
        String yaml = "options:\n  - default: postgresql://app_default:" + "pass" + "@localhost/app_default\n"
                + "    key: app.write_url\n    example: postgresql://appuser:" + "pass" + "@localhost/app\n"
                + "    placeholder: postgresql://appuser:" + "pass" + "@localhost/app\n";
        assertEquals(List.of("SEC0020:warning"), found(scan("app/config/config_declaration.yaml", yaml)));
    }

    /**
     * Class "an installer's key written as a sentence" (held-out 9a: {@code env('APP_KEY', 'JustAKeyForTheInstallation')},
     * an error): camel-case words with the one-letter word "A" are a default, like Laravel's
     * "SomeRandomStringOf32CharsExactly": a warning in code.
     */
    @Test
    void aCamelCaseSentenceWithOneLetterWordsIsADefault() {
        String php = "<?php\nreturn [\n    'key' => env('APP_KEY', 'JustAKeyForOurAppInstallation'),\n];\n";
        assertEquals(List.of("SEC0031:warning"), found(scan("config/app.php", php)));
    }

    /**
     * Miss class "a credential name with a number" (held-out 9a: {@code DB_PASSWORD1=ninja} beside
     * {@code DB_PASSWORD=ninja} in a CI env file and a workflow's {@code env:}): the name is read without its index.
     */
    @Test
    void aNumberedCredentialNameIsACredentialName() {
        assertEquals(List.of("SEC0030:warning", "SEC0030:warning"),
                found(scan("deploy/.env", "DB_PASSWORD1=ninja\nDB_PASSWORD=ninja\n")));
        assertEquals(List.of("SEC0030:warning"), found(scan("deploy/app.yml", "env:\n  DB_PASSWORD_2: ninja\n")));
    }
}
