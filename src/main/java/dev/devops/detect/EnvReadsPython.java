package dev.devops.detect;

import dev.devops.detect.EnvReference.Kind;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python env reads: {@code os.environ[…]}, {@code os.environ.get}, {@code os.getenv} (also imported bare),
 * presence tests, dj-database-url, pydantic settings ({@link EnvSchemas}).
 */
final class EnvReadsPython extends EnvReads {
    private static final Pattern PY_OR_DEFAULT = Pattern.compile(
            "\\s*\\)\\s*or\\s+(?:[rRbBuU]?(['\"])([^'\"\\n]*)\\1|(-?\\d+(?:\\.\\d+)?)\\b|(True|False)\\b)");
    private static final Pattern PY_ENVIRON_INDEX =
            Pattern.compile("(\\bos\\.|(?<![\\w.]))environ\\s*\\[\\s*(['\"])([^'\"]+)\\2\\s*\\]");
    private static final Pattern PY_ENVIRON_GET =
            Pattern.compile("(\\bos\\.|(?<![\\w.]))environ\\.get\\(\\s*(['\"])([^'\"]+)\\2");
    private static final Pattern PY_GETENV = Pattern.compile("(\\bos\\.|(?<![\\w.]))getenv\\(\\s*(['\"])([^'\"]+)\\2");
    private static final Pattern PY_FROM_OS = Pattern.compile("(?m)^\\s*from\\s+os\\s+import\\s+([^\\n#]+)");
    private static final Pattern PY_DEFAULT = Pattern.compile(
            "\\s*,\\s*(?:(['\"])([^'\"\\n]*)\\1|(-?\\d+(?:\\.\\d+)?)\\b|(True|False)\\b)");
    /** dj-database-url reads DATABASE_URL (or {@code env="X"}); {@code default=} is its fallback. */
    private static final Pattern PY_DJ_DATABASE_URL = Pattern.compile("\\bdj_database_url\\.config\\(");
    private static final Pattern PY_KWARG_ENV = Pattern.compile("\\benv\\s*=\\s*(['\"])([A-Za-z_][A-Za-z0-9_]*)\\1");
    private static final Pattern PY_KWARG_DEFAULT = Pattern.compile("\\bdefault\\s*=\\s*(?:[rRbBuU]?(['\"])([^'\"\\n]*)\\1|(\\w))");
    /** Python presence tests: {@code "X" in os.environ}, {@code "X" not in os.environ}. */
    private static final Pattern PY_IN_ENVIRON =
            Pattern.compile("(['\"])([A-Za-z_][A-Za-z0-9_]*)\\1\\s+(?:not\\s+)?in\\s+(?:os\\.)?environ\\b");

    EnvReadsPython(String path, String text, SourceLexer.Lines lines, List<EnvReference> out) {
        super(path, text, lines, EnvScanner.Syntax.PYTHON, out);
    }

    /** A settings class for the test suite: {@code class TestingConfig(Config):}, {@code class TestSettings(Base):}. */
    private static final Pattern TEST_SETTINGS_CLASS = Pattern.compile(
            "(?m)^class\\s+(?:Test|Testing|Tests)\\w*(?:Config|Configuration|Settings)\\b[^\\n]*:[ \\t]*(?:#[^\\n]*)?$");

    @Override
    void read() {
        Matcher cls = TEST_SETTINGS_CLASS.matcher(text);
        while (cls.find()) {
            // the class body: every following line that is blank, a comment or indented
            int end = cls.end();
            while (end < text.length()) {
                int next = text.indexOf('\n', end + 1);
                int lineStart = end + 1;
                if (lineStart >= text.length()) {
                    end = text.length();
                    break;
                }
                String line = text.substring(lineStart, next < 0 ? text.length() : next);
                if (!line.isBlank() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("#")) {
                    break;
                }
                end = next < 0 ? text.length() : next;
            }
            testOnly.add(new int[] {cls.start(), end});
        }
        boolean bareEnviron = false;
        boolean bareGetenv = false;
        Matcher imp = PY_FROM_OS.matcher(text);
        while (imp.find()) {
            for (String part : imp.group(1).replace("(", " ").replace(")", " ").split(",")) {
                String word = part.trim().split("\\s+")[0];
                bareEnviron |= word.equals("environ");
                bareGetenv |= word.equals("getenv");
            }
        }
        python(PY_ENVIRON_INDEX, bareEnviron, false, Kind.PYTHON_ENVIRON);
        python(PY_ENVIRON_GET, bareEnviron, true, Kind.PYTHON_ENVIRON);
        python(PY_GETENV, bareGetenv, true, Kind.PYTHON_GETENV);
        Matcher in = PY_IN_ENVIRON.matcher(text);
        while (in.find()) {
            add(in.group(2), in.start(2), null, Kind.PYTHON_ENVIRON, true); // a presence test copes with it unset
        }
        schemas(EnvSchemas.python(text));
        Matcher dj = PY_DJ_DATABASE_URL.matcher(text);
        while (dj.find()) {
            int close = SourceLexer.closing(text, dj.end() - 1, '(', ')');
            String args = close < 0 ? "" : text.substring(dj.end(), close);
            Matcher env = PY_KWARG_ENV.matcher(args);
            Matcher def = PY_KWARG_DEFAULT.matcher(args);
            boolean hasDefault = def.find();
            String name = env.find() ? env.group(2) : "DATABASE_URL";
            int at = env.find(0) ? dj.end() + env.start(2) : dj.start();
            // a default that is an expression (default=f"sqlite:///{BASE_DIR}") still copes with the variable unset
            add(name, at, hasDefault ? def.group(2) : null, Kind.PYTHON_ENVIRON, hasDefault && def.group(2) == null);
        }
    }

    /** How far before an index read its presence test is looked for: the condition of its if, a line or two above. */
    private static final int GUARD_REACH = 240;

    /** Whether a presence test {@code "X" in os.environ} (not {@code not in}) of {@code name} comes shortly before {@code at}. */
    private boolean guarded(String name, int at) {
        Matcher in = PY_IN_ENVIRON.matcher(text).region(Math.max(0, at - GUARD_REACH), at);
        while (in.find()) {
            if (in.group(2).equals(name) && !in.group().contains("not")) {
                return true;
            }
        }
        return false;
    }

    private void python(Pattern p, boolean bareAllowed, boolean withDefault, Kind kind) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            if (m.group(1).isEmpty() && !bareAllowed) {
                continue;
            }
            String def = null;
            if (withDefault) {
                Matcher d = PY_DEFAULT.matcher(text).region(m.end(), text.length());
                Matcher or = PY_OR_DEFAULT.matcher(text).region(m.end(), text.length());
                if (d.lookingAt()) {
                    def = SourceLexer.literal(d);
                } else if (or.lookingAt()) {
                    def = SourceLexer.literal(or); // os.environ.get('X') or 'fallback'
                }
            }
            // environ.get and getenv return None when unset: the code chose the call that copes with it; an index read
            // guarded by a presence test just before it (if "X" in os.environ and os.environ["X"] != "") copes too
            add(m.group(3), m.start(3), def, kind, withDefault && def == null || !withDefault && guarded(m.group(3), m.start()));
        }
    }
}
