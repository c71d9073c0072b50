package dev.devops.detect;

import dev.devops.detect.EnvReference.Kind;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sequelize config.json: {@code "use_env_variable": "X"}. */
final class EnvReadsOrmJson extends EnvReads {
    /** Sequelize's config.json names the variable holding the connection URL: {@code "use_env_variable": "DATABASE_URL"}. */
    private static final Pattern SEQUELIZE_USE_ENV = Pattern.compile("\"use_env_variable\"\\s*:\\s*\"([A-Za-z_][A-Za-z0-9_]*)\"");

    EnvReadsOrmJson(String path, String text, SourceLexer.Lines lines, List<EnvReference> out) {
        super(path, text, lines, EnvScanner.Syntax.ORM_JSON, out);
    }

    /** Sequelize config.json: each environment's {@code use_env_variable} is the connection the models open. */
    @Override
    void read() {
        Matcher m = SEQUELIZE_USE_ENV.matcher(text);
        while (m.find()) {
            add(m.group(1), m.start(1), null, Kind.ORM_CONFIG);
        }
    }
}
