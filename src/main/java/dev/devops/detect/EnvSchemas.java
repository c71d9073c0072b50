package dev.devops.detect;

import dev.devops.detect.EnvReference.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Variables read through a schema instead of by name at the call site: envalid {@code cleanEnv}, zod
 * and Joi object schemas validated against {@code process.env}, {@code @t3-oss/env}'s {@code createEnv},
 * and Python pydantic(-settings) {@code BaseSettings} classes.
 *
 * <p>Still a scanner: comments and string contents are blanked out of a copy of the file (same offsets),
 * brackets are paired once, and object literals are read one level deep. Unbalanced or truncated input
 * yields fewer names, never an exception.
 */
final class EnvSchemas {

    /** One schema key: the variable name, the offset of the key in the file, its default and whether it may be unset. */
    record Hit(String name, int offset, String defaultValue, boolean optional, Kind kind) {
    }

    /** Replaces string contents in the masked copy (see {@link SourceLexer#STR}). */
    private static final char STR = SourceLexer.STR;

    /** An environment object handed to a validator: process.env, import.meta.env, Bun.env, Deno.env.toObject(). */
    private static final Pattern ENV_OBJECT = Pattern.compile(
            "\\s*(?:process\\s*\\.\\s*env|import\\s*\\.\\s*meta\\s*\\.\\s*env|Bun\\s*\\.\\s*env"
                    + "|Deno\\s*\\.\\s*env\\s*\\.\\s*toObject\\s*\\(\\s*\\))\\s*");
    private static final Pattern CLEAN_ENV = Pattern.compile("\\bcleanEnv\\s*\\(");
    private static final Pattern CREATE_ENV = Pattern.compile("\\bcreateEnv\\s*\\(");
    private static final Pattern ZOD_OBJECT = Pattern.compile("\\b(?:z|zod)\\s*\\.\\s*(?:object|strictObject|looseObject)\\s*\\(");
    private static final Pattern JOI_OBJECT = Pattern.compile("\\b[Jj]oi\\s*\\.\\s*object\\s*\\(");
    private static final Pattern JOI_ATTEMPT = Pattern.compile("\\b[Jj]oi\\s*\\.\\s*(?:attempt|assert)\\s*\\(");
    private static final Pattern JOI_PRESENCE_REQUIRED = Pattern.compile("presence\\s*:\\s*['\"]required['\"]");
    private static final Pattern DECLARATION_END = Pattern.compile(
            "\\b(?:const|let|var)\\s+([A-Za-z_$][\\w$]*)\\s*(?::[^=;]*)?=\\s*$");
    /** Some call validates an environment object: without one no zod/Joi object can be an env schema. */
    private static final Pattern VALIDATES_ENV = Pattern.compile("\\b(?:safeParse|parse|parseAsync|safeParseAsync|validate"
            + "|validateAsync|attempt|assert)\\s*\\(\\s*(?:process\\s*\\.\\s*env|import\\s*\\.\\s*meta\\s*\\.\\s*env|Bun\\s*\\.\\s*env"
            + "|Deno\\s*\\.\\s*env)\\b");
    private static final Set<String> ZOD_PARSE = Set.of("parse", "safeParse", "parseAsync", "safeParseAsync");
    private static final Set<String> JOI_VALIDATE = Set.of("validate", "validateAsync");
    private static final Pattern JS_LITERAL = Pattern.compile(
            "\\s*(?:(['\"`])([^'\"`\\n$]*)\\1|(-?\\d+(?:\\.\\d+)?)\\b|(true|false)\\b)");
    private static final Pattern DOT_CALL = Pattern.compile("\\.\\s*(default|optional|nullish|required|exist)\\s*\\(");

