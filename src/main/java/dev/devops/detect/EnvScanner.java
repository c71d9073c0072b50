package dev.devops.detect;

import dev.devops.detect.EnvReference.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds environment variable reads in source and configuration files: JavaScript/TypeScript
 * ({@code process.env}, destructuring, {@code import.meta.env}), Java ({@code System.getenv}, Spring
 * {@code ${X:default}} placeholders in application*.properties|yml and {@code @Value}), Python
 * ({@code os.environ}, {@code os.getenv}), Go ({@code os.Getenv}, {@code os.LookupEnv}) and Prisma schemas
 * ({@code env("X")}); and the keys
 * of schemas that validate the environment ({@link EnvSchemas}: envalid, zod, Joi, {@code @t3-oss/env},
 * pydantic {@code BaseSettings}).
 *
 * <p>A regex scanner, not a parser: line comments are ignored, block comments only on lines that start
 * with {@code *}. Shell scripts are not scanned ({@code $X} there is too noisy to be a useful read).
 * Huge (over 1 MB), binary and minified files yield nothing.
 */
public final class EnvScanner {

    private enum Syntax { JS, JAVA, SPRING_CONFIG, PYTHON, GO, PRISMA, ORM_JSON }

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private static final Pattern JS_DOT = Pattern.compile("\\bprocess\\.env\\.([A-Za-z_$][\\w$]*)");
    private static final Pattern JS_INDEX = Pattern.compile("\\bprocess\\.env\\[\\s*(['\"`])([^'\"`\\]]+)\\1\\s*\\]");
    private static final Pattern JS_DESTRUCTURE =
            Pattern.compile("\\b(?:const|let|var)\\s*\\{([^{}]*)\\}\\s*=\\s*process\\.env\\b");
    private static final Pattern JS_IMPORT_META = Pattern.compile("\\bimport\\.meta\\.env\\.([A-Za-z_$][\\w$]*)");
    private static final Set<String> VITE_BUILTINS = Set.of("MODE", "BASE_URL", "PROD", "DEV", "SSR");
    private static final Pattern JS_DEFAULT = Pattern.compile(
            "\\s*(?:\\|\\||\\?\\?)\\s*(?:(['\"`])([^'\"`\\n]*)\\1|(-?\\d+(?:\\.\\d+)?)\\b|(true|false)\\b)");
    /** Further variables tried before the literal: {@code process.env.PORT || process.env.ALT_PORT || 8080}. */
    private static final Pattern JS_ALTERNATIVES = Pattern.compile(
            "(?:\\s*(?:\\|\\||\\?\\?)\\s*process\\.env(?:\\.[A-Za-z_$][\\w$]*|\\[\\s*(['\"`])[^'\"`\\]]+\\1\\s*\\]))+");
    /** A presence test or fallback after the read: {@code X ? a : b}, {@code X && …}, {@code X === 'true'}, {@code X || f()}. */
    private static final Pattern JS_TESTED_AFTER = Pattern.compile("\\s*(?:\\|\\||\\?\\?|&&|\\?(?![.?])|[!=]==?)");
    /**
     * A presence test before the read: {@code !X}, {@code typeof X}, {@code if (X)}; or the read is the right operand
     * of {@code &&}, {@code ||} or {@code ??} ({@code if (A && X)}, {@code A || X}): evaluated only when the left
     * one decides so, and the expression copes with it unset.
     */
    private static final Pattern JS_TESTED_BEFORE = Pattern.compile("(?:!|\\btypeof\\s+|\\bif\\s*\\(\\s*|(?:&&|\\|\\||\\?\\?)\\s*)$");
    /** A number/boolean conversion around the read, whose result may carry the fallback: {@code parseInt(X, 10) || 200}. */
    private static final Pattern JS_CONVERT_BEFORE = Pattern.compile("\\b(?:parseInt|parseFloat|Number|Boolean|String)\\s*\\(\\s*$");
    private static final Pattern JS_CONVERT_AFTER = Pattern.compile("(?:\\s*,\\s*\\d+)?\\s*\\)");
    private static final Pattern PY_OR_DEFAULT = Pattern.compile(
            "\\s*\\)\\s*or\\s+(?:[rRbBuU]?(['\"])([^'\"\\n]*)\\1|(-?\\d+(?:\\.\\d+)?)\\b|(True|False)\\b)");
    private static final Pattern JS_LITERAL = Pattern.compile(
            "\\s*(?:(['\"`])([^'\"`\\n]*)\\1|(-?\\d+(?:\\.\\d+)?)\\b|(true|false)\\b)");

