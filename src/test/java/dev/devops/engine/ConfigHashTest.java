package dev.devops.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigHashTest {
    private static ServiceSpec.Builder base() {
        return ServiceSpec.builder("api").image("python:3.11-slim").env("A", "1").env("B", "2")
                .healthcheck(HealthcheckSpec.shell("true", Duration.ofSeconds(1), 3)).init(true);
    }

    @Test
    void sameSpecSameHashWhateverTheMapOrder() {
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("B", "2");
        reversed.put("A", "1");
        String h1 = ConfigHash.of(base().build(), "sha256:1");
        assertEquals(h1, ConfigHash.of(base().environment(reversed).build(), "sha256:1"));
        assertEquals(64, h1.length());
    }

    @Test
    void configAndImageChangesChangeTheHashButBuildScaleAndDependsOnDoNot() {
        String h = ConfigHash.of(base().build(), "sha256:1");
        assertNotEquals(h, ConfigHash.of(base().env("A", "changed").build(), "sha256:1"));
        assertNotEquals(h, ConfigHash.of(base().build(), "sha256:2"));
        assertNotEquals(h, ConfigHash.of(base().init(false).build(), "sha256:1"));
        assertNotEquals(h, ConfigHash.of(base().port(PortSpec.local(8080, 80)).build(), "sha256:1"));
        assertEquals(h, ConfigHash.of(base().scale(3).build(), "sha256:1"));
        assertEquals(h, ConfigHash.of(base().dependsOn("db", DependencySpec.healthy()).build(), "sha256:1"));
        assertEquals(h, ConfigHash.of(base().build(BuildSpec.of(Path.of("app"))).build(), "sha256:1"));
        assertTrue(ConfigHash.canonical(base().build(), "x").contains("\"interval\":\"PT1S\""));
    }
}
