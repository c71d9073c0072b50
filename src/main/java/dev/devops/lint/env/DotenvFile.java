package dev.devops.lint.env;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A dotenv file read for linting (not for values): its keys with their lines, and the syntax problems
 * dotenv-linter would report, each tied to one rule (ENV0011–ENV0021, {@link EnvRules}). Values are never kept, so nothing
 * here can leak what a local {@code .env} holds.
 *
 * @param path     repository-relative path
 * @param keys     key to the 1-based line of its first assignment, in file order
 * @param problems syntax problems in line order
 * @param binary   true when the file is binary or not UTF-8 (then keys and problems are empty)
 */
record DotenvFile(String path, Map<String, Integer> keys, List<Problem> problems, boolean binary,
        java.util.Set<String> commentedKeys) {
    /** A line that is only a template directive ({@link dev.devops.files.TemplateText#DIRECTIVE}). */
    static final java.util.regex.Pattern TEMPLATE_DIRECTIVE = dev.devops.files.TemplateText.DIRECTIVE;
    /** A shell control-flow line: the file is a shell script, whatever its name. */
    static final java.util.regex.Pattern SHELL_CONTROL = java.util.regex.Pattern.compile(
            "\\s*(?:if\\s+\\[|if\\s+!?\\s*\\w+.*;\\s*then\\b|then\\s*$|fi\\s*$|else\\s*$|elif\\s|for\\s+\\w+\\s+in\\s|while\\s|do\\s*$|done\\s*$|case\\s.*\\sin\\s*$|esac\\s*$)");
    /**
     * A value that is one template expression: {{ .Base }} (Go, Helm), {{ var }} (Jinja), {{{ raw }}} (Handlebars),
     * {% … %}, <%= … %>.
     */
    static final java.util.regex.Pattern TEMPLATE_EXPRESSION = java.util.regex.Pattern.compile(
            "\\{\\{\\{[^{}]*}}}|\\{\\{[^{}]*}}|\\{%[^%]*%}|<%=?[^%]*%>");
    /**
     * A value that is one shell command substitution: React Native's {@code .xcode.env} ({@code export
     * NODE_BINARY=$(command -v node)}), sourced by a shell, where the output is assigned whole and nothing is split.
     */
    static final java.util.regex.Pattern COMMAND_SUBSTITUTION = java.util.regex.Pattern.compile("\\$\\([^()]*\\)|`[^`]*`");

    /** A commented-out assignment ({@code # KEY=value}): in an example file it documents an optional variable. */
    private static final java.util.regex.Pattern COMMENTED = java.util.regex.Pattern.compile("^\\s*#\\s?([A-Za-z_][A-Za-z0-9_]*)=.*$");

    DotenvFile(String path, Map<String, Integer> keys, List<Problem> problems, boolean binary) {
        this(path, keys, problems, binary, java.util.Set.of());
    }


    /** One syntax problem: the rule, the line, the message; {@code severity} overrides the rule's when not null. */
    record Problem(String rule, int line, String message, String hint, dev.devops.lint.Severity severity) {
    }

    /** The kind of a dotenv file, decided by its name. */
    static DotenvFile parse(String path, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new DotenvFile(path, Map.of(), List.of(), true);
        }
        if (text.indexOf('\0') >= 0) {
            return new DotenvFile(path, Map.of(), List.of(), true);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return new Parser(path, text).run();
    }

    private static final class Parser {
        private final String path;
        private final String text;
        private final String[] lines;
        private final Map<String, Integer> keys = new LinkedHashMap<>();
        private final java.util.Set<String> commented = new java.util.LinkedHashSet<>();
        private final List<Problem> problems = new ArrayList<>();
        private boolean script;
        /** A template directive was seen: keys set again are the other branch of an {@code {% if %}}, not duplicates. */
        private boolean templated;
        /** A template a generator renders ({@code .env.hbs}, {@code {{cookiecutter.slug}}/.env}). */
        private final boolean template;

        Parser(String path, String text) {
            this.path = path;
            this.template = dev.devops.files.FileKinds.isTemplate(path);
            this.text = text;
            String[] raw = text.split("\n", -1);
            for (int i = 0; i < raw.length; i++) {
                if (raw[i].endsWith("\r")) {
                    raw[i] = raw[i].substring(0, raw[i].length() - 1);
                }
            }
            this.lines = raw;
        }

        DotenvFile run() {
            // the split leaves one empty element after a final newline; it is not a line
            int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
            boolean previousBlank = false;
            for (int i = 0; i < count; i++) {
                int no = i + 1;
                String line = lines[i];
                if (line.isBlank()) {
                    if (!line.isEmpty()) {
                        problem(ENV0016Whitespace.RULE, no, "line " + no + " holds only whitespace", "delete the spaces");
                    }
                    if (previousBlank) {
                        problem(ENV0020BlankLines.RULE, no, "extra blank line", "keep at most one blank line between groups");
                    } else if (i == count - 1) {
                        problem(ENV0020BlankLines.RULE, no, "blank line at the end of the file", "delete it");
                    }
                    previousBlank = true;
                    continue;
                }
                previousBlank = false;
                if (TEMPLATE_DIRECTIVE.matcher(line).matches()) {
                    templated = true;
                    continue; // {% if redis_url %} in an env file template (harbor's env.jinja): rendered away before any loader reads it
                }
                if (SHELL_CONTROL.matcher(line).lookingAt()) {
                    script = true; // if [ -z "$GOBIN" ]; then … fi: a shell script named *.env (bingo's variables.env), sourced, not loaded
                }
                if (template && TEMPLATE_EXPRESSION.matcher(line.strip()).matches()) {
                    // a template's own tag on a line of its own ({{#if requiresConnection}}, {% endif %}): the
                    // generator drops it, no loader ever reads it
                    continue;
                }
                if (line.stripLeading().startsWith("#")) {
                    java.util.regex.Matcher c = COMMENTED.matcher(line);
                    if (c.matches()) {
                        commented.add(c.group(1));
                    }
                    trailing(line, no);
                    continue;
                }
                i = assignment(i, count);
            }
            if (count > 0 && !text.isEmpty() && !text.endsWith("\n")) {
                problem(ENV0017FinalNewline.RULE, count, "the file does not end with a newline",
                        "add a newline after the last line (some tools drop or merge an unterminated last line)");
            }
            if (script) {
                problems.clear(); // a shell script's lines are not dotenv syntax: the dotenv rules do not apply to it
            }
            return new DotenvFile(path, keys, problems, false, commented);
        }

        private void trailing(String line, int no) {
            if (line.endsWith(" ") || line.endsWith("\t")) {
                problem(ENV0016Whitespace.RULE, no, "trailing whitespace", "delete the spaces at the end of the line");
            }
        }

        /** Reads the assignment starting at line index {@code i}; returns the index of its last line. */
        private int assignment(int i, int count) {
            int no = i + 1;
            String line = lines[i];
            String body = line;
            if (Character.isWhitespace(body.charAt(0))) {
                problem(ENV0016Whitespace.RULE, no, "the line starts with whitespace", "start the key in the first column");
                body = body.stripLeading();
            }
            boolean exported = body.startsWith("export ") || body.startsWith("export\t");
            if (exported && body.indexOf('=') < 0) {
                // 'export NAME' with no value exports a variable the file set before: a shell's statement, so the file is
                // a script a shell sources (setup.env beside its install script), not a dotenv file a loader reads
                script = true;
                return i;
            }
            if (exported) {
                problem(ENV0019Export.RULE, no, "'export' prefix", "drop 'export': docker compose accepts it but some "
                        + "dotenv loaders do not, and the file is not a shell script");
                body = body.substring(7).stripLeading();
            }
            int eq = body.indexOf('=');
            if (eq < 0) {
                String word = body.strip();
                problem(ENV0014InvalidKey.RULE, no, "'" + abbreviate(word) + "' is not a KEY=VALUE assignment",
                        "write KEY=VALUE (KEY= for an empty value), or comment the line out with #");
                trailing(line, no);
                return i;
            }
            String rawKey = body.substring(0, eq);
            String key = rawKey.strip();
            String rest = body.substring(eq + 1);
            if (!rawKey.equals(key) || (!rest.isEmpty() && Character.isWhitespace(rest.charAt(0)) && !rest.isBlank())) {
                problem(ENV0013SpacesAroundEquals.RULE, no, "spaces around '=' in the assignment of " + key,
                        "write " + key + "=VALUE with no spaces: some loaders keep the spaces in the key or value");
            }
            boolean keyOk = checkKey(key, no, exported);
            if (keyOk) {
                Integer first = keys.get(key);
                if (first != null && !templated) {
                    problem(ENV0011DuplicateKey.RULE, no, key + " is set again here; it was already set at line " + first,
                            "keep one assignment: loaders disagree on whether the first or the last one wins");
                } else {
                    keys.put(key, no);
                }
            }
            String v = rest.stripLeading();
            if (v.startsWith("'") || v.startsWith("\"")) {
                return quoted(i, count, key, v, line);
            }
            trailing(line, no);
            int hash = v.indexOf(" #");
            String value = (hash >= 0 ? v.substring(0, hash) : v).strip();
            if ((value.contains(" ") || value.contains("\t")) && !TEMPLATE_EXPRESSION.matcher(value).matches()
                    && !COMMAND_SUBSTITUTION.matcher(value).matches()) {
                // a template's expression (authelia's web/.env.production: VITE_BASEPATH={{ .Base }}, rendered by
                // Go's text/template before any loader reads it) is not the value: its spaces vanish
                problem(ENV0015UnquotedSpaces.RULE, no, "the value of " + key + " contains spaces but is not quoted",
                        "quote it: " + key + "=\"…\" (unquoted, the shell and some loaders split or trim it)");
            }
            if ((value.indexOf('"') >= 0 || value.indexOf('\'') >= 0) && !value.contains("{{") && !value.contains("{%")) {
                // quotes inside a template expression ({{ x if x else '' }}) are the template's, rendered away
                // loaders keep it literally (JSON={"a":1} works with compose), so a warning, not an error
                problems.add(new Problem(ENV0018Quotes.RULE.id(), no, "the value of " + key
                        + " has a quote character inside an unquoted value", "quote the whole value with the other quote "
                        + "character (KEY='{\"a\":1}'), or remove the stray quote", dev.devops.lint.Severity.WARNING));
            }
            substitutions(value, key, no);
            return i;
        }

        private int quoted(int i, int count, String key, String v, String firstLine) {
            int no = i + 1;
            char q = v.charAt(0);
            String cur = v.substring(1);
            int line = i;
            StringBuilder value = new StringBuilder();
            while (true) {
                int end = closing(cur, q);
                if (end >= 0) {
                    value.append(cur, 0, end);
                    String after = cur.substring(end + 1);
                    String afterTrim = after.strip();
                    if (!afterTrim.isEmpty() && !afterTrim.startsWith("#")) {
                        problem(ENV0018Quotes.RULE, line + 1, "text after the closing quote of " + key,
                                "put the whole value inside the quotes");
                    }
                    trailing(lines[line], line + 1);
                    break;
                }
                value.append(cur).append('\n');
                if (line + 1 >= count) {
                    problem(ENV0018Quotes.RULE, no, "the " + (q == '"' ? "double" : "single") + " quote that starts the value of "
                            + key + " is never closed", "close the quote (a multi-line value must end with the same quote)");
                    return i; // the rest of the file is still linted line by line
                }
                cur = lines[++line];
            }
            if (q == '"') {
                substitutions(value.toString(), key, no);
            }
            return line;
        }

        private static int closing(String s, char q) {
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                if (c == '\\' && q == '"') {
                    k++;
                } else if (c == q) {
                    return k;
                }
            }
            return -1;
        }

        /**
         * A property name as a key: words joined by dots ({@code spring.application.name}, {@code server.port}), what a
         * JVM service's env_file sets for Spring's relaxed binding. Compose's and docker's env-file parsers accept dots
         * in a key and pass it to the container; only a shell cannot export it.
         */
        private static final java.util.regex.Pattern DOTTED_KEY = java.util.regex.Pattern.compile(
                "[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)+");

        private boolean checkKey(String key, int no, boolean exported) {
            if (!exported && DOTTED_KEY.matcher(key).matches()) {
                return true; // a property name for a container, not a shell variable: not upper-case by convention either
            }
            if (key.isEmpty()) {
                problem(ENV0014InvalidKey.RULE, no, "the assignment has no key before '='", "write KEY=VALUE");
                return false;
            }
            char c0 = key.charAt(0);
            if (!(Character.isLetter(c0) && c0 < 128) && c0 != '_') {
                problem(ENV0014InvalidKey.RULE, no, "the key '" + abbreviate(key) + "' starts with '" + c0 + "'",
                        "start variable names with a letter or '_'");
                return false;
            }
            for (char c : key.toCharArray()) {
                if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) {
                    String what = c == '-' ? "'-' as a delimiter" : c == '.' ? "'.'" : "the character '" + c + "'";
                    problem(ENV0014InvalidKey.RULE, no, "the key '" + abbreviate(key) + "' contains " + what,
                            "use only A-Z, 0-9 and '_' (shells cannot export other names): "
                                    + key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_"));
                    return false;
                }
            }
            if (!key.equals(key.toUpperCase(Locale.ROOT))) {
                problem(ENV0012LowercaseKey.RULE, no, "the key " + key + " has lower-case letters",
                        "write it as " + key.toUpperCase(Locale.ROOT) + " (environment variables are case-sensitive; "
                                + "the convention is UPPER_SNAKE_CASE)");
            }
            return true;
        }

        private void substitutions(String value, String key, int no) {
            for (int k = value.indexOf('$'); k >= 0; k = value.indexOf('$', k + 1)) {
                if (k + 1 < value.length() && value.charAt(k + 1) == '$') {
                    k++;
                    continue;
                }
                if (k + 1 < value.length() && value.charAt(k + 1) == '{') {
                    int close = value.indexOf('}', k + 2);
                    String inner = close < 0 ? null : value.substring(k + 2, close);
                    String name = inner == null ? null : inner.split("[:?+\\-=]", 2)[0];
                    if (close < 0) {
                        problem(ENV0021Substitution.RULE, no, "the value of " + key + " opens '${' without a closing '}'",
                                "close it: ${NAME}, or write $$ for a literal $");
                        return;
                    }
                    if (name.isEmpty() || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                        problem(ENV0021Substitution.RULE, no, "the value of " + key + " has an invalid substitution '${"
                                + abbreviate(inner) + "}'", "write ${NAME} with a valid variable name, or $$ for a literal $");
                    }
                }
            }
        }

        private void problem(EnvRule rule, int line, String message, String hint) {
            problems.add(new Problem(rule.id(), line, message, hint, null));
        }

        private static String abbreviate(String s) {
            return s.length() > 40 ? s.substring(0, 37) + "…" : s;
        }
    }
}