    private static final Pattern PY_CLASS = Pattern.compile("(?m)^([ \\t]*)class[ \\t]+(\\w+)[ \\t]*\\(");
    private static final Pattern PY_FIELD = Pattern.compile("([A-Za-z_]\\w*)[ \\t]*:(?!=)");
    private static final Pattern PY_PREFIX = Pattern.compile("env_prefix['\"]?\\s*[=:]\\s*(['\"])([^'\"\\n]*)\\1");
    private static final Pattern PY_CASE_SENSITIVE = Pattern.compile("case_sensitive['\"]?\\s*[=:]\\s*True\\b");
    private static final Pattern PY_FIELD_CALL = Pattern.compile("\\s*(?:pydantic\\s*\\.\\s*)?Field\\s*\\(");
    private static final Pattern PY_ANNOTATED_FIELD = Pattern.compile("\\bField\\s*\\(");
    /** Statement keywords that look like {@code name:} at the start of a line, and pydantic's own config attribute. */
    private static final Set<String> PY_NOT_FIELDS = Set.of("model_config", "else", "try", "finally", "except", "with",
            "lambda", "match", "case");
    private static final Pattern PY_STRING = Pattern.compile("(['\"])([^'\"\\n]*)\\1");
    private static final Pattern PY_LITERAL = Pattern.compile(
            "\\s*(?:[rRbBuU]?(['\"])([^'\"\\n]*)\\1|(-?\\d+(?:\\.\\d+)?)\\b|(True|False)\\b)");
    private static final Pattern PY_KEYWORD = Pattern.compile("\\s*(\\w+)\\s*=(?!=)");

    private final String text;
    private final char[] m;
    private final int n;
    private int[] partner;
    private final List<Hit> out = new ArrayList<>();

    private EnvSchemas(String text, char[] masked) {
        this.text = text;
        this.m = masked;
        this.n = text.length();
    }

    /** Schema keys in a JavaScript/TypeScript file. */
    static List<Hit> js(String text) {
        EnvSchemas s = new EnvSchemas(text, SourceLexer.maskJs(text));
        s.envalid();
        s.t3();
        if (VALIDATES_ENV.matcher(s.masked()).find()) {
            s.objects(ZOD_OBJECT, Kind.ZOD);
            s.objects(JOI_OBJECT, Kind.JOI);
        }
        return s.out;
    }

    /** Fields of pydantic {@code BaseSettings} subclasses in a Python file. */
    static List<Hit> python(String text) {
        EnvSchemas s = new EnvSchemas(text, SourceLexer.maskPython(text));
        s.pydantic();
        return s.out;
    }

    // ------------------------------------------------------------------ JavaScript / TypeScript

    /** {@code cleanEnv(process.env, { A: str(), B: port({ default: 3000 }) })} */
    private void envalid() {
        Matcher c = CLEAN_ENV.matcher(masked());
        while (c.find()) {
            int open = c.end() - 1;
            int close = partner(open);
            if (close < 0) {
                continue;
            }
            int comma = nextTopLevel(open + 1, close, ',');
            if (comma < 0 || !isEnvArgument(open)) {
                continue;
            }
            int obj = objectAt(skipWs(comma + 1));
            for (Prop p : props(obj)) {
                String def = null;
                boolean optional = false;
                int call = nextTopLevel(p.valueFrom, p.valueTo, '(');
                if (call >= 0) {
                    int arg = skipWs(call + 1);
                    for (Prop q : props(arg < n && m[arg] == '{' ? arg : -1)) {
                        if (q.name.equals("default")) {
                            optional = true;
                            def = jsLiteral(q.valueFrom, q.valueTo);
                        }
                    }
                }
                hit(p, def, optional, Kind.ENVALID);
            }
        }
    }

    /** {@code createEnv({ server: {…}, client: {…}, shared: {…}, runtimeEnv: … })} */
    private void t3() {
        Matcher c = CREATE_ENV.matcher(masked());
        while (c.find()) {
            int arg = skipWs(c.end());
            if (arg >= n || m[arg] != '{') {
                continue;
            }
            for (Prop section : props(arg)) {
                if (section.name.equals("server") || section.name.equals("client") || section.name.equals("shared")) {
                    int obj = skipWs(section.valueFrom);
                    for (Prop p : props(obj < section.valueTo && m[obj] == '{' ? obj : -1)) {
                        chainedKey(p, Kind.T3_ENV, false);
                    }
                }
            }
        }
    }

