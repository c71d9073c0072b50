package dev.devops.compose;

import dev.devops.core.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges compose files (base, then each override) the way the compose spec's merge rules say (a key tagged
 * {@code !reset} is removed, one tagged {@code !override} replaced whole):
 * mappings merge key by key; scalars and the command-like keys ({@code command}, {@code entrypoint},
 * {@code healthcheck.test}) are replaced; {@code environment}, {@code labels}, {@code build.args}
 * and friends are merged by name whether written as lists or maps; {@code volumes} are merged by
 * target path, {@code secrets}/{@code configs} by source; {@code ports} and the other sequences are
 * appended without duplicates. Services are normalized first (list forms turned into maps) so the
 * typed reader sees one shape.
 */
final class ComposeMerge {
    /** Keys whose list form {@code KEY=VALUE} is really a mapping. */
    private static final Set<String> KEY_VALUE_LISTS = Set.of("environment", "labels", "annotations", "sysctls",
            "extra_hosts");
    /** Sequences replaced, not appended, by an override. */
    private static final Set<String> REPLACED = Set.of("command", "entrypoint", "test", "dns", "dns_search",
            "tmpfs");

    private ComposeMerge() {
    }

    /** Merges two whole documents (the override wins). */
    static RawNode.Mapping mergeDocuments(RawNode.Mapping base, RawNode.Mapping override) {
        return mergeDocuments(base, override, Set.of());
    }

    /**
     * Merges two whole documents (the override wins); a key written at one of {@code replaced} (the compose spec's
     * {@code !override} tag) takes the override's value whole instead of merging it.
     */
    static RawNode.Mapping mergeDocuments(RawNode.Mapping base, RawNode.Mapping override, Set<SourceLocation> replaced) {
        Map<String, RawNode> out = new LinkedHashMap<>(base.entries());
        Map<String, SourceLocation> keys = new LinkedHashMap<>(base.keyAt());
        for (var e : override.entries().entrySet()) {
            String key = e.getKey();
            RawNode b = out.get(key);
            RawNode o = e.getValue();
            if (isReset(o)) {
                out.remove(key);
                keys.remove(key);
            } else if (key.equals("services") && b instanceof RawNode.Mapping bm && o instanceof RawNode.Mapping om) {
                Map<String, RawNode> services = new LinkedHashMap<>(bm.entries());
                Map<String, SourceLocation> sk = new LinkedHashMap<>(bm.keyAt());
                for (var s : om.entries().entrySet()) {
                    RawNode existing = services.get(s.getKey());
                    if (isReset(s.getValue())) {
                        services.remove(s.getKey());
                        sk.remove(s.getKey());
                    } else if (existing instanceof RawNode.Mapping em && s.getValue() instanceof RawNode.Mapping sm) {
                        services.put(s.getKey(), mergeService(normalizeService(em), normalizeService(sm), replaced));
                    } else {
                        services.put(s.getKey(), s.getValue());
                        sk.put(s.getKey(), om.keyLocation(s.getKey()));
                    }
                }
                out.put(key, new RawNode.Mapping(services, sk, bm.at()));
            } else if (b instanceof RawNode.Mapping bm && o instanceof RawNode.Mapping om
                    && !replaced.contains(override.keyLocation(key))) {
                out.put(key, mergeMaps(bm, om, replaced));
            } else {
                out.put(key, o);
                keys.put(key, override.keyLocation(key));
            }
        }
        return new RawNode.Mapping(out, keys, base.at());
    }

    /** Merges one service definition over another (also used for {@code extends}). */
    static RawNode.Mapping mergeService(RawNode.Mapping base, RawNode.Mapping override) {
        return mergeService(base, override, Set.of());
    }

