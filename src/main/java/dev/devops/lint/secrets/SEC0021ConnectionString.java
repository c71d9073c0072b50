package dev.devops.lint.secrets;

import static dev.devops.lint.Severity.ERROR;

import dev.devops.lint.RuleInfo;
import dev.devops.lint.Severity;
import dev.devops.lint.secrets.GenericRule.Examples;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SEC0021: a literal password in a keyword connection string, ADO.NET / ODBC style
 * ({@code Server=db;User Id=sa;Password=…;}) or libpq style ({@code host=db user=app password=… dbname=app}).
 * It counts only when the same line also names a server, host, database or user with {@code key=}: a
 * lone {@code password=x} is the assignment detector's business. Values go through the shared filters.
 */
final class SEC0021ConnectionString extends Detector {
    static final GenericRule RULE = GenericRule.rule("SEC0021", ERROR, "Password in a connection string",
            "A keyword connection string carries a literal password: ADO.NET / ODBC / JDBC-SQL Server style "
            + "(Server=db;User Id=sa;Password=...;) or libpq style (host=db user=app password=... dbname=app), in code "
            + "or configuration. Only a string that also names a server, host, database or user counts; placeholders "
            + "({0}, %s, ${DB_PASSWORD}, <password>, changeme) are not reported.\nFix: rotate the password and build "
            + "the connection string from the environment or a secret manager.")
            .nameBased().overlap(GenericRule.Overlap.FIELD)
            .examples(Examples.in("appsettings.json")
                    .match("\"Default\": \"Server=db;Database=shop;User Id=sa;Password=1Ekia7ZpTjCgeO;\"")
                    .match("src/db.py", "conn = psycopg2.connect(\"host=db user=app password=bzlpkd6XgaNJQ8 dbname=app\")")
                    .ignore("\"Default\": \"Server=db;Database=shop;User Id=sa;Password={0};\"")
                    .ignore("\"Default\": \"Server=db;Database=shop;User Id=sa;Password=${DB_PASSWORD};\"")
                    .ignore("\"Message\": \"Password=wrong; try again\""))
            .keyword(SEC0021ConnectionString::new)
            .build();

    private final RuleInfo rule;

    private SEC0021ConnectionString(RuleInfo rule) {
        this.rule = rule;
    }

    /**
     * {@code password=} / {@code pwd=} at a keyword boundary, then the value: 'quoted', a template's {{ variable }}
     * (Jinja, Go templates, Helm: read whole, so the filters see the reference), {braced} or up to ; space or quote.
     */
    private static final Pattern PASSWORD = Pattern.compile(
            "(?i)(?<![\\w.$-])(?:password|pwd)[ \\t]*=[ \\t]*('[^'\\n]{1,256}'|\\{\\{[^}\\n]{1,256}}}|\\{[^}\\n]{1,256}}"
                    + "|[^;\\s\"'`&<>,()]{1,256})");
    /** The other keys of a connection string (ADO.NET, ODBC, libpq). */
    private static final Pattern CONTEXT = Pattern.compile(
            "(?i)(?<![\\w.$-])(?:server|data source|host|hostaddr|address|addr|database|dbname|initial catalog"
                    + "|user id|uid|user|username|driver|dsn|sslmode|trusted_connection|integrated security)[ \\t]*=");

    /** Whether {@code pos} is inside a '…' or "…" literal that starts on the line (quotes counted from {@code from}). */
    static boolean insideStringLiteral(String t, int from, int pos) {
        char open = 0;
        for (int i = from; i < pos; i++) {
            char c = t.charAt(i);
            if (c == '\\' && open != 0) {
                i++;
            } else if (open == 0 && (c == '"' || c == '\'' || c == '`')) {
                open = c;
            } else if (c == open) {
                open = 0;
            }
        }
        return open != 0;
    }

    /** A name that says it holds a password ({@code DbAdminPassword}, {@code db_pwd}): a template's parameter in braces. */
    private static final Pattern NAMED_PARAMETER = Pattern.compile("(?i)[a-z_][a-z0-9_]*(?:password|passwd|pwd|secret)[a-z0-9_]*");

