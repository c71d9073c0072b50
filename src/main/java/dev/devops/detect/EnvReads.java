package dev.devops.detect;

import dev.devops.detect.EnvReference.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reads of one file being scanned, by one per-syntax reader ({@code EnvReads<Syntax>}, chosen by
 * {@link EnvScanner}); what every syntax shares sits here: adding a read (its name checked, comments and build-time
 * blocks skipped, required or optional decided from the code around it), Spring placeholders (Java {@code @Value} and
 * config files), and the schema keys of {@link EnvSchemas}.
 */
abstract class EnvReads {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** An assignment target just before a read on the same line: {@code port := }, {@code const url = }, {@code url = }. */
    private static final Pattern ASSIGNED = Pattern.compile("(?:^|[\\s(,;{])(?:const|let|var|final\\s+\\w+|String|val)?\\s*([A-Za-z_$][\\w$]*)\\s*(?::=|=)\\s*(?:[\\w.]+\\(\\s*)?$");
    /** Aborting the program: a presence test followed by one of these makes the variable required. */
    private static final Pattern ABORT = Pattern.compile(
            "\\bthrow\\b|\\braise\\b|\\bpanic\\(|\\.Fatal(?:f|ln)?\\(|\\bos\\.Exit\\(|\\bprocess\\.exit\\(|\\bsys\\.exit\\(|\\bSystem\\.exit\\(");

    final String path;
    final String text;
    final SourceLexer.Lines lines;
    final EnvScanner.Syntax syntax;
    final List<EnvReference> out;
    /** Offset ranges whose reads happen at build time only (next.config {@code env:}). */
    final List<int[]> buildTime = new ArrayList<>();
    /** Ranges of the text whose reads are not the running app's: a test-only settings class (Python). */
    final List<int[]> testOnly = new ArrayList<>();

    EnvReads(String path, String text, SourceLexer.Lines lines, EnvScanner.Syntax syntax, List<EnvReference> out) {
        this.path = path;
        this.text = text;
        this.lines = lines;
        this.syntax = syntax;
        this.out = out;
    }

    /** Adds this syntax's reads in the file to {@link #out}. */
    abstract void read();

    void schemas(List<EnvSchemas.Hit> hits) {
        for (EnvSchemas.Hit h : hits) {
            add(h.name(), h.offset(), h.defaultValue(), h.kind(), h.optional());
        }
    }

    /** Spring {@code ${NAME}} / {@code ${NAME:default}}, nested ones included; UPPER_SNAKE names only. */
    void placeholders(int from, int to, boolean configFile) {
        int i = text.indexOf("${", from);
        while (i >= 0 && i < to) {
            if (configFile && inConfigComment(i)) {
                i = text.indexOf("${", i + 2);
                continue;
            }
            int depth = 0;
            int colon = -1;
            int end = -1;
            for (int j = i + 2; j < to; j++) {
                char c = text.charAt(j);
                if (c == '\n') {
                    break;
                }
                if (c == '$' && j + 1 < to && text.charAt(j + 1) == '{') {
                    depth++;
                    j++;
                } else if (c == '}') {
                    if (depth == 0) {
                        end = j;
                        break;
                    }
                    depth--;
                } else if (c == ':' && depth == 0 && colon < 0) {
                    colon = j;
                }
            }
            if (end > 0) {
                String name = text.substring(i + 2, colon < 0 ? end : colon).trim();
                if (UPPER_SNAKE.matcher(name).matches()) {
                    String def = colon < 0 ? null : text.substring(colon + 1, end);
                    add(name, text.indexOf(name, i + 2), def, Kind.SPRING_PLACEHOLDER);
                }
            }
            i = text.indexOf("${", i + 2);
        }
    }

    /** The text parts of the JS template literals (outside their {@code ${…}}), computed at the first question. */
    private List<int[]> templateText;

    private boolean inTemplateText(int offset) {
        if (templateText == null) {
            templateText = templateTextRanges(text);
        }
        for (int[] r : templateText) {
            if (offset >= r[0] && offset < r[1]) {
                return true;
            }
        }
        return false;
    }

