package dev.devops.detect;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a variable's name tells init: a description for well-known names, which backing service it points at,
 * and which service attribute it can be derived from. (Whether it holds a secret or is the platform's is
 * {@link dev.devops.core.VariableNames}, shared with lint, compose and scaffold.)
 */
public final class EnvNames {
    /** name → {service type → attribute}; the first present service type wins. */
    private static final Map<String, Map<String, String>> LINKS = new LinkedHashMap<>();
    private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

    static {
        link("DATABASE_URL", "url", "postgres", "mysql", "mariadb");
        link("SPRING_DATASOURCE_URL", "jdbc", "postgres", "mysql", "mariadb");
        link("SPRING_DATASOURCE_USERNAME", "user", "postgres", "mysql", "mariadb");
        link("SPRING_DATASOURCE_PASSWORD", "password", "postgres", "mysql", "mariadb");
        for (String[] pg : new String[][] {{"PGHOST", "host"}, {"PGPORT", "port"}, {"PGUSER", "user"},
                {"PGPASSWORD", "password"}, {"PGDATABASE", "database"}, {"POSTGRES_HOST", "host"},
                {"POSTGRES_PORT", "port"}, {"POSTGRES_USER", "user"}, {"POSTGRES_PASSWORD", "password"},
                {"POSTGRES_DB", "database"}, {"POSTGRES_DATABASE", "database"}, {"POSTGRES_PASS", "password"}}) {
            link(pg[0], pg[1], "postgres");
        }
        for (String db : List.of("MYSQL", "MARIADB")) {
            String type = db.toLowerCase(Locale.ROOT);
            link(db + "_HOST", "host", type);
            link(db + "_PORT", "port", type);
            link(db + "_USER", "user", type);
            link(db + "_PASSWORD", "password", type);
            link(db + "_PASS", "password", type);
            link(db + "_DATABASE", "database", type);
        }
        // host/port/user/password/name families: DB_HOST, DATABASE_USER, PG_PASSWORD, MYSQL_DB, POSTGRES_NAME …
        for (String p : List.of("DB_", "DATABASE_", "SQL_", "PG_", "POSTGRES_", "POSTGRESQL_", "MYSQL_", "MARIADB_",
                "TYPEORM_", "SEQUELIZE_", "KNEX_")) {
            String[] types = switch (p) {
                case "PG_", "POSTGRES_", "POSTGRESQL_" -> new String[] {"postgres"};
                case "MYSQL_" -> new String[] {"mysql", "mariadb"};
                case "MARIADB_" -> new String[] {"mariadb"};
                default -> new String[] {"postgres", "mysql", "mariadb"};
            };
            for (String h : List.of("HOST", "HOSTNAME", "SERVER")) {
                linkIfAbsent(p + h, "host", types);
            }
            linkIfAbsent(p + "PORT", "port", types);
            for (String u : List.of("USER", "USERNAME")) {
                linkIfAbsent(p + u, "user", types);
            }
            for (String w : List.of("PASSWORD", "PASS", "PWD")) {
                linkIfAbsent(p + w, "password", types);
            }
            for (String n : List.of("NAME", "DATABASE", "DB", "DBNAME")) {
                linkIfAbsent(p + n, "database", types);
            }
            linkIfAbsent(p + "URL", "url", types);
            linkIfAbsent(p + "URI", "url", types);
            if (List.of(types).contains("postgres")) {
                // PG_DSN, DB_DSN_URL: libpq and pgx take a postgresql:// URL where they take a DSN (a MySQL driver's
                // user:pass@tcp(host)/db DSN is no URL, so a MySQL stack gets no value it could not parse)
                linkIfAbsent(p + "DSN", "url", "postgres");
                linkIfAbsent(p + "DSN_URL", "url", "postgres");
            }
        }
        for (String n : List.of("DB_URL", "DB_URI", "DATABASE_URI", "SQLALCHEMY_DATABASE_URI", "SQLALCHEMY_URL")) {
            link(n, "url", "postgres", "mysql", "mariadb");
        }
        for (String n : List.of("JDBC_URL", "JDBC_DATABASE_URL", "DB_JDBC_URL", "DATASOURCE_URL", "SPRING_DATASOURCE_JDBC_URL")) {
            link(n, "jdbc", "postgres", "mysql", "mariadb");
        }
        // Celery and RQ: the broker is RabbitMQ or Redis, whichever the stack has
        for (String n : List.of("CELERY_BROKER_URL", "BROKER_URL", "CELERY_BROKER")) {
            link(n, "url", "rabbitmq", "redis");
        }
        for (String n : List.of("CELERY_RESULT_BACKEND", "RESULT_BACKEND", "CELERY_RESULT_BACKEND_URL")) {
            link(n, "url", "redis");
        }
        link("REDIS_URI", "url", "redis");
        link("REDIS_DSN", "url", "redis");
        link("SPRING_REDIS_HOST", "host", "redis");
        link("SPRING_REDIS_PORT", "port", "redis");
        for (String p : List.of("MONGO_", "MONGODB_")) {
            link(p + "HOST", "host", "mongodb");
            link(p + "PORT", "port", "mongodb");
            link(p + "USER", "user", "mongodb");
            link(p + "USERNAME", "user", "mongodb");
            link(p + "PASSWORD", "password", "mongodb");
        }
        link("REDIS_URL", "url", "redis");
        link("REDIS_HOST", "host", "redis");
        link("REDIS_PORT", "port", "redis");
        link("REDIS_ADDR", "address", "redis");
        link("SPRING_DATA_REDIS_HOST", "host", "redis");
        link("SPRING_DATA_REDIS_PORT", "port", "redis");
        for (String n : List.of("MONGODB_URI", "MONGODB_URL", "MONGO_URL", "MONGO_URI", "SPRING_DATA_MONGODB_URI")) {
            link(n, "url", "mongodb");
        }
        link("AMQP_URL", "url", "rabbitmq");
        link("RABBITMQ_URL", "url", "rabbitmq");
        for (String p : List.of("SPRING_RABBITMQ_", "RABBITMQ_")) {
            link(p + "HOST", "host", "rabbitmq");
            link(p + "PORT", "port", "rabbitmq");
            link(p + "USERNAME", "user", "rabbitmq");
            link(p + "PASSWORD", "password", "rabbitmq");
        }
        for (String n : List.of("KAFKA_BROKERS", "KAFKA_BOOTSTRAP_SERVERS", "SPRING_KAFKA_BOOTSTRAP_SERVERS")) {
            link(n, "brokers", "kafka");
        }

        DESCRIPTIONS.put("DATABASE_URL", "Database connection URL");
        DESCRIPTIONS.put("SPRING_DATASOURCE_URL", "JDBC URL of the database");
        DESCRIPTIONS.put("SPRING_DATASOURCE_USERNAME", "Database user");
        DESCRIPTIONS.put("SPRING_DATASOURCE_PASSWORD", "Database password");
        DESCRIPTIONS.put("PGHOST", "PostgreSQL host");
        DESCRIPTIONS.put("PGPORT", "PostgreSQL port");
        DESCRIPTIONS.put("PGUSER", "PostgreSQL user");
        DESCRIPTIONS.put("PGPASSWORD", "PostgreSQL password");
        DESCRIPTIONS.put("PGDATABASE", "PostgreSQL database name");
        DESCRIPTIONS.put("REDIS_URL", "Redis connection URL");
        DESCRIPTIONS.put("REDIS_HOST", "Redis host");
        DESCRIPTIONS.put("REDIS_PORT", "Redis port");
        DESCRIPTIONS.put("REDIS_ADDR", "Redis address (host:port)");
        DESCRIPTIONS.put("MONGODB_URI", "MongoDB connection URI");
        DESCRIPTIONS.put("MONGO_URI", "MongoDB connection URI");
        DESCRIPTIONS.put("MONGO_URL", "MongoDB connection URL");
        DESCRIPTIONS.put("AMQP_URL", "RabbitMQ (AMQP) connection URL");
        DESCRIPTIONS.put("RABBITMQ_URL", "RabbitMQ (AMQP) connection URL");
        DESCRIPTIONS.put("KAFKA_BROKERS", "Kafka bootstrap servers (host:port,…)");
        DESCRIPTIONS.put("KAFKA_BOOTSTRAP_SERVERS", "Kafka bootstrap servers (host:port,…)");
        DESCRIPTIONS.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", "Kafka bootstrap servers (host:port,…)");
        DESCRIPTIONS.put("PORT", "Port the app listens on");
        DESCRIPTIONS.put("LOG_LEVEL", "Log level");
        DESCRIPTIONS.put("SECRET_KEY", "Secret key for signing sessions and tokens");
        DESCRIPTIONS.put("JWT_SECRET", "Secret for signing JSON Web Tokens");
        DESCRIPTIONS.put("SESSION_SECRET", "Secret for signing session cookies");
    }

