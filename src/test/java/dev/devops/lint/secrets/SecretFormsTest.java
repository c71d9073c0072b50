package dev.devops.lint.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.lint.Allowlist;
import dev.devops.lint.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The credential forms issue 10 found missed: client variables, connection strings, fallbacks, basic auth,
 * client credential files, hex keys in dotenv files and binary keystores. Every value is built at run time.
 */
class SecretFormsTest {
    private static final SecretScanner SCANNER = new SecretScanner(List.of(Fake.testRule(null)));

    /** A password-shaped value: mixed case and digits, 14 characters. */
    private static String pw() {
        return "Q7" + Fake.token(12);
    }

    static List<String> ids(String path, String text) {
        return SCANNER.scan(path, text, null, null, Allowlist.NONE, false).stream().map(f -> f.rule().id()).toList();
    }

    static List<String> idsAndSeverity(String path, String text) {
        return SCANNER.scan(path, text, null, null, Allowlist.NONE, false).stream()
                .map(f -> f.rule().id() + ":" + f.severity().id()).toList();
    }

    static List<String> fileIds(String path, byte[] bytes) {
        return SCANNER.scanFile(path, bytes, Allowlist.NONE, true).stream().map(f -> f.rule().id()).toList();
    }

    // ---- client variables: PGPASSWORD, MYSQL_PWD, REDISCLI_AUTH in workflow env:, Makefile :=, shell export

    @ParameterizedTest
    @ValueSource(strings = {"PGPASSWORD", "MYSQL_PWD", "REDISCLI_AUTH", "SSHPASS", "SQLCMDPASSWORD"})
    void clientCredentialVariables(String name) {
        String v = pw();
        assertEquals(List.of("SEC0030"), ids(".github/workflows/ci.yml",
                "jobs:\n  test:\n    env:\n      " + name + ": " + v + "\n    steps: []\n"));
        assertEquals(List.of("SEC0030"), ids("Makefile", name + " := " + v + "\n\ntest:\n\tpsql -c 'select 1'\n"));
        assertEquals(List.of("SEC0030"), ids("scripts/db.sh", "#!/bin/sh\nexport " + name + "=" + v + "\npsql\n"));
        // references and placeholders are not values
        assertEquals(List.of(), ids(".github/workflows/ci.yml", "env:\n  " + name + ": ${{ secrets.DB }}\n"));
        assertEquals(List.of(), ids("Makefile", name + " := $(DB_PASSWORD)\n"));
        assertEquals(List.of(), ids("scripts/db.sh", "export " + name + "=\"${DB_PASSWORD}\"\n"));
        // a default in a script the stack runs is the credential it runs with: a warning, not a placeholder
        assertEquals(List.of("SEC0030:warning"), idsAndSeverity("scripts/db.sh", "export " + name + "=changeme\n"));
    }

    @Test
    void compoundPasswordWordsButNotOtherWords() {
        assertEquals(Assignments.Kind.PASSWORD, Assignments.classify("PGPASSWORD"));
        assertEquals(Assignments.Kind.PASSWORD, Assignments.classify("REDISCLI_AUTH"));
        assertEquals(null, Assignments.classify("BYPASS"));
        assertEquals(null, Assignments.classify("AUTH"));
        assertEquals(null, Assignments.classify("REDIS_AUTH_ENABLED"));
        // held-out 11a: an SDP offer's a=ice-pwd is the password each call draws for itself (a captured session)
        assertEquals(null, Assignments.classify("ice-pwd"));
        assertEquals(Assignments.Kind.PASSWORD, Assignments.classify("ICE_SERVER_PASSWORD"));
        assertEquals(Assignments.Kind.PASSWORD, Assignments.classify("pwd"));
    }

    // ---- XML attributes and Terraform / HCL (recognised by the assignment detector; kept as regression tests)