    private static RawNode.Mapping mergeService(RawNode.Mapping base, RawNode.Mapping override, Set<SourceLocation> replaced) {
        Map<String, RawNode> out = new LinkedHashMap<>(base.entries());
        Map<String, SourceLocation> keys = new LinkedHashMap<>(base.keyAt());
        for (var e : override.entries().entrySet()) {
            String key = e.getKey();
            RawNode b = out.get(key);
            RawNode o = e.getValue();
            keys.put(key, override.keyLocation(key));
            if (isReset(o)) {
                out.remove(key);
                keys.remove(key);
            } else if (b == null || REPLACED.contains(key) || replaced.contains(override.keyLocation(key))) {
                out.put(key, o);
            } else if (key.equals("build") && b instanceof RawNode.Mapping bm && o instanceof RawNode.Mapping om) {
                out.put(key, mergeService(bm, om, replaced));
            } else if (key.equals("healthcheck") && b instanceof RawNode.Mapping bm && o instanceof RawNode.Mapping om) {
                out.put(key, mergeService(bm, om, replaced));
            } else if (key.equals("volumes") && b instanceof RawNode.Seq bs && o instanceof RawNode.Seq os) {
                out.put(key, mergeByKey(bs, os, ComposeMerge::volumeTarget));
            } else if ((key.equals("secrets") || key.equals("configs")) && b instanceof RawNode.Seq bs
                    && o instanceof RawNode.Seq os) {
                out.put(key, mergeByKey(bs, os, ComposeMerge::resourceSource));
            } else if (b instanceof RawNode.Seq bs && o instanceof RawNode.Seq os) {
                out.put(key, mergeByKey(bs, os, ComposeMerge::plainKey));
            } else if (b instanceof RawNode.Mapping bm && o instanceof RawNode.Mapping om) {
                out.put(key, mergeMaps(bm, om, replaced));
            } else {
                out.put(key, o);
            }
        }
        return new RawNode.Mapping(out, keys, base.at());
    }

    static RawNode.Mapping mergeMaps(RawNode.Mapping base, RawNode.Mapping override) {
        return mergeMaps(base, override, Set.of());
    }

    private static RawNode.Mapping mergeMaps(RawNode.Mapping base, RawNode.Mapping override, Set<SourceLocation> replaced) {
        Map<String, RawNode> out = new LinkedHashMap<>(base.entries());
        Map<String, SourceLocation> keys = new LinkedHashMap<>(base.keyAt());
        for (var e : override.entries().entrySet()) {
            RawNode b = out.get(e.getKey());
            RawNode o = e.getValue();
            keys.put(e.getKey(), override.keyLocation(e.getKey()));
            if (isReset(o)) {
                out.remove(e.getKey());
                keys.remove(e.getKey());
            } else if (b instanceof RawNode.Mapping bm && o instanceof RawNode.Mapping om
                    && !replaced.contains(override.keyLocation(e.getKey()))) {
                out.put(e.getKey(), mergeMaps(bm, om, replaced));
            } else {
                out.put(e.getKey(), o);
            }
        }
        return new RawNode.Mapping(out, keys, base.at());
    }

    private static boolean isReset(RawNode n) {
        return n instanceof RawNode.Scalar s && s.isReset();
    }

    /**
     * The document without the {@code !reset} keys no earlier file had to remove (a single file's
     * {@code db-backup-job: !reset null}, an override linted on its own): a reset key is absent.
     */
    static RawNode.Mapping dropResets(RawNode.Mapping m) {
        Map<String, RawNode> out = new LinkedHashMap<>();
        Map<String, SourceLocation> keys = new LinkedHashMap<>();
        boolean changed = false;
        for (var e : m.entries().entrySet()) {
            RawNode v = e.getValue();
            if (isReset(v)) {
                changed = true;
                continue;
            }
            RawNode w = v instanceof RawNode.Mapping vm ? dropResets(vm) : v instanceof RawNode.Seq vs ? dropResets(vs) : v;
            changed |= w != v;
            out.put(e.getKey(), w);
            keys.put(e.getKey(), m.keyLocation(e.getKey()));
        }
        return changed ? new RawNode.Mapping(out, keys, m.at()) : m;
    }

    private static RawNode.Seq dropResets(RawNode.Seq s) {
        List<RawNode> out = new ArrayList<>();
        boolean changed = false;
        for (RawNode v : s.items()) {
            if (isReset(v)) {
                changed = true;
                continue;
            }
            RawNode w = v instanceof RawNode.Mapping vm ? dropResets(vm) : v instanceof RawNode.Seq vs ? dropResets(vs) : v;
            changed |= w != v;
            out.add(w);
        }
        return changed ? new RawNode.Seq(out, s.at()) : s;
    }

