package dev.devops.detect;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The role of a variable from the option its read is passed to: {@code host=os.getenv("X")} into a database client,
 * {@code Addr: os.Getenv("X")} into {@code redis.Options}, {@code host: process.env.X} in a pool's settings. The
 * option names what the client expects (a host, a {@code host:port} address, a URL, a user …) whatever the variable is
 * called, and the client (read in the lines before) names the service.
 */
final class EnvOptions {
    private EnvOptions() {
    }

    /** {@code key: READ}, {@code key=READ}, {@code obj.key = READ}: the option key right before the read expression. */
    private static final Pattern OPTION_BEFORE = Pattern.compile(
            "\\b([A-Za-z_]\\w*)\\s*(?::|=(?!=))\\s*(?:[\\w.$]+\\s*[(\\[.]\\s*)*[\"'`]?$");

    /** Option key (lower case, without '_') → service attribute. */
    private static final Map<String, String> ATTRIBUTE = Map.ofEntries(
            Map.entry("host", "host"), Map.entry("hostname", "host"), Map.entry("server", "host"),
            Map.entry("addr", "address"), Map.entry("address", "address"), Map.entry("hostport", "address"),
            Map.entry("port", "port"),
            Map.entry("user", "user"), Map.entry("username", "user"),
            Map.entry("password", "password"), Map.entry("passwd", "password"), Map.entry("pass", "password"),
            Map.entry("database", "database"), Map.entry("dbname", "database"), Map.entry("db", "database"),
            Map.entry("url", "url"), Map.entry("uri", "url"), Map.entry("dsn", "url"), Map.entry("connectionstring", "url"),
            Map.entry("brokerurl", "url"), Map.entry("broker", "url"));

    /** Client markers in the lines before the read → the service type the client talks to. */
    private static final List<Map.Entry<String, Pattern>> CLIENTS = List.of(
            Map.entry("redis", Pattern.compile("(?i)redis")),
            Map.entry("postgres", Pattern.compile("(?i)psycopg|asyncpg|postgres|\\bpgx?\\b|pgxpool|\\bpg\\.|new\\s+(?:Pool|Client)\\(")),
            Map.entry("mysql", Pattern.compile("(?i)mysql")),
            Map.entry("mariadb", Pattern.compile("(?i)mariadb")),
            Map.entry("mongodb", Pattern.compile("(?i)mongo")),
            Map.entry("rabbitmq", Pattern.compile("(?i)\\bpika\\b|amqp|rabbit")));

    /** How many lines before the read the client's constructor may be. */
    private static final int CONTEXT_LINES = 12;

    /**
     * The service attribute ("redis.address") of a variable from the options its reads are passed to, or null when no
     * read is passed to a known option of a client of one of {@code serviceTypes}. {@code byName} is what the name
     * alone decided (or null): the option refines its attribute (REDIS_HOST passed as {@code Addr} wants
     * {@code host:port}; DATABASE_URL passed as {@code host} wants a host) but does not move it to another service.
     */
    static String attribute(RepoFiles repo, List<EnvReference> reads, Collection<String> serviceTypes, String byName) {
        for (EnvReference r : reads) {
            ReadLine at = ReadLine.of(repo, r);
            if (at == null) {
                continue;
            }
            String[] lines = at.lines();
            String prefix = at.prefix();
            String property = r.kind() == EnvReference.Kind.SPRING_PLACEHOLDER ? wholeValueProperty(lines, r) : null;
            if (property != null) {
                String role = propertyRole(property, lines, serviceTypes, byName);
                if (role != null) {
                    return role;
                }
            }
            String opened = opener(prefix, lines, r.line());
            if (opened != null && serviceTypes.contains(opened)
                    && (byName == null || byName.startsWith(opened + "."))) {
                return opened + ".url";
            }
            Matcher m = OPTION_BEFORE.matcher(prefix);
            if (!m.find()) {
                continue;
            }
            String key = m.group(1).toLowerCase(Locale.ROOT).replace("_", "");
            int optionLine = r.line();
            if (!ATTRIBUTE.containsKey(key) && LOCAL.matcher(prefix).find()) {
                // read into a local variable first (var host = os.Getenv("X")): the option it is passed to next
                String[] passed = passedOn(lines, r.line(), m.group(1));
                if (passed == null) {
                    continue;
                }
                key = passed[0].toLowerCase(Locale.ROOT).replace("_", "");
                optionLine = Integer.parseInt(passed[1]);
            }
            String attr = ATTRIBUTE.get(key);
            if (attr == null) {
                continue;
            }
            String type = byName != null ? byName.substring(0, byName.indexOf('.')) : client(lines, optionLine, serviceTypes);
            if (type == null && DATABASE_ONLY.contains(attr)) {
                List<String> dbs = serviceTypes.stream().filter(DATABASES::contains).toList();
                type = dbs.size() == 1 ? dbs.get(0) : null;
            }
            if (type == null || !serviceTypes.contains(type)) {
                continue;
            }
            if ("database".equals(attr) && "redis".equals(type)) {
                continue; // redis' DB is an index, not a name
            }
            if (!dev.devops.descriptor.ServiceCatalog.get(type).attributes().containsKey(attr)) {
                continue;
            }
            return type + "." + attr;
        }
        return null;
    }