    private EnvNames() {
    }

    private static void linkIfAbsent(String name, String attribute, String... types) {
        if (!LINKS.containsKey(name)) {
            link(name, attribute, types);
        }
    }

    private static void link(String name, String attribute, String... types) {
        Map<String, String> m = LINKS.computeIfAbsent(name, k -> new LinkedHashMap<>());
        for (String t : types) {
            m.put(t, attribute);
        }
    }

    /** A one-line description for well-known names, or null. */
    public static String description(String name) {
        return DESCRIPTIONS.get(name);
    }

    /**
     * A description naming the service a variable is linked to ({@code from} = "postgres.url" makes
     * DATABASE_URL a "PostgreSQL connection URL"), else {@link #description(String)}.
     */
    public static String description(String name, String from) {
        if (from != null && from.endsWith(".url") && (name.equals("DATABASE_URL") || name.endsWith("_DATABASE_URL"))) {
            String product = switch (from.substring(0, from.indexOf('.'))) {
                case "postgres" -> "PostgreSQL";
                case "mysql" -> "MySQL";
                case "mariadb" -> "MariaDB";
                default -> null;
            };
            if (product != null) {
                return product + " connection URL";
            }
        }
        return description(name);
    }

    /**
     * The service attribute ("postgres.url") a variable with this name derives from, given the service
     * types present (service name = type), or null when the name is not a known connection variable.
     */
    public static String serviceAttribute(String name, Collection<String> serviceTypes) {
        return serviceAttribute(name, null, serviceTypes);
    }