    private static RawNode.Seq mergeByKey(RawNode.Seq base, RawNode.Seq override,
            java.util.function.Function<RawNode, String> keyOf) {
        Map<String, RawNode> out = new LinkedHashMap<>();
        int anon = 0;
        for (RawNode n : base.items()) {
            String k = keyOf.apply(n);
            out.put(k == null ? "\0" + anon++ : k, n);
        }
        for (RawNode n : override.items()) {
            String k = keyOf.apply(n);
            out.put(k == null ? "\0" + anon++ : k, n);
        }
        return new RawNode.Seq(new ArrayList<>(out.values()), base.at());
    }

    private static String plainKey(RawNode n) {
        return n instanceof RawNode.Scalar s ? s.value() : String.valueOf(RawNode.plain(n));
    }

    private static String volumeTarget(RawNode n) {
        if (n instanceof RawNode.Scalar s && s.value() != null) {
            ShortVolume v = ShortVolume.parse(s.value());
            return v == null ? s.value() : v.target();
        }
        if (n instanceof RawNode.Mapping m && m.get("target") instanceof RawNode.Scalar t) {
            return t.value();
        }
        return null;
    }

    private static String resourceSource(RawNode n) {
        if (n instanceof RawNode.Scalar s) {
            return s.value();
        }
        if (n instanceof RawNode.Mapping m && m.get("source") instanceof RawNode.Scalar t) {
            return t.value();
        }
        return null;
    }

    /**
     * Turns the list forms of a service into their map forms: {@code environment}/{@code labels}/…
     * lists of {@code K=V}, {@code depends_on} and {@code networks} lists of names; a string
     * {@code env_file} into a list. Nested {@code build.args}/{@code build.labels} too.
     */
    static RawNode.Mapping normalizeService(RawNode.Mapping service) {
        Map<String, RawNode> out = new LinkedHashMap<>(service.entries());
        for (var e : service.entries().entrySet()) {
            String key = e.getKey();
            RawNode v = e.getValue();
            if (KEY_VALUE_LISTS.contains(key) && v instanceof RawNode.Seq seq) {
                out.put(key, keyValueListToMap(seq, key.equals("extra_hosts")));
            } else if ((key.equals("depends_on") || key.equals("networks")) && v instanceof RawNode.Seq seq) {
                Map<String, RawNode> m = new LinkedHashMap<>();
                Map<String, SourceLocation> k = new LinkedHashMap<>();
                for (RawNode item : seq.items()) {
                    String name = RawNode.nonNullText(item, key);
                    {
                        m.put(name, new RawNode.Scalar(null, null, "null", item.at()));
                        k.put(name, item.at());
                    }
                }
                out.put(key, new RawNode.Mapping(m, k, seq.at()));
            } else if (key.equals("env_file") && v instanceof RawNode.Scalar s && s.value() != null) {
                out.put(key, new RawNode.Seq(List.of(s), s.at()));
            } else if (key.equals("build") && v instanceof RawNode.Mapping b) {
                Map<String, RawNode> bo = new LinkedHashMap<>(b.entries());
                for (String sub : List.of("args", "labels")) {
                    if (b.get(sub) instanceof RawNode.Seq seq) {
                        bo.put(sub, keyValueListToMap(seq, false));
                    }
                }
                out.put(key, new RawNode.Mapping(bo, b.keyAt(), b.at()));
            }
        }
        return new RawNode.Mapping(out, service.keyAt(), service.at());
    }

    private static RawNode.Mapping keyValueListToMap(RawNode.Seq seq, boolean hosts) {
        Map<String, RawNode> m = new LinkedHashMap<>();
        Map<String, SourceLocation> k = new LinkedHashMap<>();
        for (RawNode item : seq.items()) {
            if (!(item instanceof RawNode.Scalar s) || s.value() == null) {
                throw RawNode.typeError(item, "list entry", "a 'KEY=VALUE' string");
            }
            String text = s.value();
            String src = s.source() == null ? text : s.source();
            char sep = '=';
            int i = text.indexOf(sep);
            if (hosts && i < 0) {
                sep = ':';
                i = text.indexOf(sep);
            }
            String name = i < 0 ? text : text.substring(0, i);
            RawNode value;
            if (i < 0) {
                value = new RawNode.Scalar(null, null, "null", s.at());
            } else {
                int si = src.indexOf(sep);
                value = new RawNode.Scalar(text.substring(i + 1), si < 0 ? text.substring(i + 1) : src.substring(si + 1),
                        "string", s.at());
            }
            m.put(name.strip(), value);
            k.put(name.strip(), s.at());
        }
        return new RawNode.Mapping(m, k, seq.at());
    }
}