    @Test
    void xmlAttributesAndHcl() {
        String v = pw();
        String s = "s" + Fake.token(20);
        assertEquals(List.of("SEC0030", "SEC0031"), ids("conf/server.xml",
                "<Server>\n  <user name=\"app\" password=\"" + v + "\"/>\n  <client id=\"x\" secret=\"" + s + "\"/>\n</Server>\n"));
        assertEquals(List.of(), ids("conf/server.xml", "<user name=\"app\" password=\"${db.password}\"/>\n"));
        assertEquals(List.of("SEC0030"), ids("infra/main.tf",
                "resource \"aws_db_instance\" \"db\" {\n  username = \"app\"\n  password = \"" + v + "\"\n}\n"));
        assertEquals(List.of(), ids("infra/main.tf", "resource \"aws_db_instance\" \"db\" {\n  password = var.db_password\n}\n"));
    }

    /**
     * Corpus class "psql variable": an init script sets {@code \\set pgpass `echo "$POSTGRES_PASSWORD"`} and then
     * {@code ALTER USER app WITH PASSWORD :'pgpass'}: the quoted word is the variable's name. A literal after the same
     * statement, and a JavaScript key written {@code password :'…'}, are still read.
     */
    @Test
    void aPsqlVariableIsNoPassword() {
        String v = pw();
        assertEquals(List.of(), ids("docker-compose.yml", "services:\n  db:\n    image: postgres:16\n    command: |\n"
                + "      psql <<EOF\n      ALTER USER authenticator WITH PASSWORD :'pgpass';\n"
                + "      CREATE ROLE app LOGIN PASSWORD :\"app_pass\";\n      EOF\n"));
        assertEquals(List.of("SEC0030"), ids("db/init.sql", "ALTER USER authenticator WITH PASSWORD '" + v + "';\n"));
        assertEquals(List.of("SEC0030"), ids("src/db.js", "const cfg = {password :'" + v + "'};\n"));
    }

    /**
     * Corpus class "printed usage text": a help script echoes example commands after a prompt ({@code echo -e "\\t$ snap
     * set app mail-service-password='…'"}); a script that echoes a password into a file still reports it.
     */
    @Test
    void anEchoedExampleCommandIsUsageText() {
        String v = pw();
        assertEquals(List.of(), ids("bin/app-help", "#!/bin/sh\necho -e \"\\t$ snap set $SNAP_NAME mail-service-password='" + v
                + "'\"\necho \"  $ docker run -e ADMIN_PASSWORD=" + v + " app\"\n"));
        assertEquals(List.of("SEC0030"), ids("bin/setup.sh", "#!/bin/sh\necho \"ADMIN_PASSWORD=" + v + "\" >> .env\n"));
    }

    /**
     * Corpus class "setting key name": a table of setting names ({@code KEY_MAIL_SERVICE_PASSWORD="mail-service-password"},
     * {@code PASSWORD_FIELD = 'password'}); a value beside a naming word that is not the key's own words is still read.
     */
    @Test
    void aConstantNamingItsOwnSettingIsNoValue() {
        assertTrue(Assignments.namesItself("KEY_MAIL_SERVICE_PASSWORD", "mailservicepassword"));
        assertTrue(Assignments.namesItself("passwordField", "password"));
        assertTrue(Assignments.namesItself("HEADER_X_API_TOKEN", "xapitoken"));
        assertFalse(Assignments.namesItself("KEY_MAIL_SERVICE_PASSWORD", "mailpass"));
        assertFalse(Assignments.namesItself("DB_PASSWORD", "password"));
        assertFalse(Assignments.namesItself("SECRET_KEY", "secret"));
        assertEquals(List.of(), ids("bin/config", "KEY_MAIL_SERVICE_PASSWORD=\"mail-service-password\"\nKEY_OAUTH2_SECRET=\"oauth2-secret\"\n"));
        assertEquals(List.of("SEC0030"), ids("bin/config", "KEY_MAIL_SERVICE_PASSWORD=\"" + pw() + "\"\n"));
    }

