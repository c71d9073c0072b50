package dev.devops.detect;

import dev.devops.files.FileKinds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Committed KEY=value files an app loads its environment from when it starts: a file viper reads after
 * {@code viper.AutomaticEnv()} ({@code SetConfigFile("app.env")}, or {@code SetConfigName("app")} with
 * {@code SetConfigType("env")}), and files named in {@code godotenv.Load("config.env")}, python-dotenv's
 * {@code load_dotenv("config.env")} / {@code dotenv_values(…)} and Node's {@code dotenv.config({ path: … })}. Their
 * values are the variables' defaults (the environment overrides them). A local {@code .env} is never one: it is not
 * committed, and holds the developer's secrets.
 */
final class ConfigFiles {
    private static final Pattern VIPER_FILE = Pattern.compile("\\bviper\\.SetConfigFile\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern VIPER_NAME = Pattern.compile("\\bviper\\.SetConfigName\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern VIPER_TYPE_ENV = Pattern.compile("\\bviper\\.SetConfigType\\(\\s*\"(?:env|dotenv)\"\\s*\\)");
    /** A call of a dotenv loader; its last string literal is the file. */
    private static final Pattern LOADER = Pattern.compile(
            "\\b(godotenv\\.(?:Load|Overload|Read)|load_dotenv|dotenv_values|dotenv\\.config|require\\(\\s*['\"]dotenv['\"]\\s*\\)\\.config)\\s*\\(");
    private static final Pattern STRING = Pattern.compile("(['\"`])([^'\"`\\n]+)\\1");
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?m)^[ \\t]*(?:export[ \\t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \\t]*=[ \\t]*(?:\"([^\"\\n]*)\"|'([^'\\n]*)'|([^#\\r\\n]*?))[ \\t]*(?:#.*)?$");

    private ConfigFiles() {
    }

    /**
     * A file the app loads.
     *
     * @param file         repo-relative path
     * @param loader       the code that loads it ("viper at util/config.go:29")
     * @param keysAreReads every key is a read (viper binds the keys it knows to the environment); otherwise the file
     *                     only gives defaults to variables the code reads
     */
    record Loaded(String file, String loader, boolean keysAreReads) {
    }

    /** One KEY=value line of a loaded file. */
    record Entry(String name, String value, int line) {
    }

    /** The files the app's code loads, in source order, each once. */
    static List<Loaded> loaded(RepoFiles repo, AppDraft d) {
        Map<String, Loaded> out = new LinkedHashMap<>();
        for (String f : d.sources) {
            if (EnvHelpers.lang(f) == null || FileKinds.isBuildScript(f)) {
                continue;
            }
            String text = repo.source(f);
            if (text == null || !(text.contains("viper.") || text.contains("dotenv"))) {
                continue;
            }
            SourceLexer.Lines lines = new SourceLexer.Lines(text);
            if (text.contains("viper.AutomaticEnv()")) {
                Matcher m = VIPER_FILE.matcher(text);
                while (m.find()) {
                    add(out, repo, d, m.group(1), "viper at " + f + ":" + lines.line(m.start()), true);
                }
                m = VIPER_NAME.matcher(text);
                if (VIPER_TYPE_ENV.matcher(text).find()) {
                    while (m.find()) {
                        String name = m.group(1);
                        add(out, repo, d, name.endsWith(".env") ? name : name + ".env",
                                "viper at " + f + ":" + lines.line(m.start()), true);
                    }
                }
            }
            Matcher m = LOADER.matcher(text);
            while (m.find()) {
                int close = SourceLexer.closing(text, m.end() - 1, '(', ')');
                if (close < 0) {
                    continue;
                }
                Matcher s = STRING.matcher(text.substring(m.end(), close));
                while (s.find()) {
                    String name = s.group(2);
                    if (name.endsWith(".env") || name.startsWith(".env") || name.contains("env")) {
                        add(out, repo, d, name, m.group(1).replaceAll("\\s", "") + " at " + f + ":" + lines.line(m.start()), false);
                    }
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /** A string literal naming an INI/TOML-style config file ({@code ini.Load("conf/app.ini")}). */
    private static final Pattern INI_NAME = Pattern.compile("(['\"`])([\\w./-]+\\.(?:ini|toml|cfg|conf))\\1");
    private static final Pattern SECTION = Pattern.compile("^\\s*\\[+\\s*([\\w.\\- ]+?)\\s*]+\\s*$");
    private static final Pattern INI_KEY_VALUE = Pattern.compile("^\\s*([\\w.-]+)\\s*[=:]\\s*(.*?)\\s*$");
    private static final java.util.Set<String> TYPE_KEYS = java.util.Set.of("type", "driver", "dialect", "adapter", "engine",
            "dbtype", "db_type", "database_type", "drivername", "driver_name");
    private static final java.util.Set<String> ADDRESS_KEYS = java.util.Set.of("host", "addr", "address", "url", "dsn",
            "uri", "hostname", "server");
    private static final Map<String, String> PORTS = Map.of("5432", "postgres", "3306", "mysql", "6379", "redis",
            "27017", "mongodb", "5672", "rabbitmq", "9092", "kafka");

    /**
     * Services named by the sections of INI/TOML config files the app's code loads by name (go-gin style
     * {@code conf/app.ini}: {@code [database] Type = mysql, Host = 127.0.0.1:3306}): a section whose type key
     * (Type, Driver, Dialect, Adapter …) names a database, or whose address key (Host, Addr, URL …) points at a local
     * server's well-known port or scheme. Service type → evidence line.
     */
    static Map<String, String> sectionServices(RepoFiles repo, AppDraft d) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, Loaded> files = new LinkedHashMap<>();
        for (String f : d.sources) {
            if (EnvHelpers.lang(f) == null || FileKinds.isBuildScript(f)) {
                continue;
            }
            String text = repo.source(f);
            if (text == null) {
                continue;
            }
            Matcher m = INI_NAME.matcher(text);
            while (m.find()) {
                add(files, repo, d, m.group(2), f + ":" + new SourceLexer.Lines(text).line(m.start()), false);
            }
        }
        for (Loaded l : files.values()) {
            String text = repo.source(l.file());
            if (text == null) {
                continue;
            }
            String section = "";
            Map<String, String[]> keys = new LinkedHashMap<>();
            List<String> lines = new ArrayList<>(List.of(text.split("\\R", -1)));
            lines.add("[]"); // flushes the last section
            for (String line : lines) {
                String t = line.strip();
                if (t.startsWith("#") || t.startsWith(";")) {
                    continue;
                }
                Matcher sm = SECTION.matcher(t);
                if (sm.matches() || "[]".equals(t)) {
                    String type = sectionType(section, keys);
                    if (type != null && !out.containsKey(type)) {
                        out.put(type, type + " from config section [" + section + "] of " + l.file() + " ("
                                + String.join(", ", keys.values().stream().filter(kv -> TYPE_KEYS.contains(kv[0].toLowerCase(Locale.ROOT))
                                        || ADDRESS_KEYS.contains(kv[0].toLowerCase(Locale.ROOT)))
                                        .map(kv -> kv[0] + " = " + DescriptorAssembly.withoutPassword(kv[1])).toList())
                                + "), loaded at " + l.loader());
                    }
                    section = sm.matches() ? sm.group(1) : "";
                    keys.clear();
                    continue;
                }
                Matcher kv = INI_KEY_VALUE.matcher(t);
                if (kv.matches()) {
                    String v = kv.group(2).replaceAll("^['\"]|['\"]$", "");
                    keys.put(kv.group(1).toLowerCase(Locale.ROOT), new String[] {kv.group(1), v});
                }
            }
        }
        return out;
    }

    /** The service a section configures, or null. */
    private static String sectionType(String section, Map<String, String[]> keys) {
        for (Map.Entry<String, String[]> e : keys.entrySet()) {
            if (TYPE_KEYS.contains(e.getKey())) {
                String type = serviceWord(e.getValue()[1]);
                if (type != null) {
                    return type;
                }
            }
        }
        for (Map.Entry<String, String[]> e : keys.entrySet()) {
            if (!ADDRESS_KEYS.contains(e.getKey())) {
                continue;
            }
            String v = e.getValue()[1].toLowerCase(Locale.ROOT);
            Matcher scheme = Pattern.compile("^(postgres(?:ql)?|mysql|mariadb|mongodb(?:\\+srv)?|redis|amqp)://").matcher(v);
            if (scheme.find()) {
                return serviceWord(scheme.group(1));
            }
            Matcher local = Pattern.compile("^(?:localhost|127\\.0\\.0\\.1|0\\.0\\.0\\.0)?:(\\d+)$").matcher(v);
            if (local.find() && PORTS.containsKey(local.group(1))) {
                return PORTS.get(local.group(1));
            }
        }
        return null;
    }

    private static String serviceWord(String raw) {
        String v = raw.toLowerCase(Locale.ROOT).strip();
        if (v.matches("postgres(?:ql)?|pg|pgx|postgis")) {
            return "postgres";
        }
        if (v.matches("mysql|mysql2")) {
            return "mysql";
        }
        if (v.equals("mariadb")) {
            return "mariadb";
        }
        if (v.matches("mongo(?:db)?(?:\\+srv)?")) {
            return "mongodb";
        }
        if (v.equals("redis")) {
            return "redis";
        }
        if (v.matches("amqp|rabbitmq")) {
            return "rabbitmq";
        }
        return null;
    }

    /** The KEY=value entries of a loaded file, in order. */
    static List<Entry> entries(RepoFiles repo, String file) {
        List<Entry> out = new ArrayList<>();
        String text = repo.source(file);
        if (text == null) {
            return out;
        }
        SourceLexer.Lines lines = new SourceLexer.Lines(text);
        Matcher m = KEY_VALUE.matcher(text);
        while (m.find()) {
            String v = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            out.add(new Entry(m.group(1), v, lines.line(m.start(1))));
        }
        return out;
    }

    /**
     * Resolves a name from the code to a committed file: relative to the app directory, else relative to the
     * repository root, else the one file of the app with that name.
     */
    private static void add(Map<String, Loaded> out, RepoFiles repo, AppDraft d, String name, String loader,
            boolean keysAreReads) {
        String clean = name.replace('\\', '/').replaceAll("^\\./", "");
        String base = clean.substring(clean.lastIndexOf('/') + 1);
        if (base.isEmpty() || FileKinds.dotenv(base) == FileKinds.Dotenv.LOCAL || clean.startsWith("/")) {
            return; // the developer's own .env / .env.local: not committed configuration
        }
        String found = null;
        for (String candidate : List.of(RepoFiles.join(d.dir, clean), clean)) {
            if (found == null && repo.exists(candidate)) {
                found = candidate;
            }
        }
        if (found == null) {
            List<String> same = d.sources.stream().filter(f -> f.equals(base) || f.endsWith("/" + base)).toList();
            found = same.size() == 1 ? same.get(0) : null;
        }
        if (found != null && !out.containsKey(found) && !base.toLowerCase(Locale.ROOT).endsWith(".json")) {
            out.put(found, new Loaded(found, loader, keysAreReads));
        }
    }
}
