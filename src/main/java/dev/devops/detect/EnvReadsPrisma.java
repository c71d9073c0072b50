package dev.devops.detect;

import dev.devops.detect.EnvReference.Kind;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prisma schemas: {@code env("X")} (the shadow database URL only for {@code prisma migrate dev}). */
final class EnvReadsPrisma extends EnvReads {
    private static final Pattern PRISMA_ENV = Pattern.compile("\\benv\\(\\s*\"([A-Za-z_][A-Za-z0-9_]*)\"\\s*\\)");
    /** The datasource key an {@code env("X")} of a Prisma schema is assigned to ({@code url = env("X")}). */
    private static final Pattern PRISMA_KEY = Pattern.compile("(\\w+)\\s*=\\s*$");

    EnvReadsPrisma(String path, String text, SourceLexer.Lines lines, List<EnvReference> out) {
        super(path, text, lines, EnvScanner.Syntax.PRISMA, out);
    }

    @Override
    void read() {
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
}
