package dev.devops.release;

import dev.devops.core.UserError;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where artifacts are pushed: {@code HOST[:PORT]/NAMESPACE} (the namespace may have several segments).
 * An app image {@code NAME} lives at {@code HOST[:PORT]/NAMESPACE/NAME}.
 *
 * @param host      registry host and optional port
 * @param namespace the path under it, without slashes at either end
 */
public record RegistryTarget(String host, String namespace) {
    private static final Pattern HOST = Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\\.[A-Za-z0-9-]+)*(?::[0-9]{1,5})?|\\[[0-9a-fA-F:]+\\](?::[0-9]{1,5})?");
    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");

    /** Parses {@code --registry}; a malformed value is a UserError saying the expected form. */
    public static RegistryTarget parse(String value) {
        String v = value == null ? "" : value.strip();
        v = v.replaceFirst("^[a-zA-Z]+://", "");
        while (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        int slash = v.indexOf('/');
        String host = slash < 0 ? v : v.substring(0, slash);
        String ns = slash < 0 ? "" : v.substring(slash + 1);
        if (host.isEmpty() || !HOST.matcher(host).matches() || ns.isEmpty() || !validNamespace(ns)) {
            throw new UserError(null, "--registry '" + value + "' is not HOST[:PORT]/NAMESPACE",
                    "give e.g. 127.0.0.1:5000/myteam or registry.example.com/shop (lower-case namespace)");
        }
        return new RegistryTarget(host.toLowerCase(Locale.ROOT), ns);
    }

    private static boolean validNamespace(String ns) {
        for (String seg : ns.split("/", -1)) {
            if (!SEGMENT.matcher(seg).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The repository path inside the registry ({@code NAMESPACE/NAME}). */
    public String path(String name) {
        return namespace + "/" + name;
    }

    /** The full repository ({@code HOST/NAMESPACE/NAME}), as the engine names it. */
    public String repository(String name) {
        return host + "/" + path(name);
    }

    /** Loopback registries speak plain HTTP (the engine allows that for 127.0.0.0/8 only); others HTTPS. */
    public boolean plainHttp() {
        String h = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.replaceFirst(":[0-9]+$", "");
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]");
    }

    @Override
    public String toString() {
        return host + "/" + namespace;
    }
}