    /** Name suffixes of a service's URL, for prefixed names ({@code RQ_REDIS_URL}, {@code APP_DATABASE_URL}). */
    private static final Pattern SUFFIX_LINK = Pattern.compile(
            "_(REDIS_URL|REDIS_URI|REDIS_HOST|REDIS_PORT|DATABASE_URL|DATABASE_URI|DB_URL|DB_HOST|DB_PORT|DB_USER|DB_USERNAME"
            + "|DB_PASSWORD|DB_PASS|DB_NAME|DB_DATABASE|DATABASE_HOST|DATABASE_PORT|DATABASE_USER|DATABASE_PASSWORD"
            + "|DATABASE_NAME|MONGO_URL|MONGO_URI|MONGODB_URL"
            + "|MONGODB_URI|AMQP_URL|RABBITMQ_URL|BROKER_URL)$");
    /** A connection URL (JDBC or not) whose scheme names the service: postgres://, jdbc:mysql://, redis://, amqp:// … */
    private static final Pattern SCHEME = Pattern.compile(
            "^(jdbc:)?(postgres|postgresql|mysql|mariadb|mongodb|mongodb\\+srv|redis|rediss|amqp|amqps)(?:\\+[\\w]+)?://(?:[^@/]*@)?([^:/?,]*)");
    /** A host:port default ({@code localhost:6379}). */
    private static final Pattern HOST_PORT = Pattern.compile("^(localhost|127\\.0\\.0\\.1|0\\.0\\.0\\.0):(\\d{2,5})$");