    /**
     * zod {@code z.object({…})} and Joi {@code Joi.object({…})} / {@code Joi.object().keys({…})} whose
     * chain, or the variable it initialises, is parsed/validated against the environment in this file.
     */
    private void objects(Pattern start, Kind kind) {
        boolean joi = kind == Kind.JOI;
        Set<String> attemptedNames = new HashSet<>();
        Set<Integer> attemptedAt = new HashSet<>();
        if (joi) {
            Matcher a = JOI_ATTEMPT.matcher(masked());
            while (a.find()) {
                int open = a.end() - 1;
                int close = partner(open);
                int comma = close < 0 ? -1 : nextTopLevel(open + 1, close, ',');
                if (comma >= 0 && isEnvArgument(open)) {
                    int second = skipWs(comma + 1);
                    attemptedAt.add(second);
                    int e = identEnd(second);
                    if (e > second) {
                        attemptedNames.add(text.substring(second, e));
                    }
                }
            }
        }
        boolean presenceRequired = false;
        Matcher pr = JOI_PRESENCE_REQUIRED.matcher(text);
        while (joi && pr.find()) {
            presenceRequired |= m[pr.start()] != ' '; // not in a comment
        }
        Set<String> receivers = null;
        Matcher o = start.matcher(masked());
        while (o.find()) {
            int open = o.end() - 1;
            int close = partner(open);
            if (close < 0) {
                continue;
            }
            List<Integer> literals = new ArrayList<>();
            int arg = skipWs(open + 1);
            if (arg < close) {
                literals.add(objectAt(arg));
            }
            boolean validated = chain(close + 1, joi ? JOI_VALIDATE : ZOD_PARSE, literals, joi ? Set.of("keys", "append")
                    : Set.of("extend"));
            boolean env = validated || attemptedAt.contains(o.start());
            if (!env) {
                Matcher d = DECLARATION_END.matcher(masked()).region(Math.max(0, o.start() - 200), o.start());
                if (d.find()) {
                    String name = d.group(1);
                    if (receivers == null) {
                        receivers = envReceivers();
                    }
                    env = attemptedNames.contains(name) || receivers.contains(name);
                }
            }
            if (!env) {
                continue;
            }
            for (int lit : literals) {
                for (Prop p : props(lit)) {
                    chainedKey(p, kind, joi && !presenceRequired);
                }
            }
        }
    }

    /**
     * The variables whose method chain ends in a call validating the environment
     * ({@code envSchema.parse(process.env)}, {@code schema.prefs(…).validate(process.env)}): one pass.
     */
    private Set<String> envReceivers() {
        Set<String> names = new HashSet<>();
        Matcher v = VALIDATES_ENV.matcher(masked());
        while (v.find()) {
            int dot = v.start() - 1;
            while (dot >= 0 && Character.isWhitespace(m[dot])) {
                dot--;
            }
            if (dot >= 0 && m[dot] == '.') {
                String head = chainHead(dot);
                if (head != null) {
                    names.add(head);
                }
            }
        }
        return names;
    }

    /** Walks back from the '.' at {@code dot} over {@code .name(…)} steps to the identifier the chain starts with. */
    private String chainHead(int dot) {
        int p = dot;
        for (int steps = 0; steps < 64; steps++) {
            int q = p - 1;
            while (q >= 0 && Character.isWhitespace(m[q])) {
                q--;
            }
            if (q >= 0 && m[q] == ')') {
                q = partner(q) - 1;
                while (q >= 0 && Character.isWhitespace(m[q])) {
                    q--;
                }
            }
            int e = q + 1;
            while (q >= 0 && (Character.isLetterOrDigit(m[q]) || m[q] == '_' || m[q] == '$')) {
                q--;
            }
            if (q + 1 >= e || q + 1 < 0) {
                return null;
            }
            String ident = text.substring(q + 1, e);
            int b = q;
            while (b >= 0 && Character.isWhitespace(m[b])) {
                b--;
            }
            if (b >= 0 && m[b] == '.') {
                p = b > 0 && m[b - 1] == '?' ? b - 1 : b;
                continue;
            }
            return ident;
        }
        return null;
    }

    /** A key whose value is a method chain ({@code z.string().default('x')}, {@code Joi.number().required()}). */
    private void chainedKey(Prop p, Kind kind, boolean optionalUnlessRequired) {
        String def = null;
        boolean optional = optionalUnlessRequired;
        int i = p.valueFrom;
        while (i < p.valueTo) {
            char c = m[i];
            if ((c == '(' || c == '[' || c == '{') && partner(i) > i) {
                i = partner(i) + 1;
                continue;
            }
            if (c == '.') {
                Matcher d = DOT_CALL.matcher(masked()).region(i, p.valueTo);
                if (d.lookingAt()) {
                    int open = d.end() - 1;
                    int close = partner(open);
                    switch (d.group(1)) {
                        case "default" -> {
                            optional = true;
                            if (close > open && def == null) {
                                def = jsLiteral(open + 1, close);
                            }
                        }
                        case "optional", "nullish" -> optional = true;
                        case "required", "exist" -> optional = false;
                        default -> throw new IllegalStateException(d.group(1));
                    }
                    i = close > open ? close + 1 : d.end();
                    continue;
                }
            }
            i++;
        }
        hit(p, def, optional, kind);
    }

