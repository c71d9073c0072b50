package dev.devops.lint.secrets;

import dev.devops.lint.RuleInfo;
import dev.devops.lint.Severity;
import dev.devops.lint.secrets.rules.SecretRule;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A provider format from the rules data: its regex, entropy floor and checksum. A token whose
 * checksum does not match is kept but downgraded to a warning with {@code confidence=low} (to info in tests,
 * where it is a fixture): it is almost certainly not a live token (a fixture, a
 * typo, a truncated copy), so it must not fail a build at the default threshold, yet a reviewer still sees it.
 */
final class ProviderRuleDetector extends Detector {
    private static final String ROTATE = "Treat the secret as leaked: rotate it, then remove it from the code and read it "
            + "from the environment (a .env file that is not committed, or a secret manager).";

    final SecretRule rule;
    final RuleInfo info;
    private final BiPredicate<String, String> validators;
    /** Whether every match starts where a keyword starts (see {@link #startsWithKeyword}). */
    private final boolean anchored;
    /**
     * For an anchored rule: the bytes a match can begin with (exactly, or lower-cased when {@link #foldCase}); else
     * null.
     */
    private final byte[][] fronts;
    /** Whether the anchored rule ignores case ({@code (?i)} in front, or the flag): its fronts are compared case-folded. */
    private final boolean foldCase;
    /** For an anchored rule with a leading {@code (?<![…])}: the bytes that may not precede a match; else null. */
    private final boolean[] notBefore;

    @Override
    String id() {
        return rule.id();
    }

