package dev.devops.compose;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Compose-spec variable interpolation of one string value: {@code $X}, {@code ${X}}, {@code ${X:-d}},
 * {@code ${X-d}}, {@code ${X:?err}}, {@code ${X?err}}, {@code ${X:+alt}}, {@code ${X+alt}}, {@code $$}
 * for a literal dollar, and nesting inside the default, error and alternative words. An unset variable
 * with no default becomes the empty string and a warning. Keys are never interpolated (the caller
 * decides what a value is).
 */
public final class Interpolator {
    private final Function<String, String> lookup;
    private final boolean lenient;

    /** @param lookup the variable's value, or null when unset */
    public Interpolator(Function<String, String> lookup) {
        this(lookup, false);
    }

    /**
     * @param lookup  the variable's value, or null when unset
     * @param lenient when true a failed {@code ?} form becomes a warning and an empty string (lint mode)
     */
    public Interpolator(Function<String, String> lookup, boolean lenient) {
        this(lookup, lenient, name -> null);
    }

    /**
     * @param documented for a reference with no default ({@code $X}, {@code ${X}}, {@code ${X:?msg}}) whose variable
     *                   is unset: a value documented for it (an example env file's), or null
     */
    public Interpolator(Function<String, String> lookup, boolean lenient, Function<String, String> documented) {
        this.lookup = lookup;
        this.lenient = lenient;
        this.documented = documented;
    }

    private final Function<String, String> documented;

    /** The variable's value, else (for a reference with no default) the documented one, else null. */
    private String valueOrDocumented(String name) {
        String v = lookup.apply(name);
        return v != null ? v : documented.apply(name);
    }