    /**
     * Follows {@code .name(…)} / {@code ?.name} steps from {@code pos}. Object-literal arguments of the
     * {@code collect} methods are added to {@code literals}; a {@code terminal} method whose first
     * argument is the environment makes the result true.
     */
    private boolean chain(int pos, Set<String> terminal, List<Integer> literals, Set<String> collect) {
        for (int steps = 0; steps < 64; steps++) {
            int p = skipWs(pos);
            if (p + 1 < n && m[p] == '?' && m[p + 1] == '.') {
                p += 2;
            } else if (p < n && m[p] == '.') {
                p++;
            } else {
                break;
            }
            p = skipWs(p);
            int e = identEnd(p);
            if (e == p) {
                break;
            }
            String method = text.substring(p, e);
            int q = skipWs(e);
            if (q < n && m[q] == '(') {
                int close = partner(q);
                if (close < 0) {
                    break;
                }
                if (terminal.contains(method) && isEnvArgument(q)) {
                    return true;
                }
                if (collect.contains(method)) {
                    literals.add(objectAt(skipWs(q + 1)));
                }
                pos = close + 1;
            } else {
                pos = e;
            }
        }
        return false;
    }

    /** Whether the first argument of the call whose '(' is at {@code open} is the environment object. */
    private boolean isEnvArgument(int open) {
        int close = partner(open);
        if (close < 0) {
            return false;
        }
        int comma = nextTopLevel(open + 1, close, ',');
        return ENV_OBJECT.matcher(masked()).region(open + 1, comma < 0 ? close : comma).matches();
    }

    /** The object literal at {@code at}: a '{', or an identifier bound to one earlier in the file; else -1. */
    private int objectAt(int at) {
        if (at < 0 || at >= n) {
            return -1;
        }
        if (m[at] == '{') {
            return at;
        }
        int e = identEnd(at);
        if (e == at) {
            return -1;
        }
        Matcher d = Pattern.compile("\\b(?:const|let|var)\\s+" + Pattern.quote(text.substring(at, e))
                + "\\s*(?::[^=;]*)?=\\s*\\{").matcher(masked());
        return d.find() && d.end() - 1 < at ? d.end() - 1 : -1;
    }

    /** A literal making up the whole of [from, to), or null. */
    private String jsLiteral(int from, int to) {
        return literalAt(JS_LITERAL, from, to);
    }

    /** The literal {@code p} finds at {@code from} when only whitespace or comments follow it before {@code to}; else null. */
    private String literalAt(Pattern p, int from, int to) {
        Matcher l = p.matcher(text).region(from, to);
        if (!l.lookingAt()) {
            return null;
        }
        for (int i = l.end(); i < to; i++) {
            if (!Character.isWhitespace(m[i])) {
                return null;
            }
        }
        return SourceLexer.literal(l);
    }

    // ------------------------------------------------------------------ Python

    private void pydantic() {
        Matcher c = PY_CLASS.matcher(masked());
        while (c.find()) {
            int open = c.end() - 1;
            int close = partner(open);
            if (close < 0 || !subclassesBaseSettings(open + 1, close)) {
                continue;
            }
            int colon = skipWs(close + 1);
            if (colon >= n || m[colon] != ':') {
                continue;
            }
            int nl = text.indexOf('\n', colon);
            if (nl < 0) {
                continue;
            }
            settingsClass(c.group(1).replace("\t", "        ").length(), nl + 1);
        }
    }

    private boolean subclassesBaseSettings(int from, int to) {
        for (String base : new String(m, from, to - from).split(",")) {
            String b = base.strip();
            if (!b.contains("=") && (b.equals("BaseSettings") || b.endsWith(".BaseSettings"))) {
                return true;
            }
        }
        return false;
    }

