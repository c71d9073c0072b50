package dev.devops.compose;

import dev.devops.core.Quote;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The canonical form of a service's resolved configuration, and its SHA-256, for the
 * {@code com.docker.compose.config-hash} label: {@code up} recreates a container when the hash of its
 * service changed. Like docker compose v2's {@code ServiceHash}, what does not change the container is
 * left out.
 *
 * <p>What goes in: every key of the merged, interpolated service mapping, with mapping keys sorted and
 * list order kept, except {@code build}, {@code pull_policy}, {@code scale}, {@code depends_on},
 * {@code profiles}, {@code extends}, {@code x-*} extensions and {@code deploy.replicas}. The
 * {@code environment} and {@code env_file} keys are replaced by one {@code environment} mapping: the
 * resolved variables (env files overlaid by {@code environment}, pass-through names looked up), sorted,
 * so editing an env file recreates the container. The image ID of a built image is not known here; the
 * engine adds it to the hash itself.
 */
public final class ServiceHash {
    private static final Set<String> EXCLUDED = Set.of("build", "pull_policy", "scale", "depends_on", "profiles",
            "extends", "environment", "env_file");

    private ServiceHash() {
    }

    /** A stable JSON text of the service's configuration (see the class comment for what goes in). */
    public static String canonical(ComposeService service) {
        TreeMap<String, Object> top = new TreeMap<>();
        service.raw().entries().forEach((k, v) -> {
            if (!EXCLUDED.contains(k) && !k.startsWith("x-")) {
                Object plain = RawNode.plain(v);
                if (k.equals("deploy") && plain instanceof Map<?, ?> d) {
                    TreeMap<String, Object> copy = new TreeMap<>();
                    d.forEach((dk, dv) -> copy.put(String.valueOf(dk), dv));
                    copy.remove("replicas");
                    plain = copy;
                }
                top.put(k, plain);
            }
        });
        top.put("environment", new TreeMap<>(service.resolvedEnvironment()));
        StringBuilder sb = new StringBuilder();
        write(top, sb);
        return sb.toString();
    }

    /** The SHA-256 (hex) of {@link #canonical}. */
    public static String hash(ComposeService service) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical(service).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void write(Object o, StringBuilder sb) {
        if (o == null) {
            sb.append("null");
        } else if (o instanceof Map<?, ?> m) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            m.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            sb.append('{');
            boolean first = true;
            for (var e : sorted.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(e.getKey(), sb);
                sb.append(':');
                write(e.getValue(), sb);
            }
            sb.append('}');
        } else if (o instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(l.get(i), sb);
            }
            sb.append(']');
        } else {
            string(String.valueOf(o), sb);
        }
    }

    private static void string(String s, StringBuilder sb) {
        sb.append(Quote.json(s));
    }
}
