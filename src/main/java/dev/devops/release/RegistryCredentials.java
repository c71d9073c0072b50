package dev.devops.release;

import dev.devops.core.InputFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devops.core.SourceLocation;
import dev.devops.core.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registry credentials: {@code DEVOPS_REGISTRY_USER} / {@code DEVOPS_REGISTRY_PASSWORD}, else what
 * {@code ~/.docker/config.json} says for the registry ({@code DOCKER_CONFIG} names another directory), in the
 * docker CLI's order: the registry's credential helper ({@code credHelpers}), else the default credential store
 * ({@code credsStore}), else the {@code auths} entry {@code docker login} writes. A helper is the program
 * {@code docker-credential-NAME} on {@code PATH}, run as {@code docker-credential-NAME get} with the registry
 * on its standard input. {@link #toString()} never shows the password.
 */
public final class RegistryCredentials {
    public static final String USER_VAR = "DEVOPS_REGISTRY_USER";
    public static final String PASSWORD_VAR = "DEVOPS_REGISTRY_PASSWORD";
    private final String user;
    private final String password;

    private RegistryCredentials(String user, String password) {
        this.user = user;
        this.password = password;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The credentials for {@code host}, or empty for anonymous access. */
    public static Optional<RegistryCredentials> resolve(String host, Map<String, String> env) {
        String u = env.get(USER_VAR);
        String p = env.get(PASSWORD_VAR);
        if (u != null && !u.isEmpty()) {
            if (p == null) {
                throw new UserError(null, USER_VAR + " is set but " + PASSWORD_VAR + " is not", "set both, or neither");
            }
            return Optional.of(new RegistryCredentials(u, p));
        }
        String dir = env.get("DOCKER_CONFIG");
        Path config = dir != null && !dir.isEmpty() ? Path.of(dir, "config.json")
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".docker", "config.json");
        String path = env.containsKey("PATH") ? env.get("PATH") : System.getenv("PATH");
        return fromDockerConfig(config, host, path == null ? "" : path);
    }

    static Optional<RegistryCredentials> fromDockerConfig(Path config, String host, String searchPath) {
        if (!Files.isRegularFile(config)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(InputFiles.readText(config, InputFiles.MAX_CONFIG_BYTES));
        } catch (IOException e) {
            throw new UserError(SourceLocation.of(config), "not valid JSON", "fix it, or run docker login again");
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        JsonNode perRegistry = root.path("credHelpers").path(host);
        String helper = perRegistry.isTextual() && !perRegistry.asText().isBlank() ? perRegistry.asText()
                : root.path("credsStore").isTextual() && !root.path("credsStore").asText().isBlank() ? root.path("credsStore").asText()
                : null;
        if (helper != null) {
            Optional<RegistryCredentials> stored = CredentialHelper.get(config, helper, host, searchPath)
                    .map(c -> new RegistryCredentials(c.getKey(), c.getValue()));
            if (stored.isPresent()) {
                return stored;
            }
        }
        JsonNode auths = root.get("auths");
        if (auths == null) {
            return Optional.empty();
        }
        for (String key : List.of(host, "https://" + host, "http://" + host, "https://" + host + "/v2/", "https://" + host + "/v1/")) {
            JsonNode e = auths.get(key);
            if (e == null) {
                continue;
            }
            if (e.hasNonNull("auth") && !e.get("auth").asText().isEmpty()) {
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(e.get("auth").asText().strip()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException bad) {
                    throw new UserError(SourceLocation.of(config), "the auth entry of " + key + " is not base64",
                            "run docker login " + host + " again");
                }
                int colon = decoded.indexOf(':');
                if (colon < 0) {
                    throw new UserError(SourceLocation.of(config), "the auth entry of " + key + " is not user:password",
                            "run docker login " + host + " again");
                }
                return Optional.of(new RegistryCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
            }
            if (e.hasNonNull("username") && e.hasNonNull("password")) {
                return Optional.of(new RegistryCredentials(e.get("username").asText(), e.get("password").asText()));
            }
        }
        return Optional.empty();
    }

    /** The value of an HTTP Basic authorization header. */
    String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return user + ":****";
    }
}
