package dev.devops.lint.secrets;

import static dev.devops.lint.Severity.ERROR;

import dev.devops.lint.RuleInfo;
import dev.devops.lint.Severity;
import dev.devops.lint.secrets.GenericRule.Examples;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SEC0020: a literal password in the user-info part of a connection URI. The password must not be a
 * placeholder or reference ({@code ${DB_PASSWORD}}, {@code <password>}, {@code %s}, changeme …).
 */
final class SEC0020UriPassword extends Detector {
    static final GenericRule RULE = GenericRule.rule("SEC0020", ERROR, "Password in a connection URI",
            "A connection URI (postgres, mysql, mongodb, redis, amqp, ftp, http basic auth …) carries a literal "
            + "password in its user-info part, or so does the DSN of Go's MySQL driver (user:password@tcp(host:3306)/db). Placeholders such as ${DB_PASSWORD}, <password> are not reported; a "
            + "default or development password (changeme, postgres, the user name) in runnable config or code is a "
            + "warning. Not reported in tests, documentation and vendored code.\n"
            + "Fix: rotate the password and build the URI from environment variables.")
            .nameBased()
            .examples(Examples.in("config/app.yaml")
                    .match("url: postgres://app:e1wNWqku5Nr50D@db.internal:5432/app")
                    .match("MONGO_URL: mongodb+srv://svc:HdO2x93CJHLS45@cluster0.example.net/prod")
                    .ignore("url: postgres://app:${DB_PASSWORD}@db.internal:5432/app")
                    .ignore("url: postgres://app:<password>@db.internal:5432/app")
                    .ignore("url: postgres://db.internal:5432/app")
                    .ignore("docs/setup.md", "DATABASE_URL=postgres://app:3L7Q5uUaVcojsN@db/app"))
            .keyword(SEC0020UriPassword::new)
            .build();

    private final RuleInfo rule;

    private SEC0020UriPassword(RuleInfo rule) {
        this.rule = rule;
    }

    /**
     * The schemes of URIs that carry a login. A database's may name its driver, as SQLAlchemy's URLs do
     * ({@code postgresql+psycopg2://}, {@code mysql+pymysql://}, {@code mssql+pyodbc://}).
     */
    private static final Pattern URI = Pattern.compile("(?i)((?:(?:postgres(?:ql)?|mysql|mariadb|mssql|oracle|cockroachdb)"
            + "(?:\\+[a-z0-9_]+)?|mongodb(?:\\+srv)?"
            + "|rediss?|amqps?|ftps?|sftp|https?|ldaps?|smtps?|mssql|sqlserver|oracle|nats|kafka|couchdb"
            + "|neo4j(?:\\+s)?|bolt|clickhouse|cockroachdb|postgis|memcached|elasticsearch|ssh|git\\+https?|s3|svn\\+ssh)://)"
            + "([^\\s:/?#@'\"`<>]{1,128}):([^\\s/?#@'\"`<>]{1,256})@(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._\\[\\]-]+)");

    /** user:password@host, foo:bar@baz in code: the documented shape of a URI (help texts, defaults), not a login. */
    private static final java.util.Set<String> PLACEHOLDER_USERS = java.util.Set.of("user", "username", "usr", "foo",
            "name", "login", "myuser", "your_user", "youruser");

    @Override
    List<String> keywords() {
        return List.of("://", "@tcp(");
    }

    /**
     * Not in translations: a catalogue's URI is the example a settings form shows ({@code 'e.g. smtps://user:pass@smtp.example.com'}
     * and its translation, {@code smtps://usuario:senha@smtp.exemplo.com}), like {@link SEC0021ConnectionString}'s.
     */
    @Override
    boolean appliesTo(FileKind kind) {
        return kind != FileKind.LOCKFILE && kind != FileKind.I18N;
    }

    @Override
    boolean checksBytes() {
        return true;
    }

