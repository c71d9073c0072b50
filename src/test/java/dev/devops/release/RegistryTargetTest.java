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

    @Test
    void imageNames() {
        assertEquals("host:5000/a/web", ImageNames.repository("host:5000/a/web:1.0"));
        assertEquals("web", ImageNames.repository("web@sha256:abc"));
        assertEquals("host:5000/a/web", ImageNames.repository("host:5000/a/web"));
        assertEquals("web", ImageNames.name("host:5000/a/web"));
    }
}
