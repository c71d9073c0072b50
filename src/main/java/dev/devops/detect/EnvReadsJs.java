package dev.devops.detect;

import dev.devops.detect.EnvReference.Kind;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JavaScript/TypeScript (and Vue/Svelte) env reads: {@code process.env.X} (dot, index, destructuring), {@code
 * import.meta.env.X}, the schema dialects of {@link EnvSchemas}, Prisma's {@code prisma.config.ts} {@code env()}.
 */
final class EnvReadsJs extends EnvReads {
    private static final Pattern JS_DOT = Pattern.compile("\\bprocess\\.env\\.([A-Za-z_$][\\w$]*)");
    /** A call right after {@code process.env.name}: the name is the object's method; group 2, a literal first argument. */
    private static final Pattern JS_CALL_ARGUMENT = Pattern.compile("\\s*\\(\\s*(?:(['\"`])([A-Za-z_][A-Za-z0-9_]*)\\1)?");
    private static final Pattern JS_INDEX = Pattern.compile("\\bprocess\\.env\\[\\s*(['\"`])([^'\"`\\]]+)\\1\\s*\\]");
    private static final Pattern JS_DESTRUCTURE =
            // the whole env object, not one variable of it: const { country } = process.env.VERCEL === "1" ? geo(req) : LOCAL
            // destructures what the ternary gives
            Pattern.compile("\\b(?:const|let|var)\\s*\\{([^{}]*)\\}\\s*=\\s*process\\.env\\b(?!\\s*\\??\\.|\\s*\\[)");
    private static final Pattern JS_IMPORT_META = Pattern.compile("\\bimport\\.meta\\.env\\.([A-Za-z_$][\\w$]*)");
    private static final Set<String> VITE_BUILTINS = Set.of("MODE", "BASE_URL", "PROD", "DEV", "SSR");
    private static final Pattern JS_DEFAULT = Pattern.compile(
            "\\s*(?:\\|\\||\\?\\?)\\s*(?:(['\"`])([^'\"`\\n]*)\\1|(-?\\d+(?:\\.\\d+)?)\\b|(true|false)\\b)");
    /** Further variables tried before the literal: {@code process.env.PORT || process.env.ALT_PORT || 8080}. */
    private static final Pattern JS_ALTERNATIVES = Pattern.compile(
            "(?:\\s*(?:\\|\\||\\?\\?)\\s*process\\.env(?:\\.[A-Za-z_$][\\w$]*|\\[\\s*(['\"`])[^'\"`\\]]+\\1\\s*\\]))+");
    /**
     * Optional chaining on the read ({@code process.env.COMMIT_REF?.slice(0, 8) || 'dev'}): a literal fallback after the
     * chain is the read's default. The chain alone makes no read optional ({@code X?.split(',') ?? []} still wants the
     * variable documented), nor does a test after it.
     */
    private static final Pattern JS_OPTIONAL_CHAIN = Pattern.compile(
            "(?:\\s*\\?\\.\\s*[A-Za-z_$][\\w$]*(?:\\s*\\([^()\\n]*\\))?)+");
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
    private static final Pattern JS_LITERAL = Pattern.compile(
            "\\s*(?:(['\"`])([^'\"`\\n]*)\\1|(-?\\d+(?:\\.\\d+)?)\\b|(true|false)\\b)");
    /** Prisma's {@code prisma.config.ts}: {@code import { defineConfig, env } from 'prisma/config'}. */
    private static final Pattern PRISMA_CONFIG_IMPORT = Pattern.compile(
            "\\bimport\\s*\\{[^}]*\\benv\\b[^}]*\\}\\s*from\\s*['\"]prisma/config['\"]");
    private static final Pattern PRISMA_CONFIG_ENV = Pattern.compile("(?<![\\w.$])env\\(\\s*(['\"`])([A-Za-z_][A-Za-z0-9_]*)\\1\\s*\\)");

    EnvReadsJs(String path, String text, SourceLexer.Lines lines, List<EnvReference> out) {
        super(path, text, lines, EnvScanner.Syntax.JS, out);
    }

    @Override
    void read() {
        Matcher m = JS_DOT.matcher(text);
        while (m.find()) {
            Matcher call = JS_CALL_ARGUMENT.matcher(text).region(m.end(), text.length());
            if (call.lookingAt()) { // a method of the object: process.env.hasOwnProperty('CI') asks whether CI is set
                if (call.group(2) != null && m.group(1).equals("hasOwnProperty")) {
                    add(call.group(2), call.start(2), null, Kind.PROCESS_ENV, true);
                }
                continue;
            }
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
        Matcher chain = JS_OPTIONAL_CHAIN.matcher(text).region(after, text.length());
        int chainEnd = chain.lookingAt() ? chain.end() : after;
        Matcher alt = JS_ALTERNATIVES.matcher(text).region(chainEnd, text.length());
        int tail = alt.lookingAt() ? alt.end() : chainEnd;
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
}
