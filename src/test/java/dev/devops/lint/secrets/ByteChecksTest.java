package dev.devops.lint.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.lint.Allowlist;
import dev.devops.lint.Finding;
import dev.devops.lint.secrets.rules.RuleLoader;
import dev.devops.lint.secrets.rules.SecretRule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The byte-level checks that drop keyword hits before a file is decoded ({@link Detector#mayMatch}) drop only
 * hits the text scan would not report: a file's bytes report exactly what its decoded text reports.
 */
class ByteChecksTest {
    private static final SecretScanner SCANNER = new SecretScanner(RuleLoader.builtin());
    private static final List<String> PATHS = List.of("app/config.conf", "src/main/App.java", "deploy/run.sh");

    private static List<Finding> viaText(String path, String text) {
        return SCANNER.scan(path, text, null, Map.of(), Allowlist.NONE, true);
    }

    private static List<Finding> viaBytes(String path, String text) {
        return SCANNER.scanFile(path, text.getBytes(StandardCharsets.UTF_8), Allowlist.NONE, true);
    }

    /** Asserts bytes and text agree on {@code text} in every path kind; returns how many findings there were. */
    private static int same(String text) {
        int n = 0;
        for (String path : PATHS) {
            List<Finding> expected = viaText(path, text);
            assertEquals(expected, viaBytes(path, text), path + ": " + text);
            n += expected.size();
        }
        return n;
    }

    /**
     * Every provider rule's examples, alone, twice on a line, after a decoy keyword on the same line, on a long
     * line (searched in windows) and in a non-ASCII file: the hits the rule's regex rejects on the raw bytes are
     * exactly those whose line (or hit) the text scan finds nothing on.
     */
    @Test
    void everyRuleExampleIsFoundFromBytesAsFromText() {
        int found = 0;
        String decoys = "pattern path compatible token secret key0 sk1 ado azure datadog splunk lob segment expo ";
        for (SecretRule r : RuleLoader.builtin()) {
            List<String> examples = new ArrayList<>(r.examplesMatch());
            examples.addAll(r.examplesIgnore());
            for (String ex : examples) {
                for (String text : List.of(ex + "\n", "a = 1\n" + ex + " " + ex + "\n", decoys + ex + "\n",
                        "x".repeat(Detector.LONG_LINE + 10) + " " + decoys + ex + " " + "y".repeat(1500) + " " + ex + "\n",
                        "gr\u00fc\u00dfe " + ex + "\n", ex)) {
                    found += same(text);
                }
            }
        }
        assertTrue(found > 1000, "the examples are found: " + found);
    }

    /** SEC0020 (password in a URI): what the byte check lets through and what it drops. */
    @Test
    void uriPasswordsFromBytesAsFromText() {
        String pw = Fake.token(14);
        int found = 0;
        for (String line : List.of("db = \"postgres://app:" + pw + "@db.internal:5432/app\"",
                "url: https://deploy:" + pw + "@host.example.com/x", "mongodb+srv://admin:" + pw + "@cluster0.example.net/db",
                "REDIS_URL=redis://:" + pw + "@cache:6379", "amqp://svc:" + pw + ":more@rabbit", "s = 'x' + \"http://a:" + pw + "@h\"",
                "see https://openjdk.org/ and http://a:b/c", "x://y:z@", "http://:" + pw + "@h", "http://u:@h", "://u:p@h",
                "ssh://git@github.com:repo.git", "postgres://app:" + pw + " @db", "postgres://app:" + pw + "@",
                "postgres://app:" + pw + "@/db", "\u00e9postgres://app:" + pw + "@db/x", "\u00e9 postgres://app:" + pw + "@db/x",
                "postgres://\u00e9app:" + pw + "@db/x", "HTTP://Deploy:" + pw + "@HOST")) {
            found += same(line + "\n");
            found += same("# header\n" + line);
        }
        assertTrue(found >= 20, "URI passwords found: " + found);
        FileBytes f = ascii("see https://openjdk.org/legal and http://a:b/c\n");
        Detector d = SEC0020UriPassword.RULE.detectors.get(0);
        assertFalse(d.mayMatch(f, 0, f.length - 1, 9, 12), "no user:password@ after https://");
        assertFalse(d.mayMatch(f, 0, f.length - 1, 36, 39), "no @ after http://a:b");
    }

    /** SEC0022 (basic auth): curl -u and Authorization: Basic, from bytes as from text. */
    @Test
    void basicAuthFromBytesAsFromText() {
        String pw = Fake.token(14);
        String b64 = Base64.getEncoder().encodeToString(("deploy:" + pw).getBytes(StandardCharsets.US_ASCII));
        int found = 0;
        for (String line : List.of("curl -u admin:" + pw + " https://api.example.com", "curl --user admin:" + pw + " https://x",
                "curl -X POST --user=admin:" + pw + " https://x", "CURL\t-U admin:" + pw + " https://x",
                "curl -s \"https://x\" -u 'admin:" + pw + "'", "libcurl -u admin:" + pw, "curl_easy -u admin:" + pw,
                "curl https://example.com -H x", "curl-u admin:" + pw, "curl -uadmin:" + pw, "curl x--user admin:" + pw,
                "Authorization: Basic " + b64, "authorization: basic\t" + b64, "IsBasic " + b64, "basic auth is simple",
                "Basic abc", "Basic " + b64.substring(0, 7), "Basic:" + b64, "\u00e9Basic " + b64, "\u00e9 curl -u admin:" + pw,
                "curl\u00e9 -u admin:" + pw)) {
            found += same(line + "\n");
            found += same("# header\n" + line);
        }
        assertTrue(found >= 10, "basic-auth credentials found: " + found);
        FileBytes f = ascii("libcurl and basic auth\n");
        Detector d = SEC0022BasicAuth.RULE.detectors.get(0);
        assertFalse(d.mayMatch(f, 0, f.length - 1, 3, 7), "curl inside a word");
        assertFalse(d.mayMatch(f, 0, f.length - 1, 12, 17), "basic then no base64 token");
    }

    /**
     * The assignment lines' byte check ({@link Assignments#mayReadLine}), the .netrc form's and SEC0021's: a keyword hit
     * they drop is one the text scan reads nothing at, in every form a line can take (operators, quoted and bracketed
     * keys, XML elements and key/value attributes, SQL role statements, a JSON-escaped '&', names longer than the
     * lexer's reach, Dockerfile ENV lines, non-ASCII neighbours, comments, two names on a line).
     */
    @Test
    void assignmentsNetrcAndConnectionStringsFromBytesAsFromText() {
        String pw = Fake.token(20);
        String longName = "x".repeat(90) + "_password";
        int found = 0;
        for (String line : List.of("password = \"" + pw + "\"", "db_password: " + pw, "\"apiToken\": \"" + pw + "\"",
                "secrets['api_key'] = '" + pw + "'", "TOKEN ||= '" + pw + "'", "token ??= '" + pw + "'", "PASSWORD := " + pw,
                ":secret => '" + pw + "'", "<password>" + pw + "</password>", "<add key=\"SmtpPassword\" value=\"" + pw + "\"/>",
                "CREATE USER app WITH PASSWORD '" + pw + "';", "url = \"/x?a=1\\u0026page_token=" + pw + "\"",
                longName + " = \"" + pw + "\"", "a_" + longName + "_token = \"" + pw + "\"", "ENV DB_PASSWORD " + pw,
                "ENV API_TOKEN=" + pw, "\u00e9password = \"" + pw + "\"", "password\u00e9 = \"" + pw + "\"",
                "Token token = lexer.nextToken(); String password = \"" + pw + "\";", "bypassed = true; secret = \"" + pw + "\"",
                "// password = \"" + pw + "\"", "x = 1 # token: " + pw, "if (passwordField == null) return;",
                "Token token = lexer.next();", "@param password the password", "machine db login app password " + pw,
                "default login app password " + pw, "password " + pw, "echo \"machine h login u password " + pw + "\" > ~/.netrc",
                "Server=db;Database=shop;User Id=sa;Password=" + pw + ";", "conn = \"host=db user=app password=" + pw + " dbname=app\"",
                "db.password=" + pw, "x.Password = " + pw, "pwd = " + pw, "Pwd\t=\t" + pw, "spring.datasource.password: " + pw)) {
            for (String path : List.of("app/config.conf", "src/main/App.java", "deploy/run.sh", "Dockerfile", ".netrc",
                    "config/app.yml", "src/app.py", ".env")) {
                for (String text : List.of(line + "\n", "a = 1\n" + line, "x: y\n" + line + "\n" + line + "\n")) {
                    List<Finding> expected = viaText(path, text);
                    assertEquals(expected, viaBytes(path, text), path + ": " + text);
                    found += expected.size();
                }
            }
        }
        assertTrue(found > 100, "credentials found: " + found);
        // and what the checks are for: names in expressions and prose are dropped before the file is decoded
        FileBytes f = ascii("Token token = lexer.next(); bypassed = true; @param password the password\n");
        Detector lines = SCANNER_PART.apply(Assignments.LINES);
        assertFalse(lines.mayMatch(f, 0, f.length - 1, 0, 5), "a type, then no operator");
        assertFalse(lines.mayMatch(f, 0, f.length - 1, 30, 34), "bypassed: not a secret's name");
        assertFalse(lines.mayMatch(f, 0, f.length - 1, 52, 60), "a doc comment's parameter");
        assertTrue(lines.mayMatch(ascii("password = x\n"), 0, 12, 0, 8));
        Detector netrc = SCANNER_PART.apply(NetrcEntries.FORM);
        assertFalse(netrc.mayMatch(f, 0, f.length - 1, 52, 60), "password outside a .netrc, no machine on the line");
        Detector conn = SEC0021ConnectionString.RULE.detectors.get(0);
        assertFalse(conn.mayMatch(f, 0, f.length - 1, 52, 60), "password, then no '='");
        assertFalse(conn.mayMatch(ascii("db.password=x\n"), 0, 13, 3, 11), "a dotted key's part");
    }

    /** The fused assignment detector of a form, as the scanner holds it. */
    private static final java.util.function.Function<Assignments.Form, Detector> SCANNER_PART = form -> {
        for (GenericRule g : GenericRules.all()) {
            for (Detector d : g.detectors) {
                if (d instanceof Assignments.Part p && p.form == form) {
                    return d;
                }
            }
        }
        throw new AssertionError("no part of " + form);
    };

    private static FileBytes ascii(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return new FileBytes(b, b.length, true);
    }
}