    /**
     * Held-out 11d, class "seed data stores the password's hash": a Liquibase core-data changelog's users row
     * ({@code <column name="password" value="<39 hex digits>"/> <column name="salt" …/>}, a SHA digest printed without
     * its leading zero). The same hex under a password key in an env file is a generated password and still reported.
     */
    @Test
    void aSeedRowStoresThePasswordsHash() {
        String hex = Fake.hex(39);
        assertEquals(List.of(), ids("api/src/main/resources/liquibase-core-data.xml", "<databaseChangeLog>\n  <changeSet id=\"1\">\n"
                + "    <insert tableName=\"users\">\n      <column name=\"system_id\" value=\"admin\"/>\n"
                + "      <column name=\"password\" value=\"" + hex + "\"/>\n      <column name=\"salt\" value=\"" + Fake.hex(40)
                + "\"/>\n    </insert>\n  </changeSet>\n</databaseChangeLog>\n"));
        assertEquals(List.of("SEC0030"), ids("deploy/app.env", "DB_PASSWORD=" + Fake.hex(32) + "\n"));
    }

    // ---- keyword connection strings

    @Test
    void adoNetOdbcAndLibpqConnectionStrings() {
        String v = pw();
        // the severity model: nothing in tests and docs, a development default is a warning
        assertEquals(List.of(), ids("tests/DbTests.cs", "var cs = \"Server=db;Database=app;User Id=sa;Password=" + v + ";\";\n"));
        assertEquals(List.of("SEC0021:warning"), idsAndSeverity("appsettings.json",
                "{\"Db\": \"Server=db;Database=app;User Id=sa;Password=admin123;\"}\n"));
        assertEquals(List.of(), ids("tests/api.sh", "curl -u admin:" + v + " http://localhost/api\n"));
        assertEquals(List.of("SEC0021"), ids("src/Data/Db.cs",
                "var cs = \"Server=db;Database=app;User Id=sa;Password=" + v + ";TrustServerCertificate=true\";\n"));
        assertEquals(List.of("SEC0021"), ids("src/odbc.py",
                "conn = pyodbc.connect('DRIVER={ODBC Driver 18};SERVER=db;UID=sa;PWD={" + v + "}')\n"));
        assertEquals(List.of("SEC0021"), ids("app/db.py",
                "conn = psycopg2.connect(\"host=db user=app password=" + v + " dbname=app\")\n"));
        assertEquals(List.of("SEC0021"), ids("appsettings.json",
                "{\"ConnectionStrings\": {\"Default\": \"Data Source=db;Initial Catalog=app;User ID=sa;Password=" + v + "\"}}\n"));
    }

    @Test
    void connectionStringsWithoutALiteralPassword() {
        assertEquals(List.of(), ids("src/Db.cs", "var cs = $\"Server=db;User Id=sa;Password={password};\";\n"));
        assertEquals(List.of(), ids("src/Db.cs", "var cs = \"Server=db;User Id=sa;Password=\" + pwd + \";\";\n"));
        assertEquals(List.of(), ids("src/db.go", "dsn := fmt.Sprintf(\"host=%s user=%s password=%s dbname=%s\", h, u, p, d)\n"));
        assertEquals(List.of(), ids("appsettings.json", "{\"Default\": \"Server=db;User Id=sa;Password=${DB_PASSWORD}\"}\n"));
        assertEquals(List.of(), ids("appsettings.json", "{\"Default\": \"Server=db;User Id=sa;Password=<password>\"}\n"));
        // keyword arguments are not a connection string (flasky@3beedd6 tests/test_selenium.py)
        assertEquals(List.of(), ids("tests/test_app.py", "admin = User(email='a@b.c', username='john', pass" + "word='cat', role=r)\n"));
        assertEquals(List.of(), ids("app/db.py", "conn = psycopg2.connect(host='db', user='app', password=pw, dbname='app')\n"));
        assertEquals(List.of(), ids("src/app.py", "PASSWORD_RE = re.compile(r'password=(\\S+)')\n"));
        // a template's {{ variable }} (Jinja, Go templates, Helm) in a libpq string: the value is filled in at deploy time
        assertEquals(List.of(), ids("roles/app/templates/app.conf",
                "DATABASE_URL=user={{ db_user }} password={{ db_user_password }} dbname={{ db }} sslmode=disable\n"));
        assertEquals(List.of(), ids("config/app.conf", "DSN=host=db user=app password={{.DbPassword}} dbname=app\n"));
    }