    /** The [from, to) ranges of template-literal text in JS source, interpolations ({@code ${…}}) left out. */
    static List<int[]> templateTextRanges(String t) {
        List<int[]> out = new ArrayList<>();
        if (t.indexOf('`') < 0) {
            return out;
        }
        char[] m = SourceLexer.maskJs(t);
        int i = 0;
        while (i < m.length) {
            if (m[i] != '`' || t.charAt(i) != '`') {
                i++;
                continue;
            }
            int close = i + 1;
            while (close < m.length && m[close] != '`') {
                close++;
            }
            int from = i + 1;
            int j = i + 1;
            while (j < close) {
                if (t.charAt(j) == '\\') {
                    j += 2;
                    continue;
                }
                if (t.startsWith("${", j)) {
                    out.add(new int[] {from, j});
                    int depth = 0;
                    for (j = j + 1; j < close; j++) {
                        char c = t.charAt(j);
                        if (c == '{') {
                            depth++;
                        } else if (c == '}' && --depth == 0) {
                            break;
                        }
                    }
                    from = j + 1;
                }
                j++;
            }
            out.add(new int[] {from, Math.min(close, m.length)});
            i = close + 1;
        }
        return out;
    }

    private boolean inConfigComment(int offset) {
        String line = lines.lineText(offset).stripLeading();
        return line.startsWith("#") || line.startsWith("!");
    }

    void add(String name, int offset, String defaultValue, Kind kind) {
        add(name, offset, defaultValue, kind, false);
    }

    void add(String name, int offset, String defaultValue, Kind kind, boolean optional) {
        if (!ENV_NAME.matcher(name).matches() || inLineComment(offset)) {
            return;
        }
        if (syntax == EnvScanner.Syntax.JS && inTemplateText(offset)) {
            return; // a code sample the page shows (code={`… process.env.POLAR_ACCESS_TOKEN …`}): text, not a read
        }
        if ((kind == Kind.PYTHON_ENVIRON || kind == Kind.PROCESS_ENV) && assignedTo(offset + name.length())) {
            return; // os.environ["NLS_LANG"] = …, process.env.X = …: the code sets it (for a library it calls), not reads it
        }
        for (int[] r : buildTime) {
            if (offset >= r[0] && offset < r[1]) {
                return; // next.config env: inlined at build time, not read by the running app
            }
        }
        for (int[] r : testOnly) {
            if (offset >= r[0] && offset < r[1]) {
                return; // class TestingConfig: the test suite's settings
            }
        }
        String def = defaultValue;
        boolean opt = optional || (syntax == EnvScanner.Syntax.PYTHON && !isSchema(kind) && SourceLexer.underPythonCondition(text, offset));
        if (def == null && syntax != EnvScanner.Syntax.SPRING_CONFIG && syntax != EnvScanner.Syntax.PRISMA && syntax != EnvScanner.Syntax.ORM_JSON
                && kind != Kind.GO_STRUCT_TAG && kind != Kind.PRISMA_ENV
                && kind.requiredWithoutDefault() && !isSchema(kind)) {
            if (!opt) {
                String[] tested = assignedThenTested(offset);
                if (tested != null) {
                    def = tested[1];
                    opt = def == null;
                    if (tested[0] != null && ABORT.matcher(tested[0]).find()) {
                        opt = false; // if (!x) throw …: validated, so required
                    }
                }
            } else if (ABORT.matcher(block(offset)).find()) {
                opt = false; // a presence test that aborts: if (!process.env.X) throw …
            }
        }
        out.add(new EnvReference(name, path, lines.line(offset), lines.column(offset), def, kind, opt));
    }