    /** The class body starting at {@code bodyStart}: fields at the body's indentation, then its config. */
    private void settingsClass(int classIndent, int bodyStart) {
        record Field(String name, int offset, int annotationFrom, int valueFrom, int valueTo) {
        }
        List<Field> fields = new ArrayList<>();
        int bodyIndent = -1;
        int pos = bodyStart;
        while (pos < n) {
            int end = statementEnd(pos);
            int lineEnd = text.indexOf('\n', pos);
            lineEnd = lineEnd < 0 ? n : lineEnd;
            int indent = 0;
            int i = pos;
            while (i < lineEnd && (m[i] == ' ' || m[i] == '\t' || m[i] == '\r')) {
                indent += m[i] == '\t' ? 8 : m[i] == ' ' ? 1 : 0;
                i++;
            }
            if (i >= lineEnd || m[i] == STR) {
                pos = lineEnd + 1; // blank, comment-only, or inside a multi-line string
                continue;
            }
            if (indent <= classIndent) {
                break;
            }
            if (bodyIndent < 0) {
                bodyIndent = indent;
            }
            if (indent == bodyIndent) {
                Matcher f = PY_FIELD.matcher(masked()).region(i, end);
                if (f.lookingAt()) {
                    String name = f.group(1);
                    int eq = nextTopLevel(f.end(), end, '=');
                    while (eq >= 0 && eq + 1 < end && m[eq + 1] == '=') {
                        eq = nextTopLevel(eq + 2, end, '=');
                    }
                    String annotation = new String(m, f.end(), (eq < 0 ? end : eq) - f.end()).strip();
                    if (!name.startsWith("_") && !PY_NOT_FIELDS.contains(name) && !annotation.startsWith("ClassVar")
                            && !annotation.startsWith("typing.ClassVar")) {
                        fields.add(new Field(name, f.start(1), f.end(), eq < 0 ? -1 : eq + 1, end));
                    }
                }
            }
            pos = end + 1;
        }
        int bodyEnd = Math.min(pos, n);
        String prefix = "";
        Matcher p = PY_PREFIX.matcher(text).region(bodyStart, bodyEnd);
        while (p.find()) {
            if (m[p.start()] != ' ') { // not in a comment
                prefix = p.group(2);
                break;
            }
        }
        boolean caseSensitive = false;
        Matcher cs = PY_CASE_SENSITIVE.matcher(text).region(bodyStart, bodyEnd);
        while (cs.find()) {
            caseSensitive |= m[cs.start()] != ' ';
        }
        for (Field f : fields) {
            pydanticField(f.name(), f.offset(), f.annotationFrom(), f.valueFrom(), f.valueTo(), prefix, caseSensitive);
        }
    }

    /** What a {@code Field(…)} call says: the env name override, a literal default, whether it has a default at all. */
    private record FieldArgs(String alias, String defaultValue, boolean hasDefault) {
    }

    private void pydanticField(String field, int offset, int annotationFrom, int valueFrom, int valueTo, String prefix,
            boolean caseSensitive) {
        FieldArgs args = null;
        String def = null;
        boolean optional = valueFrom >= 0;
        if (valueFrom >= 0) {
            Matcher call = PY_FIELD_CALL.matcher(masked()).region(valueFrom, valueTo);
            if (call.lookingAt() && partner(call.end() - 1) > 0) {
                args = fieldArgs(call.end() - 1, true);
                def = args.defaultValue();
                optional = args.hasDefault();
            } else {
                def = pyLiteral(valueFrom, valueTo);
            }
        }
        if (args == null || args.alias() == null) {
            // Annotated[str, Field(alias="X")]
            Matcher inner = PY_ANNOTATED_FIELD.matcher(masked()).region(annotationFrom, valueFrom >= 0 ? valueFrom : valueTo);
            if (inner.find() && partner(inner.end() - 1) > 0) {
                FieldArgs a = fieldArgs(inner.end() - 1, false);
                args = new FieldArgs(a.alias(), def, optional);
            }
        }
        String alias = args == null ? null : args.alias();
        String env = alias != null ? alias : prefix + field;
        if (!caseSensitive) {
            env = env.toUpperCase(Locale.ROOT);
        }
        out.add(new Hit(env, offset, def, optional, Kind.PYDANTIC_SETTINGS));
    }

