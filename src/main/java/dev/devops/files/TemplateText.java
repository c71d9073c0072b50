package dev.devops.files;

import java.util.regex.Pattern;

/**
 * Text a template engine renders (Jinja, Go templates, ERB, Liquid, Twig): the source a generator turns into a file, not
 * the file. A Dockerfile, compose file or env file written as one ({@code {% if %}} lines, {@code {{ patch("x") }}} on a
 * line of its own) is linted, if at all, after rendering, not as it stands.
 */
public final class TemplateText {
    private TemplateText() {
    }

    /**
     * A line that is only a template directive or comment: {@code {% if x %}}, {@code {%- endif -%}}, {@code {# note #}},
     * a Go template's {@code {{ if … }}}, {@code {{ end }}} or comment, {@code <% end %>}.
     */
    public static final Pattern DIRECTIVE = Pattern.compile(
            "\\s*(?:\\{%.*%}|\\{#.*#}|\\{\\{-?\\s*(?:/\\*.*\\*/|end|if |else|range |with |define |template ).*}}|<%[^=].*%>)\\s*");

    /** A line that starts with a template tag: {@code {%}, {@code {#}, {@code {{} or {@code <%}. */
    private static final Pattern TAG_LINE = Pattern.compile("(?m)^[ \\t]*(?:\\{[%#{]|<%)");

    /**
     * Whether some line of {@code text} starts with a template tag. No line of a Dockerfile or of YAML does, so a
     * Dockerfile or compose file that does not parse and has one is a template of one.
     */
    public static boolean hasTagLines(CharSequence text) {
        return TAG_LINE.matcher(text).find();
    }
}
