package dev.devops.yaml;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A YAML mapping with its entries' and keys' locations. Keys keep document order. */
public final class YMap {
    private final YNode self;
    private final Map<String, YNode> entries;
    private final Map<String, YNode> keys;

    YMap(YNode self, Map<String, YNode> entries, Map<String, YNode> keys) {
        this.self = self;
        this.entries = entries;
        this.keys = keys;
    }

    public YNode node() {
        return self;
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The value of {@code key}, or null when absent. */
    public YNode get(String key) {
        return entries.get(key);
    }

    /** The key node itself (its location is the key's, not the value's). */
    public YNode keyNode(String key) {
        return keys.get(key);
    }

    /** The value of {@code key} when present and not null. */
    public Optional<YNode> opt(String key) {
        YNode n = entries.get(key);
        return n == null || n.isNull() ? Optional.empty() : Optional.of(n);
    }

    /** The value of a required key, or an error at the mapping naming the missing key. */
    public YNode require(String key, String hint) {
        YNode n = entries.get(key);
        if (n == null || n.isNull()) {
            String where = self.path().isEmpty() ? "the document" : "'" + self.path() + "'";
            throw self.error("missing required key '" + key + "' in " + where, hint);
        }
        return n;
    }

    public Optional<String> string(String key) {
        return opt(key).map(YNode::asText);
    }
}
