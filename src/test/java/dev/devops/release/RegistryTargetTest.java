package dev.devops.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devops.core.UserError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryTargetTest {
    @TempDir
    Path dir;

    @Test
    void hostPortAndNamespace() {
        RegistryTarget t = RegistryTarget.parse("127.0.0.1:5000/team/apps/");
        assertEquals("127.0.0.1:5000", t.host());
        assertEquals("127.0.0.1:5000/team/apps/web", t.repository("web"));
        assertEquals("team/apps/web", t.path("web"));
        assertTrue(t.plainHttp());
        assertFalse(RegistryTarget.parse("registry.example.com/shop").plainHttp());
        assertTrue(RegistryTarget.parse("localhost:5000/x").plainHttp());
    }

    @Test
    void aMalformedRegistryIsAUserError() {
        for (String bad : new String[] {"", "registry.example.com", "host/UPPER", "ho st/x", "host//x"}) {
            UserError e = assertThrows(UserError.class, () -> RegistryTarget.parse(bad), bad);
            assertTrue(e.oneLine().contains("HOST[:PORT]/NAMESPACE"), e.oneLine());
        }
    }

    @Test
    void credentialsFromTheEnvironmentFirstThenDockerConfig() throws Exception {
        String pw = "p" + "w-" + System.nanoTime();
        RegistryCredentials c = RegistryCredentials.resolve("reg:5000",
                Map.of(RegistryCredentials.USER_VAR, "ci", RegistryCredentials.PASSWORD_VAR, pw)).orElseThrow();
        assertEquals("ci", c.user());
        assertFalse(c.toString().contains(pw));
        assertThrows(UserError.class, () -> RegistryCredentials.resolve("reg:5000", Map.of(RegistryCredentials.USER_VAR, "ci")));

        Path docker = dir.resolve("docker");
        Files.createDirectories(docker);
        String auth = Base64.getEncoder().encodeToString(("bob:" + pw).getBytes(StandardCharsets.UTF_8));
        Files.writeString(docker.resolve("config.json"), "{\"auths\":{\"https://reg:5000\":{\"auth\":\"" + auth + "\"}}}");
        RegistryCredentials fromFile = RegistryCredentials.resolve("reg:5000", Map.of("DOCKER_CONFIG", docker.toString())).orElseThrow();
        assertEquals("bob", fromFile.user());
        assertEquals(pw, fromFile.password());
        assertTrue(RegistryCredentials.resolve("other:5000", Map.of("DOCKER_CONFIG", docker.toString())).isEmpty());
        Files.writeString(docker.resolve("config.json"), "{ broken");
        UserError e = assertThrows(UserError.class, () -> RegistryCredentials.resolve("reg:5000", Map.of("DOCKER_CONFIG", docker.toString())));
        assertTrue(e.oneLine().contains("config.json"), e.oneLine());
    }

    /** A real credential helper program (the protocol docker-credential-* programs speak), on a PATH of its own. */
    private Path helper(String name, String body) throws Exception {
        Path bin = dir.resolve("bin");
        Files.createDirectories(bin);
        Path exe = bin.resolve("docker-credential-" + name);
        Files.writeString(exe, "#!/bin/sh\n[ \"$1\" = get ] || exit 9\nread -r server\n" + body);
        assertTrue(exe.toFile().setExecutable(true));
        return bin;
    }

    @Test
    void credentialHelpersAreAskedInTheDockerClisOrder() throws Exception {
        String pw = "h" + "elper-" + System.nanoTime();
        Path bin = helper("teststore", "case \"$server\" in\n"
                + "  reg:5000) printf '{\"ServerURL\":\"%s\",\"Username\":\"alice\",\"Secret\":\"" + pw + "\"}' \"$server\";;\n"
                + "  https://other:5000) printf '{\"ServerURL\":\"%s\",\"Username\":\"carol\",\"Secret\":\"x\"}' \"$server\";;\n"
                + "  tok:5000) printf '{\"ServerURL\":\"%s\",\"Username\":\"<token>\",\"Secret\":\"t\"}' \"$server\";;\n"
                + "  broken:5000) echo 'keychain locked' >&2; exit 3;;\n"
                + "  *) echo 'credentials not found in native keychain'; exit 1;;\nesac\n");
        helper("perhost", "printf '{\"ServerURL\":\"%s\",\"Username\":\"dave\",\"Secret\":\"d\"}' \"$server\"\n");
        Path docker = dir.resolve("docker");
        Files.createDirectories(docker);
        String auth = Base64.getEncoder().encodeToString("bob:filepw".getBytes(StandardCharsets.UTF_8));
        Files.writeString(docker.resolve("config.json"), "{\"credsStore\":\"teststore\",\"credHelpers\":{\"special:5000\":\"perhost\"},"
                + "\"auths\":{\"reg:5000\":{},\"plain:5000\":{\"auth\":\"" + auth + "\"}}}");
        Map<String, String> env = Map.of("DOCKER_CONFIG", docker.toString(), "PATH", bin.toString());

        RegistryCredentials store = RegistryCredentials.resolve("reg:5000", env).orElseThrow();
        assertEquals("alice", store.user());
        assertEquals(pw, store.password());
        assertFalse(store.toString().contains(pw));
        // the registry's own helper before the default store; the https URL tried after the bare host
        assertEquals("dave", RegistryCredentials.resolve("special:5000", env).orElseThrow().user());
        assertEquals("carol", RegistryCredentials.resolve("other:5000", env).orElseThrow().user());
        // nothing in the store: the auths entry, then anonymous
        assertEquals("bob", RegistryCredentials.resolve("plain:5000", env).orElseThrow().user());
        assertTrue(RegistryCredentials.resolve("nowhere:5000", env).isEmpty());
        // a failing helper, an identity token, a helper missing from PATH: one-line input errors naming the config
        for (String host : new String[] {"broken:5000", "tok:5000"}) {
            UserError e = assertThrows(UserError.class, () -> RegistryCredentials.resolve(host, env), host);
            assertTrue(e.oneLine().contains("config.json") && e.oneLine().contains("docker-credential-teststore"), e.oneLine());
            assertFalse(e.oneLine().contains("keychain locked"), e.oneLine());
        }
        UserError missing = assertThrows(UserError.class,
                () -> RegistryCredentials.resolve("reg:5000", Map.of("DOCKER_CONFIG", docker.toString(), "PATH", dir.toString())));
        assertTrue(missing.oneLine().contains("not on PATH"), missing.oneLine());
    }

    @Test
    void imageNames() {
        assertEquals("host:5000/a/web", ImageNames.repository("host:5000/a/web:1.0"));
        assertEquals("web", ImageNames.repository("web@sha256:abc"));
        assertEquals("host:5000/a/web", ImageNames.repository("host:5000/a/web"));
        assertEquals("web", ImageNames.name("host:5000/a/web"));
    }
}
