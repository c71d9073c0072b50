package dev.devops.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devops.core.SourceLocation;
import dev.devops.core.UserError;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A docker credential helper ({@code docker-credential-NAME get}): the registry goes to its standard input, the
 * answer {@code {"ServerURL","Username","Secret"}} comes back on its standard output; a registry it holds nothing
 * for is a failure whose output says "credentials not found". Nothing the helper prints is ever shown.
 */
final class CredentialHelper {
    /** How long a helper may take (a keychain prompt answered by a user is slower than this: it is refused). */
    static final long TIMEOUT_SECONDS = 30;
    /** The user name with which a helper returns an identity token instead of a password. */
    private static final String TOKEN_USER = "<token>";

    private CredentialHelper() {
    }

    /** The user and password {@code helper} stores for {@code host}, trying the bare host then its https URL. */
    static Optional<Map.Entry<String, String>> get(Path config, String helper, String host, String searchPath) {
        String program = "docker-credential-" + helper;
        Path exe = find(program, searchPath).orElseThrow(() -> new UserError(SourceLocation.of(config),
                "the credential helper " + program + " it names is not on PATH",
                "install it, remove \"" + helper + "\" from the file, or set " + RegistryCredentials.USER_VAR
                        + " and " + RegistryCredentials.PASSWORD_VAR));
        for (String server : List.of(host, "https://" + host)) {
            Optional<Map.Entry<String, String>> found = ask(config, exe, program, server);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Map.Entry<String, String>> ask(Path config, Path exe, String program, String server) {
        Process p;
        try {
            p = new ProcessBuilder(exe.toString(), "get").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UserError(SourceLocation.of(config), "the credential helper " + program + " could not be started ("
                    + e.getMessage() + ")", "check that it is executable");
        }
        byte[] out;
        try (OutputStream in = p.getOutputStream()) {
            in.write(server.getBytes(StandardCharsets.UTF_8));
        } catch (IOException broken) {
            // a helper that exits without reading its input answers through its exit code below
        }
        try (InputStream stdout = p.getInputStream()) {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new UserError(SourceLocation.of(config), "the credential helper " + program + " did not answer within "
                        + TIMEOUT_SECONDS + " s", "unlock its store, or set " + RegistryCredentials.USER_VAR + " and "
                        + RegistryCredentials.PASSWORD_VAR);
            }
            out = stdout.readNBytes(1 << 20);
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            p.destroyForcibly();
            throw new UserError(SourceLocation.of(config), "the credential helper " + program + " failed", "run "
                    + program + " get by hand to see why");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            if (text.toLowerCase(java.util.Locale.ROOT).contains("credentials not found")) {
                return Optional.empty();
            }
            throw new UserError(SourceLocation.of(config), "the credential helper " + program + " failed (exit "
                    + p.exitValue() + ")", "run echo " + server + " | " + program + " get by hand to see why");
        }
        JsonNode answer;
        try {
            answer = new ObjectMapper().readTree(text);
        } catch (IOException notJson) {
            answer = null;
        }
        if (answer == null || !answer.path("Secret").isTextual()) {
            throw new UserError(SourceLocation.of(config), "the credential helper " + program
                    + " answered something that is not its JSON protocol", "check the helper's version");
        }
        String user = answer.path("Username").asText("");
        if (TOKEN_USER.equals(user)) {
            throw new UserError(SourceLocation.of(config), "the credential helper " + program + " holds an identity token for "
                    + server + ", which devops cannot use", "set " + RegistryCredentials.USER_VAR + " and "
                    + RegistryCredentials.PASSWORD_VAR + " (a registry access token as the password)");
        }
        return Optional.of(Map.entry(user, answer.path("Secret").asText()));
    }

    private static Optional<Path> find(String program, String searchPath) {
        for (String d : searchPath.split(File.pathSeparator)) {
            if (d.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(d, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
