package dev.devops.lint.secrets;

import dev.devops.files.FileKinds;
import dev.devops.lint.Allowlist;
import dev.devops.lint.Finding;
import dev.devops.lint.RuleInfo;
import dev.devops.lint.Severity;
import dev.devops.lint.Suppression;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The state of scanning one text: matchers reused across windows, the line counter, the findings. */
final class ScanJob {
    final String path;
    final String text;
    final FileKind kind;
    final boolean dockerfile;
    /** Where the text is (test, docs, example, code, runnable config): decides what the generic detectors report. */
    final Context context;
    /** A Java .properties file: an unquoted value runs to the end of the line. */
    final boolean javaProperties;
    /** {@link #hashComments()} and {@link #bareValuesAreExpressions()}, computed at the first question (0: not yet). */
    private byte hashComments;
    private byte bareValuesAreExpressions;
    /**
     * A CI pipeline that configures a test run ({@link #isCiTestRun}): its literal credentials are the test run's
     * (a random SECRET_KEY the app under test needs, a service container's password), so the name-based detectors
     * report them as warnings at most; provider tokens and private keys keep their severity.
     */
    final boolean ciTestRun;
    private final int[] lineNumbers;
    private final Map<String, String> properties;
    private final Allowlist allow;
    private int mayBeSuppressed = -1; // computed at the first finding: most files have none
    final List<Finding> findings = new ArrayList<>();
    private final IdentityHashMap<Pattern, Matcher> matchers = new IdentityHashMap<>();

    private int countedTo;
    private int countedLine = 1;

    ScanJob(String path, String text, int[] lineNumbers, Map<String, String> properties, Allowlist allow) {
        this(path, FileKind.of(path), text, lineNumbers, properties, allow);
    }

    ScanJob(String path, FileKind kind, String text, int[] lineNumbers, Map<String, String> properties, Allowlist allow) {
        this.path = path;
        this.text = text;
        this.kind = FileKind.of(path, kind, text);
        this.dockerfile = FileKinds.isDockerfile(path);
        this.lineNumbers = lineNumbers;
        this.properties = properties == null ? Map.of() : properties;
        this.allow = allow;
        this.context = Context.of(path, kind, allow.pathClasses(), text);
        this.javaProperties = path.endsWith(".properties");
        this.ciTestRun = FileKinds.isCi(path) && isCiTestRun(text) || FileKinds.isCiDotenv(path);
    }

    /**
     * A script without an extension run by an interpreter whose strings are quoted ({@code #!/usr/bin/env python}):
     * source code, where a bare value is an expression ({@code "KEY_PASSWORD": encrypted_key_password}). Not a shell
     * script, where {@code PASSWORD=abc} is a literal.
     */
    private static final Pattern SCRIPT_SHEBANG = Pattern.compile("#![^\\n]*\\b(?:python[0-9.]*|node|ruby|perl|php|deno|bun)\\b");

    /** File names whose comments start with {@code #} anywhere on a line. */
    private static final Pattern HASH_COMMENT_NAME = Pattern.compile(
            "(?i).*\\.(?:ya?ml|toml|sh|bash|zsh|py|rb|r|pl|conf|cfg|ini)|dockerfile(?:\\..*)?|.*\\.dockerfile|makefile|.*\\.mk");

    /**
     * Whether the file's comments start with {@code #} anywhere on a line ({@link Assignments#inTrailingComment}); asked
     * at a keyword hit only, most files have none.
     */
    boolean hashComments() {
        if (hashComments == 0) {
            boolean yes = kind == FileKind.ENV || kind == FileKind.ENV_EXAMPLE
                    || HASH_COMMENT_NAME.matcher(FileKinds.name(path)).matches()
                    || kind == FileKind.CONFIG && text.startsWith("#!") && !text.startsWith("#!/usr/bin/env node")
                    && !text.startsWith("#!/usr/bin/node");
            hashComments = (byte) (yes ? 1 : -1);
        }
        return hashComments > 0;
    }

