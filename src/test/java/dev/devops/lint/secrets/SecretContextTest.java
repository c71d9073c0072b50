package dev.devops.lint.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.descriptor.LintSettings;
import dev.devops.lint.Allowlist;
import dev.devops.lint.Finding;
import dev.devops.lint.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The severity model and the false-alarm classes of issue 10, one synthetic fixture per class (docs/LINT-REVIEW.md,
 * "Real-code review corpus"). Secret-shaped values are built at run time.
 */
class SecretContextTest {
    private static final SecretScanner SCANNER = new SecretScanner(List.of(Fake.testRule(null)));

    private static List<Finding> scan(String path, String text) {
        return SCANNER.scan(path, text, null, Map.of(), Allowlist.NONE, false);
    }

    private static List<Finding> scanCommitted(String path, String text) {
        return SCANNER.scan(path, text, null, Map.of(), Allowlist.NONE, true);
    }

    private static List<Finding> scanFile(String path, String text) {
        return SCANNER.scanFile(path, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), Allowlist.NONE, false);
    }

    /** "RULE:severity" of each finding. */
    private static List<String> found(List<Finding> fs) {
        return fs.stream().map(f -> f.rule().id() + ":" + f.severity().name().toLowerCase()).toList();
    }

    // ---- dummy values in tests: the generic detectors are silent, provider tokens and keys are not

    @ParameterizedTest
    @ValueSource(strings = {"pkg/auth/login_test.go", "web/src/login.spec.ts", "tests/test_views.py", "src/test/java/a/B.java",
        "src/main/java/a/LoginTest.java", "app/__stubs__/jwt.ts", "identity/.snapshots/TestHandler.json",
        "driver/config/stub/.kratos.yaml", "scripts/release_smoke_test.sh", "netbox/configuration_testing.py",
        "oryx/sqlcon/dockertest/test_helper.go", ".env.test"})
    void testFilesHaveNoNameBasedFindings(String path) {
        String text = "password = \"" + Fake.token(14) + "\"\napiKey: 'test-key-" + Fake.token(10) + "'\n"
                + "url = \"postgres://app:" + Fake.token(12) + "@db/app\"\nid_token = \"" + Fake.jwt("{\"alg\":\"HS256\"}") + "\"\n";
        assertEquals(List.of(), found(scan(path, text)), path);
    }

    /**
     * Issue 10, class "CI test-job secret": a CI pipeline that configures a test run (NODE_ENV: test, npm test, a
     * service container) gives the app under test a random SECRET_KEY: a warning at most, said to be the test run's.
     * A deploy pipeline's literal secret stays an error, and a provider token stays an error in both.
     */
    @Test
    void ciTestRunSecretsAreWarningsAtMost() {
        String key = Fake.token(40);
        String testRun = "name: CI\non: [push]\nenv:\n  NODE_ENV: test\n  SECRET_KEY: " + key + "\njobs:\n  test:\n"
                + "    runs-on: ubuntu-latest\n    services:\n      postgres:\n        image: postgres:16\n    steps:\n"
                + "      - run: yarn test\n";
        List<Finding> fs = scan(".github/workflows/ci.yml", testRun);
        assertEquals(List.of("SEC0031:warning"), found(fs));
        assertTrue(fs.get(0).message().contains("[CI test run;"), fs.get(0).message());
        String pytest = "jobs:\n  test:\n    env:\n      DJANGO_SECRET_KEY: " + key + "\n    steps:\n      - run: |\n"
                + "          pip install -r requirements.txt\n          pytest -q\n";
        assertEquals(List.of("SEC0031:warning"), found(scan(".gitlab-ci.yml", pytest)));
        String deploy = "name: deploy\non: [push]\nenv:\n  SECRET_KEY: " + key + "\njobs:\n  deploy:\n    steps:\n"
                + "      - run: ./deploy.sh\n";
        assertEquals(List.of("SEC0031:error"), found(scan(".github/workflows/deploy.yml", deploy)));
        assertEquals(List.of("SEC0901:error"), found(scan(".github/workflows/ci.yml",
                testRun + "      - run: curl -H 'x-key: " + Fake.testToken() + "' https://example.com\n")).stream()
                .filter(x -> x.startsWith("SEC09")).toList());
    }

    /**
     * Issue 10, held-out 7b: a committed {@code .env.ci} (Laravel's CI copies it to {@code .env} before phpunit) holds the
     * CI test run's values: a random client secret there is the test run's (a warning, as in a CI workflow that runs
     * tests), its default passwords stay warnings.
     */
    @Test
    void theCiTestRunsEnvFileIsACiTestRun() {
        String text = "APP_ENV=testing\nDB_PASSWORD=root\nPASSPORT_CLIENT_SECRET=\"" + Fake.token(40) + "\"\n";
        List<Finding> fs = scan(".env.ci", text);
        assertEquals(List.of("SEC0030:warning", "SEC0031:warning"), found(fs));
        assertTrue(fs.get(1).message().contains("[CI test run;"), fs.get(1).message());
        assertEquals(List.of("SEC0030:warning", "SEC0031:error"), found(scan(".env.production", text)));
    }

    /**
     * Issue 10, held-out 7b miss class "a key named by what it does": {@code ENCRYPTION_KEY}, Laravel's {@code APP_KEY},
     * {@code signingKey} hold no credential word the scanner looked for (pass, secret, token, api_key …), so no line with
     * one was ever read, in a committed env file, a CI workflow or an example env file alike.
     */
    @Test
    void keysNamedByWhatTheyDoAreRead() {
        String env = "APP_ENCRYPTION_KEY=" + Fake.token(14) + "\nAPP_KEY=base64:" + Fake.b64(Fake.token(32)) + "\n"
                + "JWT_SIGNING_KEY=" + Fake.token(32) + "\n";
        assertEquals(List.of("SEC0031:error", "SEC0031:error", "SEC0031:error"), found(scan("config/app.env", env)));
        assertEquals(List.of("SEC0051:error", "SEC0051:error", "SEC0051:error"), found(scan(".env.example", env)));
        assertEquals(List.of(), found(scan("src/app.ts", "const signingKey = options.signingKey;\nconst APP_KEY = 'app_key';\n")));
        // in lower case a tool's configuration key: a server's public key, git's signing key id
        assertEquals(List.of(), found(scan("conf/fuzzy_check.conf", "rule {\n  encryption_key = \"" + Fake.token(52).toLowerCase() + "\";\n}\n"
                + "git -c user.signingkey=security@example.com commit -S\n")));
        // the digits in order, repeated to a key's length: a default
        assertEquals(List.of("SEC0031:warning"), found(scan("scripts/env.sh", "DEFAULT_ENCRYPTION_KEY=\"0123456789abcdef0123456789abcdef\"\n")));
    }

    /**
     * Issue 10, held-out 7b class "a user:password pair of defaults": {@code DB_CREDENTIALS=shop:shop} (the password is the
     * user's name) in a committed env file or CI workflow is a development default (a warning, not a live-looking
     * secret), and an example env file that holds it is not reported; a random password in the pair stays an error.
     */
    @Test
    void userPasswordPairsOfDefaultsAreDefaults() {
        assertEquals(List.of("SEC0031:warning", "SEC0031:warning"),
                found(scan("config/app.env", "DB_CREDENTIALS=shop:shop\nBROKER_CREDENTIALS=\"admin:changeme\"\n")));
        assertEquals(List.of(), found(scan(".env.example", "DB_CREDENTIALS=\"shop:shop\"\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("config/app.env", "DB_CREDENTIALS=shop:" + Fake.token(16) + "\n")));
    }

    /**
     * Issue 10, held-out 7b class "a word, a year and two symbols": SQL Server's complexity rule makes development
     * passwords such as {@code Warehouse2026!?}: a default (warning) in a compose or connection string, as
     * {@code Warehouse2026!} already was; a random one stays an error.
     */
    @Test
    void aWordAYearAndTwoSymbolsIsADefault() {
        assertEquals(List.of("SEC0030:warning"), found(scan("deploy/app.env", "SA_PASSWORD=Warehouse2026!?\n")));
        assertEquals(List.of("SEC0030:error"), found(scan("deploy/app.env", "SA_PASSWORD=" + Fake.token(15) + "!?\n")));
    }

    /**
     * Issue 10, held-out 7b class "an escaped line break ends the value": an API description cached as JSON holds a
     * curl example, {@code client_secret=[CLIENT_SECRET]&\\r\\n\\t\\tscope=…}, whose escapes are the text's line breaks,
     * so the value is the bracketed placeholder; a value before an escape is still judged.
     */
    @Test
    void anEscapedLineBreakEndsTheValue() {
        String json = "{\"description\": \"Get a token:\\r\\n\\r\\n    curl -d 'grant_type=client_credentials&\\r\\n"
                + "            client_id=[CLIENT_ID]&\\r\\n            client_secret=[CLIENT_SECRET]&\\r\\n\\t\\t\\tscope=api'\\r\\n\\r\\nPass it\"}\n";
        assertEquals(List.of(), found(scan("frontend/generator/cache.json", json)));
        assertEquals(List.of("SEC0031:error"), found(scan("frontend/generator/cache.json",
                "{\"description\": \"run:\\n  client_secret=" + Fake.token(24) + "\\n\"}\n")));
    }

    /**
     * Issue 10, held-out 7b class "documented shapes and shown-in-place values": a help text with the HTTP Basic
     * specification's example login (base64 of "Aladdin:open sesame"), a URI whose user and password are names in
     * capitals ({@code s3://ACCESS_KEY:SECRET@BUCKET…}), a secret shown as {@code "obfuscated"}, a header's name as a
     * token constant. A real Basic-auth pair and a real URI password are still reported.
     */
    @Test
    void documentedShapesAndShownInPlaceValuesAreNotSecrets() {
        String aladdin = java.util.Base64.getEncoder().encodeToString("Aladdin:open sesame".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String code = "help = \"For example: Bearer: JWT token, or basic: Basic " + aladdin + "\"\n"
                + "'description' => \"Examples: `s3://ACCESS_KEY:SECRET@BUCKET.s3.REGION.amazonaws.com?region=REGION`\",\n"
                + "ClientSecret = \"obfuscated\",\nexport const HEADER_KEY_TOKEN = 'Authorization';\n";
        assertEquals(List.of(), found(scan("src/app/plugin.py", code)));
        String real = "help = \"Basic " + Fake.b64("deploy:" + Fake.token(16)) + "\"\nurl = \"s3://AKEY:" + Fake.token(20) + "@bucket.example.com\"\n";
        assertEquals(List.of("SEC0022:error", "SEC0020:error"), found(scan("src/app/plugin.py", real)));
    }

    /**
     * Held-out 13c miss, class "a namespaced JSON key" (nconf's {@code "admin:password": "…"}, {@code "mongo:password"}
     * in a setup file or a CI job's JSON): the whole quoted name is the key. A colon-separated reference inside a value
     * (an ARN's {@code :secret:app-token}) is still no key.
     */
    @Test
    void aNamespacedJsonKeyIsAKey() {
        String pw = Fake.token(16);
        assertEquals(List.of("SEC0030:error"), found(scan("install/setup.json", "{\n  \"admin:password\": \"" + pw + "\"\n}\n")));
        assertEquals(List.of("SEC0030:error"), found(scan("config.json", "{\"mongo:password\" : \"" + pw + "\", \"mongo:host\": \"db\"}\n")));
        assertEquals(List.of(), found(scan("policy.json", "{\"Resource\": \"arn:aws:secretsmanager:eu-west-1:1234:secret:app-token\"}\n")));
    }

    /**
     * Held-out 13c, class "a URI grammar's optional part": an installer's help text gives the connection URI's grammar,
     * {@code mongodb://[username:password@]host1[:port1][,host2[:port2],...]}, the login in square brackets. A URI with a
     * real login beside it is still reported.
     */
    @Test
    void aUriGrammarsOptionalLoginIsNoPassword() {
        String help = "\t\tdescription: 'MongoDB connection URI\\nFormat: mongodb://[username:password@]host1[:port1][,host2[:port2],"
                + "...[,hostN[:portN]]][/[database][?options]]',\n";
        assertEquals(List.of(), found(scan("src/database/mongo.js", help)));
        assertEquals(List.of(), found(scan("config/app.yaml", "uri_format: postgres://[user:secret@]host[:port]/db\n")));
        assertEquals(List.of("SEC0020:error"), found(scan("src/database/mongo.js",
                "const uri = 'mongodb://app:" + Fake.token(16) + "@db.internal:27017/app';\n")));
    }

    /**
     * Issue 10, held-out 7b class "the rest of a string concatenation": a command that prints the line to paste
     * ({@code $this->line('SIGNING_PRIVATE_KEY="'.trim($key).'"')}) reads as {@code KEY="'.trim(…}: code, not a value.
     */
    @Test
    void theRestOfAConcatenationIsCode() {
        assertEquals(List.of(), found(scan("app/Console/Commands/KeysCommand.php",
                "$this->line('SIGNING_PRIVATE_KEY=\"'.Str::replace(\"\\r\\n\", \"\\n\", $privateKey).'\"');\n"
                + "console.log(\"API_TOKEN='\" + token.trim() + \"'\");\n")));
        // a literal that ends in KEY= and the code concatenated after it: an env file being written, not a value
        assertEquals(List.of(), found(scan("app/Space/EnvWriter.php",
                "$env = 'MAIL_HOST='.config('mail.host').\"\\n\".\n    'MAIL_PASSWORD='.config('mail.password').\"\\n\".\n"
                + "    'MAILGUN_SECRET=' . $request->mailgun_secret;\nconst line = \"DB_PASSWORD=\" + password;\n")));
        // an EJS template of TypeScript is code: a typed declaration and a call are expressions; its spec is a test
        assertEquals(List.of(), found(scan("generators/vue/templates/src/app/login-form.component.ts.ejs",
                "const password: Ref<string> = ref(null);\nreadonly newPassword = viewChild.required<ElementRef>('newPassword');\n")));
        assertEquals(List.of(), found(scan("generators/vue/templates/src/app/login-form.component.spec.ts.ejs",
                "loginForm.password = 'pwd';\n")));
        assertEquals(List.of("SEC0030:error"), found(scan("app/Space/EnvWriter.php", "$mail_password = '" + Fake.token(20) + "';\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("app/keys.php", "$signing_private_key = '" + Fake.token(24) + "';\n")));
    }

    /**
     * Issue 10, held-out 7b class "base64 of settings": an embed widget's {@code data-widget-token} that decodes to a
     * JSON object of an address, names and an id (no credential named in it) is encoded settings; base64 of JSON that
     * names a private key is still reported.
     */
    @Test
    void base64OfSettingsIsNoSecret() {
        String settings = Fake.b64("{\n  \"u\": \"https://localhost:5001\",\n  \"a\": \"demo\",\n  \"s\": \"blog\",\n  \"i\": \""
                + java.util.UUID.randomUUID() + "\"\n}");
        assertEquals(List.of(), found(scan("web/embed.html", "<div class=\"element\" data-widget-token=\"" + settings + "\"></div>\n")));
        String key = Fake.b64("{\"type\": \"service_account\", \"private_key\": \"" + Fake.token(40) + "\"}");
        assertEquals(List.of("SEC0031:error"), found(scan("config/app.env", "WIDGET_TOKEN=" + key + "\n")));
    }

    /**
     * Issue 10, held-out 7b class "a zeroed provider token": an API response model's example
     * ({@code tst_<8 chars>0000000000<6 chars>}) has a run no random token has; the same format with random
     * characters stays an error.
     */
    @Test
    void providerTokensWithALongRunOfOneCharacterAreExamples() {
        String zeroed = "tst" + "_" + Fake.token(8) + "0".repeat(10) + Fake.token(6);
        assertEquals(List.of(), found(scan("src/Model/OAuth2.php", "return '" + zeroed + "';\n")));
        assertEquals(List.of("SEC0901:error"), found(scan("src/Model/OAuth2.php", "return '" + Fake.testToken() + "';\n")));
    }

    /**
     * Issue 10, class "public identifier": values a name declares public (.NET publicKeyToken in Web.config and
     * .csproj, NEXT_PUBLIC_ keys, publishable keys), subresource-integrity digests and GUIDs under *Id names are
     * not secrets; a name that also says secret still is.
     */
    @Test
    void publicIdentifiersAreNotSecrets() {
        String hex16 = Fake.hex(16);
        String config = "<configuration>\n  <assemblyIdentity name=\"Newtonsoft.Json\" publicKeyToken=\"" + hex16
                + "\" culture=\"neutral\" />\n  <add key=\"ClientId\" value=\"0f8fad5b-d9cb-469f-a165-70867728950e\" />\n"
                + "</configuration>\n";
        assertEquals(List.of(), found(scan("src/Web/Web.config", config)));
        assertEquals(List.of(), found(scan("src/App/App.csproj", "<Reference Include=\"System.Web.Mvc, Version=5.2.7.0, "
                + "Culture=neutral, PublicKeyToken=" + hex16 + "\" />\n")));
        assertEquals(List.of(), found(scan("web/.env.production", "NEXT_PUBLIC_ANALYTICS_KEY=" + Fake.token(32) + "\n"
                + "VITE_STRIPE_PUBLISHABLE_KEY=" + Fake.token(32) + "\n")));
        assertEquals(List.of(), found(scan("web/index.html", "<script src=\"x.js\" integrity=\"sha384-"
                + Fake.b64(Fake.token(48)).substring(0, 64) + "\"></script>\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("web/.env.production", "NEXT_PUBLIC_STRIPE_SECRET_KEY=" + Fake.token(32)
                + "\n")).stream().filter(x -> x.startsWith("SEC0031")).toList());
    }

    @Test
    void providerTokensAndKeysInTestsStayErrors() {
        assertEquals(List.of("SEC0901:error"), found(scan("src/api.spec.ts", "const key = '" + Fake.testToken() + "';\n")));
        assertEquals(List.of("SEC0001:error"), found(scan("testdata/key.pem", Fake.pem("RSA "))));
    }

    @Test
    void pathClassesAreOverridableInDevopsYaml() {
        String text = "password: " + Fake.token(16) + "\n";
        assertEquals(List.of("SEC0030:error"), found(scan("qa/data/users.yaml", text)));
        Allowlist withQa = new Allowlist(new LintSettings(List.of(), List.of(), List.of(), List.of(), List.of("qa/"),
                List.of("*.guide")));
        assertEquals(List.of(), found(SCANNER.scan("qa/data/users.yaml", text, null, Map.of(), withQa, false)));
        assertEquals(List.of(), found(SCANNER.scan("setup.guide", text, null, Map.of(), withQa, false)));
    }

    // ---- committed env files: plain settings are not a finding; a credential is

    @Test
    void committedEnvFileOfPlainSettingsIsNotAFinding() {
        String settings = "FEATURE_ENABLED=true\nJAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=75\nWORKERS=4\nNETBOX_ROOT=/opt/netbox\n";
        assertEquals(List.of(), found(scanCommitted("docker/app.env", settings)));
        assertEquals(List.of(), found(scanCommitted(".env.production", settings)));
        // a URL without a password and a publishable (public by design) key are not credentials
        assertEquals(List.of(), found(scanCommitted(".env.development", "MONGO_URL=mongodb://127.0.0.1:27017/app\n"
                + "REACT_APP_CLERK_PUBLISHABLE_KEY=pk_test_" + Fake.token(24) + "\n")));
    }

    /**
     * Issue 10, held-out round 14a: a committed development env file whose API token is the hex alphabet typed to 40
     * characters ({@code 0123456789abcdef0123…}) holds development defaults only, as its own line's SEC0031 says: SEC0050
     * is a warning; a generated 40-hex key under the same name is still an error.
     */
    @Test
    void aTypedHexAlphabetIsNotAGeneratedKey() {
        String typed = "0123456789abcdef".repeat(3).substring(0, 40);
        List<Finding> dev = scanCommitted("development/dev.env", "DB_PASSWORD=changeme\nSUPERUSER_API_TOKEN=" + typed + "\n");
        assertTrue(found(dev).contains("SEC0050:warning"), found(dev).toString());
        assertFalse(found(dev).contains("SEC0050:error"), found(dev).toString());
        List<Finding> live = scanCommitted("development/dev.env", "DB_PASSWORD=changeme\nSUPERUSER_API_TOKEN=" + Fake.hex(40) + "\n");
        assertTrue(found(live).contains("SEC0050:error"), found(live).toString());
    }

    /**
     * Issue 10, held-out round 14a: a seed script's fixed secret written as a sentence of words that says it is an e2e
     * seed ({@code "shop_cl_e2e_seed_checkout_link"}) is a development default, not a live secret: no error. A
     * generated value under the same prefix is still one.
     */
    @Test
    void aSentenceThatSaysItIsAnE2eSeedIsADevelopmentDefault() {
        List<Finding> seed = scan("server/scripts/seeds_load.py",
                "links.append(CheckoutLink(\n    client_secret=\"shop_cl_e2e_seed_checkout_link_subscription\",\n))\n");
        assertFalse(found(seed).contains("SEC0031:error"), found(seed).toString());
        List<Finding> live = scan("server/scripts/seeds_load.py",
                "links.append(CheckoutLink(\n    client_secret=\"shop_cl_" + Fake.token(32) + "\",\n))\n");
        assertTrue(found(live).contains("SEC0031:error"), found(live).toString());
    }

    /**
     * Issue 10, held-out round 14a: a settings schema in YAML ({@code $schema: https://json-schema.org/…}, properties
     * with Markdown {@code details: |-}) documents settings: the code samples in its details are examples, not
     * credentials (name-based detectors silent, as in docs); a provider key there is still reported. A configuration
     * that only points at a schema store is still configuration.
     */
    @Test
    void aJsonSchemaDocumentsSettings() {
        String body = "properties:\n  NAPALM_ARGS:\n    default: {}\n    details: |-\n      Example:\n\n      ```python\n"
                + "      NAPALM_ARGS = {\n          'api_key': '" + Fake.hex(32) + "',\n      }\n      NAPALM_PASSWORD = '"
                + Fake.token(16) + "'\n      ```\n";
        List<Finding> schema = scan("app/core/settings.yaml",
                "---\n\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"\ntitle: \"Settings\"\n" + body);
        assertEquals(List.of(), found(schema));
        List<Finding> config = scan("app/core/settings.yaml",
                "---\n\"$schema\": \"https://json.schemastore.org/app.json\"\n" + body);
        assertTrue(found(config).contains("SEC0031:error"), found(config).toString());
        String aws = "AKIA" + Fake.token(40).toUpperCase().replaceAll("[^A-Z2-7]", "").substring(0, 16);
        SecretScanner all = new SecretScanner(dev.devops.lint.secrets.rules.RuleLoader.builtin());
        List<Finding> provider = all.scan("app/core/settings.yaml",
                "\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"\nproperties:\n  key:\n    default: " + aws + "\n",
                null, Map.of(), Allowlist.NONE, false);
        assertFalse(found(provider).isEmpty(), found(provider).toString());
    }

    /**
     * Issue 10, held-out round 14a: CoffeeScript is code, also under a template suffix (Sprockets'
     * {@code payments.js.coffee.erb}): {@code stripe_token: token} passes a variable. A quoted random value is still a
     * hard-coded secret.
     */
    @Test
    void coffeeScriptIsCode() {
        String coffee = "  submitPaymentMethod: (intent) ->\n    token = intent.payment_method or intent.source\n"
                + "    @log \"submitting form\", stripe_token: token, intentStatus: intent.status\n";
        assertEquals(List.of(), found(scan("app/assets/javascripts/payments/payments.js.coffee.erb", coffee)));
        assertEquals(List.of(), found(scan("app/assets/javascripts/payments.coffee", coffee)));
        List<Finding> live = scan("app/assets/javascripts/payments.coffee", "  api_token: \"" + Fake.token(32) + "\"\n");
        assertTrue(found(live).contains("SEC0031:error"), found(live).toString());
    }

    @Test
    void committedEnvFileWithACredential() {
        List<Finding> live = scanCommitted("docker/app.env", "WORKERS=4\nAPI_TOKEN=" + Fake.token(32) + "\n");
        assertTrue(found(live).contains("SEC0050:error"), found(live).toString());
        List<Finding> dev = scanCommitted("docker/compose.env", "WORKERS=4\nSECRET_KEY=change-me\n");
        assertTrue(found(dev).contains("SEC0050:warning"), found(dev).toString());
        assertTrue(found(dev).contains("SEC0031:warning"), found(dev).toString());
    }

    // ---- documentation examples

    @Test
    void documentationExamplesAreSilent() {
        String jwt = Fake.jwt("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        assertEquals(List.of(), found(scan("README.md", "curl -H 'Authorization: Bearer " + jwt + "' …\n")));
        assertEquals(List.of(), found(scan("docs/guide.adoc", "password: " + Fake.token(16) + "\n")));
        assertEquals(List.of(), found(scan("api/openapi.yaml", "      token:\n        type: string\n        example: " + jwt + "\n")));
        assertEquals(List.of(), found(scan("src/Login.stories.tsx", "const apiKey = '" + Fake.token(20) + "';\n")));
        // commented-out configuration and doc comments
        assertEquals(List.of(), found(scan("config/app.yml", "db:\n  # password: " + Fake.token(12) + "\n")));
        assertEquals(List.of(), found(scan("compose.yaml", "    # - DATABASE_URL=postgres://u:testpass@db/app\n")));
        assertEquals(List.of(), found(scan("src/types.d.ts", " *   accessToken: \"updated-token-" + Fake.token(8) + "\"\n")));
        // placeholder connection strings in code: the documented shape of a URI
        assertEquals(List.of(), found(scan("sqlcon/message.go", "Example: DATABASE_URL=postgres://user:password@host:123/db\n")));
        // JSON schema examples
        assertEquals(List.of(), found(scan("embedx/config.schema.json", "\"examples\": [\"smtps://foo:bar@mail:1234/\"]\n")));
    }

    // ---- placeholders

    @Test
    void placeholdersAreNotCredentials() {
        assertEquals(List.of(), found(scan("config/app.yml", "api_key: YOUR_TOKEN\n")));
        assertEquals(List.of(), found(scan("config/app.yml", "api_key: <your-api-key>\n")));
        assertEquals(List.of(), found(scan("Dockerfile", "FROM python:3.12\nRUN SECRET_KEY=dummy-for-build python manage.py collectstatic\n")));
        assertEquals(List.of(), found(scan(".env.example", "MAIL_PASSWORD=mail-server-password\n")));
        assertEquals(List.of(), found(scan("paperless.conf.example", "PAPERLESS_SECRET_KEY=change-me\n")));
        assertEquals(List.of(), found(scan("pyproject.toml", "PAPERLESS_SECRET_KEY = \"test-secret-key-do-not-use-in-production\"\n")));
        // base64 of a "change me" sentence is a placeholder in an example …
        String sentence = Fake.b64("my-secret-key-which-should-be-changed-in-production-and-be-base64-encoded");
        assertEquals(List.of(), found(scan("config/application-secret-samples.yml", "base64-secret: " + sentence + "\n")));
        // … and a default credential in runnable config
        assertEquals(List.of("SEC0031:warning"), found(scan("docker/app.yml", "    - JWT_BASE64_SECRET=" + sentence + "\n")));
    }

    // ---- values that are not values

    @Test
    void valuesThatAreNotValues() {
        assertEquals(List.of(), found(scan("src/i18n-keys.ts", "resetPassword: 'label.reset-password',\n")));
        assertEquals(List.of(), found(scan("package.json", "  \"reset-password\": \"node scripts/reset.js\",\n")));
        assertEquals(List.of(), found(scan("package.json", "  \"react-password-strength-bar\": \"^0.4.1\",\n")));
        assertEquals(List.of(), found(scan("src/Keys.java", "static final String AWS_SECRET_KEY_PROPERTY = \"aws_secret_key\";\n")));
        assertEquals(List.of(), found(scan("src/errors.ts", "export const INVALID_ACCESS_TOKEN = 'auth/invalid_access_token';\n")));
        assertEquals(List.of(), found(scan("src/config.ts", "  MAILER_SMTP_OAUTH2_CLIENT_SECRET = 'MAILER_SMTP_OAUTH2_CLIENT_SECRET',\n")));
        assertEquals(List.of(), found(scan("src/auth.ts", "  HEADER_API_KEY = 'headerapikey',\n")));
        assertEquals(List.of(), found(scan("src/annotations.ts", "ACCESS_TOKEN = \"security.example.run/access-token\",\n")));
        assertEquals(List.of(), found(scan("oidc/provider.go", "const ACRWeb = \"urn:safelayer:tws:policies:authentication:level:low\"\n")));
        assertEquals(List.of(), found(scan("static/index.html", "let authToken = localStorage.getItem('jhi-authenticationToken');\n")));
        assertEquals(List.of(), found(scan("src/api.js", "token = sessionStorage.getItem(\"token\")\n")));
        assertEquals(List.of(), found(scan("src/util.ts", "fetch(url, { method, body, headers, credentials: 'same-origin' });\n")));
        assertEquals(List.of(), found(scan("src/Form.tsx", "passwordAutoComplete=\"current-password\"\n")));
        assertEquals(List.of(), found(scan("src/passkeys.ts", "[PasskeyBrand.OnePassword]: \"1Password\",\n")));
        assertEquals(List.of(), found(scan("src/mail.ts", "parsed.dkim = isDkimValid ? 'pass' : 'failed';\n")));
        assertEquals(List.of(), found(scan("static/launch.css", "input[type=\"text\"]:focus, input[type=\"password\"]:focus { outline: none; }\n")));
        assertEquals(List.of(), found(scan("views.py", "ctx[\"password_reset_status\"] = \"done\"\n")));
        assertEquals(List.of(), found(scan("templates/login.html", "<input type=\"password\" name=\"password\" value=\"{{ password }}\">\n")));
        // JavaScript in a ConfigMap: a quoted key and a bare name before a comma (JSON has no bare words); a literal is read
        assertEquals(List.of(), found(scan("templates/configmap-scripts.yaml", "data:\n  run.js: |\n    const s = {\n"
                + "      \"token\": base64Token,\n    }\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("templates/configmap-scripts.yaml", "data:\n  run.js: |\n    const s = {\n"
                + "      \"token\": \"" + Fake.token(32) + "\",\n    }\n")));
        // a theme's colour for a control about the password (held-out 11d: a login page's forgotPasswordColor: '#909fa7')
        assertEquals(List.of(), found(scan("frontend/src/login.html", "<script>\n  var theme = {\n      forgotPasswordColor: '#909fa7',\n"
                + "      forgotPasswordAltColor: '#748690',\n  };\n</script>\n")));
        assertEquals(List.of(), found(scan("theme.yaml", "forgot_password_color: '#909fa7'\n")));
        // a method's name mapped to the privilege it needs (held-out 13c: 'admin.user.sendPasswordResetEmail': 'admin:users')
        assertEquals(List.of(), found(scan("src/privileges/admin.js", "const methods = {\n\t'admin.user.sendPasswordResetEmail': 'admin:users',\n"
                + "\tpassword_reset_email: 'admin:users',\n};\n")));
        // a page's script is code (held-out 11d: an LLM settings tab's const apiKey = (document.querySelector(…) || {}).value)
        assertEquals(List.of(), found(scan("templates/settings_tab.html", "<div>\n<script>\n    const apiKey  = "
                + "(document.querySelector('[name=\"llm-api_key\"]')  || {}).value || '';\n</script>\n</div>\n")));
        // a page template's script passes variables (corpus class: JS identifiers in a template); a quoted literal is read
        assertEquals(List.of(), found(scan("templates/base.twig", "<script src=\"{{ js_path }}\"></script>\n<script>\n"
                + "        attrPayload = {password: newPw, password2: newPw2};\n</script>\n")));
        assertEquals(List.of("SEC0030:error"), found(scan("templates/base.twig", "<script>\n"
                + "        attrPayload = {password: '" + Fake.token(14) + "'};\n</script>\n")));
        assertEquals(List.of(), found(scan("migrations/0001.down.sql", "UPDATE sessions SET logout_token = LEFT(logout_token, 32) WHERE TRUE;\n")));
        assertEquals(List.of(), found(scan("openapi/patches/flow.yaml", "password: \"#/components/schemas/updateLoginFlowWithPasswordMethod\"\n")));
        assertEquals(List.of(), found(scan("mkdocs.yml", "  - Token: 'models/users/token.md'\n")));
        // i18n message bundles next to templates, in any script
        assertEquals(List.of(), found(scan("templates/login_es.properties", "form.password.forgot=\u00bfOlvidaste tu contrase\u00f1a?\n")));
        assertEquals(List.of(), found(scan("templates/login.properties", "form.password.forgot=\u5fd8\u8bb0\u5bc6\u7801\uff1f\n")));
        assertEquals(List.of(), found(scan("templates/reset.properties", "error.invalid_reset_token=Reset link invalid, try again.\n")));
        // URL query parameters: a URL being built, a pre-signed link with an expiry, a JSON-escaped '&'
        assertEquals(List.of(), found(scan("oidc/vk.go", "u := \"https://api.vk.com/method/users.get?v=5&access_token=\"+exchange.AccessToken\n")));
        assertEquals(List.of(), found(scan("diagram.pos", "{\"img\":\"http://cdn.example.com/5dcb?e=1573632286&amp;token="
                + Fake.token(40) + ":" + Fake.token(27) + "=\"}\n")));
        // vendored and bundled code is not the project's
        assertEquals(List.of(), found(scan("backend/vendor/github.com/x/y/provider.go", "\"access_token\":\"" + Fake.token(32) + "\",\n")));
        assertEquals(List.of(), found(scan("static/dist/app.js", "var t={secret:\"" + Fake.token(24) + "\"};\n")));
    }

    @Test
    void expiredJwtIsNotLive() {
        String expired = Fake.jwt("{\"alg\":\"HS512\"}").replaceFirst("\\.[^.]+\\.", "." + Fake.b64url("{\"sub\":\"admin\",\"exp\":1539595979}") + ".");
        assertEquals(List.of(), found(scan("postman/collection.json", "\"value\": \"Bearer " + expired + "\"\n")));
        String live = Fake.jwt("{\"alg\":\"HS512\"}").replaceFirst("\\.[^.]+\\.", "." + Fake.b64url("{\"sub\":\"admin\",\"exp\":4102444800}") + ".");
        assertEquals(List.of("SEC0010:error"), found(scan("postman/collection.json", "\"value\": \"Bearer " + live + "\"\n")));
    }

    // ---- the severity model: weak literal credentials in runnable config are warnings, not misses

    @Test
    void defaultCredentialsInRunnableConfigAreWarnings() {
        assertEquals(List.of("SEC0030:warning"), found(scan("docker-compose.yml", "    environment:\n      - MYSQL_PASSWORD=secret\n")));
        assertEquals(List.of("SEC0030:warning"), found(scan("deploy/app.env", "ADMIN_PASSWORD=admin123\n")));
        assertEquals(List.of("SEC0030:warning"), found(scan("src/main/resources/application-tls.yml",
                "server:\n  ssl:\n    key-store-password: changeit\n")));
        assertEquals(List.of("SEC0030:warning"), found(scan(".github/workflows/ci.yml", "        env:\n          POSTGRES_PASSWORD: postgres\n")));
        assertEquals(List.of("SEC0020:warning"), found(scan(".github/workflows/ci.yml", "      DATABASE_URL: postgres://saleor:saleor@postgres:5432/saleor\n")));
        assertEquals(List.of("SEC0031:warning"), found(scan("quickstart.yml", "      - COOKIE_SECRET=changeme\n")));
        assertEquals(List.of("SEC0040:warning"), found(scan("k8s/secret.yaml",
                "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: pass\n")));
    }

    @Test
    void liveLookingValuesAreErrors() {
        String pw = Fake.token(16);
        assertEquals(List.of("SEC0030:error"), found(scan("docker-compose.yml", "    environment:\n      - MYSQL_PASSWORD=" + pw + "\n")));
        assertEquals(List.of("SEC0030:error"), found(scan("src/Db.java", "String password = \"" + pw + "\";\n")));
        assertEquals(List.of("SEC0020:error"), found(scan("config/app.yaml", "url: postgres://app:" + pw + "@db.internal/x\n")));
    }

    @Test
    void everyFindingSaysWhyItFired() {
        Finding weak = scan("docker-compose.yml", "      - MYSQL_PASSWORD=secret\n").get(0);
        assertTrue(weak.message().endsWith("[runnable config; 6 chars, a-z, 2.3 bits/char]"), weak.message());
        assertTrue(weak.hint().contains("${MYSQL_PASSWORD:?"), weak.hint());
        Finding live = scan("src/Db.java", "String password = \"" + Fake.token(16) + "\";\n").get(0);
        assertTrue(live.message().contains("[code; 16 chars, "), live.message());
        Finding token = scan("src/api.spec.ts", "const key = '" + Fake.testToken() + "';\n").get(0);
        assertTrue(token.message().contains("[test file; 28 chars"), token.message());
    }

    @Test
    void severityEnumIsUsed() {
        assertEquals(Severity.WARNING, scan("deploy/app.env", "ADMIN_PASSWORD=admin123\n").get(0).severity());
    }
    // ---- held-out repositories, third pass (docs/lint-review/heldout3.md): one fixture per class

    /**
     * A generator's recorded answers ({@code .yo-rc.json}, {@code .copier-answers.yml}, {@code cookiecutter.json}) are
     * the input of a template, not configuration the stack runs with: a placeholder there (base64 of a "change me"
     * sentence) is dropped as in any template; a live-looking value is still reported.
     */
    /**
     * A placeholder that says to replace it, glued to other words by a digit ({@code <stack>2replace2<field>} in an
     * example deployment's .env) or written with one ({@code replace-with-your-key}): not a credential. A random
     * value beside it in the same file is still reported.
     */
    @Test
    void gluedReplacePlaceholderInAnExampleEnvIsNotASecret() {
        String glued = "stack2" + "replace" + "2access";
        assertEquals(List.of(), found(scan("deploy/examples/swarm/.env", "STORE_ACCESS_KEY=" + glued + "\n")));
        assertEquals(List.of(), found(scan("deploy/examples/swarm/.env", "STORE_ACCESS_KEY=replace-with-your-key\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("deploy/examples/swarm/.env", "STORE_ACCESS_KEY=" + Fake.token(40) + "\n")));
    }

    @Test
    void generatorAnswersAreTemplatesNotRunnableConfig() {
        String sentence = Fake.b64("my-secret-key-which-should-be-changed-in-production-and-be-base64-encoded");
        assertEquals(List.of(), found(scan(".yo-rc.json", "{\n  \"generator-jhipster\": {\n    \"jwtSecretKey\": \"" + sentence + "\"\n  }\n}\n")));
        assertEquals(List.of(), found(scan("app/.copier-answers.yml", "admin_password: changeme\n")));
        assertEquals(List.of("SEC0031:error"), found(scan(".yo-rc.json", "{ \"jwtSecretKey\": \"" + Fake.token(40) + "\" }\n")));
    }

    /**
     * Prose in a TOML multi-line string (a task's help text) or in a message a shell script prints is text, not an
     * assignment; a TOML key, and a heredoc written to a file, still are.
     */
    @Test
    void tomlMultilineStringsAreProse() {
        String help = "[tool.poe.tasks]\npopulatedb.help = \"\"\"\nCreates an admin user with credentials:\n- email: admin@example.com\n"
                + "- password: admin\n\"\"\"\n";
        assertEquals(List.of(), found(scan("pyproject.toml", help)));
        assertEquals(List.of(), found(scan("pyproject.toml", "notes = \'\'\'\npassword = \"" + Fake.token(16) + "\"\n\'\'\'\n")));
        String dbPassword = Fake.seeded(16); // its own generator: a shared draw could hold a default word ("dev", "user") in a parallel run
        assertEquals(List.of("SEC0030:error"), found(scan("pyproject.toml", help + "[tool.db]\npassword = \"" + dbPassword + "\"\n")), dbPassword);
        // a usage or error message a shell script prints (cat >&2 <<-'EOE' … EOE) is prose too; a heredoc written to a
        // file is configuration
        String entrypoint = "#!/usr/bin/env bash\nif [ -z \"$POSTGRES_PASSWORD\" ]; then\n\tcat >&2 <<-'EOE'\n"
                + "\t\tError: superuser password is not specified. For example, \"-e POSTGRES_PASSWORD=password\" on docker run.\n"
                + "\tEOE\n\texit 1\nfi\n";
        assertEquals(List.of(), found(scan("14/alpine/docker-entrypoint.sh", entrypoint)));
        assertEquals(List.of("SEC0030:warning"), found(scan("setup.sh", "cat > /etc/app.conf <<EOF\nDB_PASSWORD=password\nEOF\n")));
    }

    /** Translation trees by directory (lang/es/auth.php, src/lang/bar.json, translations/): labels, whatever the file type. */
    @ParameterizedTest
    @ValueSource(strings = {"lang/es/auth.php", "resources/lang/sv/settings.php", "src/lang/bar.json", "translations/fi.yml",
        "app/l10n/nb.arb", "protected/modules/user/messages/pt-BR/auth.php", "app/messages/sv/archive.json",
        "distribution/setup/Default.isl"})
    void translationTreesAreLabels(String path) {
        assertEquals(List.of(), found(scan(path, "    'password' => 'Contrase\u00f1a',\n    \"user_api_token\": \"API-tunniste\",\n")), path);
        // a settings form's example URI and its translation (held-out 13a)
        assertEquals(List.of(), found(scan(path, "    'e.g. smtps://user:pass@smtp.example.com:port' => 'p. ej smtps://usuario:clave@smtp.ejemplo.com:puerto',\n")), path);
    }

    /**
     * Held-out 13a: a messages directory whose subdirectory is not a locale code (a protocol's messages/v1/) holds code
     * like any other directory.
     */
    @Test
    void aMessagesDirectoryNotByLocaleIsNotATranslationTree() {
        String pw = Fake.token(24);
        assertEquals(List.of("SEC0030:error"), found(scan("app/messages/v1/db.php", "'password' => '" + pw + "',\n")), pw);
    }

    /**
     * Held-out 13a, class "a literal that starts a string built at run time" (a mail template's
     * {@code $token = '{trackable='.$redirect->getId().'}'}, an editor's {@code var token = '{BLOCK'+index+'}'}, a word list
     * {@code single_token: 'br,input,link'.split(',')}): the literal is a piece of a value the code builds, not the value;
     * a literal concatenated with another literal is still one hard-coded value.
     */
    @Test
    void aLiteralConcatenatedWithCodeIsAPieceOfABuiltValue() {
        assertEquals(List.of(), found(scan("app/Model/TrackableModel.php", "        $token = '{trackable='.$redirect->getRedirectId().'}';\n")));
        assertEquals(List.of(), found(scan("assets/js/builder.js", "    var token = '{CODEMODEBLOCK'+index+'}';\n"
                + "    var dynConToken  = '{dynamiccontent=\"' + dynConName+'\"}';\n")));
        assertEquals(List.of(), found(scan("assets/js/beautifier.js", "    single_token: 'br,input,link,meta,source,!doctype,basefont'.split(','),\n")));
        String a = Fake.token(12);
        String b = Fake.token(12);
        assertEquals(List.of("SEC0030:error"), found(scan("app/Db.php", "$password = '" + a + "' . '" + b + "';\n")), a + b);
    }

    /** Held-out 13a, class "a marker shown in place of the stored secret" ({@code $this->password = '---invisible---'}). */
    @Test
    void aFencedMarkerWordIsNotAPassword() {
        assertEquals(List.of(), found(scan("app/models/forms/MailingSettingsForm.php", "        $this->password = '---invisible---';\n")));
        assertEquals(List.of(), found(scan("app/Settings.php", "        $this->apiSecret = '**hidden**';\n")));
    }

    /**
     * Held-out 13a (extra repository), class "an event map's handler name" ({@code 'Template.userSecurity.afterPassword'
     * => 'render2FaUserSettings'}): a camel-case method name with a digit is an identifier in code; a password of
     * random characters is not one.
     */
    @Test
    void aHandlerNameWithADigitIsAnIdentifier() {
        assertEquals(List.of(), found(scan("plugins/TwoFactorAuth/TwoFactorAuth.php",
                "            'Template.userSecurity.afterPassword' => 'render2FaUserSettings',\n")));
        String pw = Fake.token(20);
        assertEquals(List.of("SEC0030:error"), found(scan("app/Db.php", "'password' => '" + pw + "',\n")), pw);
    }

    /**
     * Held-out 13a (extra repository), class "a deployment template's parameter in an ODBC connection string"
     * ({@code Pwd={DbAdminPassword};} in a Web Deploy parameters.xml): a braced name that says it is a password is the
     * parameter filled in at install time; a braced value is still a password.
     */
    @Test
    void aBracedParameterNameInAConnectionStringIsATemplate() {
        String xml = "  <parameter name=\"Connection String\"\n    defaultValue=\"Server={DbServer};Database={DbName};uid={DbAdminUsername};"
                + "Pwd={DbAdminPassword};\"/>\n";
        assertEquals(List.of(), found(scan("misc/package/parameters.xml", xml)));
        String pw = Fake.token(16);
        assertEquals(List.of("SEC0021:error"), found(scan("misc/package/parameters.xml", xml.replace("{DbAdminPassword}", "{" + pw + "}"))), pw);
    }

    /** Validation rule lists ('required|string|max:255') are code, not a password. */
    @Test
    void validationRuleListsAreNotValues() {
        assertEquals(List.of(), found(scan("app/Services/AcceptInvitation.php", "            'password' => 'required|alpha_dash|string|max:255',\n")));
        assertEquals(List.of(), found(scan("app/Http/Requests/Login.php", "'password' => 'nullable|string',\n")));
        String pw = Fake.token(24); // 24 characters: a shorter random draw may hold a default word ("deV") and be weak
        assertEquals(List.of("SEC0030:error"), found(scan("app/Db.php", "'password' => '" + pw + "',\n")), pw);
    }

    /**
     * Names about a secret, not holding one: a hashing scheme (default_password_scheme = SHA512-CRYPT), a lookup table
     * (smtp_sasl_password_maps = texthash:/etc/postfix/sasl_passwd), a Helm chart's existing or source Secret object
     * (existingSecret, configFromSecret: its name).
     */
    @Test
    void namesAboutASecretAreNotSecrets() {
        assertEquals(List.of(), found(scan("target/dovecot/auth-master.inc", "  default_password_scheme = SHA512-CRYPT\n")));
        assertEquals(List.of(), found(scan("target/scripts/relay.sh", "postconf 'smtp_sasl_password_maps = texthash:/etc/postfix/sasl_passwd'\n")));
        assertEquals(List.of(), found(scan("charts/app/values.yaml", "server:\n  configFromSecret: prometheus-config\n  existingSecret: app-credentials\n")));
        assertEquals(List.of(), found(scan("k8s/storage-class.yaml", "parameters:\n  adminSecretNamespace: kube-system\n")));
    }

    /**
     * Template expressions: a Helm / Jinja directive line ({{ $authenticationPassword := (and .Values.x …) }}) and a
     * %{…} variable (dovecot's password = %{ldap:userPassword}) hold no value.
     */
    @Test
    void templateExpressionsAreNotValues() {
        assertEquals(List.of(), found(scan("charts/notifier/templates/secrets.yaml",
                "{{ $authenticationPassword := (and .Values.snmp.authPassword (not .Values.snmp.authPasswordSecret)) }}\n")));
        assertEquals(List.of(), found(scan("target/dovecot/auth-ldap.conf.ext", "    password = %{ldap:userPassword}\n")));
    }

    /**
     * A value made only of words that names itself a password or secret ("docker-mailserver-password",
     * "set-secure-redis-password") is a development default, whatever its length: a warning in runnable config.
     */
    @Test
    void wordyDefaultsAreWarnings() {
        assertEquals(List.of("SEC0030:warning"), found(scan("target/supervisor/supervisord.conf", "[unix_http_server]\npassword = docker-mailserver-password\n")));
        assertEquals(List.of("SEC0030:warning"), found(scan("helm/values.yaml", "redis:\n  auth:\n    password: set-secure-redis-password\n")));
    }

    /**
     * Placeholders of other shapes: a camel-case sentence (Laravel's APP_KEY=SomeRandomStringOf32CharsExactly: dropped
     * in an example, a development default where the stack runs with it) and a bracketed word ("Database password:
     * [HIDDEN]").
     */
    @Test
    void sentenceAndBracketPlaceholders() {
        assertEquals(List.of(), found(scan(".env.example", "APP_SECRET=SomeRandomStringOf32CharsExactly\n")));
        assertEquals(List.of("SEC0031:warning"), found(scan("deploy/app.env", "APP_SECRET=SomeRandomStringOf32CharsExactly\n")));
        assertEquals(Filters.Strength.DEFAULT, Filters.strength("SomeRandomStringOf32CharsExactly")); // ENV0004 of a tracked env file
        assertEquals(Filters.Strength.LIVE, Filters.strength("Vh2Jj2Bo8Zr9Cs3Bq4Jc7Ea6")); // alternating case and digits: random
        assertEquals(List.of(), found(scan("config/application.yml", "jwt:\n  token-validity-in-seconds-for-remember-me: 2592000\n")));
        assertEquals(List.of(), found(scan("charts/create-secrets.sh", "echo \"  Database password: [HIDDEN]\"\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("deploy/app.env", "APP_SECRET=" + Fake.token(32) + "\n")));
    }

    /** Chart-testing's values files (charts/x/ci/*-values.yaml) configure CI installs of the chart: test data. */
    @Test
    void chartTestingValuesAreTestData() {
        assertEquals(List.of(), found(scan("helm/zulip/ci/simple-values.yaml", "postgresql:\n  auth:\n    password: " + Fake.token(16) + "\n")));
    }
    /**
     * A provider credential that is a query parameter of a link in an HTML page (an affiliate link's access key ID, a
     * video's shared access signature, as saved in a scraped page): info, since the page hands it to every visitor.
     * The same key in a script of the page, or in configuration, stays an error.
     */
    @Test
    void credentialsInLinksOfAWebPageAreInfo() {
        String id = "AKIA" + Fake.token(40).toUpperCase().replaceAll("[^A-Z2-7]", "").substring(0, 16);
        String page = "<a data-offer-url=\"https://shop.example.com/dp/B00?psc=1&amp;SubscriptionId=" + id + "&amp;tag=x\">buy</a>\n";
        SecretScanner all = new SecretScanner(dev.devops.lint.secrets.rules.RuleLoader.builtin());
        List<Finding> fs = all.scan("tests/data/html/recipe.html", page, null, Map.of(), Allowlist.NONE, false);
        assertEquals(List.of("SEC0100:info"), found(fs));
        assertTrue(fs.get(0).message().contains("link in a web page"), fs.get(0).message());
        String data = "<script>window.__DATA__={\"offerUrl\":\"https:\\u002F\\u002Fshop.example.com\\u002Fdp?SubscriptionId=" + id
                + "&tag=x\",\"video\":\"//media.example.net/v.mp4?sv=2015-07-08&sr=c&sig=" + id + "\"}</script>\n";
        assertEquals(List.of("SEC0100:info", "SEC0100:info"), found(all.scan("tests/data/html/recipe.html", data, null, Map.of(), Allowlist.NONE, false)));
        assertEquals(List.of("SEC0100:error"), found(all.scan("tests/data/html/recipe.html", "<script>var k = \"" + id + "\";</script>\n",
                null, Map.of(), Allowlist.NONE, false)));
        assertEquals(List.of("SEC0100:error"), found(all.scan("config/app.yaml", "url: https://s3.example.com/x?SubscriptionId=" + id + "\n",
                null, Map.of(), Allowlist.NONE, false)));
    }
    /**
     * Miss of the held-out repositories: a password written as words naming it ("secret_pw", "another_pw") in a Helm
     * chart's values was taken for an identifier. A warning in runnable config; in code it stays an identifier, and a
     * dotted name (Terraform's var.db_password) a reference.
     */
    @Test
    void wordPasswordsInRunnableConfigAreWarnings() {
        assertEquals(List.of("SEC0030:warning"), found(scan("charts/ipmi-exporter/values.yaml", "modules:\n  dmz:\n    user: admin\n    pass: \"secret_pw\"\n")));
        assertEquals(List.of("SEC0030:warning"), found(scan("charts/ipmi-exporter/values.yaml", "    pass: another_pw\n")));
        assertEquals(List.of(), found(scan("src/Keys.java", "static final String DB_PASS = \"secret_pw\";\n")));
        assertEquals(List.of(), found(scan("infra/main.tf", "  password = var.db_password\n")));
        // held-out 4 (terraform-aws-rds): the same words in camel case; in an example they stay dropped
        assertEquals(List.of("SEC0030:warning"), found(scan("infra/main.tf", "  password_wo = \"UberSecretPassword\"\n")));
        assertEquals(List.of(), found(scan("examples/complete/main.tf", "  password_wo = \"UberSecretPassword\"\n")));
        assertEquals(List.of(), found(scan("config/app.yaml", "token: AccessToken\n")));
    }
    /**
     * Found by --history on held-out repositories: a word of an ARN (…:secret:app-key:LicenseKey::) taken for a key; a
     * key id (TOKEN_EXCHANGE_KID); the public half of an SSH key pair in a Kubernetes Secret (data.id_rsa.pub). The
     * private half in the same Secret is still an error.
     */
    @Test
    void arnsKeyIdsAndPublicKeysAreNotSecrets() {
        assertEquals(List.of(), found(scan("aws-cloudformation/ecs/stack.yaml", "          Secrets:\n            - Name: LICENSE_KEY\n"
                + "              ValueFrom: !Sub \"arn:aws:secretsmanager:eu-west-1:123456789012:secret:app-" + Fake.token(12) + ":LicenseKey::\"\n")));
        assertEquals(List.of(), found(scan("aws-cloudformation/ecs/stack.yaml", "              ValueFrom: !Sub "
                + "\"arn:aws:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:app-" + Fake.token(12) + ":LicenseKey::\"\n")));
        assertEquals(List.of(), found(scan("k8s/deployment.yaml", "        - name: TOKEN_EXCHANGE_KID\n          value: my-" + Fake.token(12) + "-key\n")));
        String pub = "ssh-rsa AAAAB3NzaC1yc2E" + Fake.base64Body(300) + " flux@example.com";
        String secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: ssh-key\ndata:\n  id_rsa.pub: "
                + java.util.Base64.getEncoder().encodeToString(pub.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\n"
                + "  token: " + java.util.Base64.getEncoder().encodeToString(Fake.token(32).getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\n";
        assertEquals(List.of("SEC0040:error"), found(scan("deploy/ssh-key.yaml", secret)));
        assertEquals(7, scan("deploy/ssh-key.yaml", secret).get(0).line());
    }

    // ---- held-out 4 (docs/lint-review/heldout4.md): one fixture per class, each failing before its fix

    /**
     * Held-out 4, class "lock file by shape" (formbricks {@code apps/web/i18n.lock}: Lingo.dev's translation checksums,
     * 32 errors): a {@code *.lock} file is generated like yarn.lock; its hex digests under translation keys are no
     * secrets. The same lines in a YAML config are still reported.
     */
    @Test
    void lockFilesOfAnyToolAreNotScanned() {
        String lock = "version: 1\nchecksums:\n  55dc377b5e931bfc64e4add83e35d9ea:\n    auth/forgot-password/reset/new_password: "
                + Fake.hex(32) + "\n    common/api_key: " + Fake.hex(32) + "\n";
        assertEquals(List.of(), found(scan("apps/web/i18n.lock", lock)));
        assertEquals(List.of(), found(scanFile("apps/web/i18n.lock", lock)));
        assertEquals(List.of("SEC0031:error"), found(scan("config/app.yaml", "api_key: " + Fake.token(32) + "\n")));
    }

    /**
     * Held-out 4, class "examples that run": HTTP request collections ({@code *.http}, {@code *.rest}: ktor-samples'
     * httpbin/request.http, a C# API's RequestExamples/Authentication.http) are sample requests against a dev server,
     * examples: a form body's demo password is dropped, a live-looking token (a JWT) is still reported. A source map
     * ({@code *.min.js.map}, mkdocs-material) is generated code in one JSON string; a test runner's setup file
     * ({@code vitestSetup.ts}, formbricks) is test code: name-based detectors are silent there.
     */
    @Test
    void requestCollectionsAreExamplesSourceMapsAndTestSetupAreQuiet() {
        String form = "POST http://localhost:8080/post\nContent-Type: application/x-www-form-urlencoded\n\n"
                + "username=JetBrains&email=example@jetbrains.com&password=foobar&confirmation=foobar\n\n###\n"
                + "POST {{baseUrl}}/connect/token\nContent-Type: application/x-www-form-urlencoded\n\n"
                + "grant_type=password&username=testMember@mail.com&password=testMemberPass&client_id=ro.client&client_secret=secret\n";
        assertEquals(List.of(), found(scan("httpbin/request.http", form)));
        assertEquals(List.of(), found(scan("src/API/RequestExamples/Authentication.rest", form)));
        assertEquals(List.of("SEC0010:error"), found(scan("api/auth.http", "GET http://localhost/me\nAuthorization: Bearer "
                + Fake.jwt("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "\n")));
        assertEquals(List.of(), found(scan("assets/javascripts/workers/search.2c215733.min.js.map",
                "{\"version\":3,\"sourcesContent\":[\"this.tokenSet = this.tokenSet || new lunr.TokenSet\\n\"]}\n")));
        assertEquals(List.of(), found(scan("apps/web/vitestSetup.ts", "vi.mock('env', () => ({ env: {\n  GITHUB_SECRET: \""
                + Fake.token(16) + "\",\n} }));\n")));
    }

    /**
     * Held-out 4, class "values that are not values": a rate limit ({@code "reset_password": "1/m/ip,1/m/key"},
     * django-allauth in tandoor's settings.py), a sed substitution ({@code sed "s/SECRET=.*&#47;SECRET=$NEW/"}, redash's
     * history), a Ruby index
     * expression ({@code flash[:application_secret].presence} in an ERB view, a Rake task's {@code ENV["X"]} in a
     * ternary), fetch's {@code credentials: "same-origin"} in a page's script. A literal beside them is still reported.
     */
    @Test
    void rateLimitsPatternsSecretSpecsAndExpressionsAreNotValues() {
        assertEquals(List.of(), found(scan("recipes/settings.py", "ACCOUNT_RATE_LIMITS = {\n    \"change_password\": \"1/m/user\",\n"
                + "    \"reset_password\": \"1/m/ip,1/m/key\",\n    \"login\": \"5/m/ip\",\n}\n")));
        assertEquals(List.of(), found(scan("setup/generate_key.sh", "  sed -i \"s/REDASH_COOKIE_SECRET=.*/REDASH_COOKIE_SECRET=$COOKIE_SECRET/g\" /opt/redash/env\n")));
        assertEquals(List.of(), found(scan("app/views/doorkeeper/applications/show.html.erb",
                "<% secret = flash[:application_secret].presence || @application.plaintext_secret %>\n")));
        assertEquals(List.of(), found(scan("lib/tasks/securities.rake",
                "    api_key = Rails.application.config.app_mode.self_hosted? ? Setting.synth_api_key : ENV[\"SYNTH_API_KEY\"]\n")));
        assertEquals(List.of(), found(scan("CTFd/themes/admin/templates/modals/module.html",
                "<script>const r = await CTFd.fetch(\"/api/v1/modules\", {credentials: \"same-origin\"});</script>\n")));
        assertEquals(List.of("SEC0030:error"), found(scan("recipes/settings.py", "EMAIL_PASSWORD = \"" + Fake.token(14) + "\"\n")));
    }

    /**
     * Held-out 4, miss class "bang-wrapped default" (api-platform/demo's Helm values and api/.env: {@code "!ChangeMe!"},
     * {@code "!ThisMustBeChanged!"}): taken for a YAML tag (a reference) and dropped; the stack runs with it, so it is a
     * development default (a warning) in runnable config. YAML tags ({@code !Ref}, {@code !vault |}, {@code !secret x})
     * are still references.
     */
    @Test
    void bangWrappedDefaultsAreDefaultsNotTags() {
        String values = "postgresql:\n  auth:\n    postgresPassword: \"!ThisMustBeChanged!\"\n    password: \"!ChangeMe!\"\n"
                + "mercure:\n  jwtSecret: \"!ChangeThisMercureHubJWTSecretKey!\"\n";
        assertEquals(List.of("SEC0030:warning", "SEC0030:warning", "SEC0031:warning"), found(scan("helm/api-platform/values.yaml", values)));
        assertEquals(List.of(), found(scan("cloudformation/stack.yaml", "MasterUserPassword: !Ref DbPassword\n"
                + "api_token: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\nhttp_password: !secret http_password\n")));
        assertEquals(List.of(), found(scan("docs/values.example.yaml", values)));
    }

    /**
     * Held-out 4, classes "name about a secret" and "secret named, not given": a dotted key's last part says what it is
     * ({@code traefik.http.routers.feedback-records-token.tls.certresolver=default} names a resolver, formbricks'
     * installer; {@code spring.datasource.password} is still a password); a front-end controller's target
     * ({@code password_validator_target: "input"}, Stimulus in an ERB view); a podman quadlet's
     * {@code Secret=lldap-jwt-secret,type=mount,uid=1000} names the engine's secret. Literal values beside them are
     * still reported.
     */
    @Test
    void dottedKeysTargetsAndSecretMountsAreNotValues() {
        assertEquals(List.of(), found(scan("docker/formbricks.sh", "print \"      - \\\"traefik.http.routers.feedback-records-token.tls.certresolver=default\\\"\"\n")));
        assertEquals(List.of("SEC0030:error"), found(scan("config/application.properties", "spring.datasource.password=" + Fake.token(14) + "\n")));
        assertEquals(List.of(), found(scan("app/views/registrations/new.html.erb", "  data: {\n    password_validator_target: \"input\",\n"
                + "    password_visibility_target: \"input\",\n  }\n")));
        assertEquals(List.of(), found(scan("example_configs/podman-quadlets/lldap.container", "[Container]\nImage=lldap/lldap:stable\n"
                + "Secret=lldap-jwt-secret,type=mount,uid=1000\nSecret=lldap-key-seed,type=env,target=LLDAP_KEY_SEED\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("deploy/app.container", "[Container]\nEnvironment=API_SECRET=" + Fake.token(24) + "\n")));
    }

    /**
     * Held-out 4, miss class "generated hex key outside dotenv files" (api-platform/demo's CI job env:
     * {@code APP_SECRET: <40 hex>}, {@code POSTGRES_PASSWORD: <40 hex>}): under a secret name in configuration the
     * stack runs with, 40 or 64 hex digits are a generated key, as they already were in a dotenv file; in code (a
     * digest constant) and under a name that is not a secret's (a commit id) they are not reported.
     */
    @Test
    void generatedHexKeysInRunnableConfigAreSecrets() {
        String deploy = "name: deploy\non: [push]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n"
                + "      APP_SECRET: " + Fake.hex(40) + "\n      POSTGRES_PASSWORD: " + Fake.hex(40) + "\n      GIT_SHA: " + Fake.hex(40)
                + "\n    steps:\n      - run: ./deploy.sh\n";
        assertEquals(List.of("SEC0031:error", "SEC0030:error"), found(scan(".github/workflows/deploy.yml", deploy)));
        assertEquals(List.of("SEC0031:error"), found(scan("helm/values.yaml", "app:\n  secretKey: " + Fake.hex(64) + "\n")));
        assertEquals(List.of(), found(scan("helm/values.yaml", "app:\n  secretChecksum: " + Fake.hex(64) + "\n  tokenSha256: " + Fake.hex(64) + "\n")));
        assertEquals(List.of(), found(scan("src/checksums.py", "SECRET_DIGEST_OF_EMPTY = \"" + Fake.hex(64) + "\"\n")));
    }

    /**
     * Held-out 4, miss class "long option taken for a comment" (ansible-for-devops' Drupal playbooks: {@code command: >}
     * folding {@code --account-pass=admin} onto a line of its own): a line starting {@code --name=} is a command's
     * argument, not an SQL or Lua comment; a real {@code --} comment is still skipped.
     */
    @Test
    void longOptionsOnTheirOwnLineAreNotComments() {
        String playbook = "    - name: Install Drupal.\n      command: >\n        vendor/bin/drush si -y\n        --account-name=admin\n"
                + "        --account-pass=admin\n        --root=/var/www/web\n";
        assertEquals(List.of("SEC0030:warning"), found(scan("drupal/provisioning/playbook.yml", playbook)));
        assertEquals(List.of(), found(scan("db/seed.sql", "-- password = '" + Fake.token(14) + "' was the old seed\nSELECT 1;\n")));
    }

    // ---- held-out 5 (docs/lint-review/heldout5.md): one fixture per class, each failing before its fix

    /**
     * Held-out 5, class "leetspeak default" (wallabag's committed Symfony {@code .env}: {@code APP_SECRET=ch4n63m31fy0uc4n},
     * "change me if you can"): credential words written in leetspeak are a development default (warning), not a live
     * secret; a random value with digits is still an error.
     */
    @Test
    void leetspeakDefaultsAreDefaults() {
        assertEquals(List.of("SEC0031:warning"), found(scan("config/app.env.yaml", "app_secret: ch4n63m31fy0uc4n\n")));
        assertEquals(List.of("SEC0030:warning"), found(scan("deploy/values.yaml", "password: p4ssw0rd\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("deploy/values.yaml", "app_secret: " + Fake.token(20) + "\n")));
        // authelia's example Kubernetes Secret: base64 of "password" and "an_unsecure_secret" are defaults too (an
        // example drops them; in a manifest the stack runs with they are warnings, not live secrets)
        String secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ndata:\n  jwt_secret: YW5fdW5zZWN1cmVfc2VjcmV0\n"
                + "  ldap_password: cGFzc3dvcmQ=\n";
        assertEquals(List.of(), found(scan("internal/suites/example/kube/app.yml", secret)));
        assertTrue(found(scan("deploy/kube/app.yml", secret)).stream().noneMatch(f -> f.endsWith(":error")), found(scan("deploy/kube/app.yml", secret)).toString());
    }

    /**
     * Held-out 5, class "names about a secret" (authelia's Go constants): a message ({@code errFmtOIDCProviderNoPrivateKey
     * = "identity_providers: oidc: option `jwks` is required"}) and a code or status ({@code ldapPasswordComplexityCode =
     * "0000052D."}) are not secrets; a {@code secret_code} still is.
     */
    @Test
    void messagesAndCodesAboutASecretAreNotSecrets() {
        assertEquals(List.of(), found(scan("internal/validator/const.go",
                "\terrFmtOIDCProviderNoPrivateKey = \"identity_providers: oidc: option `jwks` is required\"\n")));
        assertEquals(List.of(), found(scan("internal/handlers/const.go", "const ldapPasswordComplexityCode = \"0000052D.\"\n")));
        assertEquals(List.of(), found(scan("app/users.py", "    \"hashed_password\": \"fakehashedsecret2\",\n")));
        // held-out 5 (authelia, mailcow): "default password policy" in prose is not a netrc default entry
        assertEquals(List.of(), found(scan("internal/schema/password_policy.go", "// DefaultPasswordPolicyConfiguration is the default password policy configuration.\n")));
        assertEquals(List.of(), found(scan("docker/entrypoint.sh", "  # Set default password policy - if unset\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("config/app.yaml", "secret_code: " + Fake.token(20) + "\n")));
    }

    /**
     * Held-out 5, classes "image kept as text" (fastapi's sponsor banner SVG: an embedded base64 PNG whose letters form a
     * Twitter bearer-token shape) and "documentation template" (grafana's helm-docs {@code README.md.gotmpl}: an example
     * {@code apiToken:}): an SVG is not scanned; a README template is documentation.
     */
    @Test
    void svgImagesAreNotScannedAndReadmeTemplatesAreDocs() {
        String data = "<image href=\"data:image/png;base64,\n" + Fake.token(30) + "/tst_" + Fake.token(24) + "/" + Fake.token(20) + "\n\"/>\n";
        assertEquals(List.of("SEC0901:error"), found(scan("docs/img/banner.html", data)));
        assertEquals(List.of(), found(scan("docs/img/banner.svg", data)));
        String example = "exporter:\n  apiToken: " + Fake.token(30) + "\n";
        assertEquals(List.of("SEC0031:error"), found(scan("charts/exporter/values.yaml", example)));
        assertEquals(List.of(), found(scan("charts/exporter/README.md.gotmpl", example)));
        assertTrue(dev.devops.files.FileKinds.isDocs("charts/exporter/README.md.gotmpl"));
        assertFalse(dev.devops.files.FileKinds.isDocs("charts/exporter/templates/secret.yaml.tpl"));
    }

    /**
     * Held-out 6a, class "key shown in part" (Bitnami's chart READMEs: "Here is an example of a certificate key" with the
     * first line, {@code ...}, the last line): a PEM block with an elision line is no key; the whole key still is.
     */
    @Test
    void aPemKeyShownInPartIsNotAKey() {
        String whole = Fake.pem("RSA ");
        String[] lines = whole.split("\n");
        String elided = lines[0] + "\n" + lines[1] + "\n...\n" + lines[lines.length - 2] + "\n" + lines[lines.length - 1] + "\n";
        assertEquals(List.of(), found(scan("charts/app/README.md", "```text\n" + elided + "```\n")));
        assertEquals(List.of("SEC0001:error"), found(scan("charts/app/README.md", "```text\n" + whole + "```\n")));
    }

    /**
     * Held-out 14b (external-secrets' templating guide: the first and last lines of a key with {@code . . .} between):
     * spaced dots are an elision too.
     */
    @Test
    void aPemKeyElidedWithSpacedDotsIsNotAKey() {
        String[] lines = Fake.pem("").split("\n");
        String elided = lines[0] + "\n" + lines[1] + "\n . . .\n" + lines[lines.length - 2] + "\n" + lines[lines.length - 1] + "\n";
        assertEquals(List.of(), found(scan("docs/guides/templating.md", "```\n" + elided + "```\n")));
    }

    /**
     * Held-out 6a, class "token scopes of a syntax highlighter" (thingsboard's Ace modes: {@code token:
     * "meta.tag.punctuation.tag-close.xml"}, {@code token: 'tb.scada-symbol-ctx'}): a dotted name of kebab-case words
     * is an identifier, not a token.
     */
    @Test
    void dottedKebabNamesAreIdentifiers() {
        assertEquals(List.of(), found(scan("src/app/ace/mode-tbel.js", "    this.$rules.x = [{\n        token : \"meta.tag.punctuation.tag-close.xml\",\n        regex : \"/?>\"}];\n")));
        assertEquals(List.of(), found(scan("src/app/models/editor.models.ts", "const rule = {\n  token: 'tb.scada-symbol-ctx',\n  regex: /ctx/\n};\n")));
        assertEquals(List.of(), found(scan("src/app/models/field.models.ts", "  {\n    token: 'tb.calculated-field-latestTs',\n  }\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("src/app/models/editor.models.ts", "const rule = {\n  token: '" + Fake.token(24) + "'\n};\n")));
    }

    /**
     * Held-out 6a, classes "base64 of a placeholder" (a chart's Dex client {@code secret: ZXhhbXBsZS1hcHAtc2VjcmV0},
     * "example-app-secret"), "a shell variable inside the value" ({@code pass="PASSWORD '$POSTGRES_PASSWORD'"}) and "a
     * secret store's item and field" ({@code OPENSHIFT_PASS=openshift-credentials:password}, round 5's Vault
     * {@code helm-chart-signing-key:private_key}): none holds a credential.
     */
    @Test
    void encodedPlaceholdersShellVariablesAndSecretFieldsAreNotValues() {
        assertEquals(List.of(), found(scan("charts/app/templates/dex/config.yaml", "staticClients:\n  - id: dev\n    secret: " + Fake.b64("example-app-secret") + "\n")));
        assertEquals(List.of(), found(scan("hack/addon.yaml", "        args:\n        - -cookie-secret=" + Fake.b64("example-cookie-secretzzz") + "\n")));
        assertEquals(List.of(), found(scan("make/db/initdb.sh", "    if [ \"$POSTGRES_PASSWORD\" ]; then\n        pass=\"PASSWORD '$POSTGRES_PASSWORD'\"\n    fi\n")));
        assertEquals(List.of(), found(scan("backup/dump.sh", "GSUTIL_OPTIONS=(\"-o\" \"Credentials:gs_service_key_file=$GOOGLE_APPLICATION_CREDENTIALS\")\n")));
        assertEquals(List.of(), found(scan(".github/workflows/build.yml", "      - uses: org/get-secrets@v1\n        with:\n          secrets: |\n            OPENSHIFT_PASS=openshift-credentials:password\n            GPG_PRIVATE_KEY=helm-chart-signing-key:private_key\n")));
        // a real value beside them is still found
        assertEquals(List.of("SEC0031:error"), found(scan("charts/app/templates/dex/config.yaml", "staticClients:\n  - id: dev\n    secret: " + Fake.token(24) + "\n")));
        assertEquals(List.of("SEC0030:error"), found(scan("make/db/initdb.sh", "pass=\"" + Fake.token(16) + "\"\n")));
    }

    /**
     * Held-out 6a, class "names about a secret" continued: a hash method ({@code FAB_PASSWORD_HASH_METHOD =
     * "pbkdf2:sha256"}), a name that says its value is fake ({@code const fakePass = '…'}), etcd's initial cluster token
     * (round 5's kubespray {@code ETCD_INITIAL_CLUSTER_TOKEN}, a chart's {@code initialClusterToken}: tells clusters
     * apart, authenticates nothing) and a chart's {@code …SecretKey} whose value is the key inside a Secret
     * ({@code keystorePasswordSecretKey: keystore-password}, {@code tokenSecretKey: "token"}); a random {@code minioSecretKey} is a secret.
     */
    @Test
    void hashMethodsFakesClusterTokensAndSecretKeyNamesAreNotSecrets() {
        assertEquals(List.of(), found(scan("charts/airflow/templates/web/configmap.yaml", "    FAB_PASSWORD_HASH_METHOD = \"pbkdf2:sha256\"\n")));
        assertEquals(List.of(), found(scan("src/app/config.service.ts", "const fakePass = '" + Fake.token(20) + "';\n")));
        assertEquals(List.of(), found(scan("charts/etcd/values.yaml", "initialClusterToken: \"etcd-cluster-k8s\"\n")));
        assertEquals(List.of(), found(scan("roles/etcd/templates/etcd.env.j2", "ETCD_INITIAL_CLUSTER_TOKEN=k8s_etcd\n")));
        assertEquals(List.of(), found(scan("charts/kafka/values.yaml", "tls:\n  keystorePasswordSecretKey: keystore-password\n  keyPasswordSecretKey: key-password\n")));
        assertEquals(List.of(), found(scan("charts/agent/values.yaml", "cluster:\n  tokenSecretKey: \"token\"\n  hostedGrafanaIdSecretKey: \"hosted-grafana-id\"\n")));
        // still secrets: a random value under these names, an S3 secret key
        assertEquals(List.of("SEC0031:error"), found(scan("charts/app/values.yaml", "s3:\n  secretKey: " + Fake.token(40) + "\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("charts/app/values.yaml", "minio:\n  minioSecretKey: " + Fake.token(20) + "\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("deploy/app.env.yaml", "CLUSTER_TOKEN: " + Fake.token(24) + "\n")));
    }

    /**
     * Held-out 6a, class "image reference" (a chart's {@code image: docker.io/bitnami/rmq-default-credential-updater:1.0.8},
     * a manifest's {@code image: quay.io/observatorium/token-refresher:master-2024-12-11-08b888a}): a repository and tag,
     * not a name and its value.
     */
    @Test
    void imageReferencesAreNotAssignments() {
        assertEquals(List.of(), found(scan("charts/operator/Chart.yaml", "images:\n    - name: rmq-default-credential-updater\n      image: docker.io/bitnami/rmq-default-credential-updater:1.0.8-debian-12-r0\n")));
        assertEquals(List.of(), found(scan("hack/addons.yaml", "      containers:\n      - image: quay.io/observatorium/token-refresher:master-2024-12-11-08b888a\n        name: token-refresher\n")));
    }

    /**
     * Held-out 6a, class "a Secret's settings" (postgres-operator's {@code data: user:} base64 of a role name, loki's
     * {@code stringData: endpoint: http://…}, {@code issuerUrl}, a chart's {@code cert_path: "/ca_secrets/client.cert"}):
     * under a key that names no secret, a URL, a path or a name is a setting kept beside the credential; the
     * credential beside it is still reported.
     */
    @Test
    void settingsBesideACredentialInASecretAreNotSecrets() {
        String secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: roles\ndata:\n  user: " + Fake.b64("robot_zmon_acid_monitoring_new")
                + "\nstringData:\n  endpoint: http://minio.default.svc:9000\n  issuerUrl: http://hydra.hydra.svc:4444/\n"
                + "  cert_path: \"/ca_secrets/ejbca_client.cert\"\n  access_key_secret: " + Fake.token(24) + "\n";
        assertEquals(List.of("SEC0040:error"), found(scan("deploy/roles-secret.yaml", secret)));
        assertEquals(List.of("SEC0040:error"), found(scan("deploy/other-secret.yaml",
                "apiVersion: v1\nkind: Secret\nmetadata:\n  name: other\nstringData:\n  session: " + Fake.token(24) + "\n")));
    }

    /**
     * Held-out 6a, classes "ClojureScript is code" (penpot's {@code routes.cljs}: {@code ["/verify-token" :auth-verify-token]},
     * a route and its keyword, was read as configuration) and "a digit run with letters is a default" (harbor's
     * {@code u.Password = "12345678AbC"}, a stand-in for users an external provider authenticates: a development
     * default, a warning, not a live secret).
     */
    @Test
    void clojureScriptIsCodeAndDigitRunsAreDefaults() {
        assertEquals(List.of(), found(scan("frontend/src/app/main/ui/routes.cljs", "  [[\"/auth\"\n    [\"/verify-token\"      :auth-verify-token]]]\n")));
        assertEquals(List.of("SEC0030:warning"), found(scan("src/core/auth/ldap/ldap.go", "\tu.Password = \"12345678AbC\" // not kept\n")));
        assertEquals(List.of("SEC0030:warning"), found(scan("src/core/auth/uaa/uaa.go", "\t\tuser.Password = \"1234567ab\"\n")));
    }

    /**
     * Held-out 6a, classes "the name of the variable that holds it" (thingsboard's node-config
     * {@code custom-environment-variables.yml}: {@code key_password: "TB_KAFKA_SSL_PEM_KEY_PASSWORD"}) and "how a password
     * is stored" (postgres-operator's {@code passwordEncryption = "scram-sha-256"}): neither is a credential; a default
     * in SCREAMING case ({@code CHANGE_ME_NOW}) still is one.
     */
    @Test
    void variableNamesAndEncryptionSettingsAreNotCredentials() {
        assertEquals(List.of(), found(scan("msa/js-executor/config/custom-environment-variables.yml",
                "kafka:\n  ssl:\n    key_password: \"TB_KAFKA_SSL_PEM_KEY_PASSWORD\"\n    password: \"TB_QUEUE_KAFKA_SASL_PASSWORD\"\n")));
        assertEquals(List.of(), found(scan("pkg/cluster/cluster.go", "\t\tpasswordEncryption = \"scram-sha-256\"\n")));
        assertEquals(List.of("SEC0030:warning"), found(scan("deploy/values.yaml", "db:\n  password: CHANGE_ME_NOW\n")));
    }

    /**
     * Held-out 6a, miss class "a weak literal in a connection string of runnable config" (CleanArchitecture's
     * {@code appsettings.PostgreSQL.json}: {@code Username=admin;Password=password;}): a development default, reported
     * as a warning; in documentation it stays silent.
     */
    @Test
    void aDefaultPasswordInARunnableConnectionStringIsAWarning() {
        String json = "{\n  \"ConnectionStrings\": {\n    \"AppDb\": \"Server=127.0.0.1;Port=5432;Database=AppDb;Username=admin;Password=password;\"\n  }\n}\n";
        assertEquals(List.of("SEC0021:warning"), found(scan("src/Web/appsettings.PostgreSQL.json", json)));
        assertEquals(List.of(), found(scan("docs/setup.md", "Use `Server=127.0.0.1;Database=AppDb;Username=admin;Password=password;`\n")));
    }

    /**
     * Held-out 6a, miss classes "a word and a number as a secret in runnable config" (AppFlowy-Cloud's committed
     * deploy.env: {@code GOTRUE_JWT_SECRET=hello456}) and "numbered credential keys" (postgres-operator's
     * infrastructure-roles Secret: {@code password1: Zm9vYmFy}): both are development defaults, reported as warnings;
     * in code an identifier-like constant stays silent.
     */
    @Test
    void wordAndNumberSecretsAndNumberedKeysInRunnableConfig() {
        assertEquals(List.of("SEC0031:warning"), found(scan("deploy/app.yaml", "gotrue:\n  GOTRUE_JWT_SECRET: hello456\n")));
        String secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: roles\ndata:\n  password1: " + Fake.b64("foobar") + "\n";
        assertEquals(List.of("SEC0040:warning"), found(scan("manifests/infrastructure-roles.yaml", secret)));
    }

    /**
     * Held-out 12b, miss class "a credential word with an intensifier as a secret in runnable config" (an example
     * stack's S3 {@code secret_key: supersecret}, the MinIO password its compose file sets): a development default,
     * reported as a warning like {@code secret} itself; in an example or in docs it stays silent.
     */
    @Test
    void intensifiedCredentialWordsAreDefaultSecretsInRunnableConfig() {
        for (String v : List.of("supersecret", "topsecret", "mysecret", "mysecretpassword")) {
            assertEquals(List.of("SEC0031:warning"), found(scan("deploy/tempo.yaml", "s3:\n  access_key: app\n  secret_key: " + v + "\n")), v);
        }
        assertEquals(List.of(), found(scan("docs/setup.md", "Set `secret_key: supersecret` for a local test.\n")));
        assertEquals(List.of(), found(scan("deploy/tempo.yaml", "s3:\n  secret_key: secretary\n")));
    }

    /**
     * Held-out 6a ({@code --history} of CleanArchitecture), class "Bicep is code": {@code administratorLoginPassword:
     * dbAdminPassword} passes a parameter, not a literal; a quoted literal in Bicep is still a hard-coded password.
     */
    @Test
    void bicepParametersAreNotLiterals() {
        assertEquals(List.of(), found(scan("infra/main.bicep", "  params: {\n    administratorLoginPassword: dbAdminPassword\n    appUserPassword: dbAppUserPassword\n  }\n")));
        assertEquals(List.of("SEC0030:error"), found(scan("infra/main.bicep", "  params: {\n    administratorLoginPassword: '" + Fake.token(18) + "'\n  }\n")));
    }

    /**
     * Held-out 6b, class "encrypted at rest" (rubygems.org's {@code config/deploy/production/secrets.ejson}: 21 errors): EJSON's
     * {@code EJ[1:pub:nonce:ciphertext]}, sops' {@code ENC[AES256_GCM,data:…]} and Vault transit's {@code vault:v1:…}
     * values are ciphertext, safe to commit; the same key with a plain value is still reported.
     */
    @Test
    void encryptedValuesAreNotSecrets() {
        String ejson = "{\n  \"_public_key\": \"" + Fake.hex(64) + "\",\n  \"secret_key_base\": \"EJ[1:" + Fake.b64(Fake.token(32))
                + ":" + Fake.b64(Fake.token(18)) + ":" + Fake.b64(Fake.token(60)) + "]\"\n}\n";
        assertEquals(List.of(), found(scan("config/deploy/production/secrets.ejson", ejson)));
        assertEquals(List.of(), found(scan("secrets/prod.yaml", "db_password: ENC[AES256_GCM,data:" + Fake.b64(Fake.token(12))
                + ",iv:" + Fake.b64(Fake.token(24)) + ",tag:" + Fake.b64(Fake.token(12)) + ",type:str]\n")));
        assertEquals(List.of(), found(scan("config/app.yaml", "api_secret: vault:v1:" + Fake.b64(Fake.token(40)) + "\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("config/app.yaml", "api_secret: " + Fake.token(32) + "\n")));
    }

    /**
     * Held-out 6b, class "placeholders that look like values": epic-stack's {@code .env.example}
     * {@code SESSION_SECRET="super-duper-s3cret"} (leetspeak words with separators), {@code RESEND_API_KEY="re_blAh_blaH…"}
     * (a prefix and filler words), Symfony demo's committed {@code APP_SECRET=not-a-secret-…} (a development value that
     * says so: a warning where the app runs with it), koel's {@code ?token=<Last.fm token>} (a placeholder cut at its
     * blank), Vendure's channel token {@code __default_channel__}.
     */
    @Test
    void fillerWordsLeetWordsAndSelfDeclaredNonSecretsAreNotLiveSecrets() {
        assertEquals(List.of(), found(scan(".env.example", "SESSION_SECRET=\"super-duper-s3cret\"\nRESEND_API_KEY=\"re_blAh_blaHBlaHblahBLAhBlAh\"\n")));
        assertEquals(List.of("SEC0051:error"), found(scan(".env.example", "SESSION_SECRET=\"" + Fake.token(24) + "\"\n")));
        assertEquals(List.of("SEC0031:warning"), found(scan(".env.local.demo", "APP_SECRET=not-a-secret-only-for-the-demo!\n")));
        assertEquals(List.of(), found(scan("api-docs/api.yaml", "      description: 'redirected to `/lastfm/callback?token=<Last.fm token>`.'\n")));
        assertEquals(List.of(), found(scan("templates/storefront.env.hbs", "VENDURE_CHANNEL_TOKEN=__default_channel__\n")));
    }

    /**
     * Held-out 6b, classes "not values": a Rails view's {@code password_reset_token: @user.password_reset_token} (an
     * instance variable's attribute), a Laravel cast {@code 'password' => 'hashed'}, a status
     * {@code session[:password_reset_reason] = "compromised"}, a GraphQL schema's {@code password: String!}, and a value
     * its comment says is no secret ({@code // This is not actually a secret key, it's just a string we XOR with}).
     */
    @Test
    void expressionsCastsReasonsSchemasAndDisclaimedValuesAreNotSecrets() {
        assertEquals(List.of(), found(scan("app/views/password_reset_mailer/link.text.erb",
                "<%= set_new_password_url username: @user.username, password_reset_token: @user.password_reset_token %>\n")));
        assertEquals(List.of(), found(scan("app/Models/User.php", "        return [\n            'password' => 'hashed',\n        ];\n")));
        assertEquals(List.of(), found(scan("app/controllers/passwords_controller.rb",
                "    session[:password_reset_reason] = \"compromised\" if compromised\n")));
        // lobsters' history: a Rails view helper's call, not an assignment of a password
        assertEquals(List.of(), found(scan("app/views/login/index.html.erb", "      <%= password_field_tag :password, \"\", :size => 30 %>\n")));
        assertEquals(List.of(), found(scan("app/views/login/new.html.erb", "      <%= password_field_tag :password, \"password\", :size => 30 %>\n")));
        assertEquals(List.of(), found(scan("src/api/schema/shop.api.graphql", "input RegisterInput {\n    password: String!\n}\n")));
        assertEquals(List.of(), found(scan("lib/links/case.ts", "// This is not actually a secret key, it's just a string that we XOR with\n"
                + "const XOR_SECRET_KEY = \"" + Fake.hex(32) + "\";\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("lib/links/case.ts", "// the key we sign links with\n"
                + "const XOR_SECRET_KEY = \"" + Fake.hex(32) + "\";\n")));
    }

    /**
     * Held-out 6b, class "test data by location or name": celery's {@code t/} test tree, tox's {@code tox.ini} test
     * environments ({@code AWS_SECRET_ACCESS_KEY=test_aws_secret_key}), Vendure's {@code mock-events.ts} (made-up events
     * for email previews), lobsters' {@code fake_data.rake}. Generic detectors are quiet there; a private key is not.
     */
    @Test
    void perlStyleTestTreesToxAndMockOrFakeDataModulesAreTests() {
        assertEquals(List.of(), found(scan("t/integration/worker_config.py", "broker_url = 'amqp://guest:guest@foobar:1234//'\n")));
        assertEquals(List.of(), found(scan("tox.ini", "setenv =\n    dynamodb: AWS_SECRET_ACCESS_KEY=test_aws_secret_key\n")));
        assertEquals(List.of(), found(scan("packages/email-plugin/src/handler/mock-events.ts",
                "        passwordResetToken: '" + Fake.token(40) + "',\n")));
        assertEquals(List.of(), found(scan("lib/tasks/fake_data.rake", "    User.create username: \"inactive-user\", password: \"inactive\"\n")));
        assertEquals(List.of("SEC0001:error"), found(scan("t/unit/security/__init__.py", "KEY1 = \"\"\"" + Fake.pem("RSA ") + "\"\"\"\n")));
        assertEquals(List.of("SEC0030:error"), found(scan("src/handler/events.ts", "        passwordResetToken: '" + Fake.token(40) + "',\n")));
    }

    /**
     * Held-out 6b, misses: a CI pipeline named after the tests it runs (celery's {@code .github/workflows/integration-tests.yml}
     * {@code RABBITMQ_DEFAULT_PASS: guest}) is a CI pipeline, not a test file: its service container's password is a
     * development default (warning); Laravel's {@code env('DB_PASSWORD', 'postgres')} (koel's config/database.php) is a
     * fallback the app runs with whenever the variable is unset, as Python's {@code os.getenv('X', '…')} is.
     */
    @Test
    void ciPipelinesNamedAfterTestsAndLaravelEnvFallbacksAreReported() {
        assertEquals(List.of("SEC0030:warning"), found(scan(".github/workflows/integration-tests.yml",
                "jobs:\n  test:\n    services:\n      rabbit:\n        image: rabbitmq:3\n        env:\n          RABBITMQ_DEFAULT_PASS: guest\n")));
        assertEquals(List.of("SEC0030:warning"), found(scan("config/database.php",
                "        'pgsql' => [\n            'password' => env('DB_PASSWORD', 'postgres'),\n")));
        // any literal fallback is what a deployment that forgets the variable runs with, not only a dictionary default
        assertEquals(List.of("SEC0030:warning"), found(scan("config/database.php",
                "        'mysql' => [\n            'password' => env('DB_PASSWORD', 'mysql'),\n")));
        assertEquals(List.of("SEC0030:warning"), found(scan("app/settings.py",
                "DATABASES = {'default': {'PASSWORD': os.getenv('DB_PASSWORD', 'appdb')}}\n")));
        // a fallback names what handles the password, not the password: a broker, a table
        assertEquals(List.of(), found(scan("config/auth.php", "        'passwords' => env('AUTH_PASSWORD_BROKER', 'users'),\n")));
        assertEquals(List.of(), found(scan("config/auth.php",
                "            'table' => env('AUTH_PASSWORD_RESET_TOKEN_TABLE', 'password_resets'),\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("config/services.php",
                "        'secret' => env('STRIPE_SECRET', '" + Fake.token(28) + "'),\n")));
        assertEquals(List.of(), found(scan("config/database.php", "            'password' => env('DB_PASSWORD', ''),\n")));
        assertEquals(List.of(), found(scan("config/mail.php", "            'password' => $this->env('MAIL_PASSWORD'),\n")));
    }

    /**
     * A bare value in markup ends where the markup resumes: a CDATA section's end or a closing tag. Before, an object
     * registry's description ({@code <![CDATA[… pass=1]]></Description>}) read as the password "1]]></Description>".
     */
    @Test
    void markupEndsABareValue() {
        assertEquals(List.of(), found(scan("registry/3300.xml",
                "<Item><Description><![CDATA[Bootstrap with user=1 pass=1]]></Description></Item>\n")));
        assertEquals(List.of(), found(scan("docs/table.xml", "<row><td>pass=1</td></row>\n")));
        String v = "Q7" + Fake.token(14);
        assertEquals(List.of("SEC0030:error"), found(scan("conf/server.xml",
                "<Description><![CDATA[pass=" + v + "]]></Description>\n")));
    }

    /**
     * A CI action that reads a secret store names entries by path and field ({@code GPG_PASSPHRASE=signing-key:passphrase}
     * in a Vault action's input): a reference, not the passphrase. A random value after a name is still one.
     */
    @Test
    void secretStoreEntriesAreReferences() {
        String wf = "jobs:\n  release:\n    steps:\n      - uses: org/actions/get-vault-secrets@v1\n        with:\n"
                + "          repo_secrets: |\n            GPG_PASSPHRASE=chart-signing-key:passphrase\n"
                + "            REGISTRY_TOKEN=ci/registry:token\n"
                // held-out 10d: the store's path and the variable's own name as the field
                + "            PGP_SIGN_KEY_PASSPHRASE=pgp:PGP_SIGN_KEY_PASSPHRASE\n";
        assertEquals(List.of(), found(scan(".github/workflows/release.yaml", wf)));
        String v = "Q7" + Fake.token(18);
        assertEquals(List.of("SEC0031:error"), found(scan(".github/workflows/release.yaml",
                "env:\n  REGISTRY_TOKEN: deploy-bot:" + v + "\n")));
    }

    /**
     * Held-out 7a, classes "sudoers' NOPASSWD tag" (photoprism's Dockerfiles: {@code echo "ALL ALL=(ALL) NOPASSWD:SETENV: ALL"}),
     * "the identity beside a secret" ({@code QUARKUS_MONGODB_CREDENTIALS_USERNAME: superfight}) and "a CSS selector"
     * (apollo's login.html {@code .forgot-password:hover}): none names a value of a secret; the password beside them
     * still is one.
     */
    @Test
    void sudoersTagsUsernamesAndCssSelectorsAreNotCredentials() {
        assertEquals(List.of(), found(scan("docker/develop/jammy/Dockerfile",
                "RUN echo \"ALL ALL=(ALL) NOPASSWD:SETENV: ALL\" >> /etc/sudoers.d/all\n")));
        assertEquals(List.of("SEC0031:warning"), found(scan("deploy/k8s/app.yml",
                "env:\n  QUARKUS_MONGODB_CREDENTIALS_USERNAME: superfight\n  QUARKUS_MONGODB_CREDENTIALS_PASSWORD: superfight\n")));
        assertEquals(List.of(), found(scan("portal/src/main/resources/static/login.html",
                "<style>\n  .forgot-password:hover,\n  .forgot-password:focus {\n    color: #333;\n  }\n</style>\n")));
    }

    /**
     * Held-out 7a, class "not a value after the name": openssl's {@code -passin pass: -passout pass:} (an empty password
     * source, then the next option), a printed message's layout ({@code printf "admin password:\n\n  %s"}), a value
     * read from elsewhere ({@code password: "{env}WEBDAV_PASSWORD"}) and a fill-in placeholder
     * ({@code db_password='FillInCorrectPassword'}). A real password after {@code pass:} still is one.
     */
    @Test
    void optionsEscapesTypedReferencesAndFillInsAreNotValues() {
        assertEquals(List.of(), found(scan("scripts/dist/install-https.sh",
                "openssl pkcs12 -export -in a.crt -inkey a.key -out a.pfx -passin pass: -passout pass:\n")));
        assertEquals(List.of(), found(scan("setup/cloud/setup.sh",
                "printf \"\\nInitial admin password:\\n\\n  %s\\n\\n\" \"${ADMIN_PASSWORD}\"\n")));
        assertEquals(List.of(), found(scan("docker/webdav/config.yml", "users:\n  - username: admin\n    password: \"{env}WEBDAV_PASSWORD\"\n")));
        assertEquals(List.of(), found(scan("scripts/build.sh", "config_db_password='FillInCorrectPassword'\n")));
        assertEquals(List.of("SEC0030:error"), found(scan("scripts/export.sh",
                "openssl pkcs12 -export -in a.crt -out a.pfx -passout pass:" + Fake.token(16) + "\n")));
    }

    /**
     * Held-out 7a, class "documentation inside code": Elixir's {@code @doc """} heredocs and their doctests
     * ({@code iex> Database.opts(%{password: "postgres"})} and the keyword list it prints), and an API schema's
     * {@code example:} JWT (OpenApiSpex {@code example: "Bearer eyJ…"}). The same password in the module's code, and a
     * JWT that is no example, are still reported.
     */
    @Test
    void elixirDocsDoctestsAndSchemaExampleJwtsAreDocumentation() {
        String ex = "  @doc \"\"\"\n  Transforms settings.\n\n  iex> opts(%{username: \"postgres\", password: \"postgres\"})\n"
                + "  [\n    password: \"postgres\",\n  ]\n  \"\"\"\n  def opts(s), do: s\n";
        assertEquals(List.of(), found(scan("lib/app/database.ex", ex)));
        assertEquals(List.of("SEC0030:warning"), found(scan("lib/app/database.ex", ex + "  def local, do: [password: \"postgres\"]\n")));
        String jwt = Fake.jwt("{\"typ\":\"JWT\",\"alg\":\"HS256\"}");
        assertEquals(List.of(), found(scan("lib/app_web/controllers/tenant_controller.ex",
                "      required: true,\n      example:\n        \"Bearer " + jwt + "\"\n")));
        assertEquals(List.of("SEC0010:error"), found(scan("lib/app_web/client.ex", "    token = \"" + jwt + "\"\n")));
    }

    /**
     * Held-out 7a, class "a package's fixtures by name" (photoprism's {@code internal/entity/auth_session_fixtures.go}:
     * the sessions its tests load, with made-up auth tokens): test data; the same token in the package's code is a secret.
     */
    @Test
    void fixtureFilesByNameAreTestData() {
        String line = "\t\tauthToken:   \"" + Fake.hex(48) + "\",\n";
        assertEquals(List.of(), found(scan("internal/entity/auth_session_fixtures.go", line)));
        assertEquals(List.of(), found(scan("internal/entity/fixtures.go", line)));
        assertEquals(List.of("SEC0031:error"), found(scan("internal/entity/auth_session.go", line)));
    }

    /**
     * Held-out 7a, miss class "Elixir's environment fallback" (supabase realtime's {@code config/runtime.exs}:
     * {@code System.get_env("DB_PASSWORD", "postgres")}): the password every release that forgets the variable runs
     * with, a warning as Laravel's {@code env('DB_PASSWORD', 'mysql')} is; a random fallback is an error; in the test
     * environment's config it is silent.
     */
    @Test
    void elixirEnvFallbacksAreConfiguration() {
        assertEquals(List.of("SEC0030:warning"), found(scan("config/runtime.exs",
                "db_password = System.get_env(\"DB_PASSWORD\", \"postgres\")\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("lib/app/release.ex",
                "    secret = System.get_env(\"SIGNING_SECRET\", \"" + Fake.token(32) + "\")\n")));
        assertEquals(List.of(), found(scan("config/test.exs", "  api_jwt_secret: System.get_env(\"API_JWT_SECRET\", \"secret\"),\n")));
        assertEquals(List.of(), found(scan("config/runtime.exs", "key = System.get_env(\"REQUEST_ID_BAGGAGE_KEY\", \"request-id\")\n")));
    }

    /**
     * Held-out 7a, miss class "a private key as bare base64 DER" (eladmin's {@code application.yml}:
     * {@code rsa: private_key: MIIBUwIBADAN…}, a PKCS#8 RSA key with no PEM armour, dropped as a blob over 300
     * characters): reported as a hard-coded secret; the public key beside it is not.
     */
    @Test
    void aBareDerPrivateKeyInConfigIsASecret() throws Exception {
        var gen = java.security.KeyPairGenerator.getInstance("RSA");
        gen.initialize(1024);
        var pair = gen.generateKeyPair();
        String priv = java.util.Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        String pub = java.util.Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        assertEquals(List.of("SEC0031:error"), found(scan("app/src/main/resources/config/application.yml",
                "rsa:\n  private_key: " + priv + "\n")));
        assertEquals(List.of(), found(scan("app/src/main/resources/config/application.yml", "rsa:\n  public_key: " + pub + "\n")));
        assertTrue(Filters.isBareDerPrivateKey(priv));
        assertFalse(Filters.isBareDerPrivateKey(pub));
    }

    /**
     * A schema named in a file name is documentation only where it describes settings ({@code config.schema.json}); in
     * source code a schema is a data model (an Ecto schema, {@code user_schema.py}, a task that exports one), whose
     * default password is reported as anywhere in code.
     */
    @Test
    void aSchemaInCodeIsNoExample() {
        assertEquals(List.of("SEC0030:warning"), found(scan("lib/mix/tasks/app.export_tenant_schema.ex",
                "      password: System.get_env(\"DB_PASSWORD\", \"postgres\"),\n")));
        assertEquals(List.of(), found(scan("config/app.schema.json", "{\"password\": \"postgres\"}\n")));
    }

    /**
     * Rust keeps unit tests beside the code ({@code #[cfg(test)] mod tests { … }}, test-only constants): their literals
     * are test data, as in {@code tests/}. Code before and after the test items is still code; braces inside strings,
     * raw strings, characters and comments do not end an item early.
     */
    @Test
    void rustInlineTestsAreTestCode() {
        String pw = "Q7" + Fake.token(14);
        String text = "fn connect() {\n    let password = \"" + pw + "\";\n}\n\n"
                + "#[cfg(test)]\npub(crate) const USER: &str = r#\"\n{ \"password\": \"" + Fake.token(12) + "\" }\n\"#;\n\n"
                + "#[cfg(test)]\nmod tests {\n    // a } in a comment\n    const C: char = '}';\n    fn s() -> &'static str { \"}\" }\n"
                + "    #[test]\n    fn login() {\n        let password = \"" + Fake.token(16) + "\";\n        let totp_secret = \""
                + Fake.token(32).toUpperCase(java.util.Locale.ROOT) + "\";\n    }\n}\n\n"
                + "fn after() {\n    let secret = \"" + Fake.token(24) + "\";\n}\n";
        List<Finding> fs = scan("server/src/idm/scim.rs", text);
        assertEquals(List.of("SEC0030:error", "SEC0031:error"), found(fs));
        assertEquals(List.of(2, 23), fs.stream().map(Finding::line).toList(), "the code around the tests, not the tests");
        // a provider token in a test stays an error
        assertEquals(List.of("SEC0901:error"), found(scan("src/lib.rs", "#[cfg(test)]\nmod tests {\n    const T: &str = \""
                + Fake.testToken() + "\";\n}\n")));
        // the same test module in a Go file is no Rust test item
        assertEquals(1, scan("main.go", "// #[cfg(test)]\nvar password = \"" + pw + "\"\n").size());
    }

    /** Test modules by convention ({@code tests.rs}, Django's {@code tests.py}) and {@code test_data/} hold test data. */
    @ParameterizedTest
    @ValueSource(strings = {"tools/migrations/src/tests.rs", "app/accounts/tests.py", "rlm_python/test_data/config.ini"})
    void testModulesAndTestDataDirectories(String path) {
        assertEquals(List.of(), found(scan(path, "password = \"" + Fake.token(14) + "\"\nsecret = \"" + Fake.token(40) + "\"\n")), path);
        assertTrue(dev.devops.files.FileKinds.isTest(path), path);
    }

    /**
     * Terraform, HCL, Nix: strings are always quoted, so a bare value is an expression ({@code random_password.db.result},
     * {@code var.db_password}); a quoted literal is still a hard-coded password.
     */
    @Test
    void bareValuesInHclAreExpressions() {
        assertEquals(List.of(), found(scan("deploy/rds.tf", "resource \"aws_db_instance\" \"db\" {\n  username = \"app\"\n"
                + "  password = random_password.app_db[0].result\n  master_password = local.db_password\n}\n")));
        assertEquals(List.of(), found(scan("nix/module.nix", "{\n  services.app.password = config.age.secrets.app.path;\n}\n")));
        assertEquals(List.of("SEC0030:error"), found(scan("deploy/rds.tf", "  password = \"" + "Q7" + Fake.token(16) + "\"\n")));
    }

    /**
     * A credential named with the file it is read from ({@code LoadCredential=config:/etc/app/ipa-sync}, systemd) is a
     * reference, not a value; {@code pass} as a verb ({@code needless_pass_by_value = "deny"}) names no password.
     */
    @Test
    void credentialFileReferencesAndPassAsAVerb() {
        assertEquals(List.of(), found(scan("platform/app-sync.service", "[Service]\nLoadCredential=config:/etc/app/ipa-sync\n")));
        assertEquals(List.of(), found(scan("Cargo.toml", "[workspace.lints.clippy]\nneedless_pass_by_value = \"deny\"\n"
                + "needless_pass_by_ref_mut = \"warn\"\n")));
        assertEquals(List.of("SEC0030:warning"), found(scan("config/app.toml", "db_pass = \"deny\"\n")));
    }

    /**
     * A secret scanner's own rule table (or a redaction filter) shows a sample token beside the regular expression that
     * finds it: not a leak. The same token with no pattern beside it is reported.
     */
    @Test
    void aSampleBesideItsOwnPatternIsNoToken() {
        String token = Fake.testToken();
        assertEquals(List.of(), found(scan("crates/client/src/secrets.rs", "    (\n        \"Test token\",\n"
                + "        \"tst_[A-Za-z0-9]{24}\",\n        TestValue::Single(\"" + token + "\"),\n    ),\n")));
        assertEquals(List.of("SEC0901:error"), found(scan("crates/client/src/secrets.rs", "    (\n        \"Test token\",\n"
                + "        \"[a-z]+\",\n        TestValue::Single(\"" + token + "\"),\n    ),\n")));
    }

    /** A Kubernetes Secret's stringData is plain text in the manifest: a URI with a password there is reported once. */
    @Test
    void stringDataIsReportedOnce() {
        List<Finding> fs = scan("k8s/secrets.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\n"
                + "stringData:\n  DB_URI: \"postgres://app:" + "Q7" + Fake.token(14) + "@db/app\"\n");
        assertEquals(List.of("SEC0020:error"), found(fs));
    }

    /**
     * Haskell (and OCaml, Elm, Zig …) is source code: an error constructor named after a missing secret
     * ({@code code JwtSecretMissing = "PGRST300"}) is no secret, a doctest in a comment
     * ({@code -- >>> connect "host=db password=…"}) is an example; a quoted password in the code is still one.
     */
    @Test
    void haskellIsCodeAndCommentedDoctestsAreExamples() {
        assertEquals(List.of(), found(scan("src/library/App/Error.hs", "instance ErrorBody JwtError where\n"
                + "  code JwtSecretMissing = \"PGRST300\"\n  code TokenInvalid = \"PGRST301\"\n")));
        assertEquals(List.of(), found(scan("src/library/App/Config.hs", "-- >>> addAppName \"host=db user=app password="
                + Fake.token(14) + "\"\n")));
        assertEquals(List.of("SEC0030:error"), found(scan("src/library/App/Db.hs", "connect = settings \"app\" password\n"
                + "  where password = \"Q7" + Fake.token(14) + "\"\n")));
        assertEquals(FileKind.CODE, FileKind.of("src/library/App/Db.hs"));
    }

    /**
     * A script without an extension whose interpreter quotes its strings ({@code #!/usr/bin/env python}) is code: a bare
     * value is a variable. A shell script's bare value is still a literal; a value that says it does not matter
     * ({@code password = "irrelevant"}) is a placeholder.
     */
    @Test
    void extensionlessScriptsAndIrrelevantValues() {
        assertEquals(List.of(), found(scan("scripts/ci/setup_release", "#!/usr/bin/env python\nsecrets = {\n"
                + "    \"KEY_PASSWORD\": encrypted_key_password,\n}\n")));
        assertEquals(List.of("SEC0030:error"), found(scan("scripts/ci/setup_release", "#!/bin/sh\nKEY_PASSWORD=Q7"
                + Fake.token(14) + "\n")));
        assertEquals(List.of(), found(scan("demo/src/main/kotlin/Demo.kt", "    username = \"irrelevant\",\n"
                + "    password = \"irrelevant\",\n")));
    }

    /**
     * The alphabet typed to a key's length ({@code abcdefghijklmnopqrstuvwxyz0123456789ABCD=}, a sample secrets bundle)
     * is a default: not reported in an example, a warning in runnable config; a random value is still an error.
     */
    @Test
    void theAlphabetInOrderIsADefault() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG=";
        assertEquals(List.of(), found(scan("service/config/sample-secrets-bundle.yml", "client.userAuthenticationTokenSharedSecret: "
                + alphabet + "\n")));
        assertEquals(List.of("SEC0031:warning"), found(scan("service/config/secrets-bundle.yml", "client.tokenSharedSecret: "
                + alphabet + "\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("service/config/secrets-bundle.yml", "client.tokenSharedSecret: "
                + Fake.token(43) + "=\n")));
        assertTrue(Filters.hasAlphabetRun("xxSTUVWXYZ"));
        assertFalse(Filters.hasAlphabetRun("abcdefg"));
    }

    /**
     * Held-out 8b, class ".NET test projects" (btcpayserver's {@code BTCPayServer.Tests/ServerTester.cs}:
     * {@code GetEnvironment("TESTS_SSHPASSWORD", "<random>")}): a directory named {@code X.Tests}, {@code X.UnitTests},
     * {@code X.IntegrationTests} is a test project, its dummy values test data; the app project's code is still read.
     */
    @Test
    void dotnetTestProjectsAreTests() {
        String line = "            PayTester.SSHPassword = GetEnvironment(\"TESTS_SSHPASSWORD\", \"" + Fake.token(10) + "\");\n";
        assertEquals(List.of(), found(scan("BTCPayServer.Tests/ServerTester.cs", line)));
        assertEquals(List.of(), found(scan("src/Ordering.UnitTests/Fixture.cs", line)));
        assertEquals(List.of(), found(scan("tests/App.IntegrationTests/Setup.cs", line)));
        assertEquals(List.of("SEC0030:error"), found(scan("BTCPayServer/ServerSetup.cs", line)));
    }

    /**
     * Held-out 8b, class "an elided value" (logto's Management API guide in a TypeScript string:
     * {@code "access_token": "eyJhbG...2g"}; unkey's {@code .env.depot.example}: {@code UNKEY_REGISTRY_PASSWORD=depot_...}):
     * three dots in a value are documentation shortening a token, not the token.
     */
    @Test
    void elidedValuesAreNotSecrets() {
        assertEquals(List.of(), found(scan("src/routes/consts.ts", "  \"access_token\": \"" + Fake.token(6) + "..." + Fake.token(2) + "\",\n")));
        assertEquals(List.of(), found(scan("dev/.env.depot.example", "UNKEY_REGISTRY_PASSWORD=depot_...\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("src/routes/consts.ts", "  \"access_token\": \"" + Fake.token(20) + "\",\n")));
    }

    /**
     * A variable a front-end bundler inlines into the browser's code (REACT_APP_…, VITE_…, NEXT_PUBLIC_…) is public by
     * design: an analytics project token as its default in code is no leak (corpus: a PostHog project token). One
     * definition with DF0020 ({@code VariableNames.isPublicBundled}); a name that says secret stays reported.
     */
    @Test
    void browserBundledVariablesArePublic() {
        String v = Fake.token(40);
        assertEquals(List.of(), found(scan("src/analytics.ts", "const {\n  REACT_APP_ANALYTICS_TOKEN = '" + v + "',\n} = window.env;\n")));
        assertEquals(List.of(), found(scan("lib/page.ex", "token: System.get_env(\"VITE_ANALYTICS_TOKEN\", \"" + v + "\"),\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("src/analytics.ts", "const {\n  REACT_APP_API_SECRET = '" + v + "',\n} = window.env;\n")));
    }

    /**
     * Held-out round 14c: Nx's web builds inline the same public variables under its {@code NX_} prefix
     * ({@code NX_REACT_APP_…}, {@code NX_PUBLIC_…}); a committed front-end env file with an analytics write key or a
     * billing client key is public by design. A name that says secret, and Nx's own {@code NX_CLOUD_ACCESS_TOKEN}
     * (read by the CLI, never bundled), stay reported.
     */
    @Test
    void nxBundledVariablesArePublic() {
        String v = Fake.token(32);
        assertEquals(List.of(), found(scan("packages/web-client/.env.production", "NX_REACT_APP_ANALYTICS_API_KEY=\"" + v + "\"\n")));
        assertEquals(List.of(), found(scan("apps/web/.env.production", "NX_PUBLIC_BILLING_API_KEY=" + v + "\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("apps/web/.env.production", "NX_REACT_APP_API_SECRET=" + v + "\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("apps/web/.env.production", "NX_CLOUD_ACCESS_TOKEN=" + v + "\n")));
    }

    /**
     * Held-out round 14c, a miss: a committed env file the compose stack runs with sets {@code JWT_SECRET=jwt-secret}: a
     * dotenv value is a literal, so a value spelling its key's own name is the development default the stack signs
     * with (a warning). The same constant in code, or in an example env file, stays silent.
     */
    @Test
    void selfNamedValueInARunnableEnvFileIsADefault() {
        assertEquals(List.of("SEC0031:warning"), found(scan(".env.docker-compose", "JWT_SECRET=jwt-secret\n")));
        assertEquals(List.of("SEC0031:warning"), found(scan("deploy/.env", "SERVICE_JWT_SECRET=service-jwt-secret\n")));
        assertEquals(List.of(), found(scan("src/config.ts", "export const JWT_SECRET = 'jwt-secret';\n")));
        assertEquals(List.of(), found(scan(".env.example", "JWT_SECRET=jwt-secret\n")));
    }

    /**
     * Held-out round 9, the largest class of false errors on fresh repositories: values written as words under a
     * secret's name, in code and configuration: CSS custom properties ({@code --color-…}), a tokenizer's states
     * ({@code @rematch}), dotted label ids, package specs ({@code workspace:*}). No digit, letters joined by
     * separators, one case or camel case: at most a warning (a passphrase of words is a dictionary value, still
     * reported); a random mix of cases or a digit keeps a value at error.
     */
    @Test
    void wordLikeValuesAreNoLiveSecrets() {
        for (String v : List.of("--color-background-dimmed", "@rematch", "label.reset-password", "workspace:*",
                "keyword.operator.new", "SecretInputBorderColor", "correct-horse-battery-staple")) {
            assertTrue(Filters.isWordLike(v), v);
            List<String> code = found(scan("src/theme/colors.ts", "const c = { tokenHighlight: \"" + v + "\" };\n"));
            assertFalse(code.contains("SEC0031:error"), v + " " + code);
            List<String> config = found(scan("deploy/app.yaml", "api_token: \"" + v + "\"\n"));
            assertFalse(config.contains("SEC0031:error"), v + " " + config);
        }
        String mixed = new StringBuilder("FsDcLgNPjWtKRzqMxHBv").reverse().toString(); // random case, built here
        assertFalse(Filters.isWordLike(mixed));
        assertEquals(List.of("SEC0031:error"), found(scan("deploy/app.yaml", "api_token: \"" + mixed + "\"\n")));
        assertFalse(Filters.isWordLike("abcdefghijklmnopqrstuvwxyzab"), "a long run of one case may be random");
        // held-out 13d: a provider's prefix and 48 random lower-case letters (sk-epsak…) is a key, not words
        StringBuilder letters = new StringBuilder("sk-");
        java.util.Random r = new java.util.Random(13);
        for (int i = 0; i < 48; i++) {
            letters.append((char) ('a' + r.nextInt(26)));
        }
        assertFalse(Filters.isWordLike(letters.toString()), "a prefix and a long random run");
        assertEquals(List.of("SEC0031:error"), found(scan("server/src/main/resources/application.yaml",
                "ai:\n  siliconflow:\n    api-key: " + letters + "\n")));
        assertFalse(Filters.isWordLike("Tr0ub4dor-and-3"), "a digit");
        assertFalse(Filters.isWordLike("pa$$-word"), "a symbol other than a separator");
    }

    /**
     * Held-out 8b, class "a sentence with a number as a value" (unkey's {@code .env.example}:
     * {@code UNKEY_JWT_SECRET=loca…-at-least-32-bytes}, nine words and a number): words joined by dashes, a number among them,
     * are a placeholder in an example file and a development default in runnable config, not a live-looking secret.
     */
    @Test
    void sentencesWithANumberAreDefaults() {
        String v = "my-dev-signing-secret-of-at-least-48-chars";
        assertEquals(List.of(), found(scan(".env.example", "UNKEY_JWT_SECRET=" + v + "\n")));
        assertEquals(List.of("SEC0031:warning"), found(scan("dev/k8s/api.yaml", "jwt_secret: " + v + "\n")));
        assertTrue(Filters.isWeakCredential(v));
        assertFalse(Filters.isWeakCredential(Fake.token(24)));
    }

    /**
     * Held-out 8b, class "the name of a Kubernetes Secret" (elastic's Helm charts:
     * {@code elasticsearchCredentialSecret: elasticsearch-master-credentials}, {@code elasticsearchCertificateSecret}):
     * a last word {@code secret} after what the Secret holds (credentials, certificates, tls) names an object; a
     * {@code clientSecret} is still a secret.
     */
    @Test
    void kubernetesSecretNamesAreNotSecrets() {
        assertEquals(List.of(), found(scan("kibana/values.yaml", "elasticsearchCredentialSecret: elasticsearch-master-credentials\n"
                + "elasticsearchCertificateSecret: elasticsearch-master-certs\ningress_tls_secret: " + Fake.token(16).toLowerCase() + "\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("kibana/values.yaml", "clientSecret: " + Fake.token(24) + "\n")));
    }

    /**
     * Held-out 8b, class "an element id as the value" (btcpayserver's Razor views:
     * {@code data-toggle-password="#Password"}, the id of the field a button shows): a CSS id selector, not a password.
     */
    @Test
    void elementIdsAreNotPasswords() {
        assertEquals(List.of(), found(scan("Views/Account/Passphrase.cshtml",
                "<button type=\"button\" data-toggle-password=\"#PasswordConfirmation\">\n")));
        assertEquals(List.of("SEC0030:warning"), found(scan("config/app.yml", "password: \"#admin123\"\n")));
    }

    /**
     * Held-out 8b, class "a default password at a documentation host" (btcpayserver's help text
     * {@code type=lnd-rest;server=https://lnd:lnd@lnd.example.com}): a URI at a domain reserved for examples (RFC 2606)
     * with a default password documents the URI's shape; a random password there is still reported.
     */
    @Test
    void defaultPasswordsAtExampleHostsAreDocumentation() {
        assertEquals(List.of(), found(scan("Hosting/Services.cs",
                "    Logs.Write($\"lnd server: 'type=lnd-rest;server=https://lnd:lnd@lnd.example.com;allowinsecure=true'\");\n")));
        assertEquals(List.of("SEC0020:warning"), found(scan("Hosting/Services.cs",
                "    var url = \"https://lnd:lnd@lnd.internal:8080\";\n")));
        assertEquals(List.of("SEC0020:error"), found(scan("Hosting/Services.cs",
                "    var url = \"https://lnd:" + Fake.token(16) + "@lnd.example.com\";\n")));
    }

    /**
     * Held-out 8b, miss class "a Depot CI workflow read as a test file" (unkey's
     * {@code .depot/workflows/job_test_dashboard.yaml}: {@code DATABASE_PASSWORD: password} for the test job): Depot
     * CI's workflows are CI pipelines, whose test run's default passwords are warnings, as in {@code .github/workflows}.
     */
    @Test
    void depotCiWorkflowsAreCi() {
        String wf = "jobs:\n  test:\n    env:\n      DATABASE_PASSWORD: password\n    steps:\n      - run: pnpm test\n";
        assertEquals(List.of("SEC0030:warning"), found(scan(".depot/workflows/job_test_dashboard.yaml", wf)));
        assertTrue(dev.devops.files.FileKinds.isCi(".depot/workflows/pr.yaml"));
    }

    /**
     * Held-out 8b, class "OAuth 2.0's example client" (ory fosite's doc comment quoting RFC 7662:
     * {@code Authorization: Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW}, client "s6BhdRkqt3" with secret "gX1fBat3bV" from
     * RFC 6749): a published example login, as RFC 7617's Aladdin is; another client's Basic header is still reported.
     */
    @Test
    void oauthsRfcExampleClientIsPublished() {
        String rfc = java.util.Base64.getEncoder().encodeToString("s6BhdRkqt3:gX1fBat3bV".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(List.of(), found(scan("introspection_handler.go", "//\tAuthorization: Basic " + rfc + "\n")));
        String other = java.util.Base64.getEncoder().encodeToString(("s6BhdRkqt3:" + Fake.token(12)).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(List.of("SEC0022:error"), found(scan("introspection_handler.go", "//\tAuthorization: Basic " + other + "\n")));
    }

    /**
     * Held-out 8b, miss class "a password that is its own name in runnable config" (unkey's dev manifests: a ConfigMap's
     * TOML {@code [pprof] password = "password"}): the credential the stack runs with, a default; in code a constant
     * whose value is its name ({@code HEADER_PASSWORD = "password"}) stays a name.
     */
    @Test
    void aPasswordNamedAsItselfInRunnableConfigIsADefault() {
        assertEquals(List.of("SEC0030:warning"), found(scan("dev/k8s/frontline.yaml",
                "data:\n  unkey.toml: |\n    [pprof]\n    username = \"admin\"\n    password = \"password\"\n")));
        assertEquals(List.of("SEC0030:warning"), found(scan("src/main/resources/application.yml",
                "spring:\n  datasource:\n    password: password\n")));
        assertEquals(List.of(), found(scan("src/auth/fields.ts", "const password = \"password\";\n")));
        assertEquals(List.of(), found(scan("config/locales/en.yml", "en:\n  password: Password\n")));
        // a template passing a variable on under its own name, a psql variable, a vendor's key name
        assertEquals(List.of(), found(scan("templates/base.twig", "    confirm_password: confirm_password,\n    _token: token,\n")));
        assertEquals(List.of(), found(scan("templates/email.html", "\t\tpassword_reset_subject=password_reset_subject,\n")));
        assertEquals(List.of(), found(scan("nix/module.nix", "  \"ALTER USER app WITH ENCRYPTED PASSWORD :'password'\" \\\n")));
    }

    /**
     * An example in a line's trailing comment ({@code - WORKSPACE_TOKEN  # e.g. WORKSPACE_TOKEN=…}) is no value in files
     * whose comments start with {@code #}; a {@code #} inside quotes or not after a blank starts none, and in
     * JavaScript a {@code #} is no comment at all.
     */
    @Test
    void examplesInTrailingCommentsAreNotValues() {
        String tok = "Q7" + Fake.token(24);
        assertEquals(List.of(), found(scan("rudder-docker.yml", "    environment:\n      - WORKSPACE_TOKEN  # e.g. WORKSPACE_TOKEN="
                + tok + "\n      - DB_URL=${DB_URL} # postgres://app:" + tok + "@db/app\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("config/app.yml", "token: \"a # b\" ; api_token: " + tok + "\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("config/app.yml", "key: x#y api_token: " + tok + "\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("src/app.js", "const a = this.#x; const apiToken = \"" + tok + "\";\n")));
        assertTrue(Assignments.inTrailingComment("a: b # c", 0, 6));
        assertFalse(Assignments.inTrailingComment("a: \"b # c\" d", 0, 10));
    }

    /**
     * Issue 10, held-out 8a class "a test suite's directory by its kind" (DefectDojo's {@code unittests/scans/}: 485
     * findings in the scanner reports its parser tests read; Sylius' Behat contexts {@code src/Sylius/Behat/Context/}):
     * test data, where the name-based detectors are silent; a private key there is still reported.
     */
    @Test
    void unitTestAndBehatDirectoriesAreTestData() {
        String json = "{\"Password\": \"hunter22\", \"api_key\": \"" + Fake.token(32) + "\"}\n";
        assertEquals(List.of("SEC0030:warning", "SEC0031:error"), found(scan("scans/acunetix/report.json", json)));
        for (String dir : new String[] {"unittests/scans/acunetix/", "unit_tests/", "app/functional-tests/", "acceptance_tests/"}) {
            assertEquals(List.of(), found(scan(dir + "report.json", json)), dir);
        }
        String php = "        $password = 'sylius';\n";
        assertEquals(List.of("SEC0030:warning"), found(scan("src/Shop/Context/Setup/UserContext.php", php)));
        assertEquals(List.of(), found(scan("src/Shop/Behat/Context/Setup/UserContext.php", php)));
        assertEquals(List.of(), found(scan("features/bootstrap/FeatureContext.php", php)));
        assertEquals(List.of("SEC0001:error"), found(scan("unittests/scans/tls/key.pem", Fake.pem("RSA "))));
    }

    /**
     * Issue 10, held-out 8a class "Rust's inline unit tests" (firezone's {@code tunnel-proto/src/messages/client.rs}:
     * {@code #[cfg(test)] mod tests { … }} deserialises JSON with {@code "password":"…"}, 15 errors): the module is
     * test code; the same assignment above it, in the code the crate ships, is still reported.
     */
    @Test
    void rustUnitTestModulesAreTestCode() {
        String v = Fake.token(22).toLowerCase(java.util.Locale.ROOT);
        String shipped = "pub fn relay() -> Relay {\n    Relay { password: \"" + v + "\".into() }\n}\n";
        String tests = "#[cfg(test)]\nmod tests {\n    use super::*;\n\n    #[test]\n    fn parses() {\n"
                + "        let json = r#\"{\"username\":\"1736\",\"password\":\"" + v + "\"}\"#;\n    }\n}\n";
        assertEquals(List.of("SEC0030:error"), found(scan("src/messages/client.rs", shipped + "\n" + tests)));
        assertEquals(List.of(), found(scan("src/messages/client.rs", "use serde::Deserialize;\n\n" + tests)));
        // code after the module is the crate's again
        assertEquals(List.of("SEC0030:error"), found(scan("src/messages/client.rs", tests + "\n" + shipped)));
        assertEquals(List.of("SEC0001:error"), found(scan("src/tls.rs", "#[cfg(test)]\nmod tests {\n    const KEY: &str = \""
                + Fake.pem("RSA ") + "\";\n}\n")));
    }

    /**
     * Issue 10, held-out 8a class "a provider format filled with the digits in order" (a scanner report's
     * {@code sk_live_12345678901234567890asdf}; huginn's agent description {@code "private_key_id": "1234567890abcdef…"}):
     * typed as an example, not drawn; the same format with a drawn body is still an error.
     */
    @Test
    void providerFormatsFilledWithTheDigitsInOrderAreExamples() {
        SecretScanner all = new SecretScanner(dev.devops.lint.secrets.rules.RuleLoader.builtin());
        java.util.function.BiFunction<String, String, List<String>> scanAll = (path, text) ->
                found(all.scan(path, text, null, Map.of(), Allowlist.NONE, false));
        String live = "sk_" + "live_";
        assertEquals(List.of(), scanAll.apply("app/models/payment.rb", "STRIPE = \"" + live + "12345678901234567890asdf\"\n"));
        assertEquals(List.of("SEC0560:error"), scanAll.apply("app/models/payment.rb", "STRIPE = \"" + live + Fake.token(24) + "\"\n"));
        String sa = "{\n  \"type\": \"service_account\",\n  \"private_key_id\": \"";
        assertEquals(List.of(), scanAll.apply("app/models/agents/calendar_agent.rb", sa + "1234567890abcdef1234567890abcdef12345678\",\n}\n"));
        assertEquals(List.of("SEC0120:error"), scanAll.apply("app/models/agents/calendar_agent.rb", sa + Fake.hex(40) + "\",\n}\n"));
    }

    /**
     * Held-out 10c, class "an end-to-end suite's login in CI" (a workflow that starts the app and runs Cypress's action
     * with {@code env: AUTH_USER=admin,AUTH_PASSWORD=…}): a CI test run, so a warning at most; the same password in a
     * deploy workflow is still an error.
     */
    @Test
    void endToEndSuitesInCiAreTestRuns() {
        String pw = Fake.token(11);
        String e2e = "jobs:\n  e2e:\n    steps:\n      - name: Run Cypress\n        uses: cypress-io/github-action@v7\n"
                + "        with:\n          env: AUTH_USER=admin,AUTH_PASSWORD=" + pw + "\n";
        assertEquals(List.of("SEC0030:warning"), found(scan(".github/workflows/e2e.yaml", e2e)));
        String pw2 = "jobs:\n  e2e:\n    steps:\n      - run: npx playwright test\n        env:\n          ADMIN_PASSWORD: " + pw + "\n";
        assertEquals(List.of("SEC0030:warning"), found(scan(".github/workflows/e2e.yaml", pw2)));
        String deploy = "jobs:\n  deploy:\n    steps:\n      - run: ./deploy.sh\n        env:\n          AUTH_PASSWORD: " + pw + "\n";
        assertEquals(List.of("SEC0030:error"), found(scan(".github/workflows/deploy.yaml", deploy)));
    }

    /**
     * Held-out 10c, classes "a variable named with env:" (a storage server's JSON config in a compose template:
     * {@code "secretKey": "env:AWS_SECRET_ACCESS_KEY"}) and "node-config's map of settings to variables"
     * ({@code config/custom-environment-variables.json}: {@code "password": "APP_REDIS_PASSWORD"}): both name where the
     * value is set; a literal beside them is still reported.
     */
    @Test
    void variablesNamedAsTheirSourceAreReferences() {
        assertEquals(List.of(), found(scan("deploy/s3.json", "{\"identities\": [{\"accessKey\": \"env:AWS_ACCESS_KEY_ID\", "
                + "\"secretKey\": \"env:AWS_SECRET_ACCESS_KEY\"}]}\n")));
        assertEquals(List.of(), found(scan("services/app/config/custom-environment-variables.json",
                "{\n  \"redis\": {\n    \"password\": \"APP_REDIS_PASSWORD\"\n  }\n}\n")));
        assertEquals(List.of("SEC0030:error"), found(scan("services/app/config/production.json",
                "{\n  \"redis\": {\n    \"password\": \"" + Fake.token(16) + "\"\n  }\n}\n")));
    }

    /**
     * Held-out 10c, class "code in a patch" (a server's hotfix {@code pr_16956.patch}:
     * {@code +  const token = req.headers['x-sl-anonymous-access-token']}): a patch of source code is code, where an
     * index expression is no value; a literal it adds is still a secret, and a patch of an env file stays configuration.
     */
    @Test
    void aPatchOfSourceCodeIsCode() {
        String head = "diff --git a/app/src/Auth.mjs b/app/src/Auth.mjs\n--- a/app/src/Auth.mjs\n+++ b/app/src/Auth.mjs\n@@ -1,3 +1,4 @@\n";
        assertEquals(List.of(), found(scan("hotfix/4.2.2/pr_1.patch", head
                + "+  const token = req.headers['x-app-anonymous-access-token']\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("hotfix/4.2.2/pr_1.patch", head
                + "+  const apiToken = '" + Fake.token(24) + "'\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("hotfix/4.2.2/pr_2.patch",
                "--- a/deploy/app.env\n+++ b/deploy/app.env\n@@ -1 +1,2 @@\n+API_TOKEN=" + Fake.token(24) + "\n")));
    }

    /**
     * Held-out 10c, class "a made-up provider token typed along the alphabet" (a log sanitiser's test table:
     * {@code glpat-} then letters a to u in alternating case): typed, not drawn; a drawn body is still an error.
     */
    @Test
    void providerFormatsFilledWithTheAlphabetAreExamples() {
        SecretScanner all = new SecretScanner(dev.devops.lint.secrets.rules.RuleLoader.builtin());
        java.util.function.BiFunction<String, String, List<String>> scanAll = (path, text) ->
                found(all.scan(path, text, null, Map.of(), Allowlist.NONE, false));
        StringBuilder typed = new StringBuilder();
        for (char c = 'a'; c <= 'u'; c++) {
            typed.append(c % 2 == 0 ? Character.toUpperCase(c) : c);
        }
        String gl = "glp" + "at-";
        assertEquals(List.of(), scanAll.apply("app/Support/LogSanitizer.php", "$sample = '" + gl + typed + "';\n"));
        assertEquals(List.of("SEC0306:error"), scanAll.apply("app/Support/LogSanitizer.php", "$sample = '" + gl + Fake.token(20) + "';\n"));
    }

    /**
     * Held-out 10c, class "a character set" (a token generator's {@code TOKEN_LOWERCASE_ALPHA = 'bcdfghjkmnpqrstvwxyz'},
     * the consonants it draws from): characters in code order with gaps are an alphabet, not a secret; a drawn value
     * under the same name is still an error.
     */
    @Test
    void aCharacterSetIsNoSecret() {
        assertEquals(List.of(), found(scan("app/src/Features/TokenGenerator.mjs",
                "const TOKEN_LOWERCASE_ALPHA = 'bcdfghjkmnpqrstvwxyz'\nconst TOKEN_NUMERICS = '0123456789ABCDEFGHJK'\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("app/src/Features/TokenGenerator.mjs",
                "const TOKEN_SECRET = '" + Fake.token(20) + "'\n")));
        assertTrue(Filters.isCharacterSet("bcdfghjkmnpqrstvwxyz"));
        assertFalse(Filters.isCharacterSet("abcdefghijklmnop")); // the alphabet without a gap: a typed default credential
    }

    /**
     * Held-out 10c, classes "a batch file's REM line" and "a sample counted up and down" (a Windows start script's
     * {@code REM SET OAUTH2_SECRET=54321abcde}; a help text's {@code oauth2-secret='54321abcde'}): a remark is
     * commented-out configuration; a value made of counted runs is a typed sample, a development default at most.
     */
    @Test
    void batchRemarksAreCommentsAndCountedRunsAreSamples() {
        assertEquals(List.of(), found(scan("start-app.bat", "REM SET OAUTH2_SECRET=" + Fake.token(12) + "\nrem SET API_TOKEN="
                + Fake.token(12) + "\n:: SET DB_PASSWORD=" + Fake.token(12) + "\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("start-app.bat", "SET OAUTH2_SECRET=" + Fake.token(12) + "\n")));
        assertEquals(List.of("SEC0031:warning"), found(scan("snap/bin/app-config", "OAUTH2_SECRET='54321abcde'\n")));
        assertTrue(Filters.isCountedRuns("54321abcde"));
        assertTrue(Filters.isCountedRuns("abcde12345"));
        assertFalse(Filters.isCountedRuns("abcd1x2345"));
    }

    /**
     * Held-out 11a, class "a sample of short counted runs" (an SDK example's {@code token: 'abc123def456'}): three
     * runs of three are typed, a sample in an example and a development default at most where a stack runs with it.
     */
    @Test
    void shortCountedRunsAreSamples() {
        assertTrue(Filters.isCountedRuns("abc123def456"));
        assertTrue(Filters.isCountedRuns("xyz789abc"));
        assertFalse(Filters.isCountedRuns("abc123de"));
        assertFalse(Filters.isCountedRuns("abc1x3def456"));
        assertEquals(List.of(), found(scan("packages/sdk/examples/subscribers/verify.ts",
                "const s = await client.subscribers.verify({\n  token: 'abc123def456',\n})\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("packages/sdk/examples/subscribers/verify.ts",
                "const s = await client.subscribers.verify({\n  token: '" + Fake.token(12) + "',\n})\n")));
    }

    /**
     * Held-out 10c, class "a digest under a hash-named key" (ClickHouse users in a compose template:
     * {@code <password_sha256_hex>…</password_sha256_hex>}, {@code <password_double_sha1_hex>}): the name says the value
     * is a digest; a plain password key beside it is still reported.
     */
    @Test
    void aDigestUnderAHashNamedKeyIsNoPassword() {
        assertEquals(List.of(), found(scan("deploy/clickhouse-users.xml", "<users><default><password_sha256_hex>"
                + Fake.hex(64) + "</password_sha256_hex><password_double_sha1_hex>" + Fake.hex(40)
                + "</password_double_sha1_hex></default></users>\n")));
        assertEquals(List.of("SEC0030:error"), found(scan("deploy/app.yaml", "password_hex: \"" + Fake.token(20) + "\"\n")));
    }

    /**
     * Held-out 10c, classes "a translation directory with a qualifier" ({@code frontend/js/i18n-resources/*.ts}:
     * {@code 'welcome.password': 'Contraseña'}) and "a Storybook story named .story.tsx" ({@code apiKey='…'} of a
     * component demo): translations and stories, not secrets.
     */
    @Test
    void qualifiedTranslationDirectoriesAndStoriesAreNoSecrets() {
        assertEquals(List.of(), found(scan("frontend/js/i18n-resources/writer.ts", "export default {\n  'welcome.password': '"
                + Fake.token(10) + "',\n}\n")));
        assertEquals(List.of(), found(scan("frontend/src/component/ApiKeySummary.story.tsx", "<ApiKeySummary apiKey='"
                + Fake.token(40) + "' />\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("frontend/src/component/ApiKeySummary.tsx", "const apiKey = '"
                + Fake.token(40) + "';\n")));
    }

    /**
     * Held-out 10c, class "a minified language file under a licence banner" (a copied editor's
     * {@code min/vs/basic-languages/x/x.js}: a ten-line banner and module header over one line of 2,500 characters,
     * averaging under 300 a line): the long line holds most of the text, so the file is minified (vendored).
     */
    @Test
    void aMinifiedFileUnderABannerIsVendored() {
        StringBuilder banner = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            banner.append("/* line ").append(i).append(" of a licence banner of a copied editor, its version and its terms */\n");
        }
        StringBuilder line = new StringBuilder("var moduleExports=(()=>{var s={tokenPostfix:\".cameligo\",");
        while (line.length() < 2500) {
            line.append("{regex:/[a-z]+/,action:{token:\"keyword\",next:\"@pop\"}},");
        }
        String text = banner + line.toString() + "};})();\n";
        assertTrue(dev.devops.files.FileKinds.looksMinified(text));
        assertEquals(List.of(), found(scan("public/js/editor/min/vs/basic-languages/cameligo/cameligo.js", text)));
    }

    /**
     * Issue 10, held-out 8a class "code and references after a credential name" (snipe-it's Laravel validation rules
     * {@code 'password' => 'required|not_array'} and {@code 'confirmed|'.Setting::…}; huginn's ERB
     * {@code :secret => @agent.options['secret']} and route {@code …/:secret" => "web_requests#handle_request"}; Sylius'
     * {@code credentialsRequestReady = (container, selector) => …}; firezone's systemd unit
     * {@code LoadCredential=FIREZONE_TOKEN:/etc/firezone/gateway-token}): expressions, routes and file references, no
     * values. A random value beside them is still reported.
     */
    @Test
    void validationRulesRoutesExpressionsAndCredentialFilesAreNotValues() {
        String php = "app/Http/Controllers/Auth/LoginController.php";
        assertEquals(List.of(), found(scan(php, "            'password' => 'required|not_array',\n")));
        assertEquals(List.of(), found(scan(php, "            'password' => 'confirmed|'.Setting::passwordComplexityRulesSaving('store'),\n")));
        assertEquals(List.of(), found(scan(php, "            'password' => 'required|notIn:[\"'.$user->email.'\"',\n")));
        assertEquals(List.of("SEC0030:error"), found(scan(php, "            'password' => 'blue|green',\n")));
        assertEquals(List.of(), found(scan("app/views/agents/webhook_agent/_show.html.erb",
                "  <%= link_to web_requests_url(:agent_id => @agent.id, :secret => @agent.options['secret']) %>\n")));
        assertEquals(List.of(), found(scan("config/routes.rb",
                "  match \"/users/:user_id/web_requests/:agent_id/:secret\" => \"web_requests#handle_request\", :via => [:get]\n")));
        assertEquals(List.of(), found(scan("templates/bundles/SwaggerUi/index.html.twig",
                "        const credentialsRequestReady = (container, selector) => {\n")));
        String unit = "rust/gateway/debian/app-gateway.service";
        assertEquals(List.of(), found(scan(unit, "[Service]\nLoadCredential=APP_TOKEN:/etc/app/gateway-token\n")));
        assertEquals(List.of("SEC0031:error"), found(scan(unit, "[Service]\nEnvironment=APP_TOKEN=" + Fake.token(32) + "\n")));
    }

    /**
     * Issue 10, held-out 8a class "a form field's placeholder" (plane's admin form for a GitLab OAuth app,
     * {@code placeholder: "gloas-…"}): the sample text of an empty input, an example of the format; the same token as
     * a value is still an error.
     */
    @Test
    void aFormFieldsPlaceholderIsAnExample() {
        SecretScanner all = new SecretScanner(dev.devops.lint.secrets.rules.RuleLoader.builtin());
        String token = "gloas" + "-" + Fake.hex(64);
        String tsx = "apps/admin/app/authentication/gitlab/form.tsx";
        assertEquals(List.of(), found(all.scan(tsx, "      placeholder: \"" + token + "\",\n", null, Map.of(), Allowlist.NONE, false)));
        assertEquals(List.of(), found(all.scan(tsx, "  <input placeholder=\"" + token + "\" />\n", null, Map.of(), Allowlist.NONE, false)));
        assertEquals(List.of("SEC0316:error"), found(all.scan(tsx, "      value: \"" + token + "\",\n", null, Map.of(), Allowlist.NONE, false)));
    }

    /**
     * Issue 10, held-out 10b classes of values that are not credentials: nsswitch.conf's {@code passwd: compat} (the
     * user database's sources); a sentence's full stop after a keyword connection string's password in a help text
     * ({@code "Default credentials are: username=username, password=password.<br>"}); a keyword argument passing a
     * variable in a code generator's Python template ({@code token=auth_token} in {@code summary.py.jinja}); a Bruno
     * request collection's login with a development password. Real values beside them are still reported.
     */
    @Test
    void nameServiceSourcesProseFullStopsCodeTemplatesAndBrunoRequests() {
        assertEquals(List.of(), found(scan("docker/nsswitch.conf", "passwd:         compat\nshadow:  files systemd\n"
                + "group:   files [NOTFOUND=return] ldap\n")));
        assertEquals(List.of("SEC0030:error"), found(scan("docker/app.conf", "passwd: " + Fake.token(14) + "\n")));
        String cs = "src/Indexers/Definitions/Magnetico.cs";
        assertEquals(List.of(), found(scan(cs,
                "    \"Default credentials are: username=username, password=password.<br>\" +\n")));
        assertEquals(List.of("SEC0021:error"), found(scan(cs,
                "    \"Connect with: host=db user=app password=" + Fake.token(14) + ".<br>\" +\n")));
        String tpl = "codegen/templates/python/summary.py.jinja";
        assertEquals(List.of(), found(scan(tpl, "        return Client(\n            token=auth_token,\n        )\n")));
        assertEquals(List.of("SEC0031:error"), found(scan(tpl, "        token = \"" + Fake.token(32) + "\"\n")));
        // a deployment's template of an app file is still the configuration it deploys: its weak password a warning
        assertEquals(List.of("SEC0030:warning"), found(scan("playbooks/www/templates/index.php.j2",
                "function connect($host) {\n  $password = 'secret';\n}\n")));
        String bru = "rest/login.bru";
        assertEquals(List.of(), found(scan(bru, "post {\n  url: http://localhost:3456/api/v1/login\n}\n\nbody:json {\n"
                + "  {\n    \"username\": \"user1\",\n    \"password\": \"12345678\"\n  }\n}\n")));
        // a database dump's column visibility list: token = "private" is which columns it keeps
        String dump = "crates/database_dump/src/dump-db.toml";
        assertEquals(List.of(), found(scan(dump, "[api_tokens.columns]\nid = \"private\"\ntoken = \"private\"\n"
                + "name = \"public\"\n")));
        assertEquals(List.of("SEC0031:warning"), found(scan(dump, "[auth]\nurl = \"https://example.org\"\ntoken = \"private\"\n")));
        assertEquals(List.of(), found(scan("publiccode.yml", "roadmap: 'https://app.example.org/projects/16/list#share-auth-token="
                + Fake.token(40) + "'\n")));
    }

    /**
     * Issue 10, held-out 10b class "an example the code documents" (a webhook service's CLI help text
     * {@code after_help = "Example body:\n{\n  \"secret\": \"whsec_…\"\n}"}, its schema builder's
     * {@code extensions.insert("example".to_string(), Value::String("whsec_…"))}): the format shown to a reader, not a
     * secret the code uses; info. The same token given to the code is still an error.
     */
    @Test
    void aProviderTokenInADocumentedExampleIsInfo() {
        SecretScanner all = new SecretScanner(dev.devops.lint.secrets.rules.RuleLoader.builtin());
        java.util.function.BiFunction<String, String, List<String>> scanAll = (path, text) ->
                found(all.scan(path, text, null, Map.of(), Allowlist.NONE, false));
        String token = "whsec" + "_" + Fake.token(32);
        String cli = "cli/src/cmds/endpoint.rs";
        assertEquals(List.of("SEC0563:info"), scanAll.apply(cli, "    #[command(after_help = \"Example body:\n{\n"
                + "  \\\"url\\\": \\\"https://example.com/hook/\\\",\n  \\\"secret\\\": \\\"" + token
                + "\\\",\n}\")]\n    Create {\n"));
        assertEquals(List.of("SEC0563:info"), scanAll.apply("server/src/core/types/mod.rs",
                "            obj.extensions.insert(\n                \"example\".to_string(),\n"
                + "                serde_json::Value::String(\"" + token + "\".to_string()),\n            );\n"));
        assertEquals(List.of("SEC0563:info"), scanAll.apply("api/src/main/java/a/EndpointIn.java",
                "    @Schema(example = \"" + token + "\")\n    private String secret;\n"));
        assertEquals(List.of("SEC0563:error"), scanAll.apply(cli, "    let secret = \"" + token + "\";\n"));
        assertEquals(List.of("SEC0563:error"), scanAll.apply(cli, "    // the key:\n    let wh = Webhook::new(\n        \""
                + token + "\",\n    );\n"));
    }

    /**
     * Issue 10, held-out 8a class "a build step's dummy" (huginn's Dockerfiles:
     * {@code RUN APP_SECRET_TOKEN=secret DATABASE_ADAPTER=mysql2 bundle exec rake assets:precompile}, 6 warnings): a
     * weak value set for one RUN command is what the framework needs to boot during the build, never the image's
     * configuration; {@code ENV} with the same value, and a random value on RUN, are still reported.
     */
    @Test
    void aWeakVariableForOneBuildStepIsADummy() {
        assertEquals(List.of(), found(scan("docker/Dockerfile",
                "FROM ruby:3.3\nRUN APP_SECRET_TOKEN=secret DATABASE_ADAPTER=mysql2 bundle exec rake assets:precompile\n")));
        assertEquals(List.of("SEC0031:warning"), found(scan("docker/Dockerfile", "FROM ruby:3.3\nENV APP_SECRET_TOKEN=secret\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("docker/Dockerfile",
                "FROM ruby:3.3\nRUN APP_SECRET_TOKEN=" + Fake.token(40) + " bundle exec rake assets:precompile\n")));
    }

    /**
     * Issue 10, held-out 8a miss class "a random default in a parameter expansion" (plane's community compose file
     * {@code SECRET_KEY: ${SECRET_KEY:-60gp…}} and the same default in its start script): the secret every stack started
     * without the variable runs with, an error; a weak development default ({@code ${DB_PASSWORD:-plane}}), a path and
     * a reference are not reported by this form.
     */
    @Test
    void aRandomDefaultInAParameterExpansionIsAHardCodedSecret() {
        String key = Fake.token(50);
        assertEquals(List.of("SEC0031:error"), found(scan("deployments/cli/community/docker-compose.yml",
                "services:\n  api:\n    image: org/api:1.0\n    environment:\n      SECRET_KEY: ${SECRET_KEY:-" + key + "}\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("deployments/aio/start.sh",
                "#!/bin/sh\nupdate_env_value \"SECRET_KEY\" \"${SECRET_KEY:-" + key + "}\"\n")));
        assertEquals(List.of(), found(scan("deployments/cli/community/docker-compose.yml",
                "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD:-plane}\n"
                        + "      SECRET_KEY_FILE: ${SECRET_KEY_FILE:-/run/secrets/key}\n      API_TOKEN: ${API_TOKEN:-${OTHER}}\n")));
        assertEquals(List.of(), found(scan("docs/install.md", "SECRET_KEY=${SECRET_KEY:-" + key + "}\n")));
    }

    /**
     * Issue 10, held-out 8a class "a BEGIN line quoted without its key" (DefectDojo's scanner-report fixtures:
     * {@code {"line":"-----BEGIN RSA PRIVATE KEY-----","commit":"4e3b…","offender":…}}, base64-looking words further down
     * up to another entry's END line were read as the body): the body must start right after the header (on its line
     * or the next); a key cut before its END line, a one-line escaped key, a key in a YAML block are still reported.
     */
    @Test
    void aQuotedBeginLineWithoutItsKeyIsNoKey() {
        String dashes = "-----";
        String report = "[{\"line\":\"" + dashes + "BEGIN RSA PRIVATE KEY" + dashes + "\",\"commit\":\"" + Fake.hex(40)
                + "\",\"file\":\"id_rsa\"},\n {\"rule\":\"asymmetric\",\n  \"hash\":\n  \"" + Fake.base64Body(120).replace("\n", "")
                + "\"\n}]\n";
        assertEquals(List.of(), found(scan("reports/gitleaks.json", report)));
        // and with another entry's END line further down (a test key "…BEGIN…\\nfoobar\\n…END…")
        assertEquals(List.of(), found(scan("reports/gitleaks.json", report + "{\"line\":\"" + dashes + "BEGIN RSA PRIVATE KEY"
                + dashes + "\\\\nfoobar123\\\\n" + dashes + "END RSA PRIVATE KEY" + dashes + "\"}\n")));
        String pem = Fake.pem("RSA ");
        String cut = pem.substring(0, pem.indexOf(dashes + "END"));
        assertEquals(List.of("SEC0001:error"), found(scan("config/app.json", "{\"key\": \"" + pem.replace("\n", "\\n") + "\"}\n")));
        assertEquals(List.of("SEC0001:error"), found(scan("config/app.yml", "tls:\n  key: |\n    " + pem.replace("\n", "\n    ") + "\n")));
        assertEquals(List.of("SEC0001:error"), found(scan("src/Keys.java", "String k = \"" + pem.substring(0, pem.indexOf('\n'))
                + "\\n\" +\n    \"" + pem.substring(pem.indexOf('\n') + 1).replace("\n", "\\n\" +\n    \"") + "\";\n")));
        assertEquals(List.of("SEC0001:error"), found(scan("deploy/key.pem", cut)));
    }

    /**
     * A hash rocket is code in any file: in an ERB view {@code :secret => secret} passes a variable on; a quoted literal
     * after one is still a value.
     */
    @Test
    void aBareValueAfterAHashRocketIsAnExpression() {
        assertEquals(List.of(), found(scan("app/views/agents/_show.html.erb",
                "<% url = web_requests_url(:agent_id => @agent.id, :secret => secret, :format => format) %>\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("app/views/agents/_show.html.erb",
                "<% url = web_requests_url(:secret => \"Q7" + Fake.token(20) + "\") %>\n")));
    }

    /**
     * A build's e2e and integration-test modules by name (issue 10, held-out 9b): a project-prefixed Maven module
     * ({@code app-e2e/}, {@code app-integrated-test-http/}), a {@code *_tests.go} helper. Their manifests and code hold
     * the test stack's dummy values.
     */
    @ParameterizedTest
    @ValueSource(strings = {"app-e2e/app-e2e-case/k8s/db.yml", "app-integrated-test/app-integrated-test-http/src/main/resources/application.yml",
        "tools/sql/clitest/conn_tests.go"})
    void testModulesByName(String path) {
        String text = path.endsWith(".go") ? "var testPassword = \"" + Fake.token(14) + "\"\n"
                : "password: " + Fake.token(14) + "\nsecret-key: " + Fake.token(30) + "\n";
        assertEquals(List.of(), found(scan(path, text)), path);
        assertFalse(found(scan("app/k8s/db.yml", "password: " + Fake.token(14) + "\n")).isEmpty(), "outside a test module");
    }

    /**
     * A script a minifier wrote, whatever its name (a copied editor bundle's {@code vs/basic-languages/src/php.js}):
     * vendored code, where the name-based detectors are silent. A provider token in it is still reported; the same code
     * with its lines broken is the project's own, where a tokenizer's {@code token:"@rematch"} is a reference to an
     * action (an at-sign and a name, in code), and the password still a password.
     */
    @Test
    void minifiedScriptsAreVendored() {
        StringBuilder line = new StringBuilder("define(\"vs/lang/php\",[\"require\"],function(e,t){t.language={tokenPostfix:\".php\",");
        while (line.length() < 1500) {
            line.append("{regex:/[a-z]+/,action:{token:\"@rematch\",next:\"@pop\"}},");
        }
        line.append("password:\"").append(Fake.token(16)).append("\"}});");
        String header = "/*!-----\n * Copyright (c) Example. All rights reserved.\n *-----*/\n";
        assertEquals(List.of(), found(scan("console/static/editor/php.js", header + line + "\n")));
        assertEquals(List.of("SEC0901:error"), found(scan("console/static/editor/php.js", header + line
                + "var k=\"" + Fake.testToken() + "\";\n")));
        String broken = header + line.toString().replace("},{", "},\n{").replace(",password", ",\npassword");
        assertEquals(List.of("SEC0030:error"), found(scan("console/static/editor/php.js", broken)));
        assertTrue(dev.devops.files.FileKinds.looksMinified(header + line));
        assertFalse(dev.devops.files.FileKinds.looksMinified(broken));
    }

    /** {@code pass} after a word that makes it a round of a process ({@code hwScaleFilterFirstPass}) names no password. */
    @Test
    void aFirstPassIsNoPassword() {
        assertEquals(List.of(), found(scan("Encoding/EncodingHelper.cs", "var hwScaleFilterFirstPass = \"vpp_rkrga=format=bgra:afbc=1\";\n"
                + "var two_pass = \"" + Fake.token(16) + "\";\n")));
        assertEquals(List.of("SEC0030:error"), found(scan("Encoding/EncodingHelper.cs", "var firstPassword = \"" + Fake.token(16) + "\";\n")));
    }

    /**
     * A JWT under a secret-named key ({@code X-Access-Token: eyJ…} in a request collection) is SEC0010's to judge: an
     * expired one is not reported by the name-based detectors either, and a live one is reported once, as a JWT.
     */
    @Test
    void aJwtUnderASecretNameIsJudgedAsAJwt() {
        String header = Fake.b64url("{\"typ\":\"JWT\",\"alg\":\"HS256\"}");
        String expired = header + "." + Fake.b64url("{\"userName\":\"admin\",\"exp\":1648650086}") + "." + Fake.token(43);
        String live = header + "." + Fake.b64url("{\"userName\":\"admin\"}") + "." + Fake.token(43);
        assertEquals(List.of(), found(scan("admin/src/http/debug-api.http", "GET http://localhost:9095/users\nX-Access-Token: "
                + expired + "\n")));
        assertEquals(List.of("SEC0010:error"), found(scan("admin/src/http/debug-api.http", "GET http://localhost:9095/users\n"
                + "X-Access-Token: " + live + "\n")));
        assertEquals(List.of("SEC0010:error"), found(scan("config/app.yml", "auth:\n  token: \"Bearer " + live + "\"\n")));
    }

    /**
     * A random UUID given to a secret-named key of a CI pipeline (a workflow's {@code token: <uuid>} for an upload
     * action: Codecov's upload tokens are UUIDs) or a dotenv file is a credential; in code a UUID stays a record id.
     */
    @Test
    void aRandomUuidTokenInRunnableConfigIsACredential() {
        String uuid = Fake.hex(8) + "-" + Fake.hex(4) + "-4" + Fake.hex(3) + "-a" + Fake.hex(3) + "-" + Fake.hex(12);
        assertEquals(List.of("SEC0031:error"), found(scan(".github/workflows/coverage.yml", "jobs:\n  upload:\n    steps:\n"
                + "      - uses: codecov/codecov-action@v1\n        with:\n          token: " + uuid + "\n")));
        assertEquals(List.of(), found(scan("src/session.js", "const token = \"" + uuid + "\";\n")));
        assertEquals(List.of("SEC0031:error"), found(scan(".env", "UPLOAD_TOKEN=" + uuid + "\n")));
        assertEquals(List.of(), found(scan(".github/workflows/coverage.yml", "jobs:\n  upload:\n    steps:\n"
                + "      - uses: codecov/codecov-action@v1\n        with:\n          token: 00000000-0000-4000-8000-000000000000\n")));
    }

    /** A SQL migration writing a password column writes the password's hash: a hex digest there is no password. */
    @Test
    void aHexDigestWrittenToAPasswordColumnIsAHash() {
        assertEquals(List.of(), found(scan("db/upgrade/2.4.2-upgrade-2.4.3.sql",
                "UPDATE dashboard_user SET password='" + Fake.hex(128) + "' WHERE user_name='admin';\n")));
        assertEquals(List.of("SEC0030:error"), found(scan("db/upgrade/2.4.2-upgrade-2.4.3.sql",
                "UPDATE dashboard_user SET password='" + Fake.token(16) + "' WHERE user_name='admin';\n")));
    }

    /**
     * Issue 10, held-out 9c classes "a name, not a value" in code: a design system's token table
     * ({@code token: "--color-text-bright"}, a CSS custom property), a code generator's Rust type
     * ({@code token: "serde_json::Value"}), a label of capitalised words joined by '/'
     * ({@code credentials: "Email/Password"}). A random token under the same names is still an error.
     */
    @Test
    void cssCustomPropertiesQualifiedNamesAndSlashedLabelsAreNames() {
        assertEquals(List.of(), found(scan("app/routes/storybook.colors/route.tsx",
                "const T = [\n  { token: \"--color-text-bright\", usedBy: \"Primary body text\" },\n"
                        + "  { token: \"--background\", label: \"app canvas\" },\n"
                        + "  { token: \"--color-apiKeys\", usedBy: \"API keys nav\" },\n];\n")));
        assertEquals(List.of(), found(scan("src/util/config-schema/rust.ts",
                "return { token: \"serde_json::Value\", comment: \"free-form object\" };\n")));
        assertEquals(List.of(), found(scan("src/server/utils/formatAuthProvider.ts",
                "const providerMap = {\n  credentials: \"Email/Password\",\n};\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("src/app.ts", "const c = { token: \"Qx" + Fake.token(22) + "\" };\n")));
    }

    /**
     * Issue 10, held-out 9c: a name that says its value stands in for a hidden secret ({@code REDACTED_CREDENTIAL_VALUE =
     * '_APP_BLANK_<uuid>'}, the sentinel an API sends back in place of a stored credential) and a name that says what a key
     * may do ({@code SECRET_API_KEY_ROLE}) hold no secret; {@code CREDENTIAL_VALUE} and {@code SECRET_API_KEY} still do.
     */
    @Test
    void redactionSentinelsAndKeyRolesAreNoSecrets() {
        String v = "_APP_BLANK_" + Fake.token(24);
        assertEquals(List.of(), found(scan("packages/server/src/utils/index.ts",
                "export const REDACTED_CREDENTIAL_VALUE = '" + v + "'\nexport const MASKED_TOKEN = '" + v + "'\n")));
        assertEquals(List.of(), found(scan("src/util/secrets.ts",
                "export const SECRET_API_KEY_ROLE =\n  process.env.SECRET_API_KEY_ROLE || \"readonly\";\n"
                        + "const API_TOKEN_PERMISSIONS = \"read-write-admin\";\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("packages/server/src/utils/index.ts",
                "export const CREDENTIAL_VALUE = '" + v + "'\n")));
    }

    /**
     * Issue 10, held-out 9c: a package.json names its monorepo packages and scripts after what they handle
     * ({@code "@scope/credentials": "workspace:*"}, {@code "inspectCredentials": "bun run run:prod:mysql
     * src/inspectCredentials.ts"}): a dependency specifier and a command line, not secrets. A literal key in a script's
     * environment is still reported.
     */
    @Test
    void packageManifestSpecifiersAndScriptCommandsAreNoSecrets() {
        String manifest = "{\n  \"scripts\": {\n    \"inspectCredentials\": \"bun run run:prod:mysql src/inspectCredentials.ts\",\n"
                + "    \"addHttpProxyCredentials\": \"bun run run:prod:postgres src/addHttpProxyCredentials.ts\"\n  },\n"
                + "  \"dependencies\": {\n    \"@acme/credentials\": \"workspace:*\",\n    \"@acme/secrets\": \"workspace:^\",\n"
                + "    \"@acme/token\": \"catalog:\"\n  }\n}\n";
        assertEquals(List.of(), found(scan("packages/scripts/package.json", manifest)));
        assertEquals(List.of("SEC0031:error"), found(scan("packages/scripts/package.json",
                "{\n  \"config\": {\n    \"apiToken\": \"Qx" + Fake.token(30) + "\"\n  }\n}\n")));
    }

    /**
     * Issue 10, held-out 9c: a chart reads its credentials from the Secret {@code existingSecret} names, under keys its
     * values name ({@code rootPasswordSecretKey: "minio-root-password"}, {@code accessKeyIdSecretKey: "minio-root-user"}):
     * a key of the Secret, not a value. A short {@code minioSecretKey: minio123} is still a development default.
     */
    @Test
    void keysOfAnExistingSecretAreNamesOfKeys() {
        String values = "minio:\n  existingSecret: \"app-datastore\"\n  rootUserSecretKey: \"minio-root-user\"\n"
                + "  rootPasswordSecretKey: \"minio-root-password\"\n  accessKeyIdSecretKey: \"minio-root-user\"\n"
                + "  secretAccessKeySecretKey: \"minio-root-password\"\n";
        assertEquals(List.of(), found(scan("hosting/k8s/helm/values.yaml", values)));
        assertEquals(List.of("SEC0031:warning"), found(scan("hosting/k8s/helm/values.yaml", "minio:\n  minioSecretKey: minio123\n")));
    }

    /**
     * Issue 10, held-out 9c: an AI editor's rule files ({@code .cursor/rules/*.mdc}) are documentation; TypeScript's
     * {@code .mts} and {@code .cts} files are source code (a lower-case sentence in code is a name, not a configured
     * default); a {@code test-utils/} directory holds test code.
     */
    @Test
    void editorRulesAreDocsModuleTypeScriptIsCodeAndTestUtilsAreTests() {
        String line = "const accessToken = \"Qx" + Fake.token(18) + "\";\n";
        assertEquals(List.of(), found(scan(".cursor/rules/writing-tasks.mdc", "---\ndescription: tasks\n---\n```ts\n" + line + "```\n")));
        assertEquals(List.of(), found(scan("packages/shared/src/server/test-utils/tracing-factory.ts", line)));
        assertEquals(List.of("SEC0031:error"), found(scan("packages/db/src/seed.mts", line)));
        assertEquals(List.of(), found(scan("packages/db/src/seed.mts", "const w = { token: \"my-secret-key\" };\n")));
        assertTrue(dev.devops.files.FileKinds.isSourceCode("packages/db/src/seed.cts"));
    }

    /**
     * Issue 10, held-out 9c: a sample payload's token typed by counting up in every other character
     * ({@code …f1a2c3d4e5f6}) is a made-up value: a development default at most, never a live secret.
     */
    @Test
    void aTokenCountingUpInEveryOtherCharacterIsTyped() {
        String sample = Fake.hex(20) + "f1a2c3d4e5f6";
        assertTrue(Filters.hasInterleavedCount(sample));
        assertTrue(Filters.hasInterleavedCount("a1b2c3d4e5f6"));
        assertFalse(Filters.hasInterleavedCount(Fake.token(32)));
        assertEquals(List.of("SEC0031:warning"), found(scan("src/handAuthored/typeform.ts",
                "body: {\n  form_response: {\n    token: \"" + sample + "\",\n  },\n},\n")));
    }

    /**
     * Issue 10, held-out 9d class "documentation written as a string in code": a Python docstring's sample response, an
     * OpenAPI annotation's example (a Groovy/Java multi-line string); the same value assigned to a variable is still one.
     */
    @Test
    void aDocumentationStringIsDocumentation() {
        String token = "Z1" + Fake.token(30);
        assertEquals(List.of(), found(scan("engine/apps/auth/backends.py",
                "def fetch(self):\n    \"\"\"\n    Sample response\n    {\n        \"access_token\":\"" + token + "\",\n    }\n    \"\"\"\n    return 1\n")));
        assertEquals(List.of(), found(scan("app/controllers/WebhookController.groovy",
                "@Operation(responses = [@ApiResponse(content = @Content(\n    examples = [\n        @ExampleObject(\n"
                        + "            name = 'list',\n            value = \'\'\'[\n    {\n        \"authToken\": \"" + token + "\",\n"
                        + "        \"id\": 3\n    }\n]\'\'\'\n        )])\n)])\ndef list() {}\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("app/settings.py",
                "SETTINGS = \"\"\"\naccess_token = \"" + token + "\"\n\"\"\"\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("app/settings.py", "access_token = \"" + token + "\"\n")));
    }

    /**
     * Issue 10, held-out 9d classes of values that are not values: a name behind a sigil (a tokenizer's next state
     * {@code '@rematch'}), a numbered dotted scope ({@code "markup.heading.1"}), a sed command's pattern in a shell script,
     * a store entry named after the secret ({@code grafana_cloud_token:value}), an LDAP attribute's name, a camel-case
     * "your…" placeholder; the same keys with real values are still found.
     */
    @Test
    void valuesThatNameSomethingAreNotSecrets() {
        assertEquals(List.of(), found(scan("src/editor/jinja2.ts",
                "export const rules = [[/<\\/script\\s*>/, { token: '@rematch', next: '@pop' }]];\n")));
        assertEquals(List.of(), found(scan("assets/ace/mode-markdown.js",
                "this.$rules={start:[{token:\"markup.heading.1\",regex:\"^=+\"},{token:\"markup.heading.2\",regex:\"^-+\"}]};\n")));
        assertEquals(List.of(), found(scan("packaging/scripts/postinst",
                "#!/bin/sh\nsed -i -E 's/^app\\.storage\\.password=default\\.encryption\\.password$/app.storage.password='\"$PASS\"'/' app.properties\n")));
        assertEquals(List.of(), found(scan(".github/workflows/release.yml",
                "jobs:\n  r:\n    steps:\n      - uses: org/get-vault-secrets@v1\n        with:\n          repo_secrets: |\n"
                        + "            PUBLISH_ACCESS_TOKEN=cloud_publish_access_token:value\n")));
        assertEquals(List.of(), found(scan("src/main/resources/WEB-INF/jaas.conf",
                "ldap {\n  com.example.JettyCachingLdapLoginModule required\n    userPasswordAttribute=\"userPassword\"\n};\n")));
        assertEquals(List.of(), found(scan("scripts/upgrade.sh",
                "#!/bin/sh\necho \"please run 'export POSTGRES_PASSWORD=yourPostgresPassword' first\"\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("src/editor/config.ts", "export const c = { token: '" + Fake.token(24) + "' };\n")));
        assertEquals(List.of("SEC0030:error"), found(scan("packaging/scripts/postinst",
                "#!/bin/sh\nexport ADMIN_PASSWORD=" + Fake.token(18) + "\n")));
    }

    /**
     * Issue 10, held-out 9d classes of files whose assignments are code: Gradle's Groovy build scripts
     * ({@code ext."signing.password" = password}), server pages ({@code flashToken: flash.newtoken} in a GSP), interface
     * definitions ({@code string ApnPassword = 2004;} in a .proto: a field's number).
     */
    @Test
    void buildScriptsServerPagesAndInterfaceDefinitionsAreCode() {
        assertEquals(List.of(), found(scan("build.gradle",
                "def password = findProperty('signingPassword')\nallprojects { ext.\"signing.password\" = password }\n")));
        assertEquals(List.of(), found(scan("grails-app/views/user/_user.gsp",
                "<g:render template=\"tokenList\" model=\"${[user: user, flashToken: flash.newtoken]}\"/>\n")));
        assertEquals(List.of(), found(scan("src/main/proto/Device.proto",
                "message Config {\n\tstring ApnUsername = 2003;\n\tstring ApnPassword = 2004;\n}\n")));
    }

    /**
     * Issue 10, held-out 9d class "a build step's dummy that names its key" (a Dockerfile's
     * {@code RUN SECRET_KEY="ThisIsTheSecretKeyForTheBuild1" python manage.py collectstatic}): a value written about the key
     * is a made-up one, and a build step's made-up value is not reported; elsewhere it is a development default.
     */
    @Test
    void aBuildStepDummyThatNamesItsKeyIsNotASecret() {
        assertEquals(List.of(), found(scan("engine/Dockerfile",
                "FROM python:3.12\nRUN DJANGO_SETTINGS_MODULE=settings.prod SECRET_KEY=\"ThEmUsTSecretKEYforBUILDstage123\" python manage.py collectstatic\n")));
        assertEquals(List.of("SEC0031:warning"), found(scan("deploy/app.env",
                "JWT_SECRET=supersecretjwtsecret2024\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("engine/Dockerfile",
                "FROM python:3.12\nRUN SECRET_KEY=\"" + Fake.token(32) + "\" python manage.py collectstatic\n")));
    }

    /**
     * Issue 10, held-out 9d class "an action on a secret": Ansible's {@code update_password: always} is when the user
     * module sets the password, not the password; the password itself beside it is still found.
     */
    @Test
    void anActionOnASecretIsNotTheSecret() {
        assertEquals(List.of(), found(scan("playbooks/users/main.yml",
                "- name: add user\n  user:\n    name: \"{{ account.username }}\"\n    update_password: always\n")));
        assertEquals(List.of("SEC0030:error"), found(scan("playbooks/users/main.yml",
                "- hosts: all\n  vars:\n    ansible_ssh_password: " + Fake.token(14) + "\n")));
    }

    /**
     * Issue 10, held-out 9d miss class "a key's own name as its value in runnable config, in another case": a Django
     * settings file's {@code PASSWORD: password} is the database password the stack runs with (a development default).
     */
    @Test
    void aPasswordKeyWhoseValueIsItsNameInAnotherCaseIsADefault() {
        assertEquals(List.of("SEC0030:warning"), found(scan("configuration_files/analytics_api.yml",
                "DATABASES:\n    default:\n        ENGINE: django.db.backends.mysql\n        PASSWORD: password\n        USER: api001\n")));
        // a prompt's text is no setting: read -p "Password: password"
        assertEquals(List.of(), found(scan("scripts/db-init.sh", "#!/bin/bash\nread -p \"Password: password\"\n")));
    }

    /**
     * Issue 10, held-out 10a class "an interpolated call in a string": a chart's dev values embed Python whose
     * {@code print(f"…_secret={get_config('…')}")} lines read as {@code secret=value}; a brace opening a call or an index
     * is computed where the string is built. A literal beside it is still reported.
     */
    @Test
    void anInterpolatedCallIsNoValue() {
        assertEquals(List.of(), found(scan("dev-config.yaml",
                "hub:\n  extraConfig:\n    logs: |\n      print(f\"singleuser.extraLabels.test-managed-secret={get_config('singleuser.x')}\")\n"
                + "      print(f\"hub.config.JupyterHub.cookie_secret={get_secret_value('hub.config.x', None)}\")\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("deploy/values.yaml",
                "hub:\n  cookie_secret: " + Fake.token(24) + "\n")));
    }

    /**
     * Issue 10, held-out 10a class "a file held in a Secret": a {@code stringData} entry named like a file
     * ({@code values.yaml: |}) holding a YAML document of settings is no random value; its lines are scanned as they
     * are, and a random value of a secret-named key in the same Secret is still reported.
     */
    @Test
    void aSettingsFileInASecretIsNoRandomValue() {
        String secret = "kind: Secret\napiVersion: v1\nmetadata:\n  name: hub-config\ntype: Opaque\nstringData:\n"
                + "  values.yaml: |\n    singleuser:\n      extraLabels:\n        test-self-managed-secret: ok\n";
        assertEquals(List.of(), found(scan("ci/hub-secret.yaml", secret)));
        assertEquals(List.of("SEC0040:error"), found(scan("ci/hub-secret.yaml", secret + "  token: " + Fake.token(24) + "\n")));
    }

    /**
     * Issue 10, held-out 10a classes "a field's visibility condition" ({@code "sms_application_secret": "sms_provider=ovh"},
     * a settings form shows the field when another setting has that value) and "a validation rule list of one rule"
     * ({@code 'password' => 'nullable'}): values that say when or how a field is used, not what it holds.
     */
    @Test
    void aConditionOrASingleValidationRuleIsNoValue() {
        assertEquals(List.of(), found(scan("app/sms/backend.py",
                "visibility_rules = {\n    \"sms_application_secret\": \"sms_provider=ovh\",\n"
                + "    \"sms_password\": \"sms_password_recovery=true&sms_provider=ovh\",\n}\n")));
        assertEquals(List.of(), found(scan("src/Http/Controllers/UserController.php",
                "<?php\n$this->validate(request(), [\n    'email' => 'required|email',\n    'password' => 'nullable',\n]);\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("app/sms/backend.py",
                "settings = {\"sms_application_secret\": \"" + Fake.token(24) + "\"}\n")));
    }

    /**
     * Issue 10, held-out 10a class "a Perl module read as configuration": {@code .pm} is Perl code like {@code .pl}
     * ({@code my $redmine_pass = shift;} takes the sub's argument); a literal password in it is still reported.
     */
    @Test
    void aPerlModuleIsCode() {
        assertEquals(List.of(), found(scan("extra/svn/Auth.pm",
                "sub is_member {\n  my $redmine_user = shift;\n  my $redmine_pass = shift;\n  return 0;\n}\n")));
        assertEquals(List.of("SEC0030:error"), found(scan("extra/svn/Auth.pm",
                "my $db_pass = \"" + Fake.token(14) + "\";\n")));
    }

    /**
     * Issue 10, held-out 10a class "a test double's value": a chart's lint values give a service
     * {@code apiToken: mocked-api-token}, written as a mock the way {@code fake-} and {@code dummy} are.
     */
    @Test
    void aMockedValueIsAPlaceholder() {
        assertEquals(List.of(), found(scan("tools/templates/lint-values.yaml",
                "hub:\n  services:\n    test-service-1:\n      apiToken: mocked-api-token\n")));
    }

    /**
     * Issue 10, held-out 10a class "a namespaced class name": a JSON map of formula functions to PHP classes
     * ({@code "ext\\oauth\\getAccessToken": "Espo\\Core\\…\\GetAccessTokenType"}) names the class that implements it.
     */
    @Test
    void aNamespacedClassNameIsNoValue() {
        assertEquals(List.of(), found(scan("application/Resources/metadata/app/formula.json",
                "{\n  \"functionClassNameMap\": {\n    \"ext\\\\oauth\\\\getAccessToken\": "
                + "\"Acme\\\\Core\\\\Formula\\\\Functions\\\\OauthGroup\\\\GetAccessTokenType\"\n  }\n}\n")));
    }

    /**
     * Issue 10, held-out 10a corpus class "a Windows batch variable": a release's {@code env.bat} sets
     * {@code RELEASE_COOKIE=!APP_COOKIE!} (delayed expansion) or builds it from {@code %DATE%}, {@code %RANDOM%}; the
     * value is read or made when the script runs. A literal cookie is still a secret, and Symfony's {@code !ChangeMe!}
     * still a default.
     */
    @Test
    void aWindowsBatchVariableIsAReference() {
        assertEquals(List.of(), found(scan("rel/env.bat", "if defined APP_COOKIE set RELEASE_COOKIE=!APP_COOKIE!\n"
                + "  set RELEASE_COOKIE=cookie-%DATE: =%_%TIME: =%_%RANDOM%\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("rel/env.bat", "set RELEASE_COOKIE=" + Fake.token(24) + "\n")));
        assertEquals(List.of("SEC0031:warning"), found(scan("deploy/app.env", "APP_SECRET=!ChangeMe!\n")));
    }

    /** Issue 10, held-out 10a corpus class "documentation sources": a docs_src/ tutorial's {@code create_engine(…)} URL. */
    @Test
    void aDocsSourceTutorialIsDocumentation() {
        assertEquals(List.of(), found(scan("docs_src/dependencies/tutorial013.py",
                "engine = create_engine(\"postgresql+psycopg://postgres:" + Fake.token(12) + "@localhost/db\")\n")));
    }

    /**
     * Issue 10, session 13 class "a certificate under a key header" (a settings form's placeholder: the first lines of
     * an X.509 certificate written under "BEGIN PRIVATE KEY", in a TSX string): an unencrypted private key's DER starts
     * with its version INTEGER, a certificate's with the SEQUENCE it signs; such a block is no key. A real key (made
     * here, PKCS#8 EC) in the same place stays an error.
     */
    @Test
    void aCertificateUnderAKeyHeaderIsNoKey() throws java.security.GeneralSecurityException {
        String dashes = "-----";
        java.util.function.Function<byte[], String> pem = der -> dashes + "BEGIN PRIVATE KEY" + dashes + "\\n"
                + java.util.Base64.getEncoder().encodeToString(der) + "\\n" + dashes + "END PRIVATE KEY" + dashes;
        byte[] cert = new byte[96];
        new java.util.Random(7).nextBytes(cert);
        byte[] head = {0x30, (byte) 0x82, 0x05, 0x44, 0x30, (byte) 0x82, 0x04, 0x2c, (byte) 0xa0, 0x03, 0x02, 0x01, 0x02, 0x02, 0x14};
        System.arraycopy(head, 0, cert, 0, head.length);
        String form = "const privateKeyPlaceholder =\n\t\"" + pem.apply(cert) + "\";\n";
        assertEquals(List.of(), found(scan("apps/web/components/settings/certificate-form.tsx", form)));
        var gen = java.security.KeyPairGenerator.getInstance("EC");
        gen.initialize(256);
        byte[] key = gen.generateKeyPair().getPrivate().getEncoded();
        String real = "const privateKey =\n\t\"" + pem.apply(key) + "\";\n";
        assertEquals(List.of("SEC0001:error"), found(scan("apps/web/components/settings/certificate-form.tsx", real)));
        assertFalse(PemBlocks.holdsNoKey(java.util.Base64.getEncoder().encodeToString(key)));
        assertTrue(PemBlocks.holdsNoKey(java.util.Base64.getEncoder().encodeToString(cert)));
        // an encrypted PKCS#8 key (PBES2) under a plain key header: its first SEQUENCE is an algorithm identifier, a key
        byte[] encrypted = cert.clone();
        byte[] pbes2 = {0x30, (byte) 0x82, 0x05, 0x24, 0x30, 0x56, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x05, 0x0d};
        System.arraycopy(pbes2, 0, encrypted, 0, pbes2.length);
        assertFalse(PemBlocks.holdsNoKey(java.util.Base64.getEncoder().encodeToString(encrypted)));
        assertEquals(List.of("SEC0001:error"), found(scan("internal/keys_test.go", "input: \"" + pem.apply(encrypted) + "\",\n")));
    }


    /**
     * Issue 10, session 13 class "a call on an indexed element" (Python in a workflow's run block: {@code secret =
     * vols[0].get("secret", {})}, read up to the argument's quote): code, not a value. A literal under the same key in
     * the same file is still reported.
     */
    @Test
    void aCallOnAnIndexedElementIsCode() {
        String run = "jobs:\n  check:\n    steps:\n      - run: |\n          python3 - <<'PY'\n"
                + "          secret = vols[0].get(\"secret\", {})\n          token = items[\"a\"].lookup(\"token\")\n          PY\n";
        assertEquals(List.of(), found(scan(".github/workflows/chart.yml", run)));
        String literal = "jobs:\n  check:\n    env:\n      API_SECRET: \"" + Fake.token(28) + "\"\n";
        assertEquals(List.of("SEC0031:error"), found(scan(".github/workflows/chart.yml", literal)));
    }


    /**
     * Issue 10, held-out 13d classes "a translation tree whose locales are directories" ({@code public/language/sv/user.json},
     * {@code program/localization/es_AR/labels.inc}: {@code "password": "Lösenord"}) and "text in a human language"
     * (a label or a sentence in an accented or non-Latin script, anywhere): labels, not credentials. A file of code under
     * a directory that only looks like a locale code ({@code languages/go/main.go}) keeps its findings, and so does an
     * ASCII token under the same key.
     */
    @Test
    void translationsByLocaleDirectoryAndHumanLanguageTextAreNoSecrets() {
        assertEquals(List.of(), found(scan("public/language/sv/user.json", "{\n  \"password\": \"L\u00f6senord\",\n"
                + "  \"api.master-token-no-uid\": \"Ein Master-Token wurde ohne eine entsprechende `_uid` im Anfrage-Body empfangen\"\n}\n")));
        assertEquals(List.of(), found(scan("program/localization/es_AR/labels.inc", "<?php\n$labels['password'] = 'Contrase\u00f1a';\n")));
        assertEquals(List.of(), found(scan("plugins/auth/localization/km_KH.inc", "<?php\n$labels['newpasswd'] = '\u1796\u17b6\u1780\u17d2\u1799\u179f\u1798\u17d2\u1784\u17b6\u178f\u17cb';\n")));
        // the same values outside any translation tree: human-language text, not a credential
        assertEquals(List.of(), found(scan("config/ui.json", "{\"password\": \"Slapta\u017eodis\", \"token_hint\": \"\u1005\u1000\u102c\u1038\u101d\u103e\u1000\u103a \u1011\u100a\u1037\u103a\u1015\u102b\"}\n")));
        assertEquals(List.of("SEC0030:error"), found(scan("config/app.json", "{\"password\": \"" + Fake.token(14) + "\"}\n")));
        assertEquals(List.of("SEC0030:error"), found(scan("languages/go/main.go", "package main\n\nconst password = \"" + Fake.token(14) + "\"\n")));
        assertEquals(FileKind.I18N, FileKind.of("public/language/pt-BR/admin/settings/email.json"));
        assertEquals(FileKind.I18N, FileKind.of("program/localization/sr_CS/messages.inc"));
        assertEquals(FileKind.I18N, FileKind.of("public/language/en-x-pirate/user.json"));
        assertEquals(FileKind.CODE, FileKind.of("languages/go/main.go"));
        // translations by their platform's naming: Apple .strings and .lproj/, Flutter .arb, Java resource bundles
        assertEquals(List.of(), found(scan("ios/App/de.lproj/Localizable.strings", "\"password\" = \"Kennwort123\";\n")));
        assertEquals(List.of(), found(scan("src/main/resources/LoginBundle_de.properties", "password=Kennwort\nlogin.password=Passwortfeld\n")));
        assertEquals(List.of(), found(scan("lib/app_de.arb", "{\"password\": \"Kennwort\"}\n")));
        assertEquals(FileKind.I18N, FileKind.of("src/main/resources/i18n/Messages_pt_BR.properties"));
        assertEquals(FileKind.CONFIG, FileKind.of("src/main/resources/application_dev.properties"));
        assertEquals(List.of("SEC0030:error"), found(scan("src/main/resources/application_dev.properties", "db.password=" + Fake.token(14) + "\n")));
    }

    /**
     * Issue 10, held-out 13d classes "a name whose last word is not the secret" ({@code sendPasswordResetEmail} names an
     * email, {@code password_strength_driver} a driver), "an algorithm's name" ({@code password_ldap_encodage = 'md5-crypt'}), "a string concatenated in PHP" ({@code 'compose_data_' .
     * self::$ID}) and "a URI written as syntax" ({@code mongodb://[username:password@]host1[:port1]}, a format's
     * description): none is a credential.
     */
    @Test
    void namesOfOtherThingsConcatenationsAndUriSyntaxAreNoSecrets() {
        assertEquals(List.of(), found(scan("src/privileges/admin.js", "const map = {\n  'admin.user.sendPasswordResetEmail': 'admin:users',\n};\n")));
        assertEquals(List.of(), found(scan("config/config.inc.php", "<?php\n$config['password_strength_driver'] = 'pwned';\n")));
        assertEquals(List.of(), found(scan("config/config.inc.php", "<?php\n$config['password_ldap_encodage'] = 'md5-crypt';\n"
                + "$config['password_crypt_hash'] = 'cram-md5+md5-crypt';\n$config['session_secret_cipher'] = 'aes-256-gcm';\n")));
        assertTrue(Filters.isAlgorithmName("sha512-crypt"));
        assertFalse(Filters.isAlgorithmName("md5-" + Fake.token(10)));
        assertEquals(List.of(), found(scan("program/actions/upload.php", "<?php\nself::$SESSION_KEY = 'compose_data_' . self::$COMPOSE_ID;\n")));
        assertEquals(List.of(), found(scan("src/database/mongo.js", "const q = { description: 'Format: mongodb://[username:password@]host1[:port1][,host2[:port2]][/[database]]' };\n")));
        assertEquals(List.of("SEC0030:error"), found(scan("config/config.inc.php", "<?php\n$config['password_ldap_pass'] = '" + Fake.token(14) + "';\n")));
        assertEquals(List.of("SEC0020:error"), found(scan("src/database/mongo.js", "const uri = 'mongodb://app:" + Fake.token(14) + "@db.internal:27017/app';\n")));
        assertEquals(List.of("SEC0020:error"), found(scan("src/database/pg.js", "const uri = 'postgres://app:" + Fake.token(14) + "@[::1]:5432/app';\n")));
        // a random literal with something appended, and a method of a literal, are still the value
        assertEquals(List.of("SEC0030:error"), found(scan("src/auth.js", "const password = '" + Fake.token(20) + "' + suffix;\n")));
        assertEquals(List.of("SEC0030:error"), found(scan("src/auth.py", "password = \"" + Fake.token(14) + "\".encode()\n")));
    }

    /**
     * Issue 10, held-out 13d class "a configure input" ({@code web/regression/test_config.json.in}: {@code "login_password":
     * "PASSWORD"}, filled in by the build): a template, where only a real-looking value is reported.
     */
    @Test
    void configureInputsAreTemplates() {
        assertEquals(List.of(), found(scan("web/regression/test_config.json.in", "{\n  \"login_password\": \"PASSWORD\",\n"
                + "  \"db_password\": \"postgres\"\n}\n")));
        assertEquals(List.of("SEC0030:error"), found(scan("web/regression/test_config.json.in", "{\"db_password\": \""
                + Fake.token(16) + "\"}\n")));
        assertEquals(List.of("SEC0030:warning"), found(scan("web/regression/test_config.json", "{\"db_password\": \"postgres\"}\n")));
    }

    /**
     * Issue 10, held-out 13d classes (debops, a GKE Terraform module's examples, a .NET template): "a subscript in a
     * templated script" ({@code output['password'] = instance['password']} in an Ansible fact script {@code x.fact.j2}),
     * "a setting about a password" ({@code login_password_maxlen: 1024}, {@code pwdExpireWarning: '1209600'},
     * {@code password_hashing_algo: 'sha512'}), "a Secret's connection name" ({@code stringData.connectionName:
     * us-central1:wp-db}) and "a your-placeholder in symbols" ({@code Password=Your$tr0ngP@ss!}): none is a credential.
     * A random value in a Secret under a key that names none is still reported.
     */
    @Test
    void subscriptsPasswordSettingsConnectionNamesAndSymbolPlaceholders() {
        assertEquals(List.of(), found(scan("roles/redis/templates/etc/ansible/facts.d/redis.fact.j2",
                "#!{{ ansible_python['executable'] }}\nfor instance in instances:\n    output['password'] = instance['password']\n"
                + "    output['web_db_password'] = DATABASES['default']['PASSWORD']\n")));
        assertEquals(List.of(), found(scan("roles/app/defaults/main.yml", "login_password_maxlen: 1024\npwdExpireWarning: '1209600'\n"
                + "etherpad_password_hashing_algo: 'sha512'\n")));
        String secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: wp\ntype: Opaque\nstringData:\n"
                + "  connectionName: us-central1:wp-db\n";
        assertEquals(List.of(), found(scan("deploy/wordpress-bundle.yaml", secret)));
        assertEquals(List.of("SEC0040:error"), found(scan("deploy/wordpress-bundle.yaml", secret.replace("us-central1:wp-db", Fake.token(24)))));
        assertEquals(List.of(), found(scan("src/Web/Data/AppDbContextFactory.cs", "var cs = Environment.GetEnvironmentVariable(\"DB\")\n"
                + "    ?? \"Server=localhost,1433;Database=App;User ID=sa;Password=Your$tr0ngP@ss!;TrustServerCertificate=true\";\n")));
    }

    /** Issue 10, held-out 13d class "a prose file without an extension" (a plugin's {@code README}, {@code INSTALL}): documentation. */
    @Test
    void extensionlessProseFilesAreDocs() {
        for (String p : List.of("plugins/auth/README", "INSTALL", "docs-site/UPGRADING", "CHANGELOG")) {
            assertTrue(dev.devops.files.FileKinds.isDocs(p), p);
        }
        assertFalse(dev.devops.files.FileKinds.isDocs("bin/install"));
        assertEquals(List.of(), found(scan("plugins/auth/README", "Set it in config.inc.php:\n\n  $config['auth_api_token'] = '" + Fake.token(8).toLowerCase() + "';\n")));
    }

    /**
     * Issue 10, held-out 13b class "a test-only item gated on a feature too": Rust's integration test modules
     * ({@code #[cfg(all(test, feature = "x-integration-tests"))] mod integration_tests}) and a {@code *_tests.rs} module
     * file are test code; {@code #[cfg(any(test, …))]} is compiled into a normal build too, and stays code.
     */
    @Test
    void rustTestsGatedOnAFeatureAreTestCode() {
        String pw = "Q7" + Fake.token(14);
        String gated = "fn connect() {}\n\n#[cfg(all(test, feature = \"db-integration-tests\"))]\nmod integration_tests {\n"
                + "    fn auth() {\n        let password = \"" + pw + "\";\n    }\n}\n"
                + "#[cfg(all(test, unix, not(target_os = \"macos\")))]\nmod unix_tests {\n    const SECRET: &str = \"" + Fake.token(24) + "\";\n}\n";
        assertEquals(List.of(), found(scan("src/sources/db_metrics.rs", gated)));
        String either = "#[cfg(any(test, feature = \"mock\"))]\npub mod fixtures {\n    pub fn auth() {\n        let password = \"" + pw + "\";\n    }\n}\n";
        assertEquals(List.of("SEC0030:error"), found(scan("src/sources/db_metrics.rs", either)));
        assertEquals(List.of(), found(scan("src/http/transport_tests.rs", "const PROXY_PASSWORD: &str = \"" + pw + "\";\n")));
        assertTrue(InlineTests.testOnly("all(test, feature = \"a,b\")"));
        assertFalse(InlineTests.testOnly("all(feature = \"test\", unix)"));
        assertFalse(InlineTests.testOnly("not(test)"));
    }

    /**
     * Issue 10, held-out 13b class "a publishable client key": PostHog's project key ({@code phc_…}) in a recorded
     * request body, Datadog's browser client token ({@code pub…}) in a docs site's config, a publishable key
     * ({@code pk_live_…}): shipped to every browser by design. A random value of the same keys is still a secret.
     */
    @Test
    void aPublishableClientKeyIsNoSecret() {
        assertEquals(List.of(), found(scan("agent-fixtures/cassette.yaml",
                "body: '{\"api_key\": \"phc_" + Fake.token(43) + "\", \"batch\": []}'\n")));
        assertEquals(List.of(), found(scan("website/config.toml", "[params.datadog]\nclient_token = \"pub" + Fake.hex(32) + "\"\n")));
        assertEquals(List.of(), found(scan("web/config.yaml", "stripe:\n  api_key: pk_live_" + Fake.token(24) + "\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("website/config.toml", "client_token = \"" + Fake.token(35) + "\"\n")));
    }

    /**
     * Issue 10, held-out 13b class "a pattern anchored at both ends": a password rule's {@code PasswordPatten = `^.{8,32}$`}
     * (misspelt, so its name does not say pattern).
     */
    @Test
    void anAnchoredPatternIsNoPassword() {
        assertEquals(List.of(), found(scan("common/common.go", "const (\n\tPasswordPatten = `^.{8,32}$`\n"
                + "\tAdminPassword = \"^[A-Za-z0-9]+$\"\n)\n")));
        assertEquals(List.of("SEC0030:error"), found(scan("common/common.go", "const Password = `^" + Fake.token(14) + "$`\n")));
    }

    /**
     * Issue 10, held-out 13b class "a Secret's base64 data read as the value": a rendered chart's
     * {@code kind: Secret} gives {@code admin-password: "YWRtaW4="}, base64 of a default; the name-based detectors judged
     * the encoding (an error), SEC0040 judges what it decodes to (a warning in runnable config, nothing in an example).
     */
    @Test
    void aSecretsDataIsJudgedDecoded() {
        String secret = "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: grafana\ntype: Opaque\ndata:\n  \n"
                + "  admin-user: \"YWRtaW4=\"\n  admin-password: \"YWRtaW4=\"\n";
        assertEquals(List.of("SEC0040:warning"), found(scan("deploy/grafana/secret.yaml", secret)));
        assertEquals(List.of(), found(scan("charts/app/examples/default/rendered/grafana/secret.yaml", secret)));
        String random = java.util.Base64.getEncoder().encodeToString(Fake.token(24).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of("SEC0040:error"), found(scan("deploy/grafana/secret.yaml",
                secret.replace("admin-password: \"YWRtaW4=", "admin-password: \"" + random))));
        // a ConfigMap's data is no Secret: its plain values are judged as they are
        assertEquals(List.of("SEC0030:error"), found(scan("deploy/cm.yaml",
                "kind: ConfigMap\ndata:\n  admin-password: \"" + Fake.token(16) + "\"\n")));
    }

    /**
     * Issue 10, held-out 13b class "a NATS JWT": operator, account and user JWTs signed with an nkey
     * ({@code "alg":"ed25519-nkey"}) are public claims a server config preloads; a bearer JWT in the same file stays an error.
     */
    @Test
    void aNatsNkeyJwtIsNoCredential() {
        String nats = Fake.jwt("{\"typ\":\"JWT\",\"alg\":\"ed25519-nkey\"}");
        assertEquals(List.of(), found(scan("server/configs/op.conf",
                "operator = \"" + nats + "\"\nresolver_preload = {\n  AD4M: \"" + nats + "\"\n}\n")));
        assertEquals(List.of("SEC0010:error"), found(scan("server/configs/op.conf",
                "token = \"" + Fake.jwt("{\"typ\":\"JWT\",\"alg\":\"HS256\"}") + "\"\n")));
    }

    /**
     * Issue 10, held-out 13b class "an enum constant of a secret's kinds": Go's {@code TokenTypeVerification =
     * "verification"} names a kind of token; a token constant with a random value is still reported.
     */
    @Test
    void anEnumConstantOfTokenKindsIsNoSecret() {
        assertEquals(List.of(), found(scan("core/record_tokens.go", "const (\n\tTokenTypeVerification = \"verification\"\n"
                + "\tTokenTypePasswordReset = \"passwordReset\"\n\tPasswordKindOneTime = \"one-time-code\"\n)\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("core/record_tokens.go", "const AdminToken = \"" + Fake.token(24) + "\"\n")));
    }

    /**
     * Issue 10, held-out 13b class "a Starlark or Ruby DSL file by name": a {@code Tiltfile} lists resources as
     * {@code 'argocd-secret:secret'} (a name and its kind), read as runnable config it was a default secret. It is code
     * now, where a literal secret is still reported.
     */
    @Test
    void aTiltfileIsCode() {
        assertEquals(List.of(), found(scan("Tiltfile", "k8s_resource(\n    objects=[\n        'argocd-secret:secret',\n    ],\n)\n")));
        assertEquals(List.of("SEC0031:error"), found(scan("Tiltfile", "api_secret = '" + Fake.token(24) + "'\n")));
        assertTrue(dev.devops.files.FileKinds.isSourceCode("deploy/Tiltfile"));
        assertTrue(dev.devops.files.FileKinds.isSourceCode("Rakefile"));
    }

    /**
     * Issue 10, held-out 13b class "a bundler's chunk under dist/assets/": Vite writes {@code ui/dist/assets/docsCreate-Ap21j9FE.js};
     * it is built code as {@code dist/app.js} is. A source file of the same name is still code.
     */
    @Test
    void aBundlersChunkIsVendored() {
        assertTrue(dev.devops.files.FileKinds.isVendored("ui/dist/assets/docsCreate-Ap21j9FE.js"));
        assertTrue(dev.devops.files.FileKinds.isVendored("web/dist/js/app.3f2a.js"));
        assertFalse(dev.devops.files.FileKinds.isVendored("ui/src/assets/docsCreate.js"));
        assertFalse(dev.devops.files.FileKinds.isVendored("ui/dist/assets/config.yaml"));
    }

    /**
     * Issue 10, held-out 13b class "a docs site's reference data": CUE files that describe a setting with
     * {@code description: """ … amqp://user:password@host …"""}, a list of samples {@code examples: ["amqp://user:password@127.0.0.1"]},
     * or a Markdown body with a fenced sample configuration. A URI with a password in the CUE a stack runs with is still reported.
     */
    @Test
    void aDocsSitesReferenceDataIsDocumentation() {
        String cue = "configuration: {\n\tconnection_string: {\n\t\tdescription: \"\"\"\n"
                + "\t\t\tConnection string in the format of amqp://user:password@host:port/vhost?timeout=seconds.\n\t\t\t\"\"\"\n"
                + "\t\ttype: string: {\n\t\t\texamples: [\"amqp://user:password@127.0.0.1:5672/%2f?timeout=10\"]\n\t\t}\n\t}\n}\n"
                + "how_it_works: {\n\tbody: \"\"\"\n\t\tHere is a configuration:\n\n\t\t```yaml\n\t\tsinks:\n\t\t  out:\n"
                + "\t\t    password: \"test\"\n\t\t    endpoint: postgres://postgres:password123@localhost/test\n\t\t```\n\t\t\"\"\"\n}\n";
        assertEquals(List.of(), found(scan("website/cue/reference/components/amqp.cue", cue)));
        assertEquals(List.of("SEC0020:error"), found(scan("deploy/app.cue",
                "app: endpoint: \"postgres://app:" + Fake.token(16) + "@db.internal/app\"\n")));
    }

    /**
     * Held-out 14b, class "a CustomResourceDefinition's description prose" ({@code description: The secret retrieval
     * type. SECRET = Secrets Safe …}, a block scalar listing {@code - aws_secret_access_key: Secret Access Key, …}): a
     * CRD is the OpenAPI schema of a resource, documentation; a bundle that also holds other kinds is configuration.
     */
    @Test
    void aCustomResourceDefinitionIsASchema() {
        String crd = "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: secretstores.acme.io\n"
                + "spec:\n  versions:\n  - schema:\n      openAPIV3Schema:\n        properties:\n          retrievalType:\n"
                + "            description: The secret retrieval type. SECRET = Secrets\n              Safe (credential, text, file).\n"
                + "          auth:\n            description: |-\n              Secret should be created with below names for keys\n"
                + "              - aws_secret_access_key: Secret Access Key, which is used to authenticate requests.\n";
        assertEquals(List.of(), found(scan("config/crds/bases/acme.io_secretstores.yaml", crd)));
        String pw = Fake.token(20);
        assertTrue(found(scan("deploy/install.yaml", crd
                + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  db_password: " + pw + "\n")).contains("SEC0030:error"), pw);
    }

    /**
     * Held-out 14b, class "an end-to-end run's setup script" ({@code scripts/e2e-cluster-setup.sh} putting
     * {@code db_password="app1-db-pass-v1"} into a throwaway dev-mode Vault): a test file by its name; the same line in
     * a deploy script is still reported.
     */
    @Test
    void anEndToEndSetupScriptIsATestFile() {
        String line = "kubectl exec vault-0 -- vault kv put secret/app1 api_key=\"app1-api-key-v1\" db_password=\"app1-db-pass-v1\"\n";
        assertEquals(List.of(), found(scan("scripts/e2e-cluster-setup.sh", line)));
        assertEquals(List.of(), found(scan("hack/run_e2e.sh", line)));
        assertEquals(List.of("SEC0031:warning", "SEC0030:warning"), found(scan("scripts/cluster-setup.sh", line)));
    }

    /**
     * Held-out 14b, class "a command quoted as code" (a comment's {@code `curl -u user:pass`}): the backtick ends the
     * pair, and user:pass is a placeholder; a pair with a random password is still reported.
     */
    @Test
    void aBacktickEndsACurlUserPair() {
        assertEquals(List.of(), found(scan("web/src/components/ServiceAccountsList.vue",
                "      // `curl -u user:pass` builds the Basic auth header itself, so the example\n")));
        String pw = Fake.token(16);
        assertEquals(List.of("SEC0022:error"), found(scan("web/src/components/Help.vue",
                "      // `curl -u deploy:" + pw + "` uploads the build\n")), pw);
    }

    /**
     * Held-out 14b, class "the password manager's name" ({@code CallOnePasswordSDKResolve = "Resolve"}): 1Password is a
     * product, not a password; its token is still a secret by its own word.
     */
    @Test
    void onePasswordIsAProductName() {
        assertEquals(List.of(), found(scan("runtime/constants/constants.go", "\tCallOnePasswordSDKResolve = \"Resolve\"\n")));
        assertEquals(List.of(), found(scan("runtime/constants/constants.go", "\tONEPASSWORD_VAULT = \"Resolve\"\n")));
        String t = Fake.token(24);
        assertEquals(List.of("SEC0031:error"), found(scan("app/config.go", "\tOnePasswordToken = \"" + t + "\"\n")), t);
    }

    /**
     * Held-out 14b, class "a status map's entry" ({@code pass: "success"} beside {@code passed: "success"}): the outcome
     * of a check, not a password; a random value under the same key is still reported.
     */
    @Test
    void aPassKeyWithAnOutcomeIsAStatus() {
        assertEquals(List.of(), found(scan("web/src/lib/statusVariant.ts", "  passed: \"success\",\n  pass: \"success\",\n  fail: \"error\",\n")));
        String pw = Fake.token(16);
        assertEquals(List.of("SEC0030:error"), found(scan("web/src/lib/db.ts", "  pass: \"" + pw + "\",\n")), pw);
    }
}