    private static final Pattern JAVA_GETENV = Pattern.compile("\\bSystem\\.getenv\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern JAVA_GETENV_DEFAULT = Pattern.compile(
            "\\bSystem\\.getenv\\(\\s*\\)\\s*\\.getOrDefault\\(\\s*\"([^\"]+)\"\\s*,\\s*\"([^\"]*)\"");
    private static final Pattern JAVA_VALUE = Pattern.compile("@Value\\(\\s*(?:value\\s*=\\s*)?\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static final Pattern PY_ENVIRON_INDEX =
            Pattern.compile("(\\bos\\.|(?<![\\w.]))environ\\s*\\[\\s*(['\"])([^'\"]+)\\2\\s*\\]");
    private static final Pattern PY_ENVIRON_GET =
            Pattern.compile("(\\bos\\.|(?<![\\w.]))environ\\.get\\(\\s*(['\"])([^'\"]+)\\2");
    private static final Pattern PY_GETENV = Pattern.compile("(\\bos\\.|(?<![\\w.]))getenv\\(\\s*(['\"])([^'\"]+)\\2");
    private static final Pattern PY_FROM_OS = Pattern.compile("(?m)^\\s*from\\s+os\\s+import\\s+([^\\n#]+)");
    private static final Pattern PY_DEFAULT = Pattern.compile(
            "\\s*,\\s*(?:(['\"])([^'\"\\n]*)\\1|(-?\\d+(?:\\.\\d+)?)\\b|(True|False)\\b)");

    private static final Pattern GO_TAG = Pattern.compile("`[^`\\n]*?\\benv:\"([^\",\"]+)((?:,[\\w-]+)*)\"[^`\\n]*`");
    private static final Pattern GO_TAG_DEFAULT = Pattern.compile("\\benv-?[dD]efault:\"([^\"]*)\"");
    private static final Pattern PRISMA_ENV = Pattern.compile("\\benv\\(\\s*\"([A-Za-z_][A-Za-z0-9_]*)\"\\s*\\)");
    /** The datasource key an {@code env("X")} of a Prisma schema is assigned to ({@code url = env("X")}). */
    private static final Pattern PRISMA_KEY = Pattern.compile("(\\w+)\\s*=\\s*$");
    /** Prisma's {@code prisma.config.ts}: {@code import { defineConfig, env } from 'prisma/config'}. */
    private static final Pattern PRISMA_CONFIG_IMPORT = Pattern.compile(
            "\\bimport\\s*\\{[^}]*\\benv\\b[^}]*\\}\\s*from\\s*['\"]prisma/config['\"]");
    private static final Pattern PRISMA_CONFIG_ENV = Pattern.compile("(?<![\\w.$])env\\(\\s*(['\"`])([A-Za-z_][A-Za-z0-9_]*)\\1\\s*\\)");
    /** Sequelize's config.json names the variable holding the connection URL: {@code "use_env_variable": "DATABASE_URL"}. */
    private static final Pattern SEQUELIZE_USE_ENV = Pattern.compile("\"use_env_variable\"\\s*:\\s*\"([A-Za-z_][A-Za-z0-9_]*)\"");

    /** dj-database-url reads DATABASE_URL (or {@code env="X"}); {@code default=} is its fallback. */
    private static final Pattern PY_DJ_DATABASE_URL = Pattern.compile("\\bdj_database_url\\.config\\(");
    private static final Pattern PY_KWARG_ENV = Pattern.compile("\\benv\\s*=\\s*(['\"])([A-Za-z_][A-Za-z0-9_]*)\\1");
    private static final Pattern PY_KWARG_DEFAULT = Pattern.compile("\\bdefault\\s*=\\s*(?:[rRbBuU]?(['\"])([^'\"\\n]*)\\1|(\\w))");
    /** Python presence tests: {@code "X" in os.environ}, {@code "X" not in os.environ}. */
    private static final Pattern PY_IN_ENVIRON =
            Pattern.compile("(['\"])([A-Za-z_][A-Za-z0-9_]*)\\1\\s+(?:not\\s+)?in\\s+(?:os\\.)?environ\\b");
    /** An assignment target just before a read on the same line: {@code port := }, {@code const url = }, {@code url = }. */
    private static final Pattern ASSIGNED = Pattern.compile("(?:^|[\\s(,;{])(?:const|let|var|final\\s+\\w+|String|val)?\\s*([A-Za-z_$][\\w$]*)\\s*(?::=|=)\\s*(?:[\\w.]+\\(\\s*)?$");
    /** Aborting the program: a presence test followed by one of these makes the variable required. */
    private static final Pattern ABORT = Pattern.compile(
            "\\bthrow\\b|\\braise\\b|\\bpanic\\(|\\.Fatal(?:f|ln)?\\(|\\bos\\.Exit\\(|\\bprocess\\.exit\\(|\\bsys\\.exit\\(|\\bSystem\\.exit\\(");
    /** Java/Kotlin null handling right after a getenv: a test, or a fallback. */
    private static final Pattern JAVA_NULL_TEST = Pattern.compile("\\s*\\)\\s*(?:[!=]=\\s*null|\\?:)");
    private static final Pattern JAVA_FALLBACK = Pattern.compile(
            "\\s*\\)\\s*(?:\\?:\\s*\"([^\"]*)\"|\\)\\s*\\.orElse\\(\\s*\"([^\"]*)\"|,\\s*\"([^\"]*)\"\\s*\\))");
    private static final Pattern JAVA_WRAPPED = Pattern.compile("\\b(?:Optional\\.ofNullable|Objects\\.requireNonNullElse)\\(\\s*$");
    private static final Pattern GO_EMPTY_TEST = Pattern.compile("\\s*\\)\\s*[!=]=\\s*\"\"");
    /** A next.config {@code env: { … }} block: its keys are inlined when the app is built. */
    /** next.config's {@code env: {…}} block, whose keys Next.js inlines when it builds (also {@link NodeStack#nextConfigEnvKeys}). */
    static final Pattern NEXT_ENV_BLOCK = Pattern.compile("\\benv\\s*:\\s*\\{");

    private static final Pattern GO_GETENV = Pattern.compile("\\bos\\.(Getenv|LookupEnv)\\(\\s*\"([^\"]+)\"\\s*\\)");

    private EnvScanner() {
    }

    /** Whether {@code relativePath} is JavaScript/TypeScript (or a Vue/Svelte component) by its extension. */
    public static boolean isJavaScript(String relativePath) {
        return syntax(relativePath) == Syntax.JS;
    }

    /** Whether {@code relativePath} is a file this scanner reads (by name and extension). */
    public static boolean supports(String relativePath) {
        return syntax(relativePath) != null;
    }

    /**
     * Reads {@code root/relativePath} and returns its variable reads in file order. Files over 1 MB,
     * binary and minified files yield an empty list; a file that cannot be read is a UserError naming it.
     */
    public static List<EnvReference> scan(Path root, String relativePath) {
        if (!supports(relativePath)) {
            return List.of();
        }
        String text = Texts.readSource(root, relativePath);
        return text == null ? List.of() : scan(relativePath, text);
    }

    /** The variable reads in {@code content}, a file at {@code relativePath} (forward slashes), in order. */
    public static List<EnvReference> scan(String relativePath, String content) {
        Syntax syntax = syntax(relativePath);
        if (syntax == null || !Texts.looksScannable(relativePath, content)) {
            return List.of();
        }
        if (!mentionsEnv(syntax, content)) {
            return List.of(); // the cheap keyword check spares most files every regex
        }
        SourceLexer.Lines lines = new SourceLexer.Lines(content);
        List<EnvReference> out = new ArrayList<>();
        Scan s = new Scan(relativePath, content, lines, syntax, out);
        String base = relativePath.substring(relativePath.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (base.startsWith("next.config.")) {
            Matcher nb = NEXT_ENV_BLOCK.matcher(content);
            while (nb.find()) {
                int end = SourceLexer.closing(content, nb.end() - 1, '{', '}');
                if (end > 0) {
                    s.buildTime.add(new int[] {nb.end(), end});
                }
            }
        }
        switch (syntax) {
            case JS -> s.js();
            case JAVA -> s.java();
            case SPRING_CONFIG -> s.placeholders(0, content.length(), true);
            case PYTHON -> s.python();
            case GO -> s.go();
            case PRISMA -> s.prisma();
            case ORM_JSON -> s.ormJson();
            default -> throw new IllegalStateException();
        }
        out.sort(Comparator.comparingInt(EnvReference::line).thenComparingInt(EnvReference::column));
        return List.copyOf(out);
    }

    /** Every read in the files under {@code root} (skipping node_modules, .git, build output …). */
    public static List<EnvReference> scanTree(Path root) {
        List<EnvReference> out = new ArrayList<>();
        for (String rel : RepoFiles.walk(root).files()) {
            out.addAll(scan(root, rel));
        }
        return out;
    }

    private static boolean mentionsEnv(Syntax syntax, String text) {
        return switch (syntax) {
            case JS -> text.contains("process.env") || text.contains("import.meta.env") || text.contains("createEnv")
                    || text.contains("Bun.env") || text.contains("Deno.env") || text.contains("prisma/config");
            case JAVA -> text.contains("getenv") || text.contains("${");
            case SPRING_CONFIG -> text.contains("${");
            case PYTHON -> text.contains("environ") || text.contains("getenv") || text.contains("BaseSettings")
                    || text.contains("dj_database_url");
            case GO -> text.contains("os.Getenv") || text.contains("os.LookupEnv") || text.contains("env:\"");
            case PRISMA -> text.contains("env(");
            case ORM_JSON -> text.contains("use_env_variable");
        };
    }

    private static Syntax syntax(String rel) {
        String name = rel.substring(rel.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.endsWith(".d.ts")) {
            return null;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        switch (ext) {
            case "js", "mjs", "cjs", "jsx", "ts", "tsx", "mts", "cts", "vue", "svelte":
                return Syntax.JS;
            case "java", "kt":
                return Syntax.JAVA;
            case "py":
                return Syntax.PYTHON;
            case "go":
                return Syntax.GO;
            case "prisma":
                return Syntax.PRISMA;
            case "json":
                return Syntax.ORM_JSON;
            case "properties", "yml", "yaml":
                return (name.startsWith("application") || name.startsWith("bootstrap")) ? Syntax.SPRING_CONFIG : null;
            default:
                return null;
        }
    }

    /** One file being scanned. */
    private static final class Scan {
        private final String path;
        private final String text;
        private final SourceLexer.Lines lines;
        private final Syntax syntax;
        private final List<EnvReference> out;
        /** Offset ranges whose reads happen at build time only (next.config {@code env:}). */
        final List<int[]> buildTime = new ArrayList<>();

        Scan(String path, String text, SourceLexer.Lines lines, Syntax syntax, List<EnvReference> out) {
            this.path = path;
            this.text = text;
            this.lines = lines;
            this.syntax = syntax;
            this.out = out;
        }

        void js() {
            Matcher m = JS_DOT.matcher(text);
            while (m.find()) {
                jsRead(m.group(1), m.start(1), m.start(), m.end());
            }
            m = JS_INDEX.matcher(text);
            while (m.find()) {
                jsRead(m.group(2), m.start(2), m.start(), m.end());
            }
            m = JS_IMPORT_META.matcher(text);
            while (m.find()) {
                if (!VITE_BUILTINS.contains(m.group(1))) {
                    add(m.group(1), m.start(1), jsDefault(m.end()), Kind.IMPORT_META_ENV);
                }
            }
            m = JS_DESTRUCTURE.matcher(text);
            while (m.find()) {
                destructure(m.start(1), m.end(1));
            }
            schemas(EnvSchemas.js(text));
            if (PRISMA_CONFIG_IMPORT.matcher(text).find()) {
                // prisma.config.ts: Prisma's env() throws when the variable is unset ("PrismaConfigEnvError")
                m = PRISMA_CONFIG_ENV.matcher(text);
                while (m.find()) {
                    add(m.group(2), m.start(2), null, Kind.PRISMA_ENV);
                }
            }
        }

        private void schemas(List<EnvSchemas.Hit> hits) {
            for (EnvSchemas.Hit h : hits) {
                add(h.name(), h.offset(), h.defaultValue(), h.kind(), h.optional());
            }
        }

        /** {@code { A, B: b, C = 'x', D: d = 1, ...rest }} */
        private void destructure(int from, int to) {
            int start = from;
            for (int i = from; i <= to; i++) {
                if (i == to || text.charAt(i) == ',') {
                    int s = start;
                    while (s < i && Character.isWhitespace(text.charAt(s))) {
                        s++;
                    }
                    int e = s;
                    while (e < i && (Character.isLetterOrDigit(text.charAt(e)) || text.charAt(e) == '_'
                            || text.charAt(e) == '$')) {
                        e++;
                    }
                    if (e > s && !text.startsWith("...", s)) {
                        String name = text.substring(s, e);
                        String def = null;
                        int eq = text.indexOf('=', e);
                        if (eq >= 0 && eq < i) {
                            Matcher lit = JS_LITERAL.matcher(text).region(eq + 1, i);
                            if (lit.lookingAt()) {
                                def = SourceLexer.literal(lit);
                            }
                        }
                        add(name, s, def, Kind.PROCESS_ENV_DESTRUCTURE);
                    }
                    start = i + 1;
                }
            }
        }

        /**
         * A {@code process.env} read spanning [start, end): its literal fallback, also one after further
         * variables or around a number conversion; optional when the code tests it or falls back to an expression.
         */
        private void jsRead(String name, int nameAt, int start, int end) {
            int after = end;
            boolean converted = false;
            Matcher conv = JS_CONVERT_BEFORE.matcher(text).region(Math.max(0, start - 40), start);
            if (conv.find()) {
                Matcher close = JS_CONVERT_AFTER.matcher(text).region(end, text.length());
                if (close.lookingAt()) {
                    after = close.end();
                    converted = true;
                }
            }
            Matcher alt = JS_ALTERNATIVES.matcher(text).region(after, text.length());
            int tail = alt.lookingAt() ? alt.end() : after;
            String def = jsDefault(tail);
            // Boolean(X) is a presence test, String(X) turns an unset X into "undefined": both cope with it unset
            boolean tested = converted && conv.group().matches("(?s)(?:Boolean|String)\\b.*")
                    || !converted && JS_TESTED_BEFORE.matcher(text).region(Math.max(0, start - 40), start).find();
            tested |= JS_TESTED_AFTER.matcher(text).region(after, text.length()).lookingAt();
            add(name, nameAt, def, Kind.PROCESS_ENV, def == null && (tested || underEnvGuard(text, start)));
        }

        /**
         * Whether a JS read sits in a block an {@code if} opens whose condition tests the environment
         * ({@code if (process.env.PROXY) { … PROXY_USERNAME … }}), at any depth: settings read only when another
         * setting turns a feature on are not needed to start (the analog of a Python read under a module-level if).
         */
        static boolean underEnvGuard(String text, int offset) {
            int depth = 0;
            int limit = Math.max(0, offset - 20_000);
            for (int i = offset - 1; i >= limit; i--) {
                char c = text.charAt(i);
                if (c == '}') {
                    depth++;
                } else if (c == '{') {
                    if (depth > 0) {
                        depth--;
                        continue;
                    }
                    int j = i - 1;
                    while (j >= 0 && Character.isWhitespace(text.charAt(j))) {
                        j--;
                    }
                    if (j < 0 || text.charAt(j) != ')') {
                        continue; // an object literal, a function or class body, else/try: look further out
                    }
                    int open = openingParen(text, j);
                    if (open < 0) {
                        return false;
                    }
                    int k = open - 1;
                    while (k >= 0 && Character.isWhitespace(text.charAt(k))) {
                        k--;
                    }
                    if (k >= 1 && text.startsWith("if", k - 1) && (k < 2 || !Character.isJavaIdentifierPart(text.charAt(k - 2)))) {
                        String cond = text.substring(open, j);
                        if (cond.contains("process.env") || cond.contains("import.meta.env")) {
                            return true;
                        }
                    }
                    i = open; // continue outward from before the condition
                }
            }
            return false;
        }

        private static int openingParen(String text, int close) {
            int depth = 0;
            for (int i = close; i >= Math.max(0, close - 2_000); i--) {
                char c = text.charAt(i);
                if (c == ')') {
                    depth++;
                } else if (c == '(' && --depth == 0) {
                    return i;
                }
            }
            return -1;
        }

        private String jsDefault(int at) {
            Matcher d = JS_DEFAULT.matcher(text).region(at, text.length());
            return d.lookingAt() ? SourceLexer.literal(d) : null;
        }

        void java() {
            Matcher m = JAVA_GETENV.matcher(text);
            while (m.find()) {
                int close = m.end() - 1; // the getenv call's ')'
                Matcher fb = JAVA_FALLBACK.matcher(text).region(close, text.length());
                boolean wrapped = JAVA_WRAPPED.matcher(text).region(Math.max(0, m.start() - 60), m.start()).find();
                String def = null;
                if (fb.lookingAt() && (wrapped || fb.group(1) != null)) {
                    def = fb.group(1) != null ? fb.group(1) : fb.group(2) != null ? fb.group(2) : fb.group(3);
                }
                boolean tested = wrapped || JAVA_NULL_TEST.matcher(text).region(close, text.length()).lookingAt();
                add(m.group(1), m.start(1), def, Kind.SYSTEM_GETENV, def == null && tested);
            }
            m = JAVA_GETENV_DEFAULT.matcher(text);
            while (m.find()) {
                add(m.group(1), m.start(1), m.group(2), Kind.SYSTEM_GETENV);
            }
            m = JAVA_VALUE.matcher(text);
            while (m.find()) {
                placeholders(m.start(1), m.end(1), false);
            }
        }

        /** Spring {@code ${NAME}} / {@code ${NAME:default}}, nested ones included; UPPER_SNAKE names only. */
        void placeholders(int from, int to, boolean configFile) {
            int i = text.indexOf("${", from);
            while (i >= 0 && i < to) {
                if (configFile && inConfigComment(i)) {
                    i = text.indexOf("${", i + 2);
                    continue;
                }
                int depth = 0;
                int colon = -1;
                int end = -1;
                for (int j = i + 2; j < to; j++) {
                    char c = text.charAt(j);
                    if (c == '\n') {
                        break;
                    }
                    if (c == '$' && j + 1 < to && text.charAt(j + 1) == '{') {
                        depth++;
                        j++;
                    } else if (c == '}') {
                        if (depth == 0) {
                            end = j;
                            break;
                        }
                        depth--;
                    } else if (c == ':' && depth == 0 && colon < 0) {
                        colon = j;
                    }
                }
                if (end > 0) {
                    String name = text.substring(i + 2, colon < 0 ? end : colon).trim();
                    if (UPPER_SNAKE.matcher(name).matches()) {
                        String def = colon < 0 ? null : text.substring(colon + 1, end);
                        add(name, text.indexOf(name, i + 2), def, Kind.SPRING_PLACEHOLDER);
                    }
                }
                i = text.indexOf("${", i + 2);
            }
        }

        private boolean inConfigComment(int offset) {
            String line = lines.lineText(offset).stripLeading();
            return line.startsWith("#") || line.startsWith("!");
        }

        void python() {
            boolean bareEnviron = false;
            boolean bareGetenv = false;
            Matcher imp = PY_FROM_OS.matcher(text);
            while (imp.find()) {
                for (String part : imp.group(1).replace("(", " ").replace(")", " ").split(",")) {
                    String word = part.trim().split("\\s+")[0];
                    bareEnviron |= word.equals("environ");
                    bareGetenv |= word.equals("getenv");
                }
            }
            python(PY_ENVIRON_INDEX, bareEnviron, false, Kind.PYTHON_ENVIRON);
            python(PY_ENVIRON_GET, bareEnviron, true, Kind.PYTHON_ENVIRON);
            python(PY_GETENV, bareGetenv, true, Kind.PYTHON_GETENV);
            Matcher in = PY_IN_ENVIRON.matcher(text);
            while (in.find()) {
                add(in.group(2), in.start(2), null, Kind.PYTHON_ENVIRON, true); // a presence test copes with it unset
            }
            schemas(EnvSchemas.python(text));
            Matcher dj = PY_DJ_DATABASE_URL.matcher(text);
            while (dj.find()) {
                int close = SourceLexer.closing(text, dj.end() - 1, '(', ')');
                String args = close < 0 ? "" : text.substring(dj.end(), close);
                Matcher env = PY_KWARG_ENV.matcher(args);
                Matcher def = PY_KWARG_DEFAULT.matcher(args);
                boolean hasDefault = def.find();
                String name = env.find() ? env.group(2) : "DATABASE_URL";
                int at = env.find(0) ? dj.end() + env.start(2) : dj.start();
                // a default that is an expression (default=f"sqlite:///{BASE_DIR}") still copes with the variable unset
                add(name, at, hasDefault ? def.group(2) : null, Kind.PYTHON_ENVIRON, hasDefault && def.group(2) == null);
            }
        }

        private void python(Pattern p, boolean bareAllowed, boolean withDefault, Kind kind) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                if (m.group(1).isEmpty() && !bareAllowed) {
                    continue;
                }
                String def = null;
                if (withDefault) {
                    Matcher d = PY_DEFAULT.matcher(text).region(m.end(), text.length());
                    Matcher or = PY_OR_DEFAULT.matcher(text).region(m.end(), text.length());
                    if (d.lookingAt()) {
                        def = SourceLexer.literal(d);
                    } else if (or.lookingAt()) {
                        def = SourceLexer.literal(or); // os.environ.get('X') or 'fallback'
                    }
                }
                // environ.get and getenv return None when unset: the code chose the call that copes with it
                add(m.group(3), m.start(3), def, kind, withDefault && def == null);
            }
        }

        void prisma() {
            Matcher m = PRISMA_ENV.matcher(text);
            while (m.find()) {
                int lineStart = text.lastIndexOf('\n', m.start()) + 1;
                String before = text.substring(lineStart, m.start());
                if (!before.contains("//")) {
                    Matcher key = PRISMA_KEY.matcher(before);
                    // shadowDatabaseUrl is read by 'prisma migrate dev' only: the running app copes without it
                    boolean devOnly = key.find() && key.group(1).equals("shadowDatabaseUrl");
                    add(m.group(1), m.start(1), null, Kind.PRISMA_ENV, devOnly);
                }
            }
        }

        /** Sequelize config.json: each environment's {@code use_env_variable} is the connection the models open. */
        void ormJson() {
            Matcher m = SEQUELIZE_USE_ENV.matcher(text);
            while (m.find()) {
                add(m.group(1), m.start(1), null, Kind.ORM_CONFIG);
            }
        }

        void go() {
            Matcher m = GO_GETENV.matcher(text);
            while (m.find()) {
                boolean tested = GO_EMPTY_TEST.matcher(text).region(m.end() - 1, text.length()).lookingAt();
                add(m.group(2), m.start(2), null, m.group(1).equals("Getenv") ? Kind.GO_GETENV : Kind.GO_LOOKUPENV, tested);
            }
            // config structs: `env:"HTTP_PORT,required"`, `env:"LOG_LEVEL" envDefault:"info"` (goclean's config.go)
            Matcher t = GO_TAG.matcher(text);
            while (t.find()) {
                String tag = t.group();
                Matcher d = GO_TAG_DEFAULT.matcher(tag);
                String def = d.find() ? d.group(1) : null;
                boolean required = t.group(2).contains(",required") || tag.contains("env-required:\"true\"");
                add(t.group(1), t.start(1), def, Kind.GO_STRUCT_TAG, !required);
            }
        }

        private void add(String name, int offset, String defaultValue, Kind kind) {
            add(name, offset, defaultValue, kind, false);
        }

        private void add(String name, int offset, String defaultValue, Kind kind, boolean optional) {
            if (!ENV_NAME.matcher(name).matches() || inLineComment(offset)) {
                return;
            }
            for (int[] r : buildTime) {
                if (offset >= r[0] && offset < r[1]) {
                    return; // next.config env: inlined at build time, not read by the running app
                }
            }
            String def = defaultValue;
            boolean opt = optional || (syntax == Syntax.PYTHON && !isSchema(kind) && SourceLexer.underPythonCondition(text, offset));
            if (def == null && syntax != Syntax.SPRING_CONFIG && syntax != Syntax.PRISMA && syntax != Syntax.ORM_JSON
                    && kind != Kind.GO_STRUCT_TAG && kind != Kind.PRISMA_ENV
                    && kind.requiredWithoutDefault() && !isSchema(kind)) {
                if (!opt) {
                    String[] tested = assignedThenTested(offset);
                    if (tested != null) {
                        def = tested[1];
                        opt = def == null;
                        if (tested[0] != null && ABORT.matcher(tested[0]).find()) {
                            opt = false; // if (!x) throw …: validated, so required
                        }
                    }
                } else if (ABORT.matcher(block(offset)).find()) {
                    opt = false; // a presence test that aborts: if (!process.env.X) throw …
                }
            }
            out.add(new EnvReference(name, path, lines.line(offset), lines.column(offset), def, kind, opt));
        }

        private static boolean isSchema(Kind k) {
            return k == Kind.ENVALID || k == Kind.ZOD || k == Kind.JOI || k == Kind.T3_ENV || k == Kind.PYDANTIC_SETTINGS;
        }

        /** The line at {@code offset}, with the next line when this one opens a block ({@code if (!x) {} …). */
        private String block(int offset) {
            String line = following(offset, 0);
            String t = line.strip();
            return t.endsWith("{") || t.endsWith(":") || t.endsWith(")") ? following(offset, 1) : line;
        }

        /** The rest of the line at {@code offset} and the next {@code n} lines. */
        private String following(int offset, int n) {
            int end = offset;
            for (int i = 0; i <= n && end >= 0; i++) {
                end = text.indexOf('\n', end + 1);
            }
            return text.substring(offset, end < 0 ? text.length() : end);
        }

        /**
         * A read assigned to a name that the code then tests ({@code port := os.Getenv("PORT"); if port == "" { port =
         * "8080" }}, {@code const url = process.env.X; if (url) …}, {@code x = os.environ.get("X")} …): {the test and
         * the two lines after it, the literal assigned when empty or null}, or null when the name is not tested.
         */
        private String[] assignedThenTested(int offset) {
            int ls = lines.lineStart(offset);
            String before = text.substring(ls, offset);
            int read = Math.max(Math.max(before.lastIndexOf("process.env"), before.lastIndexOf("os.")),
                    Math.max(before.lastIndexOf("System."), before.lastIndexOf("environ")));
            if (read < 0) {
                return null;
            }
            Matcher a = ASSIGNED.matcher(before.substring(0, read));
            if (!a.find()) {
                return null;
            }
            String v = Pattern.quote(a.group(1));
            if (a.group(1).length() < 2 || a.group(1).equals("os")) {
                return null;
            }
            int from = text.indexOf('\n', offset);
            if (from < 0) {
                return null;
            }
            String rest = following(from, 12);
            Pattern empty = Pattern.compile("\\bif\\s*\\(?\\s*" + v + "\\s*(?:==|===)\\s*(?:\"\"|''|null|nil|None|undefined)\\s*\\)?\\s*[{:]?\\s*"
                    + v + "\\s*=\\s*(?:(['\"`])([^'\"`\\n]*)\\1|(-?\\d+(?:\\.\\d+)?)\\b)");
            Matcher e = empty.matcher(rest);
            if (e.find()) {
                return new String[] {null, e.group(2) != null ? e.group(2) : e.group(3)};
            }
            Pattern test = Pattern.compile("\\bif\\s*\\(?\\s*(?:!|not\\s+)?\\s*" + v + "\\b\\s*(?:[!=]==?|\\)|:|\\{|is\\b|&&|\\|\\||and\\b|or\\b)"
                    + "|(?<![\\w.$])" + v + "\\s*(?:\\?\\?|\\|\\||&&|\\?(?![.?])|\\bor\\b|\\bis\\s+(?:not\\s+)?None)");
            Matcher t = test.matcher(rest);
            if (t.find()) {
                return new String[] {block(from + t.start()), null};
            }
            // Go: converted with a fallback when that fails (n, err := strconv.Atoi(s); if err != nil { n = def }):
            // unset is an empty string, the conversion fails, and the code goes on with its default
            Matcher c = Pattern.compile("(\\w+)\\s*,\\s*(\\w+)\\s*:?=\\s*[\\w.]+\\.(?:Atoi|Parse\\w*)\\(\\s*" + v + "\\b")
                    .matcher(rest);
            if (c.find()) {
                Matcher e2 = Pattern.compile("\\bif\\s+" + Pattern.quote(c.group(2)) + "\\s*!=\\s*nil\\s*\\{([^}]*)}").matcher(rest);
                if (e2.find(c.end()) && !ABORT.matcher(e2.group(1)).find() && !e2.group(1).contains("return")) {
                    return new String[] {null, null};
                }
            }
            return null;
        }

        /** Whether {@code offset} sits after a line comment marker outside a string, or on a block-comment line. */
        private boolean inLineComment(int offset) {
            boolean cLike = syntax != Syntax.PYTHON && syntax != Syntax.SPRING_CONFIG;
            return SourceLexer.inLineComment(lines.lineText(offset), offset - lines.lineStart(offset), cLike);
        }
    }
}
