package dev.devops.detect;

import dev.devops.detect.EnvReference.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Schema dialect pydantic(-settings): the fields of {@code BaseSettings} subclasses in a Python file. */
final class SchemaPydantic extends SchemaReader {
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

    SchemaPydantic(Source source) {
        super(source);
    }

    @Override
    void read() {
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

    /** A field value that is a call reading a variable by its literal name: {@code config("X")}, {@code os.getenv("X", …)}. */
    private static final Pattern ENV_CALL_VALUE = Pattern.compile("\\s*[A-Za-z_][\\w.]*\\(\\s*['\"][A-Za-z_]\\w*['\"]");

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
                if (def == null && ENV_CALL_VALUE.matcher(text.substring(valueFrom, valueTo)).lookingAt()) {
                    // X: str = config("X") / os.getenv("X"): the value is itself a read of the environment, evaluated
                    // when the class is defined; that read (a helper's or os's) decides, not pydantic's default
                    return;
                }
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
        out.add(new EnvSchemas.Hit(env, offset, def, optional, Kind.PYDANTIC_SETTINGS));
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
}