    /** The read expression right before the name: {@code os.Getenv("}, {@code process.env.}, {@code os.environ["} …. */
    private static final String READ_TAIL = "\\s*(?:[\\w.$]+\\s*[(\\[.]\\s*)*[\"'`]?$";
    /**
     * A connection string opened by a database or broker client: {@code sql.Open("pgx", …)},
     * {@code sqlx.Connect("postgres", …)} (the driver names the service), {@code pgxpool.New(ctx, …)},
     * {@code pgx.Connect(ctx, …)}, {@code amqp.Dial(…)}, {@code redis.ParseURL(…)}, {@code ApplyURI(…)}.
     */
    private static final String OPENER = "(?:\\b(?:sql|sqlx)\\.(?:Open|Connect|MustConnect|MustOpen|ConnectContext|Open[A-Z]\\w*)"
            + "\\(\\s*(?:\\w+\\s*,\\s*)?\"(\\w+)\"\\s*,"
            + "|\\b(pgxpool\\.(?:New|Connect|ParseConfig|NewWithConfig)|pgx\\.(?:Connect|ParseConfig)|amqp\\.Dial|amqp091\\.Dial"
            + "|redis\\.ParseURL|ApplyURI|gorm\\.Open\\(\\s*postgres\\.Open|postgres\\.Open)\\(\\s*(?:ctx\\s*,|context\\.\\w+\\(\\)\\s*,)?)\\s*";
    private static final Pattern OPENER_BEFORE = Pattern.compile(OPENER + READ_TAIL.substring("\\s*".length()));

    /**
     * The service type whose client opens the read's value as its connection string ({@link #OPENER}), directly
     * ({@code sqlx.Connect("pgx", os.Getenv("X"))}) or through a local variable passed to it in the next lines; null
     * when none does or the driver's string is no URL (a MySQL DSN).
     */
    private static String opener(String prefix, String[] lines, int line) {
        Matcher m = OPENER_BEFORE.matcher(prefix);
        if (m.find()) {
            return openerType(m);
        }
        Matcher local = LOCAL_NAME.matcher(prefix);
        if (!local.find()) {
            return null;
        }
        Pattern passed = Pattern.compile(OPENER + Pattern.quote(local.group(1)) + "\\s*[,)]");
        for (int i = line; i < Math.min(lines.length, line + CONTEXT_LINES); i++) {
            Matcher u = passed.matcher(lines[i]);
            if (u.find()) {
                return openerType(u);
            }
        }
        return null;
    }

    /** {@code key=${X}} / {@code key: ${X:default}} / {@code key: "${X}"}: a placeholder that is the property's whole value. */
    private static final Pattern WHOLE_VALUE = Pattern.compile(
            "^\\s*(?:-\\s+)?([%\\w.\\[\\]-]+)\\s*[=:]\\s*[\"']?\\$\\{$");
    private static final Pattern YAML_KEY = Pattern.compile("^(\\s*)([\\w.-]+)\\s*:\\s*(?:#.*)?$");

