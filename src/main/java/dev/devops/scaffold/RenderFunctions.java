package dev.devops.scaffold;

import dev.devops.core.Quote;
import freemarker.template.Configuration;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The quoting functions templates call: {@code yaml(s)}, {@code json(list)}, {@code envValue(s)} and
 * {@code dollar(s)}. Each takes one argument; they are shared variables of the configuration.
 */
final class RenderFunctions {
    private static final Pattern ENV_PLAIN = Pattern.compile("[A-Za-z0-9_./:@,+-]*");

    private RenderFunctions() {
    }

    static void install(Configuration cfg) {
        fn(cfg, "yaml", o -> yaml(String.valueOf(o)));
        fn(cfg, "json", RenderFunctions::json);
        fn(cfg, "envValue", o -> envValue(String.valueOf(o)));
        fn(cfg, "dollar", o -> dollar(String.valueOf(o)));
    }

    private static void fn(Configuration cfg, String name, Function<Object, String> f) {
        TemplateMethodModelEx m = args -> {
            if (args.size() != 1) {
                throw new TemplateModelException(name + "(…) takes exactly one argument, got " + args.size());
            }
            return f.apply(DeepUnwrap.unwrap((TemplateModel) args.get(0)));
        };
        cfg.setSharedVariable(name, m);
    }

    /** A double-quoted YAML scalar. */
    static String yaml(String s) {
        return Quote.json(s);
    }

    /** A JSON string, or a JSON array of strings for a list (Dockerfile exec form, compose test lists). */
    static String json(Object o) {
        if (o instanceof Collection<?> c) {
            List<String> parts = new ArrayList<>();
            for (Object e : c) {
                parts.add(jsonString(String.valueOf(e)));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        return jsonString(String.valueOf(o));
    }

    static String jsonString(String s) {
        return Quote.json(s);
    }

    /** A value for a .env file line: bare when safe, else single-quoted (compose reads it literally). */
    static String envValue(String s) {
        if (ENV_PLAIN.matcher(s).matches()) {
            return s;
        }
        if (!s.contains("'") && !s.contains("\n")) {
            return "'" + s + "'";
        }
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("$", "\\$") + "\"";
    }

    /** {@code $} doubled, so compose does not interpolate it. */
    static String dollar(String s) {
        return s.replace("$", "$$");
    }
}