    // ---- literal fallbacks of secret-named variables

    @Test
    void fallbackSecrets() {
        String s = "k" + Fake.token(30);
        String v = pw();
        assertEquals(List.of("SEC0031"), ids("app/config.py", "SECRET_KEY = os.environ.get('SECRET_KEY') or '" + s + "'\n"));
        assertEquals(List.of("SEC0030"), ids("app/config.py", "DB_PASS = os.getenv(\"DB_PASS\", \"" + v + "\")\n"));
        assertEquals(List.of("SEC0030"), ids("app/settings.py", "PASSWORD = os.environ.get('DB_PASSWORD', '" + v + "')\n"));
        assertEquals(List.of("SEC0031"), ids("src/config.js", "const secret = process.env.JWT_SECRET || '" + s + "';\n"));
        assertEquals(List.of("SEC0031"), ids("src/config.ts", "export const key = process.env['API_KEY'] ?? \"" + s + "\";\n"));
        assertEquals(List.of("SEC0031"), ids("config/app.rb", "TOKEN = ENV.fetch('API_TOKEN', '" + s + "')\n"));
        assertEquals(List.of("SEC0030"), ids("main.go", "pw := getEnv(\"DB_PASSWORD\", \"" + v + "\")\n"));
        String msg = SCANNER.scan("app/config.py", "SECRET_KEY = os.environ.get('SECRET_KEY') or '" + s + "'\n", null, null,
                Allowlist.NONE, true).get(0).message();
        assertTrue(msg.contains("fallback when SECRET_KEY is unset"), msg);
    }

    @Test
    void fallbacksThatAreNotSecrets() {
        assertEquals(List.of(), ids("app/config.py", "PORT = os.getenv('PORT', '8000')\n"));
        // a default fallback is what a deployment that forgets the variable runs with: a warning, not a placeholder
        assertEquals(List.of("SEC0031:warning"), idsAndSeverity("app/config.py", "SECRET_KEY = os.environ.get('SECRET_KEY') or 'changeme'\n"));
        assertEquals(List.of(), ids("app/config.py", "SECRET_KEY = os.environ.get('SECRET_KEY', '')\n"));
        assertEquals(List.of(), ids("src/config.js", "const url = process.env.DATABASE_URL || 'postgres://localhost/app';\n"));
        assertEquals(List.of(), ids("src/config.js", "const secret = process.env.JWT_SECRET || 'your-jwt-secret';\n"));
    }

    // ---- HTTP basic auth

    @Test
    void curlUserAndBasicAuthorization() {
        String v = pw();
        assertEquals(List.of("SEC0022"), ids("scripts/deploy.sh", "curl -fsS -u deploy:" + v + " https://ci.example.org/api\n"));
        assertEquals(List.of("SEC0022"), ids("Makefile", "push:\n\tcurl --user 'deploy:" + v + "' -X POST https://h/api\n"));
        String basic = Fake.b64("deploy:" + v);
        assertEquals(List.of("SEC0022"), ids("scripts/deploy.sh", "curl -H \"Authorization: Basic " + basic + "\" https://h\n"));
        assertEquals(List.of("SEC0022"), ids("src/client.js", "headers: { Authorization: 'Basic " + basic + "' }\n"));
    }

    @Test
    void basicAuthReferencesAndNonCredentials() {
        assertEquals(List.of(), ids("scripts/deploy.sh", "curl -u \"$USER:$PASSWORD\" https://h\n"));
        assertEquals(List.of(), ids("scripts/deploy.sh", "curl -u deploy:${DEPLOY_TOKEN} https://h\n"));
        assertEquals(List.of(), ids("scripts/deploy.sh", "curl -u admin:<password> https://h\n"));
        assertEquals(List.of(), ids("src/client.js", "headers: { Authorization: 'Basic ' + btoa(user + ':' + pw) }\n"));
        // base64 that decodes to no user:password pair
        assertEquals(List.of(), ids("src/client.js", "auth = 'Basic " + Fake.b64("just-a-token-" + Fake.token(8)) + "'\n"));
        assertEquals(List.of(), ids("src/client.js", "const mode = 'Basic Settings';\n"));
    }