    /**
     * Whether a bare value is an expression here: source code, a configuration language whose strings are quoted
     * (HCL, {@link FileKind#bareValuesAreExpressions}) or an extensionless script of such an interpreter
     * ({@link #SCRIPT_SHEBANG}); asked at an assignment only.
     */
    boolean bareValuesAreExpressions() {
        if (bareValuesAreExpressions == 0) {
            boolean yes = FileKind.bareValuesAreExpressions(path, kind)
                    || kind == FileKind.CONFIG && SCRIPT_SHEBANG.matcher(text).lookingAt();
            bareValuesAreExpressions = (byte) (yes ? 1 : -1);
        }
        return bareValuesAreExpressions > 0;
    }

    /** A test environment set for the run: NODE_ENV: test, RAILS_ENV=test, APP_ENV: testing, a *.test settings module. */
    private static final Pattern TEST_ENVIRONMENT = Pattern.compile("(?im)^[\\s-]*(?:[A-Z_]*_ENV|ENV|ENVIRONMENT|APP_ENVIRONMENT"
            + "|SPRING_PROFILES_ACTIVE|DJANGO_SETTINGS_MODULE)\\s*[:=]\\s*[\"']?(?:[\\w.]*[._])?test(?:ing|s)?[\"']?\\s*(?:#.*)?$");
    /** A step that runs a test suite. */
    private static final Pattern TEST_COMMAND = Pattern.compile("(?im)^\\s*(?:-\\s*)?(?:run:\\s*[|>]?\\s*)?.*(?:\\b(?:npm|yarn|pnpm|bun)"
            + "\\s+(?:run\\s+)?test|\\bpytest\\b|\\bgo\\s+test\\b|\\bmvnw?\\b.*\\b(?:test|verify)\\b|\\bgradlew?\\b.*\\btest\\b"
            + "|\\brspec\\b|\\bjest\\b|\\bvitest\\b|\\bphpunit\\b|\\btox\\b|manage\\.py\\s+test|\\bcargo\\s+test|\\bdotnet\\s+test"
            // an end-to-end suite: Cypress's action or CLI, Playwright's runner
            + "|\\bcypress-io/github-action\\b|\\bcypress\\s+run\\b|\\bplaywright\\s+test\\b)");

    /**
     * Whether a CI pipeline's text configures a test run: it sets a test environment ({@code NODE_ENV: test}) or
     * runs a test suite ({@code npm test}, {@code pytest}, {@code go test}, {@code mvn verify}, an end-to-end suite with
     * Cypress's action or {@code playwright test} …).
     */
    static boolean isCiTestRun(String text) {
        return TEST_ENVIRONMENT.matcher(text).find() || TEST_COMMAND.matcher(text).find();
    }

    Allowlist allow() {
        return allow;
    }

    /** Start and end offsets of the prose blocks of the text, computed at the first question; null until then. */
    private int[] multilineStrings;
    /** The start of an Elixir documentation heredoc: {@code @doc """}, {@code @moduledoc ~S"""}. */
    private static final Pattern ELIXIR_DOC = Pattern.compile("@(?:doc|moduledoc|typedoc)\\s+~?[sS]?\"\"\"");
    /** A shell here-document printed to the terminal: {@code cat >&2 <<-'EOE'} (not {@code cat > file <<EOF}). */
    private static final Pattern PRINTED_HEREDOC = Pattern.compile(
            "(?m)^[^#\\n]*\\bcat\\b(?:\\s+>&[12])?\\s*<<(-?)\\s*(['\"]?)(\\w+)\\2[ \\t]*(?:>&[12])?[ \\t]*$");

