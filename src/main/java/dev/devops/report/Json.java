package dev.devops.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.Writer;

/** Jackson's streaming generator over an {@link Appendable}, pretty-printed with two-space indents. */
final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    static JsonGenerator generator(Appendable out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(writer(out));
        g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)).withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        g.setPrettyPrinter(pp);
        return g;
    }

    private static Writer writer(Appendable out) {
        if (out instanceof Writer w) {
            return w;
        }
        return new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                out.append(java.nio.CharBuffer.wrap(cbuf, off, len));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }
}
