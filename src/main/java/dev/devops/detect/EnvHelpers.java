package dev.devops.detect;

import dev.devops.detect.EnvReference.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Variables read through an app's own helper functions: a function whose body reads the environment by one of
 * its parameters ({@code def env_bool(name, default): return os.environ.get(name, …)}, {@code func getEnv(key,
 * def string) string { … os.Getenv(key) … }}, {@code const env = (k, d) => process.env[k] ?? d}, a Java method
 * calling {@code System.getenv(name)}) makes each call {@code helper("X", default)} a read of X with that
 * default. Two Python libraries work the same way and are recognised by their import: python-decouple's
 * {@code config("X", default=…)} and django-environ's {@code env = environ.Env(…)}, {@code env.bool("X", …)}; and
 * Go's viper after {@code viper.AutomaticEnv()}: {@code viper.SetDefault("db_dsn", …)} and {@code viper.GetString("db_dsn")}
 * read DB_DSN (with the {@code SetEnvPrefix} prefix). In a JavaScript/TypeScript file importing
 * {@code @nestjs/config}, {@code configService.get('X', default)} and {@code configService.getOrThrow('X')} read X.
 *
 * <p>A call without a default is required when the helper fails on an unset variable (its body throws, raises,
 * panics or exits, or indexes {@code os.environ[name]}; decouple and django-environ raise), optional otherwise.
 * Only UPPER_SNAKE literal keys count. A call through an object ({@code cfg.get("X")}) counts only for a helper
 * name that is not a common method name.
 */
final class EnvHelpers {

    /** The syntaxes helpers are looked for in. */
    enum Lang { JS, JAVA, PYTHON, GO }

    /**
     * A helper function.
     *
     * @param name             the function's name
     * @param lang             its language (calls count in files of the same language)
     * @param keyIndex         the argument holding the variable's name
     * @param defaultIndex     the argument holding the fallback, or -1
     * @param defaultKeyword   a keyword argument holding the fallback (Python), or null
     * @param signatureDefault the fallback when the call leaves it out (a literal default of the parameter), or null
     * @param failsWhenUnset   the helper aborts when the variable is unset and no fallback is given
     * @param where            "path:line" of its definition
     */
    record Helper(String name, Lang lang, int keyIndex, int defaultIndex, String defaultKeyword,
            String signatureDefault, boolean failsWhenUnset, String where) {
    }

    private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** Method names too common to count when called through an object. */
    private static final java.util.Set<String> COMMON = java.util.Set.of("get", "getOrDefault", "get_or_default", "str",
            "int", "bool", "float", "list", "value", "lookup", "read", "load", "parse", "env", "config", "string");

    private static final Pattern PY_DEF = Pattern.compile("(?m)^([ \\t]*)(?:async\\s+)?def\\s+(\\w+)\\s*\\(");
    private static final Pattern JS_FUNCTION = Pattern.compile("\\bfunction\\s+(\\w+)\\s*\\(");
    private static final Pattern JS_ARROW = Pattern.compile(
            "\\b(?:const|let|var)\\s+(\\w+)\\s*(?::[^=\\n]+)?=\\s*(?:async\\s*)?(?:function\\s*)?(?:<[^<>()=;]*>\\s*)?\\(");
    private static final Pattern GO_FUNC = Pattern.compile("(?m)^func\\s+(\\w+)\\s*\\(");
    private static final Pattern JAVA_METHOD = Pattern.compile(
            "(?m)^[ \\t]*(?:(?:public|private|protected|static|final)\\s+)*[\\w<>\\[\\],. ?]+?\\s+(\\w+)\\s*\\(");
    private static final Pattern ABORT_PY = Pattern.compile("\\braise\\b|\\bsys\\.exit\\(");
    private static final Pattern ABORT_JS = Pattern.compile("\\bthrow\\b|\\bprocess\\.exit\\(");
    private static final Pattern ABORT_GO = Pattern.compile("\\bpanic\\(|\\.Fatal(?:f|ln)?\\(|\\bos\\.Exit\\(");
    private static final Pattern ABORT_JAVA = Pattern.compile("\\bthrow\\b|\\bSystem\\.exit\\(");