    /**
     * Whether {@code pos} lies inside prose that a line-based reader would take for configuration: a multi-line string
     * of a TOML file ({@code help = """…"""}, a task's help text) or a here-document a shell script prints to the
     * terminal ({@code cat >&2 <<-'EOE'}: a usage or error message saying "-e POSTGRES_PASSWORD=password").
     */
    boolean inMultilineString(int pos) {
        boolean toml = path.endsWith(".toml");
        boolean elixir = path.endsWith(".ex") || path.endsWith(".exs");
        boolean shell = !toml && !elixir && (path.endsWith(".sh") || path.endsWith(".bash") || text.startsWith("#!"));
        if (!toml && !shell && !elixir) {
            return false;
        }
        if (multilineStrings == null) {
            List<Integer> ranges = new ArrayList<>();
            if (elixir) {
                // Elixir's documentation heredocs (@doc """, @moduledoc """, @typedoc """): prose and doctests
                // (iex> Database.opts(%{password: "postgres"}) and the result it prints), never the code's values
                Matcher m = ELIXIR_DOC.matcher(text);
                int from = 0;
                while (m.find(from)) {
                    int close = text.indexOf("\"\"\"", m.end());
                    ranges.add(m.end());
                    ranges.add(close < 0 ? text.length() : close);
                    from = close < 0 ? text.length() : close + 3;
                    if (from >= text.length()) {
                        break;
                    }
                }
            } else if (toml) {
                for (int r : CommentBlocks.tripleQuotedInsides(text, open -> true)) {
                    ranges.add(r);
                }
            } else {
                Matcher m = PRINTED_HEREDOC.matcher(text);
                int from = 0;
                while (m.find(from)) {
                    int body = Math.min(text.length(), m.end() + 1);
                    Matcher end = Pattern.compile("(?m)^" + (m.group(1).isEmpty() ? "" : "\t*") + Pattern.quote(m.group(3)) + "[ \t]*$")
                            .matcher(text);
                    int close = end.find(body) ? end.start() : text.length();
                    ranges.add(body);
                    ranges.add(close);
                    from = Math.max(close, body);
                    if (from >= text.length()) {
                        break;
                    }
                }
            }
            multilineStrings = ranges.stream().mapToInt(Integer::intValue).toArray();
        }
        for (int k = 0; k + 1 < multilineStrings.length; k += 2) {
            if (pos >= multilineStrings[k] && pos < multilineStrings[k + 1]) {
                return true;
            }
        }
        return false;
    }

    /** Start and end offsets of the block comments and docstrings of source code ({@link CommentBlocks}), computed at the first question. */
    private int[] commentBlocks;

    private static boolean inRanges(int[] ranges, int pos) {
        for (int k = 0; k + 1 < ranges.length; k += 2) {
            if (pos >= ranges[k] && pos < ranges[k + 1]) {
                return true;
            }
        }
        return false;
    }

    /** A declaration at the start of a line ({@code export const sampleEvents = [}, {@code MOCK_USERS = {}) and its name. */
    private static final Pattern TOP_DECLARATION = Pattern.compile(
            "(?:export\\s+(?:default\\s+)?)?(?:(?:const|let|var|val|static|final|public|private)\\s+)*([A-Za-z_$][\\w$]*)\\s*(?::[^=\\n]{0,80})?=\\s*[\\[{(]");
    /** Words of a declaration's name that make its value test data: samples, examples, mocks, fixtures, fakes, dummies. */
    private static final java.util.Set<String> SAMPLE_WORDS = java.util.Set.of("sample", "samples", "example", "examples",
            "mock", "mocks", "mocked", "fixture", "fixtures", "fake", "fakes", "dummy", "stub", "stubs");

    /**
     * Whether {@code pos} is inside a top-level declaration of test data in source code: the nearest line above that
     * starts at column 0 declares a value whose name says it holds samples ({@code export const samples:
     * SampleRecord[] = [}, {@code mockUsers = [}, {@code EXAMPLE_EVENTS = {}), and every line between is indented, so
     * the value has not ended. A webhook module's hand-written sample payloads, a story's mock data. Asked only where a
     * value is about to be reported.
     */
    private boolean inSampleDeclaration(int pos) {
        int ls = lineStart(pos);
        if (ls >= text.length() || !(text.charAt(ls) == ' ' || text.charAt(ls) == '\t')) {
            return false; // a statement of its own at column 0
        }
        while (ls > 0) {
            int prev = text.lastIndexOf('\n', ls - 2) + 1;
            if (prev >= ls - 1) { // a blank line
                ls = prev;
                continue;
            }
            char c = text.charAt(prev);
            if (c == ' ' || c == '\t') {
                ls = prev;
                continue;
            }
            Matcher m = TOP_DECLARATION.matcher(text).region(prev, ls - 1);
            if (!m.lookingAt()) {
                return false; // another statement at column 0 (a closing bracket, an import, a function)
            }
            for (String w : Assignments.words(m.group(1))) {
                if (SAMPLE_WORDS.contains(w)) {
                    return true;
                }
            }
            return false;
        }
        return false;
    }