    /**
     * The service attribute ("postgres.url") a variable derives from, given the service types present, from its
     * name ({@link #serviceAttribute(String, Collection)}: well-known names and families such as DB_HOST,
     * PG_PASSWORD, CELERY_BROKER_URL, *_REDIS_URL) or else from the code's default when that points at a local
     * service ({@code redis://localhost:6379/0}, {@code jdbc:postgresql://localhost:5432/app},
     * {@code localhost:6379}, a {@code localhost} default of a *_HOST named after the service); or null.
     */
    public static String serviceAttribute(String name, String codeDefault, Collection<String> serviceTypes) {
        Map<String, String> m = LINKS.get(name);
        if (m == null) {
            Matcher suffix = SUFFIX_LINK.matcher(name);
            if (suffix.find()) {
                m = LINKS.get(switch (suffix.group(1)) {
                    case "DATABASE_URI" -> "DATABASE_URI";
                    case "BROKER_URL" -> "CELERY_BROKER_URL";
                    default -> suffix.group(1);
                });
            }
        }
        if (m == null) {
            String[] byDefault = fromDefault(name, codeDefault);
            if (byDefault != null) {
                for (String t : byDefault[0].split(",")) {
                    if (serviceTypes.contains(t)) {
                        return t + "." + byDefault[1];
                    }
                }
            }
            return null;
        }
        for (Map.Entry<String, String> e : m.entrySet()) {
            if (serviceTypes.contains(e.getKey())) {
                boolean jdbc = "url".equals(e.getValue()) && codeDefault != null && codeDefault.startsWith("jdbc:")
                        && !"redis".equals(e.getKey()) && !"rabbitmq".equals(e.getKey());
                return e.getKey() + "." + (jdbc ? "jdbc" : e.getValue()); // DB_URL defaulting to jdbc:… wants a JDBC URL
            }
        }
        return null;
    }

    /**
     * The service type a variable's name implies on its own (REDIS_URL → redis, PGHOST → postgres,
     * MONGO_URI → mongodb, AMQP_URL → rabbitmq, KAFKA_BROKERS → kafka), or null. DATABASE_URL implies
     * nothing: it could name any database.
     */
    public static String impliedService(String name) {
        return impliedService(name, null);
    }

    /**
     * A family's bare prefix read as the database name: an app that reads {@code DB_HOST}, {@code DB_USER},
     * {@code DB_PASS} … and {@code DB} (or {@code DATABASE} beside {@code DATABASE_HOST} …) names its database
     * with the bare one. It is {@code TYPE.database} of the service its family members are wired to; null when
     * no member of its family is (or its code default is a URL: then it is no name).
     */
    public static String familyDatabaseName(String name, String codeDefault, Collection<String> appReads,
            Collection<String> serviceTypes) {
        if (!List.of("DB", "DATABASE").contains(name) || (codeDefault != null && codeDefault.contains("://"))) {
            return null;
        }
        for (String member : List.of("HOST", "USER", "USERNAME", "PASSWORD", "PASS", "PORT")) {
            if (appReads.contains(name + "_" + member)) {
                String from = serviceAttribute(name + "_" + member, null, serviceTypes);
                if (from != null) {
                    return from.substring(0, from.indexOf('.')) + ".database";
                }
            }
        }
        return null;
    }

