package dev.devops.detect;

import dev.devops.detect.EnvReference.Kind;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go env reads: {@code os.Getenv}, {@code os.LookupEnv}, and {@code env:"X"} struct tags (caarlos0/env, cleanenv).
 */
final class EnvReadsGo extends EnvReads {
    private static final Pattern GO_TAG = Pattern.compile("`[^`\\n]*?\\benv:\"([^\",\"]+)((?:,[\\w-]+)*)\"[^`\\n]*`");
    private static final Pattern GO_TAG_DEFAULT = Pattern.compile("\\benv-?[dD]efault:\"([^\"]*)\"");
    private static final Pattern FILE_KEY = Pattern.compile("\\b(?:yaml|json|toml):\"[^\"-][^\"]*\"");
    private static final Pattern GO_EMPTY_TEST = Pattern.compile("\\s*\\)\\s*[!=]=\\s*\"\"");
    private static final Pattern GO_GETENV = Pattern.compile("\\bos\\.(Getenv|LookupEnv)\\(\\s*\"([^\"]+)\"\\s*\\)");

    EnvReadsGo(String path, String text, SourceLexer.Lines lines, List<EnvReference> out) {
        super(path, text, lines, EnvScanner.Syntax.GO, out);
    }

    @Override
    void read() {
        Matcher m = GO_GETENV.matcher(text);
        while (m.find()) {
            boolean tested = GO_EMPTY_TEST.matcher(text).region(m.end() - 1, text.length()).lookingAt();
            add(m.group(2), m.start(2), null, m.group(1).equals("Getenv") ? Kind.GO_GETENV : Kind.GO_LOOKUPENV, tested);
        }
        // config structs: `env:"HTTP_PORT,required"`, `env:"LOG_LEVEL" envDefault:"info"` (goclean's config.go)
        // cleanenv.ReadConfig(file, &cfg) fills the fields from the config file first and checks env-required after:
        // a field the file can set (a yaml/json/toml key beside the env name) does not need the variable
        boolean fromFile = text.contains("cleanenv.ReadConfig(");
        Matcher t = GO_TAG.matcher(text);
        while (t.find()) {
            String tag = t.group();
            Matcher d = GO_TAG_DEFAULT.matcher(tag);
            String def = d.find() ? d.group(1) : null;
            boolean required = t.group(2).contains(",required")
                    || (tag.contains("env-required:\"true\"") && !(fromFile && FILE_KEY.matcher(tag).find()));
            add(t.group(1), t.start(1), def, Kind.GO_STRUCT_TAG, !required);
        }
    }
}