    /**
     * Whether the env entry whose name ends at {@code end} is the target of a plain assignment: the closing quote and
     * bracket of an index ({@code os.environ["X"]}, {@code process.env['X']}), then {@code =} that is not {@code ==}
     * or {@code ===}. An augmented assignment ({@code +=}) reads the old value first, so it is still a read.
     */
    private boolean assignedTo(int end) {
        int i = end;
        int n = text.length();
        if (i < n && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
            i++;
        }
        while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i < n && text.charAt(i) == ']') {
            i++;
        }
        while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i < n && text.charAt(i) == '=' && (i + 1 >= n || text.charAt(i + 1) != '=');
    }

    private static boolean isSchema(Kind k) {
        return k == Kind.ENVALID || k == Kind.ZOD || k == Kind.JOI || k == Kind.T3_ENV || k == Kind.JSON_SCHEMA_ENV
                || k == Kind.PYDANTIC_SETTINGS;
    }

    /** The line at {@code offset}, with the next line when this one opens a block ({@code if (!x) {} …). */
    private String block(int offset) {
        String line = following(offset, 0);
        String t = line.strip();
        return t.endsWith("{") || t.endsWith(":") || t.endsWith(")") ? following(offset, 1) : line;
    }

    /** The rest of the line at {@code offset} and the next {@code n} lines. */
    private String following(int offset, int n) {
        int end = offset;
        for (int i = 0; i <= n && end >= 0; i++) {
            end = text.indexOf('\n', end + 1);
        }
        return text.substring(offset, end < 0 ? text.length() : end);
    }

    /**
     * A read assigned to a name that the code then tests ({@code port := os.Getenv("PORT"); if port == "" { port =
     * "8080" }}, {@code const url = process.env.X; if (url) …}, {@code x = os.environ.get("X")} …): {the test and
     * the two lines after it, the literal assigned when empty or null}, or null when the name is not tested.
     */
    private String[] assignedThenTested(int offset) {
        int ls = lines.lineStart(offset);
        String before = text.substring(ls, offset);
        int read = Math.max(Math.max(before.lastIndexOf("process.env"), before.lastIndexOf("os.")),
                Math.max(before.lastIndexOf("System."), before.lastIndexOf("environ")));
        if (read < 0) {
            return null;
        }
        Matcher a = ASSIGNED.matcher(before.substring(0, read));
        if (!a.find()) {
            return null;
        }
        String v = Pattern.quote(a.group(1));
        if (a.group(1).length() < 2 || a.group(1).equals("os")) {
            return null;
        }
        int from = text.indexOf('\n', offset);
        if (from < 0) {
            return null;
        }
        String rest = following(from, 12);
        Pattern empty = Pattern.compile("\\bif\\s*\\(?\\s*" + v + "\\s*(?:==|===)\\s*(?:\"\"|''|null|nil|None|undefined)\\s*\\)?\\s*[{:]?\\s*"
                + v + "\\s*=\\s*(?:(['\"`])([^'\"`\\n]*)\\1|(-?\\d+(?:\\.\\d+)?)\\b)");
        Matcher e = empty.matcher(rest);
        if (e.find()) {
            return new String[] {null, e.group(2) != null ? e.group(2) : e.group(3)};
        }
        Pattern test = Pattern.compile("\\bif\\s*\\(?\\s*(?:!|not\\s+)?\\s*" + v + "\\b\\s*(?:[!=]==?|\\)|:|\\{|is\\b|&&|\\|\\||and\\b|or\\b)"
                + "|(?<![\\w.$])" + v + "\\s*(?:\\?\\?|\\|\\||&&|\\?(?![.?])|\\bor\\b|\\bis\\s+(?:not\\s+)?None)");
        Matcher t = test.matcher(rest);
        if (t.find()) {
            return new String[] {block(from + t.start()), null};
        }
        // Go: converted with a fallback when that fails (n, err := strconv.Atoi(s); if err != nil { n = def }):
        // unset is an empty string, the conversion fails, and the code goes on with its default
        Matcher c = Pattern.compile("(\\w+)\\s*,\\s*(\\w+)\\s*:?=\\s*[\\w.]+\\.(?:Atoi|Parse\\w*)\\(\\s*" + v + "\\b")
                .matcher(rest);
        if (c.find()) {
            Matcher e2 = Pattern.compile("\\bif\\s+" + Pattern.quote(c.group(2)) + "\\s*!=\\s*nil\\s*\\{([^}]*)}").matcher(rest);
            if (e2.find(c.end()) && !ABORT.matcher(e2.group(1)).find() && !e2.group(1).contains("return")) {
                return new String[] {null, null};
            }
        }
        return null;
    }

    /** Whether {@code offset} sits after a line comment marker outside a string, or on a block-comment line. */
    private boolean inLineComment(int offset) {
        boolean cLike = syntax != EnvScanner.Syntax.PYTHON && syntax != EnvScanner.Syntax.SPRING_CONFIG;
        return SourceLexer.inLineComment(lines.lineText(offset), offset - lines.lineStart(offset), cLike);
    }
}
