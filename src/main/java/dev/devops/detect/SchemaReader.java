package dev.devops.detect;

import dev.devops.detect.EnvReference.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One schema dialect's reader ({@link EnvSchemas} lists them), and the navigation every JavaScript dialect shares
 * over the masked copy of a file ({@link SourceLexer}: comments blanked, string contents masked, same offsets):
 * object-literal properties, method chains, the environment argument, literals. Unbalanced or truncated input
 * yields fewer names, never an exception.
 */
abstract class SchemaReader {

    /** One file as every dialect reads it: the text, its masked copy and the bracket pairs (paired once, when first asked). */
    static final class Source {
        private final String text;
        private final char[] masked;
        private int[] partner;

        Source(String text, char[] masked) {
            this.text = text;
            this.masked = masked;
        }

        int partner(int i) {
            if (partner == null) {
                partner = SourceLexer.pairs(masked);
            }
            return i < 0 || i >= text.length() ? -1 : partner[i];
        }
    }

    /** Replaces string contents in the masked copy (see {@link SourceLexer#STR}). */
    static final char STR = SourceLexer.STR;
    /** An environment object handed to a validator: process.env, import.meta.env, Bun.env, Deno.env.toObject(). */
    static final Pattern ENV_OBJECT = Pattern.compile(
            "\\s*(?:process\\s*\\.\\s*env|import\\s*\\.\\s*meta\\s*\\.\\s*env|Bun\\s*\\.\\s*env"
                    + "|Deno\\s*\\.\\s*env\\s*\\.\\s*toObject\\s*\\(\\s*\\))\\s*");
    static final Pattern JS_LITERAL = Pattern.compile(
            "\\s*(?:(['\"`])([^'\"`\\n$]*)\\1|(-?\\d+(?:\\.\\d+)?)\\b|(true|false)\\b)");
    static final Pattern DOT_CALL = Pattern.compile("\\.\\s*(default|optional|nullish|required|exist)\\s*\\(");

    final String text;
    final char[] m;
    final int n;
    private final Source source;
    final List<EnvSchemas.Hit> out = new ArrayList<>();

    SchemaReader(Source source) {
        this.source = source;
        this.text = source.text;
        this.m = source.masked;
        this.n = text.length();
    }

    /** Adds this dialect's keys in the file to {@link #out}, in file order. */
    abstract void read();

    /** A key whose value is a method chain ({@code z.string().default('x')}, {@code Joi.number().required()}). */
    void chainedKey(Prop p, Kind kind, boolean optionalUnlessRequired) {
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

    /** Whether the first argument of the call whose '(' is at {@code open} is the environment object. */
    boolean isEnvArgument(int open) {
        int close = partner(open);
        if (close < 0) {
            return false;
        }
        int comma = nextTopLevel(open + 1, close, ',');
        return ENV_OBJECT.matcher(masked()).region(open + 1, comma < 0 ? close : comma).matches();
    }

    /** The object literal at {@code at}: a '{', or an identifier bound to one earlier in the file; else -1. */
    int objectAt(int at) {
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
    String jsLiteral(int from, int to) {
        return literalAt(JS_LITERAL, from, to);
    }

    /** The literal {@code p} finds at {@code from} when only whitespace or comments follow it before {@code to}; else null. */
    String literalAt(Pattern p, int from, int to) {
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

    /** A property of an object literal: its key, where the key is, and its value's span. */
    record Prop(String name, int offset, int valueFrom, int valueTo) {
    }

    /** Top-level {@code key: value} entries of the object literal opening at {@code open} (quoted keys too; spreads, computed keys and methods skipped). */
    List<Prop> props(int open) {
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

    void hit(Prop p, String def, boolean optional, Kind kind) {
        out.add(new EnvSchemas.Hit(p.name, p.offset, def, optional, kind));
    }

    /** The first {@code ch} in [from, to) outside nested brackets, or -1. */
    int nextTopLevel(int from, int to, char ch) {
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

    int skipWs(int i) {
        while (i < n && Character.isWhitespace(m[i])) {
            i++;
        }
        return i;
    }

    int identEnd(int i) {
        if (i >= n || !(Character.isLetter(m[i]) || m[i] == '_' || m[i] == '$')) {
            return i;
        }
        while (i < n && (Character.isLetterOrDigit(m[i]) || m[i] == '_' || m[i] == '$')) {
            i++;
        }
        return i;
    }

    int partner(int i) {
        return source.partner(i);
    }

    CharSequence masked() {
        return java.nio.CharBuffer.wrap(m);
    }
}
