package dev.devops.core;

/** String literals for the hand-written JSON and YAML writers. */
public final class Quote {
    private Quote() {
    }

    /**
     * A JSON string literal ({@code null} for null): quotes, backslashes and control characters escaped,
     * U+2028 and U+2029 too (JavaScript readers of the output choke on them raw). YAML 1.2 reads the
     * same text as a double-quoted scalar with the same value, so the YAML writers use it as well.
     */
    public static String json(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
