package dev.devops.cli;

/**
 * One option word of a command line as the fast paths ({@link LintFastPath}, {@link StackFastPath}) read it: its
 * name and its value, given after {@code =} ({@code --file=x}) or as the next word. The rules of what is plain
 * enough to read without picocli live here once: a value that looks like an option or an {@code @file}, or is
 * empty, or carries quotes, is picocli's to read (its conversions, quote handling and messages), so
 * {@link #value} answers null and the fast path hands the whole line to picocli.
 */
record PlainOption(String name, String inline) {

    /** The option word {@code a}: {@code --long=value} split at the first '=', anything else a name alone. */
    static PlainOption of(String a) {
        int eq = a.indexOf('=');
        return a.startsWith("--") && eq > 0 ? new PlainOption(a.substring(0, eq), a.substring(eq + 1)) : new PlainOption(a, null);
    }

    /**
     * The option's value: the inline one, or {@code args[i + 1]} (then the caller skips that word, see
     * {@link #takesNextWord}); null when there is none or it is not plain.
     */
    String value(String[] args, int i) {
        String v = inline;
        if (v == null) {
            if (i + 1 >= args.length) {
                return null;
            }
            v = args[i + 1];
            if (v.startsWith("-") || v.startsWith("@")) {
                return null; // picocli decides whether an option-like word is a value
            }
        }
        if (v.isEmpty() || v.indexOf('"') >= 0 || v.indexOf('\'') >= 0) {
            return null; // picocli's quote handling
        }
        return v;
    }

    /** Whether {@link #value} took the next word of the line. */
    boolean takesNextWord() {
        return inline == null;
    }
}