    /**
     * On the raw bytes, what {@link #URI} needs at the hit, without its length limits: a scheme character just
     * before "://", then user characters, ':', password characters, '@' and a host character. Every delimiter
     * is ASCII, and a byte of a multi-byte UTF-8 character is never one, so this holds on any file.
     */
    @Override
    boolean mayMatch(FileBytes file, int lineStart, int lineEnd, int hitStart, int hitEnd) {
        byte[] b = file.bytes;
        if (b[hitStart] == '@') { // user:password@tcp(host:3306)/db: a colon in the word before the hit
            int i = hitStart;
            while (i > lineStart && hitStart - i < MAX_DSN_LOGIN && !dsnDelimiter((char) b[i - 1])) {
                if (b[--i] == ':') {
                    return true;
                }
            }
            return false;
        }
        if (hitStart == lineStart || !isSchemeChar((char) b[hitStart - 1])) {
            return false;
        }
        int i = hitEnd;
        while (i < lineEnd && !uriDelimiter(b[i]) && b[i] != ':') {
            i++;
        }
        if (i == hitEnd || i >= lineEnd || b[i] != ':') {
            return false;
        }
        int p = ++i;
        while (i < lineEnd && !uriDelimiter(b[i])) {
            i++;
        }
        return i > p && i + 1 < lineEnd && b[i] == '@' && isHostChar(b[i + 1]);
    }

    /** How far before {@code @tcp(} the login of a Go MySQL DSN is looked for. */
    private static final int MAX_DSN_LOGIN = 300;

    /** A character that ends the login of a Go MySQL DSN read backwards from {@code @tcp(}. */
    private static boolean dsnDelimiter(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\'' || c == '`' || c == '=' || c == '<'
                || c == '>' || c == '(' || c == ',' || c == '/' || c == '@' || c == '?' || c == '#';
    }

    /** A byte neither the user nor the password part of {@link #URI} holds: \s / ? # @ ' " ` < > */
    private static boolean uriDelimiter(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == '/' || c == '?'
                || c == '#' || c == '@' || c == '\'' || c == '"' || c == '`' || c == '<' || c == '>';
    }

    private static boolean isHostChar(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '['
                || c == ']' || c == '-';
    }

    @Override
    int scan(ScanJob job, int lineStart, int lineEnd, int hitStart, int hitEnd) {
        // the scheme ends at the keyword: read it backwards, then match from its start only
        String t = job.text;
        if (t.charAt(hitStart) == '@') {
            return scanDsn(job, lineStart, lineEnd, hitStart, hitEnd);
        }
        Context context = job.contextAt(hitStart, false); // comment blocks are asked about only once a URI has a password
        if (context.quiet() || Assignments.isComment(t, lineStart, lineEnd)
                || job.hashComments() && Assignments.inTrailingComment(t, lineStart, hitStart)) {
            return lineEnd; // tests, docs, vendored code, commented-out lines: examples
        }
        int s = hitStart;
        while (s > lineStart && s > hitStart - 32 && isSchemeChar(t.charAt(s - 1))) {
            s--;
        }
        if (s == hitStart || s > lineStart && Character.isLetterOrDigit(t.charAt(s - 1))) {
            return hitEnd;
        }
        if (Assignments.sampleKeyBefore(t, lineStart, s) != null) {
            return hitEnd; // a setting declared with its example: (or placeholder:) beside its default: the URI's shape
        }
        Matcher m = job.matcher(URI);
        m.region(s, Math.min(lineEnd, hitEnd + 700));
        if (m.lookingAt()) {
            String user = m.group(2);
            String password = m.group(3);
            if (Filters.isTemplateLogin(user, password)) {
                return m.end(); // s3://ACCESS_KEY:SECRET@BUCKET.s3.REGION.amazonaws.com: the URI's shape, in capitals
            }
            String scheme = m.group(1).substring(0, m.group(1).length() - 3).toLowerCase(Locale.ROOT);
            report(job, hitStart, user, password, m.start(3), m.group(4), scheme + " URI");
            return m.end();
        }
        return hitEnd;
    }