    private boolean inCommentBlock(int pos) {
        if (commentBlocks == null) {
            commentBlocks = CommentBlocks.of(path, text);
        }
        return inRanges(commentBlocks, pos);
    }

    /** Start and end offsets of a page's script elements ({@code <script …>…</script>}), computed at the first question. */
    private int[] pageScripts;

    /**
     * Whether {@code pos} lies inside a script element of a page ({@link CommentBlocks#isPage}): code, whose bare words
     * are names and expressions ({@code {password: newPw}}), not the page's text. Asked at a bare value only.
     */
    boolean inPageScript(int pos) {
        if (pageScripts == null) {
            List<Integer> ranges = new ArrayList<>();
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            for (int open = lower.indexOf("<script"); open >= 0; open = lower.indexOf("<script", open + 1)) {
                int body = lower.indexOf('>', open);
                if (body < 0) {
                    break;
                }
                int close = lower.indexOf("</script", body);
                ranges.add(body + 1);
                ranges.add(close < 0 ? text.length() : close);
                if (close < 0) {
                    break;
                }
                open = close;
            }
            pageScripts = ranges.stream().mapToInt(Integer::intValue).toArray();
        }
        return inRanges(pageScripts, pos);
    }

    /**
     * Whether {@code pos} lies on a line a minifier wrote: a thousand characters or more with a blank for fewer than one
     * character in twenty (prose and hand-written markup have one in six or more).
     */
    private boolean inMinifiedLine(int pos) {
        int start = text.lastIndexOf('\n', pos - 1) + 1;
        int end = text.indexOf('\n', pos);
        end = end < 0 ? text.length() : end;
        if (end - start < 1000) {
            return false;
        }
        int blanks = 0;
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            if (c == ' ' || c == '\t') {
                blanks++;
            }
        }
        return blanks * 20 < end - start;
    }

    /** Start and end offsets of the inline test items of a Rust file ({@link InlineTests}), computed at the first question. */
    private int[] inlineTests;

    /** Whether a script's text is minified ({@link FileKinds#looksMinified}), computed at the first question (0: not yet). */
    private byte minified;

    /**
     * Where {@code pos} is: the file's {@link #context}, except inside the block comments and docstrings of source code
     * ({@link CommentBlocks}), which are {@link Context#DOCS documentation}, inside its inline tests (Rust's
     * {@code #[cfg(test)]} items, {@link InlineTests}), which are {@link Context#TEST test code}, and in a script or
     * style sheet a minifier wrote ({@link FileKinds#looksMinified}), which is {@link Context#VENDORED vendored code}.
     */
    Context contextAt(int pos) {
        return contextAt(pos, true);
    }

    /**
     * {@link #contextAt(int)}, but without the question about block comments and docstrings when {@code blocks} is false:
     * a detector's first look at a keyword hit asks this cheap form, and the whole question only where it has a value to
     * judge (finding a file's comment blocks reads all of it: a tenth of a scan of a large Java tree, asked at every hit).
     */
    Context contextAt(int pos, boolean blocks) {
        if (blocks && !context.quiet() && CommentBlocks.isPage(path) && inMinifiedLine(pos)) {
            return Context.VENDORED; // a page's inline script a minifier wrote (a vendor's snippet in a mail template)
        }
        if (context != Context.CODE) {
            // markup (an XML file's commented-out configuration, a page template's code sample) and CUE (a setting's
            // description: """…""") have their blocks in configuration too
            return blocks && context == Context.RUNNABLE && CommentBlocks.blocksInConfig(path) && inCommentBlock(pos)
                    ? Context.DOCS : context;
        }
        if (minified == 0 && FileKinds.isScriptOrStyle(path)) {
            minified = (byte) (FileKinds.looksMinified(text) ? 1 : -1);
        }
        if (minified > 0) {
            return Context.VENDORED; // a bundle a minifier wrote, whatever its name: a copied editor's language files
        }
        if (blocks && CommentBlocks.applies(path) && inCommentBlock(pos)) {
            return Context.DOCS;
        }
        if (blocks && inSampleDeclaration(pos)) {
            return Context.TEST; // export const samples = [ … { token: "…" } … ]: test data kept beside the code
        }
        if (!path.endsWith(".rs")) {
            return context;
        }
        if (inlineTests == null) {
            inlineTests = InlineTests.rust(text);
        }
        return inRanges(inlineTests, pos) ? Context.TEST : context;
    }

    /** A matcher of {@code p} over this text, created once per job. */
    Matcher matcher(Pattern p) {
        Matcher m = matchers.get(p);
        if (m == null) {
            m = p.matcher(text);
            m.useTransparentBounds(true).useAnchoringBounds(false);
            matchers.put(p, m);
        }
        return m;
    }

    /** 1-based line of {@code pos} in the text (fast when asked in increasing order). */
    int lineOf(int pos) {
        if (pos < countedTo) {
            countedTo = 0;
            countedLine = 1;
        }
        for (int i = countedTo; i < pos; i++) {
            if (text.charAt(i) == '\n') {
                countedLine++;
            }
        }
        countedTo = pos;
        return countedLine;
    }

    int lineStart(int pos) {
        return text.lastIndexOf('\n', pos - 1) + 1;
    }

    int lineEnd(int pos) {
        int e = text.indexOf('\n', pos);
        return e < 0 ? text.length() : e;
    }

    /** A rule failed on this text (a bug in devops): one LINT0000 finding naming it. */
    void failed(String rule, Throwable e) {
        findings.add(dev.devops.lint.CheckFailure.finding(GenericRules.CATEGORY, rule, path, e));
    }

    /**
     * The severity model for a literal credential found by a generic detector (docs/SECRET-RULES.md): nothing in
     * tests, docs and vendored code, nor a weak value in an example; a default or development value is a warning,
     * a random-looking one an error. Null means: do not report. {@code pos}: where the value is ({@link #contextAt}).
     */
    Severity credentialSeverity(String value, int pos) {
        Context context = contextAt(pos);
        if (context.quiet()) {
            return null;
        }
        boolean weak = Filters.isDefaultCredential(value) || Filters.isWeakCredential(value);
        if (weak && (context == Context.EXAMPLE || kind == FileKind.ENV_EXAMPLE)) {
            return null;
        }
        return weak ? Severity.WARNING : Severity.ERROR;
    }

    void emit(RuleInfo rule, Severity severity, int pos, String secret, String message, String hint,
            Map<String, String> extra) {
        if (secret != null && allow.value(secret)) {
            return;
        }
        int ls = lineStart(pos);
        if (mayBeSuppressed < 0) {
            mayBeSuppressed = Suppression.mayContain(text) ? 1 : 0;
        }
        if (mayBeSuppressed == 1 && Suppression.suppressedAt(text, ls, lineEnd(pos), rule.id())) {
            return;
        }
        int line = lineOf(pos);
        int fileLine = lineNumbers == null ? line : lineNumbers[Math.min(line, lineNumbers.length) - 1];
        Map<String, String> props = properties;
        if (extra != null && !extra.isEmpty()) {
            props = new LinkedHashMap<>(properties);
            props.putAll(extra);
        }
        String label = contextAt(pos).label;
        if (ciTestRun && GenericRules.isNameBased(rule)) {
            label = "CI test run";
            if (severity == Severity.ERROR) {
                severity = Severity.WARNING; // the test run's own value: rotate-worthy only if it is reused elsewhere
                hint = "A value only the CI test run uses: move it to the CI's secret store (${{ secrets.NAME }}) if it is "
                        + "reused anywhere else; a random test-only value can stay.";
            }
        }
        String why = secret == null ? label : label + "; " + Redaction.shape(secret);
        findings.add(new Finding(rule, severity, path, fileLine, pos - ls + 1, message + " [" + why + "]", hint,
                secret == null ? null : Redaction.redact(secret), fingerprint(rule.id(), secret), props));
    }

    String fingerprint(String ruleId, String secret) {
        return Finding.fingerprint(ruleId, path, secret == null ? "" : secret);
    }
}