    /**
     * The full property a configuration placeholder is the whole value of ({@code %prod.quarkus.datasource.jdbc.url}
     * for {@code %prod.quarkus.datasource.jdbc.url=${DB}}; YAML keys joined with their parents'), or null when the
     * placeholder is part of a value ({@code jdbc:postgresql://${DB_HOST}/app}) or not a property's value.
     */
    static String wholeValueProperty(String[] lines, EnvReference r) {
        String line = lines[r.line() - 1];
        int dollar = line.lastIndexOf("${", Math.max(0, r.column() - 1));
        if (dollar < 0) {
            return null;
        }
        Matcher m = WHOLE_VALUE.matcher(line.substring(0, dollar + 2));
        if (!m.find()) {
            return null;
        }
        int close = line.indexOf('}', r.column() - 1);
        String rest = close < 0 ? "" : line.substring(close + 1).trim();
        if (!(rest.isEmpty() || rest.equals("\"") || rest.equals("'") || rest.startsWith("#"))) {
            return null;
        }
        StringBuilder key = new StringBuilder(m.group(1));
        if (r.path().endsWith(".yml") || r.path().endsWith(".yaml")) {
            int indent = line.length() - line.stripLeading().length();
            for (int i = r.line() - 2; i >= 0 && indent > 0; i--) {
                Matcher y = YAML_KEY.matcher(lines[i]);
                if (y.find() && y.group(1).length() < indent) {
                    key.insert(0, y.group(2) + ".");
                    indent = y.group(1).length();
                }
            }
        }
        return key.toString().replaceFirst("^%[\\w,-]+\\.", "");
    }

    /**
     * The service attribute a JVM framework property holds: a datasource's URL (JDBC unless it is an R2DBC one),
     * user and password, of the only SQL database of the stack (or the one {@code byName} decided).
     */
    private static String propertyRole(String property, String[] lines, Collection<String> serviceTypes, String byName) {
        String p = property.toLowerCase(Locale.ROOT);
        if (!p.contains("datasource") && !p.contains("r2dbc")) {
            return null;
        }
        List<String> sql = serviceTypes.stream().filter(t -> List.of("postgres", "mysql", "mariadb").contains(t)).toList();
        String type = byName != null && sql.contains(byName.substring(0, byName.indexOf('.'))) ? byName.substring(0, byName.indexOf('.'))
                : sql.size() == 1 ? sql.get(0) : null;
        if (type == null) {
            return null;
        }
        String attr = p.endsWith(".url") || p.endsWith("jdbc-url") || p.endsWith(".uri") ? (p.contains("r2dbc") ? "r2dbc" : "jdbc")
                : p.endsWith(".username") || p.endsWith(".user") ? "user"
                : p.endsWith(".password") ? "password" : null;
        return attr == null ? null : type + "." + attr;
    }

    /** The app's own server started on an address: {@code app.Listen(…)}, {@code http.ListenAndServe(…)}, {@code r.Run(…)}. */
    private static final String LISTEN = "(?:\\.Listen|\\bListenAndServe(?:TLS)?|\\.Run|\\.Start)\\(\\s*";
    private static final Pattern LISTEN_BEFORE = Pattern.compile(LISTEN + READ_TAIL.substring("\\s*".length()));

