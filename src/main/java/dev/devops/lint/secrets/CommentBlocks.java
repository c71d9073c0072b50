package dev.devops.lint.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Documentation inside source code that spans lines: block comments ({@code /* … *&#47;}) of the C-family languages,
 * docstrings of Python, comments ({@code <!-- … -->}) of markup and the code samples a page shows ({@code <pre>}). A line-based reader sees a line of such a block as code when it does not start with a comment
 * marker: a sample webhook payload pasted into a PHP block comment ({@code "token": "7f38…"}), a docstring's example URI
 * ({@code 'postgres://tester:pass@localhost/ckantest3'}). Like a commented line ({@link Assignments#isComment}), their
 * values are examples: the generic, name-based detectors are silent there ({@link ScanJob#contextAt}); provider-format
 * tokens and private keys are still reported.
 */
final class CommentBlocks {
    private CommentBlocks() {
    }

    /** Extensions of languages with {@code /* … *&#47;} block comments and {@code //} line comments. */
    private static final Set<String> C_FAMILY = Set.of("php", "js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx", "java",
            "kt", "kts", "go", "c", "h", "cc", "cpp", "hpp", "cs", "swift", "scala", "groovy", "dart", "rs", "css", "scss", "less",
            // CUE: // comments and """ multi-line strings (a docs site's reference data: description: """ … """)
            "cue");

    /** Extensions of page markup and its templates: {@code <!-- … -->} comments, and code samples a page shows. */
    private static final Set<String> PAGES = Set.of("html", "htm", "xhtml", "twig", "erb", "hbs", "handlebars", "mustache",
            "njk", "jinja", "jinja2", "j2", "liquid", "ejs", "cshtml", "razor", "jsp", "gsp", "vue", "svelte");
    /** Extensions of XML documents: {@code <!-- … -->} comments (commented-out configuration). */
    private static final Set<String> XML = Set.of("xml", "config", "xsd", "wsdl", "plist", "csproj", "props", "targets");

    /** Whether {@link #of} finds blocks in a file of this name (its extension). */
    static boolean applies(String path) {
        String ext = extension(path);
        return ext.equals("py") || C_FAMILY.contains(ext) || PAGES.contains(ext) || XML.contains(ext);
    }

    /** Whether the file is a page or a page template ({@link #PAGES}): markup around code (scripts, template expressions). */
    static boolean isPage(String path) {
        return PAGES.contains(extension(path));
    }

    /**
     * Whether the file's blocks matter in configuration too, not only in code: markup ({@link #PAGES}, {@link #XML}), and
     * CUE, a configuration language whose multi-line strings describe settings.
     */
    static boolean blocksInConfig(String path) {
        String ext = extension(path);
        return PAGES.contains(ext) || XML.contains(ext) || ext.equals("cue");
    }

    /**
     * Start and end offsets, in pairs, of the block comments or docstrings of {@code text}, and of its multi-line strings
     * that an example annotation or argument gives ({@link #exampleStrings}); empty for other files.
     */
    static int[] of(String path, String text) {
        String ext = extension(path);
        int[] blocks = ext.equals("py") ? python(text)
                : C_FAMILY.contains(ext) ? cFamily(text, ext.equals("php"), !ext.equals("rs"))
                : PAGES.contains(ext) || XML.contains(ext) ? markup(text, PAGES.contains(ext)) : new int[0];
        if (!text.contains("\"\"\"") && !text.contains("'''")) {
            return blocks;
        }
        int[] examples = exampleStrings(text);
        int[] all = java.util.Arrays.copyOf(blocks, blocks.length + examples.length);
        System.arraycopy(examples, 0, all, blocks.length, examples.length);
        return all;
    }

    /**
     * What the code before a multi-line string (its line and the two above) says it is: an example or sample annotation
     * ({@code @ExampleObject(}, {@code @ApiExample(}), or an argument or key that names one ({@code example =},
     * {@code examples: [}, {@code description=}, {@code usage =}).
     */
    private static final Pattern DOCUMENTING = Pattern.compile("(?is).*(?:@\\w*(?:example|sample)\\w*\\s*\\("
            + "|\\b(?:examples?|samples?|description|summary|usage|help)\\s*[=:(]).*");

    /**
     * The insides of the {@code """…"""} and {@code '''…'''} strings (Python, Groovy, Kotlin, Scala, Java text blocks)
     * that an API annotation or a named argument gives as an example: OpenAPI's
     * {@code @ExampleObject(value = '''{"authToken": …}''')}, {@code @Schema(example = """…""")}. Like a comment, they
     * show what a value looks like; the program never uses them as one.
     */
    private static int[] exampleStrings(String text) {
        return tripleQuotedInsides(text, open -> {
            int windowStart = text.lastIndexOf('\n', open - 1) + 1;
            for (int k = 0; k < 2 && windowStart > 0; k++) {
                windowStart = text.lastIndexOf('\n', windowStart - 2) + 1;
            }
            return DOCUMENTING.matcher(text.substring(windowStart, open)).matches() || holdsMarkdownSample(text, open);
        });
    }

    /**
     * Whether the multi-line string opening at {@code open} is Markdown with a fenced code sample (a line starting with
     * three backquotes): prose that shows a configuration ({@code body: """ … ```yaml … password: "test" … ``` """}),
     * documentation whatever key holds it.
     */
    private static boolean holdsMarkdownSample(String text, int open) {
        int close = text.indexOf(text.substring(open, open + 3), open + 3);
        int end = close < 0 ? text.length() : close;
        for (int i = text.indexOf("```", open + 3); i >= 0 && i < end; i = text.indexOf("```", i + 3)) {
            int ls = text.lastIndexOf('\n', i - 1) + 1;
            if (text.substring(ls, i).isBlank()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Start and end offsets, in pairs, of the insides of the {@code """…"""} and {@code '''…'''} strings of {@code text}
     * whose opening quotes (their offset) {@code keep} accepts; a string not closed runs to the end of the text.
     */
    static int[] tripleQuotedInsides(String text, java.util.function.IntPredicate keep) {
        List<Integer> ranges = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int dq = text.indexOf("\"\"\"", i);
            int sq = text.indexOf("'''", i);
            int open = dq < 0 ? sq : sq < 0 ? dq : Math.min(dq, sq);
            if (open < 0) {
                break;
            }
            int close = text.indexOf(text.substring(open, open + 3), open + 3);
            if (keep.test(open)) {
                ranges.add(open + 3);
                ranges.add(close < 0 ? n : close);
            }
            i = close < 0 ? n : close + 3;
        }
        return ranges.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 || dot < path.lastIndexOf('/') ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * The block comments of C-family source: strings (one line each, or a multi-line template or raw string in
     * backquotes) and line comments are skipped, so {@code "image/*"} starts none. {@code hashComments}: PHP's
     * {@code #} line comments (not its {@code #[Attribute]}); {@code quotedChars}: single quotes delimit strings (not
     * Rust's lifetimes).
     */
    private static int[] cFamily(String t, boolean hashComments, boolean quotedChars) {
        List<Integer> ranges = new ArrayList<>();
        int n = t.length();
        int i = 0;
        while (i < n) {
            char c = t.charAt(i);
            char next = i + 1 < n ? t.charAt(i + 1) : 0;
            if (c == '/' && next == '/' || hashComments && c == '#' && next != '[') {
                int e = t.indexOf('\n', i);
                i = e < 0 ? n : e + 1;
            } else if (c == '/' && next == '*' && (i == 0 || t.charAt(i - 1) != '\\')) { // not a regex's \/*
                int e = t.indexOf("*/", i + 2);
                ranges.add(i);
                ranges.add(e < 0 ? n : e + 2);
                i = e < 0 ? n : e + 2;
            } else if (c == '"' || c == '\'' && quotedChars || c == '`') {
                i = stringEnd(t, i + 1, c, c == '`');
            } else {
                i++;
            }
        }
        return ranges.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The elements in which a page shows code as text: a sample for its reader, not a value the page uses. */
    private static final String[] SAMPLE_ELEMENTS = {"pre", "code", "samp", "kbd"};

    /**
     * The {@code <!-- … -->} comments of markup (commented-out configuration in an XML file, a page's hidden notes) and,
     * with {@code samples}, the {@code <pre>}, {@code <code>}, {@code <samp>} and {@code <kbd>} elements of a page (a
     * developer page's {@code curl … client_secret=…} example and the response it shows).
     */
    private static int[] markup(String t, boolean samples) {
        List<Integer> ranges = new ArrayList<>();
        int n = t.length();
        int i = t.indexOf('<');
        while (i >= 0 && i < n) {
            int end = -1;
            if (t.startsWith("<!--", i)) {
                int e = t.indexOf("-->", i + 4);
                end = e < 0 ? n : e + 3;
            } else if (samples) {
                for (String el : SAMPLE_ELEMENTS) {
                    int after = i + 1 + el.length();
                    if (after < n && t.regionMatches(true, i + 1, el, 0, el.length())
                            && (t.charAt(after) == '>' || Character.isWhitespace(t.charAt(after)))) {
                        int e = indexOfIgnoreCase(t, "</" + el, after);
                        end = e < 0 ? n : e;
                        break;
                    }
                }
            }
            if (end >= 0) {
                ranges.add(i);
                ranges.add(end);
                i = t.indexOf('<', end);
            } else {
                i = t.indexOf('<', i + 1);
            }
        }
        return ranges.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int indexOfIgnoreCase(String t, String what, int from) {
        for (int i = t.indexOf('<', from); i >= 0; i = t.indexOf('<', i + 1)) {
            if (t.regionMatches(true, i, what, 0, what.length())) {
                return i;
            }
        }
        return -1;
    }

    /** The offset after the string opened before {@code i} by {@code quote} (at the line's end unless {@code multiline}). */
    private static int stringEnd(String t, int i, char quote, boolean multiline) {
        int n = t.length();
        while (i < n) {
            char c = t.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n' && !multiline) {
                return i;
            } else {
                i++;
            }
        }
        return n;
    }

    /**
     * Python's docstrings: a triple-quoted string that starts its line and follows a line ending in {@code :} (a def, a
     * class) or nothing but comments (the module's). Other triple-quoted strings (an assigned template, an argument) are
     * skipped whole and are not documentation.
     */
    private static int[] python(String t) {
        List<Integer> ranges = new ArrayList<>();
        int n = t.length();
        int i = 0;
        while (i < n) {
            char c = t.charAt(i);
            if (c == '#') {
                int e = t.indexOf('\n', i);
                i = e < 0 ? n : e + 1;
            } else if (c == '"' || c == '\'') {
                boolean triple = i + 2 < n && t.charAt(i + 1) == c && t.charAt(i + 2) == c;
                if (!triple) {
                    i = stringEnd(t, i + 1, c, false);
                    continue;
                }
                String close = String.valueOf(c).repeat(3);
                int e = i + 3;
                while (e < n && !t.startsWith(close, e)) {
                    e += t.charAt(e) == '\\' ? 2 : 1;
                }
                int end = Math.min(n, e + 3);
                if (isDocstringStart(t, i)) {
                    ranges.add(i);
                    ranges.add(end);
                }
                i = end;
            } else {
                i++;
            }
        }
        return ranges.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether the triple quote at {@code q} starts its line (a string prefix aside) after a {@code :} line or none. */
    private static boolean isDocstringStart(String t, int q) {
        int ls = t.lastIndexOf('\n', q - 1) + 1;
        for (int k = ls; k < q; k++) {
            char c = t.charAt(k);
            if (c != ' ' && c != '\t' && "rRuUbB".indexOf(c) < 0) {
                return false;
            }
        }
        int e = ls - 1; // the previous line with code on it
        while (e > 0) {
            int s = t.lastIndexOf('\n', e - 1) + 1;
            String line = t.substring(s, e).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                int hash = line.indexOf(" #");
                return (hash < 0 ? line : line.substring(0, hash).strip()).endsWith(":");
            }
            e = s - 1;
        }
        return true; // the module's docstring
    }
}