    private static final Pattern DECOUPLE = Pattern.compile("(?m)^\\s*from\\s+decouple\\s+import\\s+[^\\n]*\\bconfig\\b");
    /** {@code module.exports = ({ env }) =>}, {@code export default ({ env }) => ({…})}: a config module of env. */
    private static final Pattern CONFIG_FUNCTION = Pattern.compile(
            "(?:module\\.exports\\s*=|export\\s+default)\\s*(?:async\\s*)?(?:function\\s*\\w*\\s*)?\\(\\s*\\{\\s*(?:\\w+\\s*,\\s*)*env\\b[^)]*\\}\\s*\\)");
    private static final Pattern CONFIG_FUNCTION_ENV = Pattern.compile(
            "(?<![\\w$.])env(?:\\s*\\.\\s*(int|float|bool|json|array|date|oneOf))?\\s*\\(");
    private static final Pattern STARLETTE_CONFIG_IMPORT = Pattern.compile(
            "(?m)^\\s*from\\s+starlette\\.config\\s+import\\s+[^\\n]*\\bConfig\\b");
    private static final Pattern STARLETTE_CONFIG = Pattern.compile("(?m)^(\\w+)\\s*=\\s*Config\\(");
    private static final Pattern DJANGO_ENVIRON = Pattern.compile("(?m)^\\s*(\\w+)\\s*=\\s*environ\\.Env\\(");
    private static final String DJANGO_ENVIRON_WHERE = "django-environ";
    private static final Pattern NEST_CONFIG_IMPORT = Pattern.compile(
            "\\bfrom\\s+['\"]@nestjs/config['\"]|require\\(\\s*['\"]@nestjs/config['\"]\\s*\\)");
    /** {@code configService.get<string>(}, {@code this.config.getOrThrow(}, {@code app.get(ConfigService).get(}. */
    private static final Pattern NEST_CONFIG_GET = Pattern.compile(
            "(?:(?i:\\b\\w*config\\w*)|\\bget\\s*\\(\\s*ConfigService\\s*\\))\\s*\\.\\s*(get|getOrThrow)\\s*(?:<[^<>()]*>)?\\s*\\(");
    private static final String VIPER_WHERE = "viper.AutomaticEnv";
    private static final Pattern VIPER_PREFIX = Pattern.compile("viper\\.SetEnvPrefix\\(\\s*\"(\\w+)\"");
    private static final Pattern VIPER_DEFAULT = Pattern.compile(
            "\\bviper\\.SetDefault\\(\\s*\"([\\w.-]+)\"\\s*,\\s*(\"[^\"\\n]*\"|-?\\d+(?:\\.\\d+)?|true|false)");
    private static final Pattern VIPER_GET = Pattern.compile("\\bviper\\.Get\\w*\\(\\s*\"([\\w.-]+)\"\\s*\\)");
    private static final Pattern DJANGO_SCHEMA_ENTRY = Pattern.compile(
            "\\b([A-Z][A-Z0-9_]*)\\s*=\\s*\\(\\s*\\w+\\s*,\\s*(?:(['\"])([^'\"\\n]*)\\2|(-?\\d+(?:\\.\\d+)?)|(True|False))\\s*\\)");
    private static final java.util.Set<String> DJANGO_ENVIRON_METHODS = java.util.Set.of("str", "bool", "int", "float",
            "list", "tuple", "dict", "url", "db", "db_url", "cache", "cache_url", "email", "email_url", "search_url",
            "path", "json", "bytes");

    private EnvHelpers() {
    }

    static Lang lang(String rel) {
        String name = rel.substring(rel.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.endsWith(".d.ts")) {
            return null;
        }
        int dot = name.lastIndexOf('.');
        return switch (dot < 0 ? "" : name.substring(dot + 1)) {
            case "js", "mjs", "cjs", "jsx", "ts", "tsx", "mts", "cts" -> Lang.JS;
            case "java", "kt" -> Lang.JAVA;
            case "py" -> Lang.PYTHON;
            case "go" -> Lang.GO;
            default -> null;
        };
    }