    /**
     * Whether a read (Go) is the address the app's own server listens on: passed straight to its listen call
     * ({@code app.Listen(os.Getenv("SERVER_URL"))}) or through a local variable passed to it in the next lines.
     */
    static boolean listenArgument(RepoFiles repo, List<EnvReference> reads) {
        for (EnvReference r : reads) {
            ReadLine at = r.path() == null || !r.path().endsWith(".go") ? null : ReadLine.of(repo, r);
            if (at == null) {
                continue;
            }
            String[] lines = at.lines();
            String prefix = at.prefix();
            if (LISTEN_BEFORE.matcher(prefix).find()) {
                return true;
            }
            Matcher local = LOCAL_NAME.matcher(prefix);
            if (local.find()) {
                Pattern passed = Pattern.compile(LISTEN + Pattern.quote(local.group(1)) + "\\s*\\)");
                for (int i = r.line(); i < Math.min(lines.length, r.line() + CONTEXT_LINES); i++) {
                    if (passed.matcher(lines[i]).find()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The lines of a read's file and the text of its line before the read. */
    private record ReadLine(String[] lines, String prefix) {
        /** Null when the read's file is not in the repository or its line is not in the file. */
        static ReadLine of(RepoFiles repo, EnvReference r) {
            String text = r.path() == null ? null : repo.source(r.path());
            if (text == null || r.line() < 1) {
                return null;
            }
            String[] lines = text.split("\n", -1);
            if (r.line() > lines.length) {
                return null;
            }
            String line = lines[r.line() - 1];
            return new ReadLine(lines, line.substring(0, Math.max(0, Math.min(line.length(), r.column() - 1))));
        }
    }

    private static final Pattern LOCAL_NAME = Pattern.compile("^\\s*(?:var\\s+|let\\s+|const\\s+)?([A-Za-z_]\\w*)\\s*(?::=|=)" + READ_TAIL);

    private static String openerType(Matcher m) {
        String driver = m.group(1);
        if (driver != null) {
            return switch (driver.toLowerCase(Locale.ROOT)) {
                case "pgx", "postgres", "postgresql", "pq", "cloudsqlpostgres", "nrpostgres" -> "postgres";
                default -> null; // mysql: user:pass@tcp(host:3306)/db is no URL; sqlite3: a file
            };
        }
        String call = m.group(2);
        if (call.startsWith("pgx") || call.contains("postgres")) {
            return "postgres";
        }
        if (call.startsWith("amqp")) {
            return "rabbitmq";
        }
        return call.startsWith("redis") ? "redis" : "mongodb";
    }

    /** A local variable declared with the read: {@code var x = }, {@code x := }, {@code x = } at the start of a statement. */
    private static final Pattern LOCAL = Pattern.compile("^\\s*(?:var\\s+|let\\s+|const\\s+)?[A-Za-z_]\\w*\\s*(?::=|=)\\s*(?:[\\w.$]+\\s*[(\\[.]\\s*)*[\"'`]?$");

    /** The option ({@code key}, 1-based line) the local {@code var} is passed to in the lines after {@code line}, or null. */
    private static String[] passedOn(String[] lines, int line, String var) {
        Pattern use = Pattern.compile("\\b([A-Za-z_]\\w*)\\s*(?::|=(?!=))\\s*" + Pattern.quote(var) + "\\s*(?:[,)}]|$)");
        for (int i = line; i < Math.min(lines.length, line + CONTEXT_LINES); i++) {
            Matcher u = use.matcher(lines[i]);
            if (u.find() && ATTRIBUTE.containsKey(u.group(1).toLowerCase(Locale.ROOT).replace("_", ""))) {
                return new String[] {u.group(1), String.valueOf(i + 1)};
            }
        }
        return null;
    }

    /** The service type whose client the lines before {@code line} (1-based) construct, or the only one present. */
    private static String client(String[] lines, int line, Collection<String> serviceTypes) {
        StringBuilder before = new StringBuilder();
        for (int i = Math.max(0, line - 1 - CONTEXT_LINES); i < line; i++) {
            before.append(lines[i]).append('\n');
        }
        String found = null;
        int at = -1;
        for (Map.Entry<String, Pattern> c : CLIENTS) {
            Matcher m = c.getValue().matcher(before);
            int last = -1;
            while (m.find()) {
                last = m.start();
            }
            if (last > at && serviceTypes.contains(c.getKey())) {
                at = last;
                found = c.getKey();
            }
        }
        if (found != null) {
            return found;
        }
        return null;
    }

    /** Options only a database client has: with one database in the stack, they are its own. */
    private static final java.util.Set<String> DATABASE_ONLY = java.util.Set.of("user", "password", "database");
    private static final List<String> DATABASES = List.of("postgres", "mysql", "mariadb", "mongodb");
}