    // ---- client credential files

    @Test
    void netrcAndPgpass() {
        String v = pw();
        assertEquals(List.of("SEC0030"), ids(".netrc", "machine api.example.org\n  login me\n  password " + v + "\n"));
        assertEquals(List.of("SEC0030"), ids("Dockerfile",
                "FROM alpine\nRUN echo \"machine git.example.org login ci password " + v + "\" > /root/.netrc\n"));
        assertEquals(List.of(), ids(".netrc", "machine api.example.org login me password $TOKEN\n"));
        assertEquals(List.of(), ids("README.txt", "Set a password for the new user, then log in.\n"));
        // the word "default" in code is no netrc entry
        assertEquals(List.of(), ids("src/Rules.java", "String m = \"development default \" + \"password inside the URL\";\n"));
        assertEquals(List.of("SEC0030"), ids("Dockerfile",
                "FROM alpine\nRUN echo \"default login ci password " + v + "\" > /root/.netrc\n"));
        assertEquals(List.of("SEC0030"), ids(".pgpass", "# host:port:db:user:password\ndb:5432:app:app:" + v + "\n"));
        assertEquals(List.of("SEC0030:warning"), idsAndSeverity(".pgpass", "db:5432:*:app:changeme\n"));
    }

    @Test
    void npmrcPypircAndDockerConfig() {
        String t = Fake.token(36);
        assertEquals(List.of("SEC0031"), ids(".npmrc", "//registry.npmjs.org/:_authToken=" + t + "\n"));
        assertEquals(List.of(), ids(".npmrc", "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n"));
        // a registry-scoped key starts with // but is no comment, in whatever file it is written
        assertEquals(List.of("SEC0031"), ids("ci/npmrc.tmpl.conf", "//npm.example.org/api/:_authToken=" + t + "\n"));
        assertEquals(List.of(), ids("src/app.js", "// token=" + t + "\n"));
        assertEquals(List.of("SEC0030"), ids(".pypirc", "[pypi]\nusername = me\npassword = " + pw() + "\n"));
        assertEquals(List.of(), ids(".pypirc", "[pypi]\nusername = __token__\npassword = <your-pypi-token>\n"));
    }

    // ---- a generated hex key under a secret name in a dotenv file

    @Test
    void hexKeyInADotenvFile() {
        String hex = Fake.hex(64); // uniform hex: the hex of an ASCII token fell under the entropy floor in ~1 draw of 90
        assertEquals(64, hex.length());
        assertEquals(List.of("SEC0031"), ids("deploy/.env.production", "APP_SECRET_KEY=" + hex + "\n"));
        assertEquals(List.of("SEC0051"), ids(".env.example", "APP_SECRET_KEY=" + hex + "\n"));
        // in code a 64-hex literal is still a digest
        assertEquals(List.of(), ids("src/sums.py", "IMAGE_DIGEST_TOKEN = \"" + hex + "\"\n"));
        assertEquals(List.of(), ids(".env.production", "BUILD_COMMIT=" + hex.substring(0, 40) + "\n"));
    }

    // ---- files a compose env_file reaches are env files, whatever their names

