package dev.devops.detect;

import dev.devops.files.FileKinds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Committed KEY=value files an app loads its environment from when it starts: a file viper reads after
 * {@code viper.AutomaticEnv()} ({@code SetConfigFile("app.env")}, or {@code SetConfigName("app")} with
 * {@code SetConfigType("env")}), and files named in {@code godotenv.Load("config.env")}, python-dotenv's
 * {@code load_dotenv("config.env")} / {@code dotenv_values(…)} and Node's {@code dotenv.config({ path: … })}. Their
 * values are the variables' defaults (the environment overrides them). A local {@code .env} is never one: it is not
 * committed, and holds the developer's secrets.
 */
final class ConfigFiles {
    private static final Pattern VIPER_FILE = Pattern.compile("\\bviper\\.SetConfigFile\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern VIPER_NAME = Pattern.compile("\\bviper\\.SetConfigName\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern VIPER_TYPE_ENV = Pattern.compile("\\bviper\\.SetConfigType\\(\\s*\"(?:env|dotenv)\"\\s*\\)");
    /** A call of a dotenv loader; its last string literal is the file. */
    private static final Pattern LOADER = Pattern.compile(
            "\\b(godotenv\\.(?:Load|Overload|Read)|load_dotenv|dotenv_values|dotenv\\.config|require\\(\\s*['\"]dotenv['\"]\\s*\\)\\.config)\\s*\\(");
    private static final Pattern STRING = Pattern.compile("(['\"`])([^'\"`\\n]+)\\1");
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?m)^[ \\t]*(?:export[ \\t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \\t]*=[ \\t]*(?:\"([^\"\\n]*)\"|'([^'\\n]*)'|([^#\\r\\n]*?))[ \\t]*(?:#.*)?$");

    private ConfigFiles() {
    }

    /**
     * A file the app loads.
     *
     * @param file         repo-relative path
     * @param loader       the code that loads it ("viper at util/config.go:29")
     * @param keysAreReads every key is a read (viper binds the keys it knows to the environment); otherwise the file
     *                     only gives defaults to variables the code reads
     */
    record Loaded(String file, String loader, boolean keysAreReads) {
    }

    /** One KEY=value line of a loaded file. */
    record Entry(String name, String value, int line) {
    }

    /** The files the app's code loads, in source order, each once. */
    static List<Loaded> loaded(RepoFiles repo, AppDraft d) {
        Map<String, Loaded> out = new LinkedHashMap<>();
        for (String f : d.sources) {
            if (EnvHelpers.lang(f) == null || FileKinds.isBuildScript(f)) {
                continue;
            }
            String text = repo.source(f);
            if (text == null || !(text.contains("viper.") || text.contains("dotenv"))) {
                continue;
            }
            Texts.Lines lines = new Texts.Lines(text);
            if (text.contains("viper.AutomaticEnv()")) {
                Matcher m = VIPER_FILE.matcher(text);
                while (m.find()) {
                    add(out, repo, d, m.group(1), "viper at " + f + ":" + lines.line(m.start()), true);
                }
                m = VIPER_NAME.matcher(text);
                if (VIPER_TYPE_ENV.matcher(text).find()) {
                    while (m.find()) {
                        String name = m.group(1);
                        add(out, repo, d, name.endsWith(".env") ? name : name + ".env",
                                "viper at " + f + ":" + lines.line(m.start()), true);
                    }
                }
            }
            Matcher m = LOADER.matcher(text);
            while (m.find()) {
                int close = EnvHelpers.closing(text, m.end() - 1, '(', ')');
                if (close < 0) {
                    continue;
                }
                Matcher s = STRING.matcher(text.substring(m.end(), close));
                while (s.find()) {
                    String name = s.group(2);
                    if (name.endsWith(".env") || name.startsWith(".env") || name.contains("env")) {
                        add(out, repo, d, name, m.group(1).replaceAll("\\s", "") + " at " + f + ":" + lines.line(m.start()), false);
                    }
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /** The KEY=value entries of a loaded file, in order. */
    static List<Entry> entries(RepoFiles repo, String file) {
        List<Entry> out = new ArrayList<>();
        String text = repo.source(file);
        if (text == null) {
            return out;
        }
        Texts.Lines lines = new Texts.Lines(text);
        Matcher m = KEY_VALUE.matcher(text);
        while (m.find()) {
            String v = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            out.add(new Entry(m.group(1), v, lines.line(m.start(1))));
        }
        return out;
    }

    /**
     * Resolves a name from the code to a committed file: relative to the app directory, else relative to the
     * repository root, else the one file of the app with that name.
     */
    private static void add(Map<String, Loaded> out, RepoFiles repo, AppDraft d, String name, String loader,
            boolean keysAreReads) {
        String clean = name.replace('\\', '/').replaceAll("^\\./", "");
        String base = clean.substring(clean.lastIndexOf('/') + 1);
        if (base.isEmpty() || FileKinds.dotenv(base) == FileKinds.Dotenv.LOCAL || clean.startsWith("/")) {
            return; // the developer's own .env / .env.local: not committed configuration
        }
        String found = null;
        for (String candidate : List.of(RepoFiles.join(d.dir, clean), clean)) {
            if (found == null && repo.exists(candidate)) {
                found = candidate;
            }
        }
        if (found == null) {
            List<String> same = d.sources.stream().filter(f -> f.equals(base) || f.endsWith("/" + base)).toList();
            found = same.size() == 1 ? same.get(0) : null;
        }
        if (found != null && !out.containsKey(found) && !base.toLowerCase(Locale.ROOT).endsWith(".json")) {
            out.put(found, new Loaded(found, loader, keysAreReads));
        }
    }
}