    /** The helpers defined in one file. */
    static List<Helper> find(String rel, String text) {
        Lang lang = lang(rel);
        if (lang == null || text == null || !mentionsEnv(lang, text)) {
            return List.of();
        }
        List<Helper> out = new ArrayList<>();
        SourceLexer.Lines lines = new SourceLexer.Lines(text);
        switch (lang) {
            case PYTHON -> {
                Matcher inst = DJANGO_ENVIRON.matcher(text);
                while (inst.find()) {
                    // env = environ.Env(): imported elsewhere as 'from config.env import env'
                    out.add(new Helper(inst.group(1), lang, 0, -1, "default", null, true, DJANGO_ENVIRON_WHERE));
                }
                Matcher m = PY_DEF.matcher(text);
                while (m.find()) {
                    int close = SourceLexer.closing(text, m.end() - 1, '(', ')');
                    if (close < 0) {
                        continue;
                    }
                    int colon = text.indexOf(':', close);
                    if (colon < 0) {
                        continue;
                    }
                    String body = pythonBody(text, colon + 1, m.group(1).length());
                    helper(out, m.group(2), lang, params(text.substring(m.end(), close), lang), body,
                            rel + ":" + lines.line(m.start(2)));
                }
            }
            case GO -> {
                if (text.contains("viper.AutomaticEnv()")) {
                    // viper binds every key to the environment: viper.GetString("db_dsn") reads DB_DSN (after SetEnvPrefix)
                    Matcher p = VIPER_PREFIX.matcher(text);
                    out.add(new Helper(p.find() ? p.group(1).toUpperCase(Locale.ROOT) + "_" : "", lang, 0, -1, null, null,
                            false, VIPER_WHERE));
                }
                Matcher m = GO_FUNC.matcher(text);
                while (m.find()) {
                    braceHelper(out, text, m, lang, rel, lines);
                }
            }
            case JS -> {
                for (Pattern p : List.of(JS_FUNCTION, JS_ARROW)) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        braceHelper(out, text, m, lang, rel, lines);
                    }
                }
            }
            case JAVA -> {
                Matcher m = JAVA_METHOD.matcher(text);
                while (m.find()) {
                    String n = m.group(1);
                    if (!List.of("if", "for", "while", "switch", "catch", "return", "new").contains(n)) {
                        braceHelper(out, text, m, lang, rel, lines);
                    }
                }
            }
            default -> {
            }
        }
        return out;
    }

    private static boolean mentionsEnv(Lang lang, String text) {
        return switch (lang) {
            case JS -> text.contains("process.env") || text.contains("process?.env");
            case JAVA -> text.contains("getenv");
            case PYTHON -> text.contains("environ") || text.contains("getenv") || text.contains("decouple")
                    || text.contains("starlette.config");
            case GO -> text.contains("os.Getenv") || text.contains("os.LookupEnv") || text.contains("viper.AutomaticEnv");
        };
    }

    /** A function whose parameters end at the '(' … ')' after {@code m} and whose body is the next braces or arrow expression. */
    private static void braceHelper(List<Helper> out, String text, Matcher m, Lang lang, String rel, SourceLexer.Lines lines) {
        int open = m.end() - 1;
        int close = SourceLexer.closing(text, open, '(', ')');
        if (close < 0) {
            return;
        }
        int i = close + 1;
        int limit = Math.min(text.length(), i + 200);
        int brace = -1;
        int arrow = text.indexOf("=>", i);
        for (int j = i; j < limit; j++) {
            char c = text.charAt(j);
            if (c == '{') {
                brace = j;
                break;
            }
            if (c == ';' || (lang == Lang.JS && arrow == j)) {
                break;
            }
        }
        String body;
        if (brace >= 0 && (arrow < 0 || arrow > brace || lang != Lang.JS)) {
            int end = SourceLexer.closing(text, brace, '{', '}');
            if (end < 0) {
                return;
            }
            body = text.substring(brace, end);
        } else if (lang == Lang.JS && arrow >= 0 && arrow < limit) {
            int eol = text.indexOf('\n', arrow);
            int after = arrow + 2;
            while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
                after++;
            }
            if (after < text.length() && text.charAt(after) == '{') {
                int end = SourceLexer.closing(text, after, '{', '}');
                body = end < 0 ? "" : text.substring(after, end);
            } else {
                body = text.substring(arrow, eol < 0 ? text.length() : eol);
            }
        } else {
            return;
        }
        helper(out, m.group(1), lang, params(text.substring(open + 1, close), lang), body,
                rel + ":" + lines.line(m.start(1)));
    }

    private static void helper(List<Helper> out, String name, Lang lang, List<String[]> params, String body, String where) {
        boolean method = !params.isEmpty() && lang == Lang.PYTHON
                && (params.get(0)[0].equals("self") || params.get(0)[0].equals("cls"));
        List<String[]> ps = method ? params.subList(1, params.size()) : params;
        for (int k = 0; k < ps.size(); k++) {
            String p = Pattern.quote(ps.get(k)[0]);
            if (ps.get(k)[0].isEmpty()) {
                continue;
            }
            Pattern read;
            Pattern failing;
            Pattern abort;
            switch (lang) {
                case PYTHON -> {
                    read = Pattern.compile("(?:environ\\.get|getenv|environ\\.setdefault)\\(\\s*" + p + "\\s*[,)]|environ\\[\\s*" + p + "\\s*\\]");
                    failing = Pattern.compile("environ\\[\\s*" + p + "\\s*\\]");
                    abort = ABORT_PY;
                }
                case JS -> {
                    // process.env[k], and with optional chaining process?.env?.[k] (code shared with the browser)
                    read = Pattern.compile("process\\??\\.env(?:\\?\\.)?\\[\\s*" + p + "\\s*\\]");
                    failing = null;
                    abort = ABORT_JS;
                }
                case GO -> {
                    read = Pattern.compile("os\\.(?:Getenv|LookupEnv)\\(\\s*" + p + "\\s*\\)");
                    failing = null;
                    abort = ABORT_GO;
                }
                default -> {
                    read = Pattern.compile("System\\.getenv\\(\\s*" + p + "\\s*\\)");
                    failing = null;
                    abort = ABORT_JAVA;
                }
            }
            if (!read.matcher(body).find()) {
                continue;
            }
            int defaultIndex = k + 1 < ps.size() ? k + 1 : -1;
            String sigDefault = defaultIndex < 0 ? null : ps.get(defaultIndex)[1];
            boolean fails = abort.matcher(body).find() || (failing != null && failing.matcher(body).find());
            // a wrapper that neither falls back nor aborts hands the unset case to its caller: optional
            out.add(new Helper(name, lang, k, defaultIndex, defaultIndex < 0 ? null : ps.get(defaultIndex)[0],
                    sigDefault, fails, where));
            return;
        }
    }

    /** Parameter names and their literal defaults (null when none or not a literal). */
    private static List<String[]> params(String list, Lang lang) {
        List<String[]> out = new ArrayList<>();
        for (String raw : SourceLexer.splitTopLevel(list)) {
            String p = raw.trim();
            if (p.isEmpty()) {
                continue;
            }
            String def = null;
            int eq = p.indexOf('=');
            if (eq > 0 && (lang == Lang.PYTHON || lang == Lang.JS)) {
                def = SourceLexer.literal(p.substring(eq + 1).trim());
                p = p.substring(0, eq).trim();
            }
            String name;
            switch (lang) {
                case GO -> name = p.split("\\s+")[0];
                case JAVA -> {
                    String[] words = p.replaceAll("@\\w+(\\([^)]*\\))?", "").trim().split("\\s+");
                    name = words[words.length - 1];
                }
                default -> {
                    name = p.replaceAll("^[*.]+", "");
                    int colon = name.indexOf(':');
                    if (colon >= 0) {
                        name = name.substring(0, colon);
                    }
                    name = name.replace("?", "").trim();
                }
            }
            out.add(new String[] {name.matches("[A-Za-z_$][\\w$]*") ? name : "", def});
        }
        return out;
    }

    /**
     * The reads through {@code helpers} (and through python-decouple and django-environ) in one file. Helpers of
     * other languages are ignored; a call inside the helper's own definition line is not a read.
     */
    static List<EnvReference> calls(String rel, String text, List<Helper> helpers) {
        Lang lang = lang(rel);
        if (lang == null || text == null) {
            return List.of();
        }
        List<EnvReference> out = new ArrayList<>();
        SourceLexer.Lines lines = new SourceLexer.Lines(text);
        Map<String, Helper> byName = new LinkedHashMap<>();
        for (Helper h : helpers) {
            if (h.lang() == lang) {
                byName.putIfAbsent(h.name(), h);
            }
        }
        if (lang == Lang.PYTHON) {
            libraries(rel, text, lines, byName, out);
        }
        if (lang == Lang.JS && NEST_CONFIG_IMPORT.matcher(text).find()) {
            // NestJS's ConfigService reads process.env: configService.get<string>('X', default), getOrThrow('X')
            Matcher m = NEST_CONFIG_GET.matcher(text);
            while (m.find()) {
                call(rel, text, lines, m.end() - 1, new Helper(m.group(1), Lang.JS, 0,
                        "getOrThrow".equals(m.group(1)) ? -1 : 1, null, null, true, "@nestjs/config"), out);
            }
        }
        if (lang == Lang.JS && CONFIG_FUNCTION.matcher(text).find()) {
            // a config module exported as a function of the framework's env reader (Strapi's config/*.js):
            // env('X', default), env.int('X', 1337), env.oneOf('X', [...], default); unset gives the default or undefined
            Matcher m = CONFIG_FUNCTION_ENV.matcher(text);
            while (m.find()) {
                call(rel, text, lines, m.end() - 1, new Helper("env", Lang.JS, 0, "oneOf".equals(m.group(1)) ? 2 : 1,
                        null, null, false, "config function ({ env })"), out);
            }
        }
        Helper viper = helpers.stream().filter(h -> VIPER_WHERE.equals(h.where())).findFirst().orElse(null);
        if (lang == Lang.GO && viper != null && text.contains("viper.")) {
            for (Pattern p : List.of(VIPER_DEFAULT, VIPER_GET)) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    String key = viper.name() + m.group(1).toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
                    String def = p == VIPER_DEFAULT ? SourceLexer.literal(m.group(2)) : null;
                    // viper returns the zero value for an unset key: optional unless a default is known
                    out.add(new EnvReference(key, rel, lines.line(m.start(1)), lines.column(m.start(1)), def, Kind.HELPER,
                            def == null));
                }
            }
        }
        for (Helper h : byName.values()) {
            if (!text.contains(h.name()) || DJANGO_ENVIRON_WHERE.equals(h.where()) || VIPER_WHERE.equals(h.where())) {
                continue;
            }
            Matcher m = Pattern.compile("(?<![\\w$])(\\w+\\s*\\.\\s*)?" + Pattern.quote(h.name()) + "\\s*\\(").matcher(text);
            while (m.find()) {
                if (m.group(1) != null && (COMMON.contains(h.name()) || h.name().length() < 4)) {
                    continue;
                }
                String before = text.substring(Math.max(0, lines.lineStart(m.start())), m.start());
                if (before.matches(".*\\b(?:def|func|function|const|let|var)\\s*$")
                        || (lang == Lang.JAVA && before.matches(".*\\w[\\w<>\\[\\]]*\\s+$") && !before.contains("="))) {
                    continue; // the definition itself
                }
                call(rel, text, lines, m.end() - 1, h, out);
            }
        }
        return out;
    }

    private static void call(String rel, String text, SourceLexer.Lines lines, int open, Helper h, List<EnvReference> out) {
        int close = SourceLexer.closing(text, open, '(', ')');
        if (close < 0) {
            return;
        }
        List<String> args = SourceLexer.splitTopLevel(text.substring(open + 1, close));
        List<String> positional = new ArrayList<>();
        String keywordDefault = null;
        boolean keywordGiven = false;
        for (String a : args) {
            String t = a.trim();
            Matcher kw = Pattern.compile("^(\\w+)\\s*=(?!=)\\s*(.*)$", Pattern.DOTALL).matcher(t);
            if (h.lang() == Lang.PYTHON && kw.matches()) {
                if (kw.group(1).equals("default") || kw.group(1).equals(h.defaultKeyword())) {
                    keywordGiven = true;
                    keywordDefault = SourceLexer.literal(kw.group(2).trim());
                }
                continue;
            }
            positional.add(t);
        }
        if (h.keyIndex() >= positional.size()) {
            return;
        }
        String key = SourceLexer.literal(positional.get(h.keyIndex()));
        if (key == null || !UPPER_SNAKE.matcher(key).matches()) {
            return;
        }
        String def;
        boolean given;
        if (keywordGiven) {
            given = true;
            def = keywordDefault;
        } else if (h.defaultIndex() >= 0 && h.defaultIndex() < positional.size()) {
            given = true;
            def = SourceLexer.literal(positional.get(h.defaultIndex()));
        } else {
            given = h.signatureDefault() != null;
            def = h.signatureDefault();
        }
        if (def != null && def.isEmpty()) {
            def = null; // an empty fallback tells only that the variable may be unset
        }
        boolean optional = given || !h.failsWhenUnset()
                || (h.lang() == Lang.PYTHON && SourceLexer.underPythonCondition(text, open));
        int at = text.indexOf(key, open);
        out.add(new EnvReference(key, rel, lines.line(at), lines.column(at), def, Kind.HELPER, optional && def == null));
    }

    /** python-decouple's {@code config("X", default=…)} and django-environ's {@code env("X")}, {@code env.bool("X", …)}. */
    private static void libraries(String rel, String text, SourceLexer.Lines lines, Map<String, Helper> byName,
            List<EnvReference> out) {
        if (DECOUPLE.matcher(text).find()) {
            // config(key, default=undefined, cast=…): positional default second; no default raises UndefinedValueError
            byName.putIfAbsent("config", new Helper("config", Lang.PYTHON, 0, 1, "default", null, true, "decouple"));
        }
        if (STARLETTE_CONFIG_IMPORT.matcher(text).find()) {
            // starlette.config: config = Config(".env"); config(key, cast=None, default=undefined): the default by
            // keyword (the second positional is the cast); no default raises KeyError when the variable is unset
            Matcher inst = STARLETTE_CONFIG.matcher(text);
            while (inst.find()) {
                byName.putIfAbsent(inst.group(1), new Helper(inst.group(1), Lang.PYTHON, 0, 2, "default", null, true, "starlette.config"));
            }
        }
        Map<String, Map<String, String>> instances = new LinkedHashMap<>();
        Matcher env = DJANGO_ENVIRON.matcher(text);
        while (env.find()) {
            Map<String, String> schema = instances.computeIfAbsent(env.group(1), k -> new LinkedHashMap<>());
            int close = SourceLexer.closing(text, env.end() - 1, '(', ')');
            if (close > 0) {
                Matcher e = DJANGO_SCHEMA_ENTRY.matcher(text.substring(env.end(), close));
                while (e.find()) {
                    schema.put(e.group(1), e.group(3) != null ? e.group(3) : e.group(4) != null ? e.group(4) : e.group(5));
                }
            }
        }
        for (Helper h : byName.values()) {
            if (DJANGO_ENVIRON_WHERE.equals(h.where())) {
                instances.putIfAbsent(h.name(), new LinkedHashMap<>());
            }
        }
        for (Map.Entry<String, Map<String, String>> inst : instances.entrySet()) {
            String var = inst.getKey();
            Map<String, String> schema = inst.getValue();
            // env("X", cast, default) takes the default by keyword only; env.bool("X", default) also by position
            Matcher c = Pattern.compile("(?<![\\w.])" + Pattern.quote(var) + "(?:\\.(\\w+))?\\s*\\(").matcher(text);
            while (c.find()) {
                String method = c.group(1);
                if (method != null && !DJANGO_ENVIRON_METHODS.contains(method)) {
                    continue;
                }
                Helper h = new Helper(var, Lang.PYTHON, 0, method == null ? -1 : 1, "default", null, true, "django-environ");
                List<EnvReference> one = new ArrayList<>();
                call(rel, text, lines, c.end() - 1, h, one);
                for (EnvReference r : one) {
                    String def = r.defaultValue() != null ? r.defaultValue() : schema.get(r.name());
                    boolean optional = r.optional() || schema.containsKey(r.name());
                    out.add(new EnvReference(r.name(), r.path(), r.line(), r.column(), def, Kind.HELPER,
                            optional && def == null));
                }
            }
        }
    }

    /** A Python function body: the lines after the signature indented deeper than the {@code def}. */
    private static String pythonBody(String text, int from, int defIndent) {
        int eol = text.indexOf('\n', from);
        if (eol < 0) {
            return text.substring(from);
        }
        String rest = text.substring(from, eol).trim();
        StringBuilder body = new StringBuilder(rest).append('\n');
        int i = eol + 1;
        while (i < text.length()) {
            int next = text.indexOf('\n', i);
            String line = text.substring(i, next < 0 ? text.length() : next);
            if (!line.isBlank()) {
                int indent = 0;
                while (indent < line.length() && (line.charAt(indent) == ' ' || line.charAt(indent) == '\t')) {
                    indent++;
                }
                if (indent <= defIndent) {
                    break;
                }
            }
            body.append(line).append('\n');
            if (next < 0) {
                break;
            }
            i = next + 1;
        }
        return body.toString();
    }
}