    /** The service type(s) ("mysql,mariadb") and attribute a code default points at, or null. */
    private static String[] fromDefault(String name, String def) {
        if (def == null) {
            return null;
        }
        String d = def.trim();
        Matcher sc = SCHEME.matcher(d);
        if (sc.find() && localHost(sc.group(3))) {
            String types = switch (sc.group(2)) {
                case "postgres", "postgresql" -> "postgres";
                case "mysql" -> "mysql,mariadb";
                case "mariadb" -> "mariadb,mysql";
                case "mongodb", "mongodb+srv" -> "mongodb";
                case "redis", "rediss" -> "redis";
                default -> "rabbitmq";
            };
            return new String[] {types, sc.group(1) != null ? "jdbc" : "url"};
        }
        Matcher hp = HOST_PORT.matcher(d);
        if (hp.matches()) {
            for (String t : List.of("postgres", "mysql", "mongodb", "redis", "rabbitmq", "kafka")) {
                dev.devops.descriptor.ServiceCatalog.Entry e = dev.devops.descriptor.ServiceCatalog.get(t);
                if (e != null && String.valueOf(e.port()).equals(hp.group(2))) {
                    return new String[] {"mysql".equals(t) ? "mysql,mariadb" : t, "kafka".equals(t) ? "brokers" : "address"};
                }
            }
        }
        String n = name.toUpperCase(Locale.ROOT);
        if (localHost(d) && n.matches(".*_(HOST|HOSTNAME|SERVER)$")) {
            for (String[] w : new String[][] {{"REDIS", "redis"}, {"POSTGRES", "postgres"}, {"PG", "postgres"},
                    {"MYSQL", "mysql,mariadb"}, {"MARIADB", "mariadb"}, {"MONGO", "mongodb"}, {"RABBIT", "rabbitmq"},
                    {"AMQP", "rabbitmq"}, {"DB", "postgres,mysql,mariadb"}, {"DATABASE", "postgres,mysql,mariadb"}}) {
                if (Pattern.compile("(^|_)" + w[0]).matcher(n).find()) {
                    return new String[] {w[1], "host"};
                }
            }
        }
        return null;
    }

    private static boolean localHost(String host) {
        return host.isEmpty() || host.equals("localhost") || host.equals("127.0.0.1") || host.equals("0.0.0.0") || host.equals("[::1]")
                || host.equals("::1") || host.matches("(?i)(postgres|postgresql|db|database|mysql|mariadb|mongo|mongodb|redis|rabbitmq|rabbit|broker)");
    }

    /**
     * The service type a variable implies from its name ({@link #impliedService(String)}, or a prefixed family:
     * RQ_REDIS_URL, CACHE_REDIS_HOST) or from a code default pointing at a local service
     * ({@code redis://localhost:6379}); null otherwise. A default naming MySQL implies mysql.
     */
    public static String impliedService(String name, String codeDefault) {
        String byName = impliedByName(name);
        if (byName != null) {
            return byName;
        }
        // only a connection URL implies a service; a bare localhost host default only links to one already there
        String[] d = codeDefault == null || !codeDefault.contains("://") ? null : fromDefault(name, codeDefault);
        return d == null ? null : d[0].split(",")[0];
    }

    private static String impliedByName(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (n.matches(".*_REDIS_(URL|URI|HOST)$") || n.equals("REDIS_URI")) {
            return "redis";
        }
        if (n.matches(".*_MONGO(DB)?_(URL|URI)$")) {
            return "mongodb";
        }
        if (n.equals("REDIS_URL") || n.equals("REDIS_ADDR") || n.equals("REDIS_HOST")) {
            return "redis";
        }
        if (List.of("PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE").contains(n) || n.startsWith("POSTGRES_")) {
            return "postgres";
        }
        if (n.startsWith("MONGO") && (n.endsWith("_URI") || n.endsWith("_URL"))) {
            return "mongodb";
        }
        if (n.equals("AMQP_URL") || n.startsWith("RABBITMQ_")) {
            return "rabbitmq";
        }
        if (n.equals("KAFKA_BROKERS") || n.equals("KAFKA_BOOTSTRAP_SERVERS")) {
            return "kafka";
        }
        return null;
    }

