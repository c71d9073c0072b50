package dev.devops.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Variables a client library reads by itself when the code constructs it without the setting: the code never
 * names them, but they are the app's configuration all the same, and the services init adds reach the app only
 * through them (issue 9 class 2).
 * <ul>
 * <li>node-postgres ({@code new Pool()}, {@code new pg.Client({max: 5})}) and postgres.js ({@code postgres()}) fall
 * back to libpq's {@code PGHOST}, {@code PGPORT}, {@code PGUSER}, {@code PGPASSWORD} and {@code PGDATABASE} for every
 * connection setting the code leaves out (no {@code connectionString} and no {@code host}).</li>
 * <li>TypeORM 0.2 ({@code TypeOrmModule.forRoot()}, {@code createConnection()} without options) reads an
 * {@code ormconfig} file of the app, and without one its {@code TYPEORM_*} variables; {@code TYPEORM_CONNECTION}
 * must be set. The values of a committed {@code ormconfig.json.example} (what the README says to copy) are their
 * defaults.</li>
 * </ul>
 * JavaScript and TypeScript only; reads are reported where the library is constructed.
 */
final class LibraryEnv {
    private LibraryEnv() {
    }

    static final List<String> LIBPQ = List.of("PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE");
    private static final Pattern IMPORTS_PG = Pattern.compile("(?:require\\s*\\(\\s*|from\\s+)['\"](pg|pg-pool|postgres)['\"]");
    private static final Pattern PG_NEW = Pattern.compile("\\bnew\\s+(?:[A-Za-z_$][\\w$]*\\.)?(Pool|Client)\\s*\\(");
    private static final Pattern POSTGRES_JS_CALL = Pattern.compile("(?<![\\w$.])postgres\\s*\\(");
    private static final Pattern IMPORTS_TYPEORM = Pattern.compile("(?:require\\s*\\(\\s*|from\\s+)['\"](typeorm|@nestjs/typeorm)['\"]");
    private static final Pattern TYPEORM_NO_OPTIONS = Pattern.compile(
            "\\b(?:TypeOrmModule\\.forRoot|createConnection|createConnections|getConnectionOptions)\\s*\\(\\s*\\)");
    /** TypeORM's ormconfig files, in the order its ConnectionOptionsReader looks for them. */
    static final List<String> ORMCONFIG = List.of("ormconfig.env", "ormconfig.js", "ormconfig.mjs", "ormconfig.cjs",
            "ormconfig.ts", "ormconfig.mts", "ormconfig.cts", "ormconfig.json", "ormconfig.yml", "ormconfig.yaml", "ormconfig.xml");
    /** TYPEORM_* variable → the key of ormconfig.json it stands for. */
    private static final Map<String, String> TYPEORM = new LinkedHashMap<>();

    static {
        TYPEORM.put("TYPEORM_CONNECTION", "type");
        TYPEORM.put("TYPEORM_HOST", "host");
        TYPEORM.put("TYPEORM_PORT", "port");
        TYPEORM.put("TYPEORM_USERNAME", "username");
        TYPEORM.put("TYPEORM_PASSWORD", "password");
        TYPEORM.put("TYPEORM_DATABASE", "database");
        TYPEORM.put("TYPEORM_SYNCHRONIZE", "synchronize");
        TYPEORM.put("TYPEORM_ENTITIES", "entities");
    }

    /** The implicit reads of the file {@code path} of the app in {@code dir}. */
    static List<EnvReference> reads(RepoFiles repo, String dir, String path, String text) {
        List<EnvReference> out = new ArrayList<>();
        if (text == null || !EnvScanner.isJavaScript(path)) {
            return out;
        }
        SourceLexer.Lines lines = new SourceLexer.Lines(text);
        java.util.Set<String> modules = new java.util.HashSet<>();
        for (Matcher imp = IMPORTS_PG.matcher(text); imp.find(); ) {
            modules.add(imp.group(1));
        }
        for (Pattern construct : List.of(PG_NEW, POSTGRES_JS_CALL)) {
            if (construct == PG_NEW ? !modules.contains("pg") && !modules.contains("pg-pool") : !modules.contains("postgres")) {
                continue;
            }
            Matcher m = construct.matcher(text);
            while (m.find()) {
                String args = arguments(text, m.end());
                if (args != null && !args.matches("(?s).*\\b(connectionString|host)\\b.*") && !args.matches("(?s)\\s*['\"`].*")
                        && !args.matches("(?s)\\s*[A-Za-z_$][\\w$.]*\\s*")) {
                    for (String v : LIBPQ) {
                        out.add(at(v, path, lines, m.start(), null, false));
                    }
                    return withTypeorm(repo, dir, path, text, lines, out);
                }
            }
        }
        return withTypeorm(repo, dir, path, text, lines, out);
    }

    private static List<EnvReference> withTypeorm(RepoFiles repo, String dir, String path, String text, SourceLexer.Lines lines,
            List<EnvReference> out) {
        Matcher t = IMPORTS_TYPEORM.matcher(text);
        Matcher call = TYPEORM_NO_OPTIONS.matcher(text);
        if (t.find() && call.find() && ORMCONFIG.stream().noneMatch(f -> repo.exists(RepoFiles.join(dir, f)))) {
            Map<String, String> example = ormconfigExample(repo, dir);
            for (Map.Entry<String, String> e : TYPEORM.entrySet()) {
                out.add(at(e.getKey(), path, lines, call.start(), example.get(e.getValue()),
                        "TYPEORM_CONNECTION".equals(e.getKey())));
            }
        }
        return out;
    }

    private static EnvReference at(String name, String path, SourceLexer.Lines lines, int offset, String def, boolean required) {
        return new EnvReference(name, path, lines.line(offset), lines.column(offset), def,
                required ? EnvReference.Kind.ORM_CONFIG : EnvReference.Kind.LIBRARY_DEFAULT, !required && def == null);
    }

    /** The text between the parenthesis at {@code open} (just after it) and its match, or null when unbalanced. */
    private static String arguments(String text, int open) {
        int depth = 1;
        for (int i = open; i < text.length() && i < open + 4000; i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                if (--depth == 0) {
                    return text.substring(open, i);
                }
            }
        }
        return null;
    }

    /** Scalar values of a committed ormconfig.json example (ormconfig.json.example, ormconfig.example.json). */
    private static Map<String, String> ormconfigExample(RepoFiles repo, String dir) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : List.of("ormconfig.json.example", "ormconfig.example.json", "ormconfig.json.sample")) {
            String f = RepoFiles.join(dir, name);
            if (!repo.exists(f)) {
                continue;
            }
            com.fasterxml.jackson.databind.JsonNode json = Manifests.json(repo, f);
            if (json == null || !json.isObject()) {
                continue;
            }
            for (String key : TYPEORM.values()) {
                com.fasterxml.jackson.databind.JsonNode v = json.get(key);
                if (v == null) {
                    continue;
                }
                if (v.isArray()) {
                    List<String> items = new ArrayList<>();
                    v.forEach(x -> items.add(x.asText()));
                    out.put(key, String.join(",", items));
                } else if (v.isValueNode() && !"password".equals(key) && !"username".equals(key) && !"host".equals(key)) {
                    out.put(key, v.asText()); // a host, user or password of the example is someone's placeholder
                }
            }
            break;
        }
        return out;
    }
}