    /** A compose file whose env_file reaches config/app.conf; config/other.conf, beside it, is reached by nothing. */
    private static void composeWithEnvFile(Path dir) throws IOException {
        String hex = Fake.hex(64); // uniform hex: the hex of an ASCII token fell under the entropy floor in ~1 draw of 90
        Files.createDirectories(dir.resolve("deploy/compose"));
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("deploy/compose/basic.yml"),
                "services:\n  app:\n    image: example/app:1.0\n    env_file:\n      - ../../config/app.conf\n");
        Files.writeString(dir.resolve("config/app.conf"), "APP_SECRET_KEY=" + hex + "\n");
        Files.writeString(dir.resolve("config/other.conf"), "APP_SECRET_KEY=" + hex + "\n");
    }

    @Test
    void composeEnvFileTargetsAreEnvFiles(@TempDir Path dir) throws IOException {
        composeWithEnvFile(dir);
        List<String> files = List.of("config/app.conf", "config/other.conf", "deploy/compose/basic.yml");
        dev.devops.lint.LintContext ctx = new dev.devops.lint.LintContext(dir, files, java.util.Set.copyOf(files), null);
        assertEquals(java.util.Set.of("deploy/compose/basic.yml"), ctx.composeFiles());
        assertEquals(java.util.Set.of("config/app.conf"), ctx.composeEnvFiles());
        List<Finding> found = new ArrayList<>();
        new SecretsCheck(List.of(Fake.testRule(null))).run(ctx, found::add);
        // other.conf is no env file (no SEC0050), but a secret-named key holding 64 hex digits in configuration is a
        // generated key wherever it is (held-out 4: api-platform's CI env:), so SEC0031 there too
        assertEquals(List.of("config/app.conf:SEC0031", "config/app.conf:SEC0050", "config/other.conf:SEC0031"),
                found.stream().map(f -> f.path() + ":" + f.rule().id()).sorted().toList());
    }

    /**
     * The same tree read while it is walked ({@link dev.devops.lint.FileFeed}, a lint of a plain directory): app.conf is
     * listed before the compose file that makes it an env file, so it waits for the end of the walk and is still an env
     * file (SEC0050 needs one; the tracked set stands in for git here).
     */
    @Test
    void composeEnvFileTargetsAreEnvFilesWhenTheTreeIsReadAsItIsWalked(@TempDir Path dir) throws IOException {
        composeWithEnvFile(dir);
        Files.writeString(dir.resolve("src.py"), "token = \"" + Fake.testToken() + "\"\n");
        dev.devops.lint.FileFeed feed = dev.devops.lint.FileFeed.walk(dir);
        dev.devops.lint.LintContext ctx = new dev.devops.lint.LintContext(dir, feed,
                java.util.Set.of("config/app.conf", "config/other.conf", "deploy/compose/basic.yml", "src.py"), null);
        List<Finding> found = new ArrayList<>();
        new SecretsCheck(List.of(Fake.testRule(null))).run(ctx, found::add);
        assertEquals(List.of("config/app.conf:SEC0031", "config/app.conf:SEC0050", "config/other.conf:SEC0031", "src.py:SEC0901"),
                found.stream().map(f -> f.path() + ":" + f.rule().id()).sorted().toList());
        assertEquals(List.of("config/app.conf", "config/other.conf", "deploy/compose/basic.yml", "src.py"), ctx.files(),
                "as a list, the feed is every file, sorted");
    }

    /**
     * A file read with the size its walk listed (no second stat): a file that grew since is read to the size listed,
     * one that shrank to its end, and one gone since is skipped without being counted unreadable.
     */
    @Test
    void aFileReadWithItsListedSize(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.txt"), "0123456789");
        dev.devops.lint.LintContext ctx = new dev.devops.lint.LintContext(dir, List.of("a.txt"), java.util.Set.of(), null);
        assertEquals("01234", new String(bytesOf(ctx.readBytes("a.txt", null, null, 5))), "grew after the walk");
        assertEquals("0123456789", new String(bytesOf(ctx.readBytes("a.txt", null, null, 20))), "shrank after the walk");
        assertEquals(null, ctx.readBytes("gone.txt", null, null, 4));
        assertEquals(0, ctx.stats().unreadableCount(), "a file gone since the walk is no unreadable file");
        assertEquals(null, ctx.readBytes("a.txt", null, null, dev.devops.lint.LintContext.DEFAULT_MAX_FILE_SIZE + 1));
    }

    private static byte[] bytesOf(dev.devops.lint.LintContext.Bytes b) {
        return java.util.Arrays.copyOf(b.array(), b.length());
    }

    // ---- binary keystores

    @Test
    void keystoresHoldingAPrivateKey(@TempDir Path dir) throws Exception {
        for (String type : List.of("JKS", "PKCS12")) {
            Path ks = dir.resolve("keystore-" + type);
            String storePass = "Q7" + Fake.token(10);
            keytool("-genkeypair", "-keystore", ks.toString(), "-storetype", type, "-storepass", storePass, "-keypass", storePass,
                    "-alias", "app", "-dname", "CN=app", "-keyalg", "EC", "-validity", "2");
            byte[] bytes = Files.readAllBytes(ks);
            assertTrue(Keystores.isKeystore(bytes, bytes.length), type);
            assertEquals(List.of("SEC0005"), fileIds("src/main/resources/app.bin", bytes), type);
            // a certificates-only trust store holds no key
            Path cert = dir.resolve("cert-" + type + ".der");
            String pass = "Q7" + Fake.token(10);
            Path ks2 = dir.resolve("src-" + type);
            keytool("-genkeypair", "-keystore", ks2.toString(), "-storetype", "PKCS12", "-storepass", pass, "-keypass", pass,
                    "-alias", "a",
                    "-dname", "CN=a", "-keyalg", "EC", "-validity", "2");
            keytool("-exportcert", "-keystore", ks2.toString(), "-storepass", pass, "-alias", "a", "-file", cert.toString());
            Path trust = dir.resolve("trust-" + type);
            keytool("-importcert", "-noprompt", "-keystore", trust.toString(), "-storetype", type, "-storepass", pass,
                    "-alias", "ca", "-file", cert.toString());
            byte[] t = Files.readAllBytes(trust);
            assertTrue(Keystores.isKeystore(t, t.length), type);
            assertFalse(Keystores.holdsKey(t, t.length), type + " trust store");
            assertEquals(List.of(), fileIds("truststore.p12", t));
            assertFalse(Keystores.isKeystore(Files.readAllBytes(cert), (int) Files.size(cert)), "a DER certificate");
        }
    }

    @Test
    void binaryFilesThatAreNotKeystoresAreNotRead() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0, 0, 0, 0, 0, 0};
        assertFalse(Keystores.isKeystore(png, png.length));
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        assertTrue(done && p.exitValue() == 0, out);
    }

    static List<Finding> scan(String path, String text) {
        return SCANNER.scan(path, text, null, null, Allowlist.NONE, true);
    }

    /**
     * Issue 10, held-out 10a miss class "a generated key read as code or a template": Django's
     * get_random_secret_key draws from {@code a-z0-9!@#$%^&*(-_=+)}, so most keys hold a ')' (read as a call) and many a
     * '%' before a digit and a letter (read as a printf conversion). A settings file's committed key is still the key;
     * a real call or template is not.
     */
    @Test
    void aGeneratedKeyWithParenthesesOrPercentIsReported() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789!@#$^&*-_=+";
        java.util.Random r = new java.util.Random(42);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        String key = sb.insert(7, '(').insert(11, '(').insert(19, ')').insert(30, "%7d").insert(36, "%6c").toString();
        assertEquals(List.of("SEC0031:error"), idsAndSeverity("settings/common.py", "SECRET_KEY = \"" + key + "\"\n"));
        assertEquals(List.of(), ids("settings/common.py", "SECRET_KEY = \"%s-%s-%d\" % (a, b, c)\n"));
        assertEquals(List.of(), ids("settings/common.py", "SECRET_KEY = \"md5(SECRET_KEY+str(time_stamp))\"\n"));
    }

    /**
     * Issue 10, held-out 10a miss class "Erlang's cookie": RabbitMQ's {@code RABBITMQ_ERLANG_COOKIE} and an Elixir
     * release's {@code RELEASE_COOKIE} are the shared secret nodes join a cluster with; an HTTP cookie's name is not.
     */
    @Test
    void anErlangCookieIsASecret() {
        assertEquals(List.of("SEC0031:warning"), idsAndSeverity(".env", "RABBITMQ_ERLANG_COOKIE=secret-erlang-cookie\n"));
        assertEquals(List.of("SEC0031:error"), idsAndSeverity("deploy/app.env", "RELEASE_COOKIE=" + Fake.token(32) + "\n"));
        assertEquals(List.of(), ids("app/settings.py", "SESSION_COOKIE_NAME = \"sessionid\"\nCSRF_COOKIE = \"csrftoken_" + "name\"\n"));
    }

    /**
     * Issue 10, held-out 10a miss class "an option's key=value on a continued line": a CI step's
     * {@code helm install … \\} then {@code --set auth.postgresPassword=postgres \\} was read as an SQL comment ("--").
     * An SQL comment ({@code -- set password=x}) stays one.
     */
    @Test
    void aLongOptionWithAKeyValueOnAContinuedLineIsNoComment() {
        String v = pw();
        assertEquals(List.of("SEC0030:warning", "SEC0030:error"), idsAndSeverity(".github/workflows/ci.yml",
                "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n"
                + "          helm install pg oci://registry/postgresql \\\n              --set auth.postgresPassword=postgres \\\n"
                + "              --set auth.password=" + v + "\n"));
        // one option a line in a folded block scalar (an action's input holding a command line's arguments)
        assertEquals(List.of("SEC0030:warning"), idsAndSeverity(".github/workflows/ci.yml",
                "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: org/setup-chart@v1\n"
                + "        with:\n          postgresql-args: >-\n            --version=16.0.5\n"
                + "            --set auth.postgresPassword=postgres\n            --set auth.database=app\n"));
        assertEquals(List.of(), ids("db/init.sql", "-- set password=" + v + " for the app user\nSELECT 1;\n"));
    }

    /**
     * Issue 10, held-out 10a miss class "a database URL that names its driver": SQLAlchemy's
     * {@code postgresql+psycopg2://user:pass@host/db} (and mysql+pymysql, mssql+pyodbc) is the same login as postgresql://.
     */
    @Test
    void aDatabaseUrlNamingItsDriverIsAUri() {
        String v = pw();
        assertEquals(List.of("SEC0020"), ids("deploy/app.env", "DATABASE_URL=postgresql+psycopg2://app:" + v + "@db:5432/app\n"));
        assertEquals(List.of("SEC0020"), ids("app/config.py", "url = \"mysql+pymysql://app:" + v + "@db/app\"\n"));
        assertEquals(List.of(), ids("deploy/app.env", "DATABASE_URL=postgresql+psycopg2://app:${DB_PASSWORD}@db:5432/app\n"));
    }

    /**
     * Held-out 11b miss class "the DSN of Go's MySQL driver": {@code user:password@tcp(host:3306)/db} has no scheme,
     * so no "://" led to it; it is the same login. Format verbs, references and capitals are its shape.
     */
    @Test
    void aGoMysqlDsnIsALogin() {
        String v = pw();
        assertEquals(List.of("SEC0020"), ids("conf/app.conf", "dataSourceName = root:" + v + "@tcp(localhost:3306)/\n"));
        assertEquals(List.of("SEC0020:warning"), idsAndSeverity("config/app.yaml", "dsn: \"root:root@tcp(db:3306)/app?parseTime=true\"\n"));
        assertEquals(List.of("SEC0020"), ids("cmd/main.go", "db, err := sql.Open(\"mysql\", \"app:" + v + "@tcp(db:3306)/app\")\n"));
        assertEquals(List.of(), ids("cmd/main.go", "dsn := fmt.Sprintf(\"%s:%s@tcp(%s:%d)/%s\", u, p, h, port, db)\n"));
        assertEquals(List.of(), ids("cmd/main.go", "dsn := user + \":\" + pass + \"@tcp(\" + host + \")/\" + db\n"));
        assertEquals(List.of(), ids("config/app.yaml", "dsn: \"${DB_USER}:${DB_PASSWORD}@tcp(db:3306)/app\"\n"));
        assertEquals(List.of(), ids("config/app.yaml", "dsn: USER:PASSWORD@tcp(HOST:3306)/DB\n"));
        assertEquals(List.of(), ids("cmd/main_test.go", "dsn := \"app:" + v + "@tcp(db:3306)/app\"\n"));
    }
}
