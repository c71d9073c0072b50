package dev.devops.detect;

import dev.devops.detect.EnvReference.Kind;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Schema dialect JSON Schema, as {@code @fastify/env} and {@code env-schema} validate the environment with it:
 * {@code { type: 'object', required: ['DB_HOST'], properties: { DB_HOST: { type: 'string', default: 'localhost' } } }}.
 * Read only in a file that imports one of those validators. A property is required when the {@code required} list
 * of its object names it and it has no {@code default}.
 */
final class SchemaJsonEnv extends SchemaReader {
    private static final Pattern VALIDATOR = Pattern.compile("['\"](?:@fastify/env|fastify-env|env-schema)['\"]");
    private static final Pattern PROPERTIES = Pattern.compile("\\bproperties\\s*:\\s*\\{");
    private static final Pattern REQUIRED = Pattern.compile("\\brequired\\s*:\\s*\\[");
    private static final Pattern NAME = Pattern.compile("['\"]([A-Za-z_][A-Za-z0-9_]*)['\"]");

    SchemaJsonEnv(Source source) {
        super(source);
    }

    @Override
    void read() {
        if (!VALIDATOR.matcher(text).find()) {
            return;
        }
        Matcher p = PROPERTIES.matcher(masked());
        int inside = -1; // the end of the properties object read last: a nested schema's properties are not variables
        while (p.find()) {
            int obj = p.end() - 1;
            if (obj < inside) {
                continue;
            }
            inside = partner(obj);
            Set<String> required = required(p.start());
            for (Prop prop : props(obj)) {
                String def = null;
                boolean hasDefault = false;
                for (Prop q : props(objectAt(skipWs(prop.valueFrom())))) {
                    if (q.name().equals("default")) {
                        hasDefault = true;
                        def = jsLiteral(q.valueFrom(), q.valueTo());
                    }
                }
                hit(prop, def, hasDefault || !required.contains(prop.name()), Kind.JSON_SCHEMA_ENV);
            }
        }
    }

    /** The names of the {@code required: [...]} list of the object whose {@code properties} key is at {@code at}. */
    private Set<String> required(int at) {
        Set<String> out = new HashSet<>();
        int open = enclosingObject(at);
        if (open < 0) {
            return out;
        }
        int close = partner(open);
        Matcher r = REQUIRED.matcher(masked());
        r.region(open, close);
        while (r.find()) {
            int list = r.end() - 1;
            if (enclosingObject(list) != open) {
                continue; // the required list of a nested object
            }
            int end = partner(list);
            Matcher nm = NAME.matcher(text.substring(list, end < 0 ? list : end));
            while (nm.find()) {
                out.add(nm.group(1));
            }
        }
        return out;
    }

    /** The offset of the innermost '{' whose pair encloses {@code at}, or -1. */
    private int enclosingObject(int at) {
        int depth = 0;
        for (int i = at - 1; i >= 0; i--) {
            char c = m[i];
            if (c == '}' || c == ']' || c == ')') {
                depth++;
            } else if (c == '{' || c == '[' || c == '(') {
                if (depth == 0) {
                    return c == '{' ? i : -1;
                }
                depth--;
            }
        }
        return -1;
    }
}
