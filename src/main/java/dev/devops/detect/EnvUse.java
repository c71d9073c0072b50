package dev.devops.detect;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How the code uses a value it read: a read that copes with an unset variable by its syntax ({@code os.environ.get("X")}
 * returns None) still makes the variable required when the value is used unconditionally right away
 * ({@code os.environ.get("HOSTS").split(" ")} fails on None), or when it sets a framework setting the framework refuses
 * empty at start (Django's {@code SECRET_KEY}).
 */
final class EnvUse {
    private EnvUse() {
    }

    /** A method of str (or an index) applied to the read's result: AttributeError/TypeError on None. */
    private static final Pattern USED_AT_ONCE = Pattern.compile(
            "^\\s*(?:\\.\\s*(?:split|rsplit|splitlines|lower|upper|strip|lstrip|rstrip|encode|startswith|endswith|replace"
            + "|format|partition|title|casefold)\\s*\\(|\\[)");
    /** Django settings the framework refuses empty when it starts. */
    private static final Pattern DJANGO_REQUIRED_SETTING = Pattern.compile("^\\s*SECRET_KEY\\s*=");
    private static final Pattern DJANGO_SETTINGS_FILE = Pattern.compile("(?:^|.*/)settings(?:/[\\w]+)?\\.py$|(?:^|.*/)settings\\.py$");

    /** Go {@code v, ok := os.LookupEnv("X")} at the start of a line: the two variables it assigns. */
    private static final Pattern GO_LOOKUP = Pattern.compile("^\\s*(\\w+)\\s*,\\s*(\\w+)\\s*:?=\\s*os\\.LookupEnv\\(");
    /** What ends a Go program (or its start-up) when the check fails. */
    private static final Pattern GO_GIVES_UP = Pattern.compile("\\b(?:log|glog|klog|logger|slog|zap\\.L\\(\\)|logrus|l)\\s*\\.\\s*(?:Fatal|Fatalf|Fatalln|Panic|Panicf)\\b|\\bpanic\\(|\\bos\\.Exit\\(");

    /**
     * Go: {@code v, ok := os.LookupEnv("X")} whose {@code if !ok …} (or {@code if v == ""}) check, in the next lines,
     * gives up (log.Fatal, panic, os.Exit): the lookup copes by its syntax, the program does not.
     */
    private static boolean goGivesUpWhenUnset(String[] lines, EnvReference r) {
        java.util.regex.Matcher m = GO_LOOKUP.matcher(lines[r.line() - 1]);
        if (!m.find()) {
            return false;
        }
        Pattern check = Pattern.compile("^\\s*if\\s+.*(?:!\\s*" + Pattern.quote(m.group(2)) + "\\b|\\b" + Pattern.quote(m.group(1))
                + "\\s*==\\s*\"\")");
        for (int i = r.line(); i < Math.min(lines.length, r.line() + 3); i++) {
            if (check.matcher(lines[i]).find()) {
                for (int j = i; j < Math.min(lines.length, i + 4); j++) {
                    if (GO_GIVES_UP.matcher(lines[j]).find()) {
                        return true;
                    }
                    if (j > i && lines[j].trim().startsWith("}")) {
                        break;
                    }
                }
                return false;
            }
        }
        return false;
    }

    /** Whether one of {@code reads} (Python; Go's LookupEnv) fails, or lets the framework fail, when the variable is unset. */
    static boolean failsWhenUnset(RepoFiles repo, List<EnvReference> reads) {
        for (EnvReference r : reads) {
            if (r.defaultValue() == null && r.kind() == EnvReference.Kind.GO_LOOKUPENV && r.path() != null) {
                String text = repo.source(r.path());
                String[] lines = text == null ? new String[0] : text.split("\n", -1);
                if (r.line() >= 1 && r.line() <= lines.length && goGivesUpWhenUnset(lines, r)) {
                    return true;
                }
                continue;
            }
            if (r.defaultValue() != null || r.path() == null || !r.path().endsWith(".py")) {
                continue;
            }
            String text = repo.source(r.path());
            if (text == null) {
                continue;
            }
            String[] lines = text.split("\n", -1);
            if (r.line() < 1 || r.line() > lines.length) {
                continue;
            }
            String line = lines[r.line() - 1];
            if (DJANGO_SETTINGS_FILE.matcher(r.path()).matches() && DJANGO_REQUIRED_SETTING.matcher(line).find()
                    && text.contains("django")) {
                return true;
            }
            int after = Math.max(0, r.column() - 1) + r.name().length(); // past the name and its closing quote
            if (after < line.length() && (line.charAt(after) == '"' || line.charAt(after) == '\'')) {
                after++;
            }
            int close = after <= line.length() ? closingParen(line, after) : -1;
            if (close >= 0 && USED_AT_ONCE.matcher(line.substring(close + 1)).find()) {
                return true;
            }
        }
        return false;
    }

    /** The index of the ')' that closes the call the read at {@code from} is an argument of, or -1. */
    private static int closingParen(String line, int from) {
        int depth = 0;
        boolean inString = false;
        char quote = 0;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inString) {
                if (c == quote) {
                    inString = false;
                }
            } else if (c == '"' || c == '\'') {
                inString = true;
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            } else if (c == ']' && depth == 0) {
                return -1; // os.environ["X"]: required already by its syntax
            }
        }
        return -1;
    }
}
