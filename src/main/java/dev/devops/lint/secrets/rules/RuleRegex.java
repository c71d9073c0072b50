package dev.devops.lint.secrets.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's regex, compiled when it is first matched: a scan meets the keywords of a few of the hundreds of built-in
 * rules, and compiling them all was half the time of building the scanner (which a lint run waits for). The rules
 * cache holds only regexes the YAML loader compiled when the cache was made, so a late compile cannot fail.
 */
public final class RuleRegex {
    private final String source;
    private final int flags;
    private volatile Pattern compiled;

    private RuleRegex(String source, int flags, Pattern compiled) {
        this.source = source;
        this.flags = flags;
        this.compiled = compiled;
    }

    /** A compiled pattern. */
    public static RuleRegex of(Pattern pattern) {
        return new RuleRegex(pattern.pattern(), pattern.flags(), pattern);
    }

    /** A regex already known to compile (read from the rules cache), compiled at its first use. */
    static RuleRegex lazy(String source, int flags) {
        return new RuleRegex(source, flags, null);
    }

    /** The regex as written. */
    public String pattern() {
        return source;
    }

    /** Its {@link Pattern} flags. */
    public int flags() {
        return flags;
    }

    /** The compiled pattern (compiled now if it is the first use; two threads may both compile it, to the same). */
    public Pattern compiled() {
        Pattern p = compiled;
        if (p == null) {
            p = Pattern.compile(source, flags);
            compiled = p;
        }
        return p;
    }

    public Matcher matcher(CharSequence input) {
        return compiled().matcher(input);
    }

    @Override
    public String toString() {
        return source;
    }
}