    /**
     * Interpolates {@code text}.
     *
     * @param warnings receives one message per variable that was unset and had no default
     * @throws InterpolationException for {@code ${X:?msg}} / {@code ${X?msg}} failures and malformed input
     */
    public String interpolate(String text, Consumer<String> warnings) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= n) {
                out.append('$'); // a '$' at the end is kept, as compose keeps it (a regex's anchor: HostRegexp(`^.+$`))
                i++;
                continue;
            }
            char next = text.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '{') {
                int close = matchingBrace(text, i + 1);
                if (close < 0) {
                    throw syntax(text, i, "has no closing '}'", "close the brace, or write $$ for a literal dollar sign");
                }
                out.append(braced(text, i, text.substring(i + 2, close), warnings));
                i = close + 1;
            } else if (isNameStart(next)) {
                int j = i + 1;
                while (j < n && isNamePart(text.charAt(j))) {
                    j++;
                }
                String name = text.substring(i + 1, j);
                out.append(valueOrWarn(name, warnings));
                i = j;
            } else {
                // '$' before anything but a name, '{' or '$' is no reference, and compose keeps it as written
                // (traefik's rule=HostRegexp(`^.+$`), a price "$5"); only ${…} must be well formed
                out.append('$');
                i++;
            }
        }
        return out.toString();
    }

    private String braced(String whole, int at, String body, Consumer<String> warnings) {
        int j = 0;
        if (body.isEmpty() || !isNameStart(body.charAt(0))) {
            throw syntax(whole, at, "does not start with a variable name", "write ${NAME}, or $$ for a literal dollar sign");
        }
        while (j < body.length() && isNamePart(body.charAt(j))) {
            j++;
        }
        String name = body.substring(0, j);
        String rest = body.substring(j);
        if (rest.isEmpty()) {
            return valueOrWarn(name, warnings);
        }
        String value = lookup.apply(name);
        boolean set = value != null;
        boolean nonEmpty = set && !value.isEmpty();
        String op;
        if (rest.startsWith(":-") || rest.startsWith(":?") || rest.startsWith(":+")) {
            op = rest.substring(0, 2);
        } else if (rest.startsWith("-") || rest.startsWith("?") || rest.startsWith("+")) {
            op = rest.substring(0, 1);
        } else {
            throw syntax(whole, at + 2 + j, "is not an operator", "use one of :- - :? ? :+ +");
        }
        String word = rest.substring(op.length());
        int wordAt = at + 2 + j + op.length();
        switch (op) {
            case ":-":
                return nonEmpty ? value : nested(word, wordAt, warnings);
            case "-":
                return set ? value : nested(word, wordAt, warnings);
            case ":+":
                return nonEmpty ? nested(word, wordAt, warnings) : "";
            case "+":
                return set ? nested(word, wordAt, warnings) : "";
            case ":?":
                if (!nonEmpty) {
                    String doc = set ? null : documented.apply(name);
                    if (doc != null && !doc.isEmpty()) {
                        return doc; // required, and the example documents the value it is started with
                    }
                    return fail(required(name, nested(word, wordAt, warnings), set ? "is empty" : "is not set"), warnings);
                }
                return value;
            default: // "?"
                if (!set) {
                    String doc = documented.apply(name);
                    if (doc != null) {
                        return doc;
                    }
                    return fail(required(name, nested(word, wordAt, warnings), "is not set"), warnings);
                }
                return value;
        }
    }

    /** Interpolates a word that starts at index {@code at} of the whole value; errors give positions in the whole. */
    private String nested(String word, int at, Consumer<String> warnings) {
        try {
            return interpolate(word, warnings);
        } catch (InterpolationException e) {
            throw e.shifted(at);
        }
    }

    /** The longest fragment a syntax error quotes: enough to find the spot, too little to give a value away. */
    static final int FRAGMENT = 6;

    /** A syntax error at index {@code at} of {@code text}, quoting a few characters from there. */
    private static InterpolationException syntax(String text, int at, String problem, String hint) {
        int end = Math.min(text.length(), at + FRAGMENT);
        String fragment = text.substring(at, end) + (end < text.length() ? "…" : "");
        return new InterpolationException(at + 1, fragment, problem, hint);
    }

    private String fail(InterpolationException e, Consumer<String> warnings) {
        if (!lenient) {
            throw e;
        }
        warnings.accept(e.getMessage());
        return "";
    }

    private static InterpolationException required(String name, String message, String state) {
        String what = "required variable " + name + " " + state + (message.isEmpty() ? "" : ": " + message);
        return new InterpolationException(name, what, "set " + name + " in the environment or in the .env file");
    }

    private String valueOrWarn(String name, Consumer<String> warnings) {
        String v = valueOrDocumented(name);
        if (v == null) {
            warnings.accept("variable " + name + " is not set; using an empty string");
            return "";
        }
        return v;
    }

    /** Index of the '}' that closes the '{' at {@code open}, counting nested "${". */
    private static int matchingBrace(String s, int open) {
        int depth = 0;
        for (int k = open; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '$' && k + 1 < s.length() && s.charAt(k + 1) == '$') {
                k++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return k;
                }
            }
        }
        return -1;
    }

    static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    /**
     * The variables {@code text} references ({@code ${X}}, {@code $X}, with any default or message), as this class
     * interpolates them; in malformed text, those before the fault.
     */
    public static java.util.Set<String> referencedNames(String text) {
        java.util.Set<String> names = new java.util.HashSet<>();
        try {
            new Interpolator(n -> {
                names.add(n);
                return null;
            }, true).interpolate(text, w -> { });
        } catch (InterpolationException e) {
            // malformed from here on: the names before the fault are what can be known
        }
        return names;
    }

    /** True when {@code text} contains a variable reference (not only {@code $$} escapes). */
    public static boolean hasReference(String text) {
        for (int i = 0; i + 1 < text.length(); i++) {
            if (text.charAt(i) == '$') {
                char n = text.charAt(i + 1);
                if (n == '$') {
                    i++;
                } else if (n == '{' || isNameStart(n)) {
                    return true;
                }
            }
        }
        return false;
    }
}