    /** The arguments of the {@code Field(} call whose '(' is at {@code open}. */
    private FieldArgs fieldArgs(int open, boolean positionalDefault) {
        int close = partner(open);
        String[] aliases = new String[3]; // validation_alias, alias, v1 env
        String def = null;
        boolean hasDefault = false;
        int argStart = open + 1;
        boolean first = true;
        while (argStart < close) {
            int comma = nextTopLevel(argStart, close, ',');
            int argEnd = comma < 0 ? close : comma;
            Matcher kw = PY_KEYWORD.matcher(masked()).region(argStart, argEnd);
            if (kw.lookingAt()) {
                String k = kw.group(1);
                int slot = switch (k) {
                    case "validation_alias" -> 0;
                    case "alias" -> 1;
                    case "env" -> 2;
                    default -> -1;
                };
                if (slot >= 0) {
                    Matcher str = PY_STRING.matcher(text).region(kw.end(), argEnd);
                    if (str.find()) {
                        aliases[slot] = str.group(2); // the first of AliasChoices(…) or env=[…]
                    }
                } else if (k.equals("default")) {
                    hasDefault = true;
                    def = pyLiteral(kw.end(), argEnd);
                } else if (k.equals("default_factory")) {
                    hasDefault = true;
                }
            } else if (first && positionalDefault) {
                String positional = new String(m, argStart, argEnd - argStart).strip();
                if (!positional.equals("...") && !positional.isEmpty()) {
                    hasDefault = true;
                    def = pyLiteral(argStart, argEnd);
                }
            }
            first = false;
            if (comma < 0) {
                break;
            }
            argStart = comma + 1;
        }
        String alias = aliases[0] != null ? aliases[0] : aliases[1] != null ? aliases[1] : aliases[2];
        return new FieldArgs(alias, def, hasDefault);
    }

    private String pyLiteral(int from, int to) {
        return literalAt(PY_LITERAL, from, to);
    }

    /** The end ('\n' or the text's end) of the logical line starting at {@code pos}: brackets may span lines. */
    private int statementEnd(int pos) {
        int i = pos;
        while (i < n && m[i] != '\n') {
            char c = m[i];
            if ((c == '(' || c == '[' || c == '{') && partner(i) > i) {
                i = partner(i) + 1;
                continue;
            }
            i++;
        }
        return i;
    }

    // ------------------------------------------------------------------ shared

    /** A property of an object literal: its key, where the key is, and its value's span. */
    private record Prop(String name, int offset, int valueFrom, int valueTo) {
    }

    /** Top-level {@code key: value} entries of the object literal opening at {@code open} (quoted keys too; spreads, computed keys and methods skipped). */
    private List<Prop> props(int open) {
        List<Prop> props = new ArrayList<>();
        if (open < 0 || open >= n || m[open] != '{') {
            return props;
        }
        int close = partner(open);
        if (close < 0) {
            return props;
        }
        int i = open + 1;
        while (i < close) {
            i = skipWs(i);
            if (i >= close) {
                break;
            }
            int entryEnd = nextTopLevel(i, close, ',');
            entryEnd = entryEnd < 0 ? close : entryEnd;
            String name = null;
            int keyAt = i;
            int after = i;
            char c = m[i];
            if (c == '\'' || c == '"') {
                int q = i + 1;
                while (q < entryEnd && m[q] != c) {
                    q++;
                }
                if (q < entryEnd) {
                    name = text.substring(i + 1, q);
                    keyAt = i + 1;
                    after = q + 1;
                }
            } else {
                int e = identEnd(i);
                if (e > i) {
                    name = text.substring(i, e);
                    after = e;
                }
            }
            if (name != null) {
                int p = skipWs(after);
                if (p < entryEnd && m[p] == ':') {
                    props.add(new Prop(name, keyAt, p + 1, entryEnd));
                } else if (p >= entryEnd && c != '\'' && c != '"') {
                    props.add(new Prop(name, keyAt, entryEnd, entryEnd)); // shorthand { PORT }
                }
            }
            i = entryEnd + 1;
        }
        return props;
    }

    private void hit(Prop p, String def, boolean optional, Kind kind) {
        out.add(new Hit(p.name, p.offset, def, optional, kind));
    }

    /** The first {@code ch} in [from, to) outside nested brackets, or -1. */
    private int nextTopLevel(int from, int to, char ch) {
        int i = from;
        while (i < to && i < n) {
            char c = m[i];
            if (c == ch) {
                return i;
            }
            if ((c == '(' || c == '[' || c == '{') && partner(i) > i) {
                i = partner(i) + 1;
                continue;
            }
            i++;
        }
        return -1;
    }

    private int skipWs(int i) {
        while (i < n && Character.isWhitespace(m[i])) {
            i++;
        }
        return i;
    }

    private int identEnd(int i) {
        if (i >= n || !(Character.isLetter(m[i]) || m[i] == '_' || m[i] == '$')) {
            return i;
        }
        while (i < n && (Character.isLetterOrDigit(m[i]) || m[i] == '_' || m[i] == '$')) {
            i++;
        }
        return i;
    }

    private int partner(int i) {
        if (partner == null) {
            partner = SourceLexer.pairs(m);
        }
        return i < 0 || i >= n ? -1 : partner[i];
    }

    private CharSequence masked() {
        return java.nio.CharBuffer.wrap(m);
    }
}
