package dev.devops.yaml;

import dev.devops.core.SourceLocation;
import dev.devops.core.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * A YAML node with its location. The typed accessors throw a {@link UserError} naming the file, line
 * and column, what was found and what is allowed. {@code path} is the dotted path used in messages
 * ("apps.web.port").
 */
public final class YNode {
    private final Path file;
    private final Node node;
    private final String path;

    YNode(Path file, Node node, String path) {
        this.file = file;
        this.node = node;
        this.path = path;
    }

    public Path file() {
        return file;
    }

    /** Dotted path of this node in the document, or "" for the root. */
    public String path() {
        return path == null ? "" : path;
    }

    public SourceLocation location() {
        if (node == null) {
            return SourceLocation.of(file);
        }
        Optional<Mark> m = node.getStartMark();
        return m.map(mark -> new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1))
                .orElse(SourceLocation.of(file));
    }

    public boolean isNull() {
        return node == null || (node instanceof ScalarNode s && Tag.NULL.equals(s.getTag()));
    }

    public boolean isMap() {
        return node instanceof MappingNode;
    }

    public boolean isList() {
        return node instanceof SequenceNode;
    }

    /** A scalar that YAML reads as a string (quoted, or plain and not a number, boolean or null). */
    public boolean isText() {
        return node instanceof ScalarNode s && Tag.STR.equals(s.getTag());
    }

    /** A scalar that YAML reads as true or false. */
    public boolean isBool() {
        return node instanceof ScalarNode s && Tag.BOOL.equals(s.getTag());
    }

    public boolean isScalar() {
        return node instanceof ScalarNode && !isNull();
    }

    /** The YAML type name used in messages: mapping, list, string, number, boolean or null. */
    public String kind() {
        if (isNull()) {
            return "null";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        Tag tag = node.getTag();
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            return "a number";
        }
        if (Tag.BOOL.equals(tag)) {
            return "a boolean";
        }
        return "a string";
    }

    public UserError error(String message, String hint) {
        SourceLocation loc = location();
        return new UserError(loc, message, hint);
    }

    private String label() {
        return path == null || path.isEmpty() ? "the document" : "'" + path + "'";
    }

    /** Any scalar as text (numbers and booleans as written). */
    public String asText() {
        if (!(node instanceof ScalarNode s) || isNull()) {
            throw error(label() + " must be a string, found " + kind(), "write a plain value");
        }
        return s.getValue();
    }

    /** A scalar written as a string (quoted or plain); numbers are accepted and kept as written. */
    public String asString() {
        return asText();
    }

    public int asInt(int min, int max) {
        if (!(node instanceof ScalarNode s) || !Tag.INT.equals(s.getTag())) {
            throw error(label() + " must be a whole number, found " + kind(),
                    "write a number between " + min + " and " + max);
        }
        long v;
        try {
            v = Long.parseLong(s.getValue().replace("_", ""));
        } catch (NumberFormatException e) {
            throw error(label() + " must be a whole number, found '" + s.getValue() + "'",
                    "write a number between " + min + " and " + max);
        }
        if (v < min || v > max) {
            throw error(label() + " is " + v + ", out of range", "allowed: " + min + " to " + max);
        }
        return (int) v;
    }

    public boolean asBool() {
        if (!(node instanceof ScalarNode s) || !Tag.BOOL.equals(s.getTag())) {
            throw error(label() + " must be true or false, found " + kind(), "write true or false");
        }
        return Boolean.parseBoolean(s.getValue().toLowerCase(java.util.Locale.ROOT));
    }

    /** A string that must be one of {@code allowed}. */
    public String asEnum(Collection<String> allowed) {
        String v = asText();
        if (!allowed.contains(v)) {
            String near = Suggest.closest(v, allowed);
            throw error(label() + " is '" + v + "', which is not allowed",
                    "allowed: " + String.join(", ", allowed) + (near == null ? "" : " (did you mean '" + near + "'?)"));
        }
        return v;
    }

    public List<YNode> asList() {
        if (!(node instanceof SequenceNode seq)) {
            throw error(label() + " must be a list, found " + kind(), "write a YAML list ('- item' lines)");
        }
        List<YNode> out = new ArrayList<>();
        int i = 0;
        for (Node n : seq.getValue()) {
            out.add(new YNode(file, n, path() + "[" + i++ + "]"));
        }
        return out;
    }

    /** A list of strings, or a single string accepted as a one-element list. */
    public List<String> asStringList() {
        if (isScalar()) {
            return List.of(asText());
        }
        List<String> out = new ArrayList<>();
        for (YNode n : asList()) {
            out.add(n.asText());
        }
        return out;
    }

    /** This node as a mapping with no key restrictions. Merge keys ({@code <<}) are applied. */
    public YMap asMap() {
        return asMapInternal(null);
    }

    /** This node as a mapping whose keys must be in {@code allowed}; unknown keys are errors. */
    public YMap asMap(Collection<String> allowed) {
        return asMapInternal(allowed, e -> {
            throw e;
        });
    }

    /**
     * This node as a mapping whose keys must be in {@code allowed}: an unknown or duplicate key goes to
     * {@code problems} and is left out, so that a caller can go on and report every problem of a file in one run.
     */
    public YMap asMap(Collection<String> allowed, java.util.function.Consumer<dev.devops.core.UserError> problems) {
        return asMapInternal(allowed, problems);
    }

    private YMap asMapInternal(Collection<String> allowed) {
        return asMapInternal(allowed, e -> {
            throw e;
        });
    }

    private YMap asMapInternal(Collection<String> allowed, java.util.function.Consumer<dev.devops.core.UserError> problems) {
        if (!(node instanceof MappingNode map)) {
            throw error(label() + " must be a mapping, found " + kind(), "write 'key: value' lines");
        }
        Map<String, YNode> entries = new LinkedHashMap<>();
        Map<String, YNode> keys = new LinkedHashMap<>();
        Map<String, YNode> explicit = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && "<<".equals(k.getValue())) {
                YNode merged = new YNode(file, t.getValueNode(), path);
                List<YNode> sources = merged.isList() ? merged.asList() : List.of(merged);
                for (YNode src : sources) {
                    YMap m = src.asMap();
                    for (String key : m.keys()) {
                        entries.putIfAbsent(key, m.get(key));
                        keys.putIfAbsent(key, m.keyNode(key));
                    }
                }
                continue;
            }
            YNode keyNode = new YNode(file, t.getKeyNode(), path);
            if (!(t.getKeyNode() instanceof ScalarNode)) {
                throw keyNode.error("keys of " + label() + " must be plain strings", "quote the key");
            }
            String key = ((ScalarNode) t.getKeyNode()).getValue();
            String childPath = path == null || path.isEmpty() ? key : path + "." + key;
            if (allowed != null && !allowed.contains(key)) {
                String near = Suggest.closest(key, allowed);
                problems.accept(keyNode.error("unknown key '" + key + "' in " + label(),
                        (near == null ? "" : "did you mean '" + near + "'? ") + "allowed: " + String.join(", ", allowed)));
                continue;
            }
            YNode previous = explicit.get(key);
            if (previous != null) {
                problems.accept(keyNode.error("duplicate key '" + key + "' in " + label() + " (first at line "
                        + previous.location().line() + ")", "remove one of the two"));
                continue;
            }
            explicit.put(key, keyNode);
            entries.put(key, new YNode(file, t.getValueNode(), childPath));
            keys.put(key, keyNode);
        }
        return new YMap(this, entries, keys);
    }

    /** The raw snakeyaml node, for the rare caller that needs style or tag details. */
    public Node raw() {
        return node;
    }
}