    /** Variables that choose the database backend: DB_ENGINE, DATABASE_TYPE, DB_DIALECT, DB_CONNECTION … */
    private static final Pattern SELECTOR = Pattern.compile(
            "^(?:[A-Z0-9]+_)?(?:DB|DATABASE|SQL)_(?:ENGINE|TYPE|DIALECT|CONNECTION|DRIVER|BACKEND|VENDOR|KIND|PROVIDER|CLIENT)$"
            + "|^TYPEORM_CONNECTION$");

    /** Whether the variable selects which database backend the app uses (DB_ENGINE, DATABASE_TYPE, DB_DIALECT …). */
    public static boolean isBackendSelector(String name) {
        return SELECTOR.matcher(name).matches();
    }

    private static final String DB_LITERAL = "['\"`](postgres|postgresql|pg|psql|mysql|mysql2|mariadb|mongodb|mongo|sqlite3?)['\"`]";

    /**
     * The value the code compares a variable with to choose its database backend, for a service type: the literal
     * of {@code os.getenv("DB") == "postgres"}, {@code os.getenv("DB") in ["mysql", "mariadb"]},
     * {@code process.env.DB_KIND === 'pg'}; null when the code makes no such comparison (a selector by its name
     * alone is {@link #isBackendSelector}). A bare {@code DB} is a selector this way only.
     */
    public static String comparedSelectorValue(String name, String type, String codeText) {
        if (codeText == null || !codeText.contains(name)) {
            return null;
        }
        String read = "(?:['\"`]" + Pattern.quote(name) + "['\"`]\\s*(?:,[^)\\n]*)?\\)|\\benv\\." + Pattern.quote(name) + "\\b)";
        Matcher m = Pattern.compile(read + "\\s*(?:===?|in)\\s*[\\[(]?\\s*(" + DB_LITERAL + "(?:\\s*,\\s*" + DB_LITERAL + ")*)")
                .matcher(codeText);
        List<String> spellings = switch (type) {
            case "postgres" -> List.of("postgres", "postgresql", "pg", "psql");
            case "mysql" -> List.of("mysql", "mysql2", "mariadb");
            case "mariadb" -> List.of("mariadb", "mysql");
            case "mongodb" -> List.of("mongodb", "mongo");
            default -> List.of(type);
        };
        while (m.find()) {
            Matcher lit = Pattern.compile(DB_LITERAL).matcher(m.group(1));
            while (lit.find()) {
                if (spellings.contains(lit.group(1))) {
                    return lit.group(1);
                }
            }
        }
        return null;
    }

    /**
     * The value a backend selector takes for a service type, in the style the code uses: its default
     * ({@code django.db.backends.sqlite3} → {@code django.db.backends.postgresql}), else the spelling of the
     * type found in the code that reads it ({@code 'postgresql'}, {@code 'pg'}, {@code 'mysql2'}), else the type.
     */
    public static String selectorValue(String type, String codeDefault, String codeText) {
        List<String> spellings = switch (type) {
            case "postgres" -> List.of("postgresql", "postgres", "pg", "psql");
            case "mysql" -> List.of("mysql", "mysql2");
            case "mariadb" -> List.of("mariadb", "mysql");
            case "mongodb" -> List.of("mongodb", "mongo");
            default -> List.of(type);
        };
        if (codeDefault != null && codeDefault.startsWith("django.db.backends.")) {
            return "django.db.backends." + ("postgres".equals(type) ? "postgresql" : "mariadb".equals(type) ? "mysql" : type);
        }
        String text = codeText == null ? "" : codeText;
        if (text.contains("django.db.backends.")) {
            return "django.db.backends." + ("postgres".equals(type) ? "postgresql" : "mariadb".equals(type) ? "mysql" : type);
        }
        for (String sp : spellings) {
            if (Pattern.compile("['\"`]" + Pattern.quote(sp) + "['\"`]").matcher(text).find()) {
                return sp;
            }
        }
        return spellings.get(0).equals("postgresql") ? "postgres" : spellings.get(0);
    }
}