    /**
     * The DSN of Go's MySQL driver, {@code user:password@tcp(host:3306)/db}: a login with no scheme, so read backwards
     * from {@code @tcp(} over the word before it. Judged as a URI's login is.
     */
    private int scanDsn(ScanJob job, int lineStart, int lineEnd, int hitStart, int hitEnd) {
        String t = job.text;
        Context context = job.contextAt(hitStart, false);
        if (context.quiet() || Assignments.isComment(t, lineStart, lineEnd)
                || job.hashComments() && Assignments.inTrailingComment(t, lineStart, hitStart)) {
            return lineEnd;
        }
        int s = hitStart;
        while (s > lineStart && hitStart - s < MAX_DSN_LOGIN && !dsnDelimiter(t.charAt(s - 1))) {
            s--;
        }
        int colon = t.indexOf(':', s);
        int close = t.indexOf(')', hitEnd);
        if (colon <= s || colon + 1 >= hitStart || close < 0 || close > Math.min(lineEnd, hitEnd + 300)
                || Assignments.sampleKeyBefore(t, lineStart, s) != null) {
            return hitEnd;
        }
        String user = t.substring(s, colon);
        String password = t.substring(colon + 1, hitStart);
        if (Filters.isTemplateLogin(user, password)) {
            return close; // USER:PASSWORD@tcp(HOST:PORT)/DB: the DSN's shape, in capitals
        }
        String host = t.substring(hitEnd, close);
        host = host.indexOf(':') >= 0 ? host.substring(0, host.indexOf(':')) : host;
        report(job, hitStart, user, password, colon + 1,
                host.isEmpty() ? "localhost" : host, "mysql DSN");
        return close;
    }

    /** Reports the login {@code user:password} of a connection at {@code host} unless it is a placeholder or an example's. */
    private void report(ScanJob job, int hitStart, String user, String password, int passwordPos, String host, String what) {
        Context context = job.contextAt(hitStart);
        if (context.quiet()) {
            return; // inside a block comment or a docstring: an example
        }
        boolean runnable = context == Context.RUNNABLE || context == Context.CODE;
        boolean defaultCredential = runnable && Filters.isDefaultCredential(password)
                && !(context == Context.CODE && PLACEHOLDER_USERS.contains(user.toLowerCase(Locale.ROOT)));
        if (!defaultCredential && (Filters.reason(password) != null || Filters.reason(user) != null && user.startsWith("$")
                || password.equalsIgnoreCase(user + "pass") || password.length() < 3)
                || Filters.reason(user) != null && user.startsWith("$")) {
            return;
        }
        boolean weak = defaultCredential || Filters.isWeakCredential(password) || password.equalsIgnoreCase(user);
        if (weak && (context == Context.EXAMPLE || isExampleHost(host))) {
            // examples document the URI's shape; so does a default password at a host reserved for examples
            // (a help text's type=lnd-rest;server=https://lnd:lnd@lnd.example.com)
            return;
        }
        job.emit(rule, weak ? Severity.WARNING : Severity.ERROR, passwordPos, password,
                (weak ? "Default or development password" : "Password") + " in a " + what + " for host " + host,
                weak ? "Anyone who reads the repository can connect with it: build the URI from ${DB_PASSWORD:?} "
                        + "and keep the value in an untracked .env."
                : "Rotate the password and build the URI from environment variables (e.g. ${DB_PASSWORD}).", null);
    }

    /** The domains reserved for documentation (RFC 2606, RFC 6761): example.com/.net/.org, {@code *.example}, {@code *.invalid}. */
    static boolean isExampleHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        for (String d : List.of("example.com", "example.net", "example.org")) {
            if (h.equals(d) || h.endsWith("." + d)) {
                return true;
            }
        }
        return h.endsWith(".example") || h.endsWith(".invalid");
    }

    private static boolean isSchemeChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+';
    }
}
