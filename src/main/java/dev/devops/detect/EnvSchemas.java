package dev.devops.detect;

import dev.devops.detect.EnvReference.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Variables read through a schema instead of by name at the call site: envalid {@code cleanEnv}, zod
 * and Joi object schemas validated against {@code process.env}, {@code @t3-oss/env}'s {@code createEnv}, the JSON
 * Schema of {@code @fastify/env} / {@code env-schema},
 * and Python pydantic(-settings) {@code BaseSettings} classes.
 *
 * <p>One dialect, one unit: each is a {@link SchemaReader} named {@code Schema<Dialect>}, and adding one is that
 * class plus one line in {@link #JS} or {@link #PYTHON}. Still a scanner: comments and string contents are blanked
 * out of a copy of the file (same offsets, {@link SourceLexer}), brackets are paired once per file, and object
 * literals are read one level deep. Unbalanced or truncated input yields fewer names, never an exception.
 */
final class EnvSchemas {

    /** One schema key: the variable name, the offset of the key in the file, its default and whether it may be unset. */
    record Hit(String name, int offset, String defaultValue, boolean optional, Kind kind) {
    }

    /** The dialects read in JavaScript/TypeScript files, in this order. */
    private static final List<Function<SchemaReader.Source, SchemaReader>> JS = List.of(
            SchemaEnvalid::new,
            SchemaT3Env::new,
            SchemaZod::new,
            SchemaJoi::new,
            SchemaJsonEnv::new);
    /** The dialects read in Python files. */
    private static final List<Function<SchemaReader.Source, SchemaReader>> PYTHON = List.of(
            SchemaPydantic::new);

    private EnvSchemas() {
    }

    /** Schema keys in a JavaScript/TypeScript file. */
    static List<Hit> js(String text) {
        return read(new SchemaReader.Source(text, SourceLexer.maskJs(text)), JS);
    }

    /** Fields of pydantic {@code BaseSettings} subclasses in a Python file. */
    static List<Hit> python(String text) {
        return read(new SchemaReader.Source(text, SourceLexer.maskPython(text)), PYTHON);
    }

    private static List<Hit> read(SchemaReader.Source source, List<Function<SchemaReader.Source, SchemaReader>> dialects) {
        List<Hit> out = new ArrayList<>();
        for (Function<SchemaReader.Source, SchemaReader> dialect : dialects) {
            SchemaReader r = dialect.apply(source);
            r.read();
            out.addAll(r.out);
        }
        return out;
    }
}
