package dev.devops.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry's HTTP API (distribution v2, as the CNCF registry, Docker Hub, GHCR and the cloud
 * registries speak it): tags, manifest digests, the image config's labels, and retagging by
 * digest (a manifest fetched by digest, checked against it, and put under a new tag: no image is
 * pulled, rebuilt or pushed again). Basic and bearer-token authentication; credentials are sent only
 * to the registry and its token service, and never appear in a message.
 */
public final class RegistryClient {
    static final String ACCEPT = String.join(", ",
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.oci.image.index.v1+json");
    private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistryTarget target;
    private final RegistryCredentials credentials;
    private final HttpClient http;
    private final String base;
    private String authorization;

    /** A manifest as the registry serves it: its bytes are what the digest is over. */
    public record Manifest(byte[] bytes, String mediaType, String digest) {
    }

    public RegistryClient(RegistryTarget target, Optional<RegistryCredentials> credentials) {
        this.target = target;
        this.credentials = credentials.orElse(null);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.base = (target.plainHttp() ? "http://" : "https://") + target.host() + "/v2/";
    }

    public RegistryTarget target() {
        return target;
    }

    /** The digest {@code name:reference} resolves to, or empty when the registry has no such tag. */
    public Optional<String> digest(String name, String reference) {
        HttpResponse<byte[]> r = send("HEAD", "manifests/" + reference, name, null, null, "pull");
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        expect(r, 200, "resolving " + name + ":" + reference);
        Optional<String> d = r.headers().firstValue("Docker-Content-Digest");
        if (d.isPresent()) {
            return d;
        }
        return Optional.of(manifest(name, reference).orElseThrow().digest());
    }

    /**
     * The manifest {@code name:reference}, or empty when there is none. Fetched by digest, its bytes
     * are checked against the digest (a registry or proxy that serves other bytes is refused).
     */
    public Optional<Manifest> manifest(String name, String reference) {
        HttpResponse<byte[]> r = send("GET", "manifests/" + reference, name, null, null, "pull");
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        expect(r, 200, "reading the manifest of " + name + ":" + reference);
        String computed = Hashes.of(r.body());
        if (reference.startsWith("sha256:") && !reference.equals(computed)) {
            throw new RegistryException("registry " + target.host() + " served " + name + "@" + reference
                    + " with content of digest " + computed + ": refusing it", false, null);
        }
        String type = r.headers().firstValue("Content-Type").orElse("application/vnd.docker.distribution.manifest.v2+json");
        return Optional.of(new Manifest(r.body(), type, computed));
    }

    /** Puts {@code m} under {@code name:tag} and returns the digest the registry reports for it. */
    public String putManifest(String name, String tag, Manifest m) {
        HttpResponse<byte[]> r = send("PUT", "manifests/" + tag, name, m.bytes(), m.mediaType(), "pull,push");
        expect(r, 201, "tagging " + name + ":" + tag);
        return r.headers().firstValue("Docker-Content-Digest").orElse(m.digest());
    }

    /** The tags of repository {@code name}; empty when the repository does not exist. */
    public List<String> tags(String name) {
        List<String> out = new ArrayList<>();
        String path = "tags/list?n=1000";
        while (path != null) {
            HttpResponse<byte[]> r = send("GET", path, name, null, null, "pull");
            if (r.statusCode() == 404) {
                return out;
            }
            expect(r, 200, "listing the tags of " + name);
            JsonNode tags = readJson(r.body(), "the tag list of " + name).get("tags");
            if (tags != null && tags.isArray()) {
                tags.forEach(t -> out.add(t.asText()));
            }
            path = r.headers().firstValue("Link").map(RegistryClient::nextPage).orElse(null);
        }
        return out;
    }

    /**
     * The image config digest of {@code name@digest} (an index: its first image's), which is the image id
     * the engine gives the same image; null when the manifest has no config.
     */
    public String configDigest(String name, String digest) {
        Manifest m = manifest(name, digest).orElseThrow(() -> new RegistryException(
                "registry " + target.host() + " has no manifest " + name + "@" + digest, false, null));
        JsonNode root = readJson(m.bytes(), "the manifest of " + name);
        if (root.has("manifests") && root.get("manifests").size() > 0) {
            return configDigest(name, root.get("manifests").get(0).get("digest").asText());
        }
        JsonNode config = root.get("config");
        return config == null || !config.hasNonNull("digest") ? null : config.get("digest").asText();
    }

    /** The labels of the image {@code name@digest} (its config's {@code Labels}); an index's first image. */
    public Map<String, String> labels(String name, String digest) {
        String config = configDigest(name, digest);
        if (config == null) {
            return Map.of();
        }
        HttpResponse<byte[]> r = send("GET", "blobs/" + config, name, null, null, "pull");
        expect(r, 200, "reading the image config of " + name + "@" + digest);
        JsonNode labels = readJson(r.body(), "the image config of " + name).path("config").path("Labels");
        Map<String, String> out = new LinkedHashMap<>();
        labels.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static String nextPage(String link) {
        Matcher m = Pattern.compile("<([^>]+)>").matcher(link);
        if (!m.find()) {
            return null;
        }
        String next = m.group(1);
        int i = next.indexOf("/tags/list");
        return i < 0 ? null : next.substring(i + 1);
    }

    private HttpResponse<byte[]> send(String method, String path, String name, byte[] body, String contentType, String actions) {
        String url = base + target.path(name) + "/" + path;
        HttpResponse<byte[]> r = exchange(method, url, body, contentType, authorization);
        if (r.statusCode() == 401) {
            String challenge = r.headers().firstValue("WWW-Authenticate").orElse("");
            authorization = authorize(challenge, name, actions);
            if (authorization != null) {
                r = exchange(method, url, body, contentType, authorization);
            }
            if (r.statusCode() == 401) {
                throw new RegistryException("registry " + target.host() + " refused the credentials for " + name
                        + (credentials == null ? " (none given)" : " (user " + credentials.user() + ")")
                        + ": run docker login " + target.host() + " or set " + RegistryCredentials.USER_VAR
                        + " and " + RegistryCredentials.PASSWORD_VAR, false, null);
            }
        }
        return r;
    }

    private HttpResponse<byte[]> exchange(String method, String url, byte[] body, String contentType, String auth) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Accept", ACCEPT);
        if (auth != null) {
            b.header("Authorization", auth);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException | HttpTimeoutException e) {
            throw unreachable(e);
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted while talking to registry " + target.host(), false, e);
        }
    }

    private RegistryException unreachable(Exception e) {
        String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        return new RegistryException("registry " + target.host() + " is not reachable (" + why.lines().findFirst().orElse(why)
                + "): start it, or check --registry and the network", true, e);
    }

    /** The Authorization value answering {@code challenge}, or null when none can be made. */
    private String authorize(String challenge, String name, String actions) {
        String lower = challenge.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("basic")) {
            return credentials == null ? null : credentials.basic();
        }
        if (!lower.startsWith("bearer")) {
            return null;
        }
        Map<String, String> p = new LinkedHashMap<>();
        Matcher m = CHALLENGE_PARAM.matcher(challenge);
        while (m.find()) {
            p.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2));
        }
        String realm = p.get("realm");
        if (realm == null) {
            return null;
        }
        String scope = p.getOrDefault("scope", "repository:" + target.path(name) + ":" + actions);
        StringBuilder url = new StringBuilder(realm).append(realm.contains("?") ? "&" : "?");
        if (p.containsKey("service")) {
            url.append("service=").append(URLEncoder.encode(p.get("service"), StandardCharsets.UTF_8)).append('&');
        }
        url.append("scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        HttpResponse<byte[]> r = exchange("GET", url.toString(), null, null, credentials == null ? null : credentials.basic());
        if (r.statusCode() != 200) {
            return null;
        }
        JsonNode t = readJson(r.body(), "the token answer of " + target.host());
        String token = t.hasNonNull("token") ? t.get("token").asText() : t.path("access_token").asText(null);
        return token == null ? null : "Bearer " + token;
    }

    private void expect(HttpResponse<byte[]> r, int status, String what) {
        if (r.statusCode() == status || (status == 200 && r.statusCode() == 200)) {
            return;
        }
        String body = new String(r.body(), StandardCharsets.UTF_8);
        String msg = "";
        try {
            JsonNode errors = JSON.readTree(body).path("errors");
            if (errors.isArray() && errors.size() > 0) {
                msg = errors.get(0).path("code").asText("") + " " + errors.get(0).path("message").asText("");
            }
        } catch (IOException | RuntimeException e) {
            msg = body.lines().findFirst().orElse("").strip();
        }
        throw new RegistryException(what + " in registry " + target.host() + " failed: HTTP " + r.statusCode()
                + (msg.isBlank() ? "" : " " + msg.strip()), false, null);
    }

    private static JsonNode readJson(byte[] body, String what) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new RegistryException(what + " is not JSON", false, e);
        }
    }
}