    @Override
    List<String> keywords() {
        return List.of("password", "pwd");
    }

    @Override
    boolean appliesTo(FileKind kind) {
        return kind != FileKind.LOCKFILE && kind != FileKind.I18N;
    }

    @Override
    boolean checksBytes() {
        return true;
    }

    /**
     * {@link #PASSWORD}'s necessary conditions at the hit, on the raw bytes: the keyword does not continue a name
     * ({@code db.password}, {@code userPassword}) and is followed by blanks and '=' ({@link #scan} reads a match only
     * where it starts at the hit).
     */
    @Override
    boolean mayMatch(FileBytes file, int lineStart, int lineEnd, int hitStart, int hitEnd) {
        byte[] b = file.bytes;
        if (hitStart > lineStart && Assignments.isNameByte(b[hitStart - 1])) {
            return false; // the lookbehind's [\w.$-]: the characters of a name
        }
        int i = hitEnd;
        while (i < lineEnd && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        return i < lineEnd && b[i] == '=';
    }

    @Override
    int scan(ScanJob job, int lineStart, int lineEnd, int hitStart, int hitEnd) {
        int from = Math.max(lineStart, hitStart - 1);
        Matcher m = job.matcher(PASSWORD);
        m.region(from, Math.min(lineEnd, hitEnd + 300));
        if (!m.find() || m.start() > hitStart) {
            return hitEnd;
        }
        if (Assignments.isComment(job.text, lineStart, lineEnd)
                || job.hashComments() && Assignments.inTrailingComment(job.text, lineStart, hitStart)) {
            return lineEnd; // a commented-out line, a doctest's example in a comment (Haskell's -- >>> connect "…")
        }
        if (job.kind == FileKind.CODE && !insideStringLiteral(job.text, windowStart(lineStart, lineEnd, hitStart), m.start())) {
            return m.end(); // connect(user='app', password='x'): keyword arguments, not a connection string
        }
        int ws = windowStart(lineStart, lineEnd, hitStart);
        int we = windowEnd(lineStart, lineEnd, hitEnd);
        Matcher c = job.matcher(CONTEXT);
        c.region(ws, we);
        if (!c.find()) {
            return m.end();
        }
        String raw = m.group(1);
        int pos = m.start(1);
        String value = raw;
        if (raw.length() > 2 && (raw.charAt(0) == '\'' || raw.charAt(0) == '{') && !raw.startsWith("{{")) {
            value = raw.substring(1, raw.length() - 1); // libpq 'quoted', ODBC {braced}
            pos++;
            if (raw.charAt(0) == '{' && NAMED_PARAMETER.matcher(value).matches()) {
                return m.end(); // Pwd={DbAdminPassword}: a deployment template's parameter, filled in at install time
            }
        } else if (value.length() > 1 && ".!?".indexOf(value.charAt(value.length() - 1)) >= 0) {
            value = value.substring(0, value.length() - 1); // "…, password=password.<br>": a sentence's full stop
        }
        // in configuration the stack runs with, Password=password is the password it runs with (a default, a warning);
        // the placeholder filters belong to docs and examples
        boolean runnableDefault = job.contextAt(pos) == Context.RUNNABLE && Filters.isDefaultCredential(value);
        if (value.length() < 3 || !runnableDefault && Filters.reasonForAssignment(value) != null || value.indexOf('"') >= 0
                || value.indexOf('\'') >= 0 || value.indexOf('`') >= 0 // {" + pw + "}: code, not a value
                || value.startsWith("\\")) {
            return m.end();
        }
        Severity severity = job.credentialSeverity(value, pos);
        if (severity == null) {
            return m.end(); // tests, docs, vendored code; a demo password in an example
        }
        job.emit(rule, severity, pos, value, "Password in a connection string",
                "Rotate the password and build the connection string from the environment (e.g. ${DB_PASSWORD}) or a secret manager.",
                null);
        return m.end();
    }
}
