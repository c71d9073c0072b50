package dev.devops.lint.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Documentation written as a string in source code: Python's docstrings (a triple-quoted string standing as a statement
 * of its own: a module's, a class's or a function's text, with its "Sample response" JSON), and a multi-line string an
 * API annotation or a named argument gives as an example ({@code @ExampleObject('''{"authToken": …}''')},
 * {@code @Schema(example = """…""")}). Like a comment, it shows what a value looks like; the program never uses it as one.
 */
final class DocStrings {
    private DocStrings() {
    }

    /**
     * What the code before a multi-line string (its line and the two above) says it is: an example or sample annotation
     * ({@code @ExampleObject(}, {@code @ApiExample(}), or an argument or key that names one ({@code example =},
     * {@code examples: [}, {@code description=}, {@code usage =}).
     */
    private static final Pattern DOCUMENTING = Pattern.compile("(?is).*(?:@\\w*(?:example|sample)\\w*\\s*\\("
            + "|\\b(?:examples?|samples?|description|summary|usage|help)\\s*[=:(]).*");

    /**
     * Start and end offsets, in pairs, of the documentation strings of source {@code text}: the insides of its
     * {@code """…"""} and {@code '''…'''} strings that stand as a statement or follow a word that documents them. A
     * string not closed runs to the end of the text.
     */
    static int[] ranges(String text) {
        List<Integer> ranges = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int dq = text.indexOf("\"\"\"", i);
            int sq = text.indexOf("'''", i);
            int open = dq < 0 ? sq : sq < 0 ? dq : Math.min(dq, sq);
            if (open < 0) {
                break;
            }
            String quote = text.substring(open, open + 3);
            int close = text.indexOf(quote, open + 3);
            int end = close < 0 ? n : close;
            if (documents(text, open)) {
                ranges.add(open + 3);
                ranges.add(end);
            }
            i = close < 0 ? n : close + 3;
        }
        return ranges.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether the string opening at {@code open} is documentation (by what stands before it). */
    private static boolean documents(String text, int open) {
        int lineStart = text.lastIndexOf('\n', open - 1) + 1;
        String before = text.substring(lineStart, open);
        int windowStart = lineStart;
        for (int k = 0; k < 2 && windowStart > 0; k++) {
            windowStart = text.lastIndexOf('\n', windowStart - 2) + 1;
        }
        if (DOCUMENTING.matcher(text.substring(windowStart, open)).matches()) {
            return true;
        }
        // a statement of its own: nothing before the quotes on the line but blanks and a string prefix (r, u, b, f), and
        // no expression left open on the line above (x =, f(, a list, a dict, a concatenation, a continuation)
        if (!before.strip().matches("[rRuUbBfF]{0,2}")) {
            return false;
        }
        int p = lineStart - 1;
        while (p >= 0 && Character.isWhitespace(text.charAt(p))) {
            p--;
        }
        if (p < 0) {
            return true;
        }
        char last = text.charAt(p);
        return "=([{,+\\%".indexOf(last) < 0 && !text.startsWith("return", Math.max(0, p - 5));
    }
}
