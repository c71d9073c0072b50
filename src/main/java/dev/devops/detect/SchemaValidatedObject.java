package dev.devops.detect;

import dev.devops.detect.EnvReference.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What zod and Joi share: an object literal ({@code z.object({…})}, {@code Joi.object({…})}) is an env schema when its
 * method chain, or the variable it initialises, is parsed or validated against the environment in the same file.
 */
abstract class SchemaValidatedObject extends SchemaReader {
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

    SchemaValidatedObject(Source source) {
        super(source);
    }

    /** Some call validates an environment object: without one no zod/Joi object can be an env schema. */
    final boolean validatesEnv() {
        return VALIDATES_ENV.matcher(masked()).find();
    }

    /**
     * zod {@code z.object({…})} and Joi {@code Joi.object({…})} / {@code Joi.object().keys({…})} whose
     * chain, or the variable it initialises, is parsed/validated against the environment in this file.
     */
    final void objects(Pattern start, Kind kind) {
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
}