    ProviderRuleDetector(SecretRule rule, BiPredicate<String, String> validators) {
        this.rule = rule;
        this.validators = validators;
        this.info = info(rule);
        String regex = rule.regex().pattern();
        List<String> f = fronts(regex, rule.keywords());
        this.anchored = f != null;
        boolean exact = anchored && rule.regex().flags() == 0 && !regex.startsWith(IGNORE_CASE);
        this.foldCase = anchored && !exact && (rule.regex().flags() & ~java.util.regex.Pattern.CASE_INSENSITIVE) == 0;
        if (exact || foldCase) {
            // loops, not streams: 305 rules are made at every start, in a cold JVM
            byte[][] bytes = new byte[f.size()][];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (foldCase ? f.get(i).toLowerCase(java.util.Locale.ROOT) : f.get(i))
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            }
            this.fronts = bytes;
        } else {
            this.fronts = null;
        }
        this.notBefore = exact ? lookbehindBytes(regex) : null;
    }

    /** The ASCII bytes of a leading {@code (?<![…])} class of plain ASCII characters and ranges, or null. */
    static boolean[] lookbehindBytes(String regex) {
        if (!regex.startsWith("(?<![")) {
            return null;
        }
        String content = regex.substring(5, regex.indexOf("])", 5));
        if (content.startsWith("^")) {
            return null;
        }
        for (int i = 0; i < content.length(); i++) {
            if (content.charAt(i) >= 128) {
                return null;
            }
        }
        boolean[] in = new boolean[256];
        if (content.isEmpty() || content.contains("\\") || content.contains("[") || content.contains("&&")) {
            // escapes, nested classes, intersections: let the regex engine read the class (rare; built-in rules have none)
            java.util.regex.Pattern cls = java.util.regex.Pattern.compile("[" + content + "]");
            for (int c = 0; c < 128; c++) {
                in[c] = cls.matcher(String.valueOf((char) c)).matches();
            }
            return in;
        }
        // plain characters and ranges a-z, read directly: 128 matcher calls per rule were a measurable part of a cold start
        for (int i = 0; i < content.length(); i++) {
            char from = content.charAt(i);
            if (i + 2 < content.length() && content.charAt(i + 1) == '-') {
                char to = content.charAt(i + 2);
                for (int c = from; c <= to; c++) {
                    in[c] = true;
                }
                i += 2;
            } else {
                in[from] = true;
            }
        }
        return in;
    }

    /**
     * Whether a keyword hit in raw bytes can begin a match: for an anchored case-sensitive rule, the
     * hit must be spelt exactly as the regex begins and not follow a byte the leading lookbehind
     * excludes ({@code path} and {@code compatible} are no Airtable {@code pat…} token). A byte of 0x80
     * or more before the hit is part of a non-ASCII character, which an ASCII class does not hold.
     */
    @Override
    boolean acceptsHit(byte[] bytes, int start, int end) {
        if (fronts == null) {
            return true;
        }
        if (notBefore != null && start > 0 && notBefore[bytes[start - 1] & 0xff]) {
            return false;
        }
        for (byte[] f : fronts) {
            // a front may be shorter than the keyword hit (KEY of key0 … keyf): the hit must begin with it
            if (f.length <= end - start && (foldCase ? FileBytes.equalsFolded(bytes, start, f)
                    : java.util.Arrays.equals(bytes, start, start + f.length, f, 0, f.length))) {
                return true;
            }
        }
        return false;
    }


    /** The inline flag that makes a whole regex ignore case, read in front of an anchored rule. */
    private static final String IGNORE_CASE = "(?i)";

    /**
     * Whether the regex, read as text, makes every match begin with one of the keywords: an optional
     * leading {@code (?i)} or negative lookbehind, then groups that open at the start, then either a keyword or a
     * non-capturing group whose every alternative begins with a keyword (a {@code \b} before it is a test, not a
     * character); and no {@code |} outside groups. Token formats with a fixed prefix
     * ({@code (?<![A-Za-z0-9_-])(ghp_[A-Za-z0-9]{36})}) and the provider-name contexts of the rules data
     * ({@code (?i)(?:azure[_-]?devops|\bado)[\w.-]{0,20}?token…}) have this shape: such a rule is tried only at its
     * keyword hits, with {@code lookingAt}, instead of searching the whole line once per line with a hit (a tenth of a
     * scan of the JDK's sources, where "export", "global" and "segment" fill the lines). Anything this reading does not
     * understand (other flags, escapes in the prefix, character classes) says no, and the rule searches its lines.
     */
    static boolean startsWithKeyword(String regex, List<String> keywords) {
        return fronts(regex, keywords) != null;
    }

    /**
     * The literal spellings a match can begin with, exactly as the regex writes them (each one of the
     * keywords, case ignored), or null when the regex is not read as {@linkplain #startsWithKeyword
     * starting with a keyword}.
     */
    static List<String> fronts(String regex, List<String> keywords) {
        if (keywords.isEmpty() || topLevelAlternation(regex)) {
            return null;
        }
        List<String> fronts = new java.util.ArrayList<>();
        int i = regex.startsWith(IGNORE_CASE) ? IGNORE_CASE.length() : 0;
        if (regex.startsWith("(?<![", i)) {
            int close = regex.indexOf("])", i + 5);
            if (close < 0 || regex.substring(i + 5, close).contains("\\") || regex.substring(i + 5, close).contains("[")) {
                return null;
            }
            i = close + 2;
        }
        while (regex.startsWith("(", i) && !regex.startsWith("(?", i)) {
            i++;
        }
        if (!regex.startsWith("(?:", i)) {
            String front = keywordAt(regex, i, keywords);
            return front == null ? null : List.of(front);
        }
        // every alternative of this group must begin with a keyword
        int depth = 0;
        boolean expectAlternative = true;
        for (int j = i + 3; j < regex.length(); j++) {
            char c = regex.charAt(j);
            if (expectAlternative) {
                String front = keywordAt(regex, j, keywords);
                if (front == null) {
                    return null;
                }
                fronts.add(front);
                expectAlternative = false;
            }
            if (c == '\\') {
                j++;
            } else if (c == '[') {
                int end = classEnd(regex, j);
                if (end < 0) {
                    return null;
                }
                j = end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    return fronts;
                }
                depth--;
            } else if (c == '|' && depth == 0) {
                expectAlternative = true;
            }
        }
        return null;
    }

    /**
     * A keyword written literally at {@code at} (case ignored; punctuation may be escaped), not followed
     * by a quantifier that would make its last character optional or repeated.
     */
    private static String keywordAt(String regex, int at, List<String> keywords) {
        if (regex.startsWith("\\b", at)) {
            at += 2; // a word boundary: the match still begins where the keyword does
        }
        for (String k : keywords) {
            int p = at;
            int i = 0;
            StringBuilder spelling = new StringBuilder();
            for (; i < k.length() && p < regex.length(); i++) {
                char c = regex.charAt(p);
                if (c == '\\' && p + 1 < regex.length() && !Character.isLetterOrDigit(regex.charAt(p + 1))) {
                    c = regex.charAt(p + 1);
                    p += 2;
                } else if (".[]{}()*+?^$|\\".indexOf(c) >= 0) {
                    break;
                } else {
                    p++;
                }
                if (Character.toLowerCase(c) != Character.toLowerCase(k.charAt(i)) || c >= 128) {
                    break;
                }
                spelling.append(c);
            }
            if (i == k.length() && (p >= regex.length() || "?*+{".indexOf(regex.charAt(p)) < 0)) {
                return spelling.toString();
            }
            if (i == k.length() - 1 && i > 0 && regex.startsWith("[", p)
                    && classCoveredByKeywords(regex, p, k.substring(0, i), keywords)) {
                return spelling.toString(); // KEY[0-9A-F]{32} with the keywords key0 … keyf: a match begins with "KEY"
            }
        }
        return null;
    }

    /**
     * Whether the character class at {@code open} (plain characters and ranges) is matched at least once and every
     * character it holds makes, after {@code prefix}, one of the keywords: then the automaton reports a hit wherever
     * the prefix and the class's first character begin a match ({@code SK[0-9a-f]{32}} with the keywords sk0 … skf).
     */
    private static boolean classCoveredByKeywords(String regex, int open, String prefix, List<String> keywords) {
        int close = classEnd(regex, open);
        if (close < 0) {
            return false;
        }
        String content = regex.substring(open + 1, close);
        if (content.isEmpty() || content.startsWith("^") || content.contains("\\") || content.contains("&&")) {
            return false;
        }
        int q = close + 1;
        if (q < regex.length() && (regex.charAt(q) == '?' || regex.charAt(q) == '*' || regex.startsWith("{0", q))) {
            return false; // the class may match nothing: a match could begin with the prefix alone
        }
        java.util.Set<String> words = new java.util.HashSet<>();
        for (String k : keywords) {
            words.add(k.toLowerCase(java.util.Locale.ROOT));
        }
        String lowerPrefix = prefix.toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < content.length(); i++) {
            char from = content.charAt(i);
            char to = from;
            if (i + 2 < content.length() && content.charAt(i + 1) == '-') {
                to = content.charAt(i + 2);
                i += 2;
            }
            for (char c = from; c <= to; c++) {
                if (c >= 128 || !words.contains(lowerPrefix + Character.toLowerCase(c))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int classEnd(String regex, int open) {
        for (int j = open + 1; j < regex.length(); j++) {
            char c = regex.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '[') {
                return -1; // nested class: not read here
            } else if (c == ']' && j > open + 1) {
                return j;
            }
        }
        return -1;
    }

    private static boolean topLevelAlternation(String regex) {
        int depth = 0;
        for (int j = 0; j < regex.length(); j++) {
            char c = regex.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '[') {
                int end = classEnd(regex, j);
                if (end < 0) {
                    return true; // not understood: treat as not anchored
                }
                j = end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }

    static RuleInfo info(SecretRule r) {
        StringBuilder ex = new StringBuilder(r.title()).append('.');
        if (r.validator() != null) {
            ex.append(" The format carries a checksum (").append(r.validator())
                    .append("); a token that fails it is reported as a warning with low confidence.");
        }
        ex.append('\n').append(r.help() == null || r.help().isBlank() ? ROTATE : r.help());
        return new RuleInfo(r.id(), r.title(), r.severity(), GenericRules.CATEGORY, ex.toString());
    }

    @Override
    boolean anchored() {
        return anchored;
    }

    @Override
    boolean checksBytes() {
        return true;
    }

    /** Unanchored: the answer is whether the line holds a match, the same for every hit of the line. */
    @Override
    boolean verdictPerLine() {
        return !anchored;
    }

    /**
     * On a pure-ASCII file, the regex run the way {@link #scan} runs it, on the raw bytes: an anchored rule
     * {@code lookingAt} the hit, an unanchored one {@code find} on the whole line. Lines longer than
     * {@link #LONG_LINE} are searched in windows around each hit, where which hits ran decides what is searched,
     * so an unanchored rule keeps its hits there; so does every hit of a non-ASCII file (offsets and characters differ).
     */
    @Override
    boolean mayMatch(FileBytes file, int lineStart, int lineEnd, int hitStart, int hitEnd) {
        if (!file.ascii) {
            return true;
        }
        Matcher m = file.matcher(rule.regex().compiled());
        if (anchored) {
            m.region(hitStart, windowEnd(lineStart, lineEnd, hitEnd));
            return m.lookingAt();
        }
        if (lineEnd - lineStart > LONG_LINE) {
            return true;
        }
        m.region(lineStart, lineEnd);
        return m.find();
    }

    @Override
    List<String> keywords() {
        return rule.keywords();
    }

    @Override
    int scan(ScanJob job, int lineStart, int lineEnd, int hitStart, int hitEnd) {
        if (anchored) {
            Matcher m = job.matcher(rule.regex().compiled());
            m.region(hitStart, windowEnd(lineStart, lineEnd, hitEnd));
            if (!m.lookingAt()) {
                return hitStart + 1;
            }
            report(job, m);
            return Math.max(hitEnd, m.end());
        }
        int from = windowStart(lineStart, lineEnd, hitStart);
        int to = windowEnd(lineStart, lineEnd, hitEnd);
        scanRegion(job, from, to);
        return to;
    }

    void scanRegion(ScanJob job, int from, int to) {
        Matcher m = job.matcher(rule.regex().compiled());
        m.region(from, to);
        while (m.find()) {
            report(job, m);
        }
    }

    /**
     * Whether the secret at {@code pos} is the value of a query parameter of a URL written in an HTML page
     * ({@code <a href="https://…?SubscriptionId=AKIA…">}, a video's {@code "//host/v.mp4?sv=…&sig=…"} in the page's
     * data, with its slashes escaped or not): a link published
     * with the page, an access key ID (the public half of a signed request) or a shared access signature made to be
     * handed out. Info, not error: who serves the page meant the link to be followed.
     */
    static boolean inPublishedLink(ScanJob job, int pos) {
        String lower = job.path.toLowerCase(java.util.Locale.ROOT);
        if (!(lower.endsWith(".html") || lower.endsWith(".htm") || lower.endsWith(".xhtml")) || pos == 0
                || job.text.charAt(pos - 1) != '=') {
            return false;
        }
        int s = pos - 1;
        while (s > 0 && "\"'<>\n`".indexOf(job.text.charAt(s - 1)) < 0 && pos - s < 4000) {
            s--;
        }
        // page data in a script escapes its slashes (https:\u002F\u002F…, https:\/\/…); a link may be protocol-relative
        String url = job.text.substring(s, pos).replace("\\u002F", "/").replace("\\u002f", "/").replace("\\/", "/");
        int host = url.startsWith("//") ? 0 : url.indexOf("://");
        return host >= 0 && url.indexOf('?', host) > host;
    }

    /** A regular expression's quantified character class: {@code [a-zA-Z0-9]{36}}, {@code [0-9a-f]+}. */
    private static final Pattern QUANTIFIED_CLASS = Pattern.compile("\\[[^\\]\\s\"'`]{1,40}\\](?:\\{\\d+(?:,\\d*)?\\}|[+*])");

    /**
     * Whether the token at {@code pos} sits within three lines of the regular expression that describes its format: its
     * first three characters followed, within two dozen characters (the rest of its prefix, an unquantified class), by
     * a quantified character class ({@code "ghp_[a-zA-Z0-9]{36}"}, {@code "xox[baprs]-[0-9]{11}"}). That is a secret
     * scanner's rule table or redaction filter with the sample each pattern is tested on, written there to show the
     * format, not to use it.
     */
    static boolean besideItsPattern(ScanJob job, int pos, String secret) {
        String t = job.text;
        if (secret.length() < 8) {
            return false;
        }
        int from = pos;
        for (int k = 0; k < 4 && from > 0; k++) {
            from = t.lastIndexOf('\n', from - 1);
            from = from < 0 ? 0 : from;
        }
        int to = pos;
        for (int k = 0; k < 4 && to >= 0 && to < t.length(); k++) {
            to = t.indexOf('\n', to + 1);
        }
        to = to < 0 ? t.length() : to;
        String head = secret.substring(0, 3);
        Matcher q = job.matcher(QUANTIFIED_CLASS);
        for (int i = t.indexOf(head, from); i >= 0 && i < to; i = t.indexOf(head, i + 1)) {
            if (i == pos) {
                continue;
            }
            int k = i + head.length();
            q.region(k, Math.min(to, k + 24 + 60));
            if (q.find() && q.start() - k <= 24 && t.substring(k, q.start()).chars().noneMatch(ch -> ch <= ' ' || ch == '"' || ch == '\'')) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the token is the value of a form field's {@code placeholder} (plane's admin form for a GitLab OAuth app:
     * {@code placeholder: "gloas-f79c…"}): the grey sample text an empty input shows, an example of the format, never
     * sent anywhere.
     */
    static boolean isFormPlaceholder(ScanJob job, int tokenStart) {
        int ls = job.lineStart(tokenStart);
        int from = Math.max(ls, tokenStart - 40);
        return "placeholder".equals(Assignments.sampleKeyBefore(job.text, from, tokenStart));
    }

    /** Emits the current match of {@code m} unless its secret is filtered out. */
    private void report(ScanJob job, Matcher m) {
        int g = rule.secretGroup();
        String secret = m.group(g);
        if (secret == null || secret.isEmpty()) {
            return;
        }
        if (rule.entropy() > 0 && Entropy.shannon(secret) < rule.entropy()) {
            return;
        }
        if (Filters.placeholderOrReference(secret) != null || Filters.isMaskedToken(secret) || Filters.countsInOrder(secret)
                || isFormPlaceholder(job, m.start(g))) {
            return;
        }
        if (besideItsPattern(job, m.start(g), secret)) {
            return; // a secret detector's own sample: the regular expression that finds it is written beside it
        }
        {
            Severity severity = rule.severity();
            Map<String, String> extra = null;
            String message = rule.title();
            if (rule.validator() != null && !validators.test(rule.validator(), secret)) {
                if (severity.atLeast(Severity.WARNING)) {
                    // in a test a token that fails its checksum is a fixture (readthedocs'
                    // ghs_… in its GitHub App webhook tests): info, still listed; elsewhere a warning
                    severity = job.contextAt(m.start(g)) == Context.TEST ? Severity.INFO : Severity.WARNING;
                }
                extra = Map.of("confidence", "low");
                message = rule.title() + " (checksum does not match: probably not a live token)";
            }
            if (Assignments.isDocumentedExample(job.text, job.lineStart(m.start(g)), m.start(g))) {
                // an API schema's example, a help text's sample request: the format shown, documentation in the code
                severity = Severity.INFO;
                extra = Map.of("confidence", "low");
                message = rule.title() + " (an example the text documents: an example key or a sample under an Example heading)";
            }
            if (inPublishedLink(job, m.start(g))) {
                severity = Severity.INFO;
                extra = Map.of("confidence", "low");
                message = rule.title() + " (a query parameter of a link in a web page: whoever loads the page gets it)";
            }
            job.emit(info, severity, m.start(g), secret, message, info.explanation().substring(info.explanation().indexOf('\n') + 1), extra);
        }
    }
}
