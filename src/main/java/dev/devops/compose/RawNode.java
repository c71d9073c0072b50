package dev.devops.compose;

import dev.devops.core.SourceLocation;
import dev.devops.core.UserError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A compose document value after interpolation, before typing: a scalar, a list or a mapping, each
 * with the place it was written. Override files are merged at this level ({@link ComposeMerge}); the
 * typed model is read from the merged tree, and keys nobody types (deploy, logging…) stay as RawNode.
 */
public sealed interface RawNode permits RawNode.Scalar, RawNode.Seq, RawNode.Mapping {
    SourceLocation at();

    /** A YAML type name for messages. */
    String kind();

    /**
     * A scalar.
     *
     * @param value  the value after interpolation (null for YAML null)
     * @param source the text as written, before interpolation
     * @param type   "string", "int", "float", "bool" or "null" as YAML resolved it before interpolation
     */
    record Scalar(String value, String source, String type, SourceLocation at) implements RawNode {
        public boolean isNull() {
            return value == null;
        }

        /**
         * The compose spec's {@code !reset} tag ({@code db-backup: !reset null}, {@code ports: !reset []}): the key is
         * removed from what the files before it set, as if never written.
         */
        public static Scalar reset(SourceLocation at) {
            return new Scalar(null, "!reset", "reset", at);
        }

        public boolean isReset() {
            return "reset".equals(type);
        }

        /** True when the written text referenced a variable ({@code $X} or {@code ${X…}}). */
        public boolean interpolated() {
            return source != null && Interpolator.hasReference(source);
        }

        @Override
        public String kind() {
            return switch (type) {
                case "int", "float" -> "a number";
                case "bool" -> "a boolean";
                case "null", "reset" -> "null";
                default -> "a string";
            };
        }
    }

    /** A list. */
    record Seq(List<RawNode> items, SourceLocation at) implements RawNode {
        public Seq {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A mapping; {@code keyAt} holds each key's own location. */
    record Mapping(Map<String, RawNode> entries, Map<String, SourceLocation> keyAt, SourceLocation at) implements RawNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keyAt = Collections.unmodifiableMap(new LinkedHashMap<>(keyAt));
        }

        public RawNode get(String key) {
            return entries.get(key);
        }

        public boolean has(String key) {
            return entries.containsKey(key);
        }

        /** The location of the key, or of the mapping when absent. */
        public SourceLocation keyLocation(String key) {
            SourceLocation l = keyAt.get(key);
            return l == null ? at : l;
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    static UserError typeError(RawNode node, String path, String expected) {
        return new UserError(node.at(), "'" + path + "' must be " + expected + ", found " + node.kind(),
                "see https://docs.docker.com/reference/compose-file/");
    }

    /** A scalar as text; an error naming {@code path} otherwise. Null scalars give null. */
    static String text(RawNode node, String path) {
        if (node instanceof Scalar s) {
            return s.value();
        }
        throw typeError(node, path, "a string");
    }

    /** A scalar as text that must not be null or missing. */
    static String nonNullText(RawNode node, String path) {
        if (node instanceof Scalar s && s.value() != null) {
            return s.value();
        }
        throw typeError(node, path, "a string");
    }

    static boolean bool(RawNode node, String path) {
        if (node instanceof Scalar s && s.value() != null) {
            String v = s.value().toLowerCase(Locale.ROOT);
            if (v.equals("true") || v.equals("yes") || v.equals("on")) {
                return true;
            }
            if (v.equals("false") || v.equals("no") || v.equals("off")) {
                return false;
            }
        }
        throw typeError(node, path, "true or false");
    }

    static int integer(RawNode node, String path) {
        if (node instanceof Scalar s && s.value() != null) {
            try {
                return Integer.parseInt(s.value().strip());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw typeError(node, path, "a whole number");
    }

    static List<RawNode> list(RawNode node, String path) {
        if (node instanceof Seq s) {
            return s.items();
        }
        throw typeError(node, path, "a list");
    }

    static Mapping map(RawNode node, String path) {
        if (node instanceof Mapping m) {
            return m;
        }
        throw typeError(node, path, "a mapping");
    }

    /** A string or a list of strings, as a list. */
    static List<String> stringOrList(RawNode node, String path) {
        List<String> out = new ArrayList<>();
        if (node instanceof Scalar s) {
            if (s.value() != null) {
                out.add(s.value());
            }
            return out;
        }
        int i = 0;
        for (RawNode item : list(node, path)) {
            out.add(nonNullText(item, path + "[" + i++ + "]"));
        }
        return out;
    }

    /** Plain Java form (String / List / LinkedHashMap) for canonical output and raw consumers. */
    static Object plain(RawNode node) {
        if (node instanceof Scalar s) {
            return s.value();
        }
        if (node instanceof Seq s) {
            List<Object> out = new ArrayList<>();
            s.items().forEach(n -> out.add(plain(n)));
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((Mapping) node).entries().forEach((k, v) -> out.put(k, plain(v)));
        return out;
    }
}
